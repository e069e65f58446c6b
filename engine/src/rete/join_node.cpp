// JoinNode activations: hash-indexed left and right memories.
#include "rete/memory.hpp"

#include <boost/container/small_vector.hpp>

namespace maslahat::rete {

void Memory::join_left_activate(const Node& n, NodeId id, TokenId t) {
    const JoinSpec& s = net_.join(n).spec;
    auto& mem = joins_[n.data];
    // the token's key values, read once (copies: a token value may move when emitting
    // adds to TokenStore's values)
    boost::container::small_vector<Value, 4> left;
    std::size_t h = 0;
    for (const JoinKey& k : s.keys) {
        left.push_back(left_value(k, t));
        h = join_key_mix(h, left.back().hash());
    }
    left_add(mem.left, h, t);
    // Emitting adds only to the memories of nodes below this one, never to this node's
    // right memory, so the bucket stays where it is while the loop runs.
    const auto* bucket = mem.right.find(h);
    if (bucket == nullptr) {
        return;
    }
    for (const FactId f : *bucket) {
        if (join_keys_match(s, {left.data(), left.size()}, f) &&
            (s.keys_only() || join_tests_pass(s, n, t, f))) {
            emit(id, t, f, true, Value());
        }
    }
}

void Memory::join_right_activate(const Node& n, NodeId id, FactId f, std::size_t h) {
    const JoinSpec& s = net_.join(n).spec;
    if (!keeps_right_memory(n)) {
        // a rule's first join: its left memory is the root token alone (start())
        if (join_passes(s, n, root_token_, f)) {
            emit(id, root_token_, f, true, Value());
        }
        return;
    }
    if (chain_doomed(id)) {
        // every token it would meet holds a doomed fact: nothing would be built
        skipped_.push_back(Skipped{tokens_.next_serial(), id, no_token, f});
        return;
    }
    for_each_left(joins_[n.data].left, h, [&](TokenId t) {
        if (join_passes(s, n, t, f)) {
            emit(id, t, f, true, Value());
        }
    });
}

}  // namespace maslahat::rete
