// JoinNode activations: hash-indexed left and right memories.
#include "rete/memory.hpp"

namespace maslahat::rete {

void Memory::join_left_activate(const Node& n, NodeId id, TokenId t) {
    const JoinSpec& s = net_.join(n).spec;
    auto& mem = joins_[n.data];
    const std::size_t h = left_hash(s, t);
    left_add(mem.left, h, t);
    // Iterate by position and look the bucket up again each time: emitting may add to other
    // memories (never to this node's right memory), so no copy of the bucket is needed.
    for (std::size_t i = 0;; ++i) {
        const auto* bucket = joins_[n.data].right.find(h);
        if (bucket == nullptr || i >= bucket->size()) {
            return;
        }
        const FactId f = (*bucket)[i];
        if (join_passes(s, n, t, f)) {
            emit(id, t, f, true, Value());
        }
    }
}

void Memory::join_right_activate(const Node& n, NodeId id, FactId f) {
    const JoinSpec& s = net_.join(n).spec;
    for_each_left(joins_[n.data].left, right_hash(s, f), [&](TokenId t) {
        if (join_passes(s, n, t, f)) {
            emit(id, t, f, true, Value());
        }
    });
}

}  // namespace maslahat::rete
