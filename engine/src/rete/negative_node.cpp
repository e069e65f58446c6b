// NegativeNode activations (`not` / `exists` on one pattern): exact match records per
// left token, so a retraction only touches the tokens the fact really blocked.
#include "rete/memory.hpp"

namespace maslahat::rete {
namespace {
bool passes_on(bool exists, std::uint32_t count) {
    return exists ? count > 0 : count == 0;
}
}  // namespace

void Memory::negative_left_activate(const Node& n, NodeId id, TokenId t) {
    const NegativeNode& node = net_.negative(n);
    auto& mem = negatives_[n.data];
    const std::size_t h = left_hash(node.spec, t);
    left_add(mem.left, n, h, t);
    std::uint32_t count = 0;
    if (const auto* bucket = mem.right.find(h)) {
        for (const FactId f : *bucket) {
            if (join_passes(node.spec, n, t, f)) {
                mem.records.add(t, f);
                ++count;
            }
        }
    }
    mem.states[t].count = count;
    if (passes_on(node.exists, count)) {
        const TokenId out = tokens_.make(t, id, no_fact, false, Value());
        negatives_[n.data].states[t].output = out;
        for (const NodeId child : n.children) {
            left_activate(child, out);
        }
    }
}

void Memory::negative_right_activate(const Node& n, NodeId id, FactId f) {
    const NegativeNode& node = net_.negative(n);
    for_each_left(negatives_[n.data].left, right_hash(node.spec, f), [&](TokenId t) {
        if (!join_passes(node.spec, n, t, f)) {
            return;
        }
        auto& mem = negatives_[n.data];
        mem.records.add(t, f);
        auto& st = mem.states[t];
        if (++st.count != 1) {
            return;
        }
        if (node.exists) {
            const TokenId out = tokens_.make(t, id, no_fact, false, Value());
            st.output = out;
            for (const NodeId child : n.children) {
                left_activate(child, out);
            }
        } else if (st.output != no_token) {
            const TokenId out = st.output;
            st.output = no_token;
            delete_token(out);
        }
    });
}

void Memory::negative_right_retract(const Node& n, NodeId id, FactId f) {
    const NegativeNode& node = net_.negative(n);
    const std::vector<TokenId> blocked = negatives_[n.data].records.take_fact(f);
    for (const TokenId t : blocked) {
        auto& st = negatives_[n.data].states[t];
        if (--st.count != 0 || tokens_[t].dying) {
            continue;
        }
        if (node.exists) {
            if (st.output != no_token) {
                const TokenId out = st.output;
                st.output = no_token;
                delete_token(out);
            }
        } else {
            const TokenId out = tokens_.make(t, id, no_fact, false, Value());
            st.output = out;
            for (const NodeId child : n.children) {
                left_activate(child, out);
            }
        }
    }
}

void Memory::negative_left_retract(const Node& n, TokenId t) {
    auto& mem = negatives_[n.data];
    left_remove(mem.left, n, left_hash(net_.negative(n).spec, t), t);
    mem.records.take_token(t);
    mem.states.erase(t);
}

}  // namespace maslahat::rete
