#include "rete/left_memory.hpp"

#include <algorithm>

namespace maslahat::rete {

template <typename Id>
bool HashIndex<Id>::remove(std::size_t h, Id id) {
    auto it = buckets.find(h);
    if (it == buckets.end()) {
        return false;
    }
    auto& v = it->second;
    // swap-remove: O(1) after the search; the order stays a function of the operations
    const auto pos = std::find(v.rbegin(), v.rend(), id);
    const bool found = pos != v.rend();
    if (found) {
        *pos = v.back();
        v.pop_back();
    }
    if (v.empty()) {
        buckets.erase(it);
    }
    return found;
}
template struct HashIndex<TokenId>;
template struct HashIndex<FactId>;

void LeftMemory::add(TokenStore& tokens, std::size_t h, TokenId t) {
    ++size_;
    if (!intrusive_) {
        vectors_.add(h, t);
        return;
    }
    std::uint32_t slot = 0;
    if (keyed_) {
        const auto [it, inserted] = slots_.try_emplace(h, 0);
        if (inserted) {
            if (free_.empty()) {
                it->second = static_cast<std::uint32_t>(buckets_.size());
                buckets_.emplace_back();
            } else {
                it->second = free_.back();
                free_.pop_back();
            }
            buckets_[it->second] = Bucket{no_token, no_token, h};
        }
        slot = it->second;
    }
    Bucket& b = buckets_[slot];
    Token& tok = tokens[t];
    tok.left_bucket = slot;
    tok.next_left = no_token;
    tok.prev_left = b.tail;
    if (b.tail != no_token) {
        tokens[b.tail].next_left = t;
    } else {
        b.head = t;
    }
    b.tail = t;
}

void LeftMemory::remove(TokenStore& tokens, std::size_t h, TokenId t) {
    if (!intrusive_) {
        if (vectors_.remove(h, t)) {
            --size_;
        }
        return;
    }
    --size_;
    const std::uint32_t slot = tokens[t].left_bucket;
    Bucket& b = buckets_[slot];
    const TokenId last = b.tail;
    if (last == t) {
        const TokenId prev = tokens[t].prev_left;
        b.tail = prev;
        if (prev != no_token) {
            tokens[prev].next_left = no_token;
        } else {
            b.head = no_token;
        }
    } else {
        // as a vector's swap-remove: the last token takes t's place
        Token& l = tokens[last];
        tokens[l.prev_left].next_left = no_token;  // t precedes last, so it has a prev
        b.tail = l.prev_left;
        const Token& tok = tokens[t];  // read after: t may have just become the tail
        l.prev_left = tok.prev_left;
        l.next_left = tok.next_left;
        if (tok.prev_left != no_token) {
            tokens[tok.prev_left].next_left = last;
        } else {
            b.head = last;
        }
        if (tok.next_left != no_token) {
            tokens[tok.next_left].prev_left = last;
        } else {
            b.tail = last;
        }
    }
    if (b.head == no_token && keyed_) {
        slots_.erase(b.hash);
        free_.push_back(slot);
    }
}

}  // namespace maslahat::rete
