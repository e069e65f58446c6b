#include "rete/fact_table.hpp"

namespace maslahat::rete {

FactTable::FactTable() {
    facts_.emplace_back();  // id 0 is never a fact
}

std::size_t FactTable::hash_of(ir::TemplateIndex template_index, const std::vector<Value>& slots) {
    std::size_t h = template_index * 0x9e3779b97f4a7c15ULL;
    for (const auto& v : slots) {
        h = (h ^ v.hash()) * 0x100000001b3ULL;
    }
    return h;
}

FactId FactTable::add(ir::TemplateIndex template_index, std::vector<Value> slots) {
    const auto id = make_id<FactId>(facts_.size());
    by_content_.emplace(hash_of(template_index, slots), id);
    facts_.push_back(Fact{template_index, std::move(slots), true});
    ++live_count_;
    return id;
}

void FactTable::kill(FactId id) {
    auto& fact = facts_[index(id)];
    if (!fact.live) {
        return;
    }
    fact.live = false;
    --live_count_;
    auto [first, last] = by_content_.equal_range(hash_of(fact.template_index, fact.slots));
    for (auto it = first; it != last; ++it) {
        if (it->second == id) {
            by_content_.erase(it);
            break;
        }
    }
}

FactId FactTable::find_equal(ir::TemplateIndex template_index,
                             const std::vector<Value>& slots) const {
    auto [first, last] = by_content_.equal_range(hash_of(template_index, slots));
    for (auto it = first; it != last; ++it) {
        const auto& fact = facts_[index(it->second)];
        if (fact.template_index == template_index && fact.slots == slots) {
            return it->second;
        }
    }
    return no_fact;
}

}  // namespace maslahat::rete
