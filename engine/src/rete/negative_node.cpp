// NegativeNode activations (`not` / `exists` on one pattern): a count of matching right
// facts per left token (Token::gate for the node's first child). A retracted fact finds the
// tokens it blocked by testing its left bucket again: facts are immutable, so the join
// gives the answer it gave when the fact was counted, and tokens made after the fact left
// the right memory (serial >= retract_floor_) never counted it.
#include "rete/memory.hpp"

namespace maslahat::rete {
void Memory::negative_left_activate(const Node& n, NodeId id, TokenId t) {
    const NegativeNode& node = net_.negative(n);
    auto& mem = negatives_[n.data];
    const std::size_t h = left_hash(node.spec, t);
    left_add(mem.left, h, t);
    std::uint32_t count = 0;
    if (const auto* bucket = mem.right.find(h)) {
        for (const FactId f : *bucket) {
            if (join_passes(node.spec, n, t, f)) {
                ++count;
            }
        }
    }
    gate(n, t).count = count;
    if (gate_passes(node.exists, count)) {
        gate(n, t).output = pass_on(n, id, t, false, Value());
    }
}

void Memory::negative_right_activate(const Node& n, NodeId id, FactId f, std::size_t h) {
    const NegativeNode& node = net_.negative(n);
    for_each_left(negatives_[n.data].left, h, [&](TokenId t) {
        if (!join_passes(node.spec, n, t, f)) {
            return;
        }
        GateState& st = gate(n, t);
        if (++st.count != 1) {
            return;
        }
        if (node.exists) {
            st.output = pass_on(n, id, t, false, Value());
        } else if (st.output != no_token) {
            const TokenId out = st.output;
            st.output = no_token;
            delete_token(out);
        }
    });
}

void Memory::negative_right_retract(const Node& n, NodeId id, FactId f) {
    const NegativeNode& node = net_.negative(n);
    for_each_left(negatives_[n.data].left, right_hash(node.spec, f), [&](TokenId t) {
        if (tokens_[t].serial >= retract_floor_ || !join_passes(node.spec, n, t, f)) {
            return;
        }
        GateState& st = gate(n, t);
        if (--st.count != 0 || tokens_[t].dying) {
            return;
        }
        if (node.exists) {
            if (st.output != no_token) {
                const TokenId out = st.output;
                st.output = no_token;
                delete_token(out);
            }
        } else {
            st.output = pass_on(n, id, t, false, Value());
        }
    });
}

void Memory::negative_left_retract(const Node& n, TokenId t) {
    auto& mem = negatives_[n.data];
    left_remove(mem.left, net_.negative(n).spec, t);
    if (!mem.left.intrusive()) {
        mem.states.erase(t);
    }
}

}  // namespace maslahat::rete
