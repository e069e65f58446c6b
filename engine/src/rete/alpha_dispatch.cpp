#include "rete/alpha_dispatch.hpp"

#include <algorithm>

namespace maslahat::rete {

const AlphaDispatch::Entry& AlphaDispatch::entry(ir::TemplateIndex t) {
    if (t >= entries_.size()) {
        entries_.resize(std::size_t{t} + 1);
    }
    Entry& e = entries_[t];
    if (e.built) {
        return e;
    }
    e.built = true;
    const std::vector<AlphaId>& alphas = net_.alphas_of(t);
    for (std::uint32_t i = 0; i < alphas.size(); ++i) {
        const Candidate c{i, alphas[i]};
        const auto& tests = net_.alpha(alphas[i]).tests;
        const auto key = std::find_if(tests.begin(), tests.end(), [](const ir::Constraint& k) {
            return k.op == ir::Op::Eq && k.rhs.kind == ir::ExprKind::Literal &&
                   k.rhs.value.kind() != ValueKind::List;
        });
        if (key == tests.end()) {
            e.always.push_back(c);
            continue;
        }
        e.by_key[std::pair{key->slot, key->rhs.value.hash()}].push_back(c);
        if (std::find(e.key_slots.begin(), e.key_slots.end(), key->slot) == e.key_slots.end()) {
            e.key_slots.push_back(key->slot);
        }
    }
    return e;
}

}  // namespace maslahat::rete
