// A two-input node's left memory: the tokens it received, bucketed by the hash of their
// join-key values. For its parent's first child a bucket is an intrusive list through
// Token::next_left/prev_left, in a slot that never moves, found by hash through an
// open-addressing table (no vector per bucket, removal needs no lookup); for other
// children, a vector searched on removal. Both iterate a bucket
// in the same order: append at the end, remove by moving the last token into the hole.
#pragma once

#include "rete/token.hpp"

#include <absl/container/flat_hash_map.h>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace maslahat::rete {

/// Tokens (left) or facts (right) bucketed by the hash of their join-key values.
template <typename Id>
struct HashIndex {
    absl::flat_hash_map<std::size_t, std::vector<Id>> buckets;
    void add(std::size_t h, Id id) {
        buckets[h].push_back(id);
    }
    /// Removes id from bucket h; false if it was not there.
    bool remove(std::size_t h, Id id);
    const std::vector<Id>* find(std::size_t h) const {
        auto it = buckets.find(h);
        return it == buckets.end() ? nullptr : &it->second;
    }
};

class LeftMemory {
public:
    /// `intrusive`: the tokens' node has this memory's node as first child, so the tokens'
    /// left-memory links (Token::next_left, prev_left, left_bucket) belong to it. `keyed`:
    /// the node has join keys; without, every token is in one bucket, kept even when empty
    /// and found without a lookup.
    explicit LeftMemory(bool intrusive = false, bool keyed = true)
        : intrusive_(intrusive), keyed_(keyed) {
        if (intrusive_ && !keyed_) {
            buckets_.emplace_back();
        }
    }

    bool intrusive() const {
        return intrusive_;
    }
    /// Appends t to bucket h.
    void add(TokenStore& tokens, std::size_t h, TokenId t);
    /// Removes t, which is in bucket h (h is read only when not intrusive).
    void remove(TokenStore& tokens, std::size_t h, TokenId t);
    std::size_t size() const {
        return size_;
    }

    /// Calls fn(token) for each token of bucket h, in order. fn must not add to or remove
    /// from this memory (what it emits reaches only the nodes below this one).
    template <typename Fn>
    void for_each(const TokenStore& tokens, std::size_t h, Fn&& fn) const {
        if (intrusive_) {
            const std::uint32_t slot = keyed_ ? find(h) : 0;
            if (slot == no_slot) {
                return;
            }
            for (TokenId t = buckets_[slot].head; t != no_token;) {
                fn(t);
                t = tokens[t].next_left;
            }
            return;
        }
        // look the bucket up again at each step rather than copying it: the lookup stays
        // valid whatever fn does to other memories
        for (std::size_t i = 0;; ++i) {
            const auto* bucket = vectors_.find(h);
            if (bucket == nullptr || i >= bucket->size()) {
                return;
            }
            fn((*bucket)[i]);
        }
    }

private:
    static constexpr std::uint32_t no_slot = 0xffffffffU;
    struct Bucket {
        TokenId head = no_token;
        TokenId tail = no_token;
    };
    /// A bucket's place in the hash table: its hash and its slot in buckets_.
    struct Entry {
        std::size_t hash = 0;
        std::uint32_t slot = no_slot;  ///< no_slot: unused
    };
    /// The slot of bucket h, or no_slot.
    std::uint32_t find(std::size_t h) const;
    /// The slot of bucket h, made if missing.
    std::uint32_t find_or_add(std::size_t h);
    /// Rebuilds the table with room for twice its buckets that hold tokens, dropping the
    /// others (their slots are reused). Buckets do not move: no token is touched.
    void rehash();
    std::size_t home(std::size_t h) const {
        return (h * 0x9e3779b97f4a7c15ULL) >> shift_;
    }

    bool intrusive_;
    bool keyed_;
    std::size_t size_ = 0;
    // intrusive: the buckets, whose slot a token keeps in Token::left_bucket (not keyed:
    // the one bucket is buckets_[0]); keyed, an open-addressing table (linear probing)
    // finds a bucket by hash. A bucket that empties keeps its entry (the same join-key
    // values usually come back: tokens are deleted and made again when a fact they hold
    // is modified); rehash() drops such buckets.
    std::vector<Bucket> buckets_;
    std::vector<std::uint32_t> free_;
    std::vector<Entry> table_;
    std::size_t used_ = 0;   ///< table entries in use
    std::size_t empty_ = 0;  ///< of those, entries whose bucket holds no token
    unsigned shift_ = 64;    ///< 64 - log2(table_.size())
    // the other case
    HashIndex<TokenId> vectors_;
};

}  // namespace maslahat::rete
