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

std::uint32_t LeftMemory::find(std::size_t h) const {
    if (table_.empty()) {
        return no_slot;
    }
    const std::size_t mask = table_.size() - 1;
    for (std::size_t i = home(h);; i = (i + 1) & mask) {
        const Entry& e = table_[i];
        if (e.slot == no_slot || e.hash == h) {
            return e.slot;
        }
    }
}

std::uint32_t LeftMemory::find_or_add(std::size_t h) {
    // at most 3/4 of the table is in use, so a probe always ends at an unused entry
    if ((used_ + 1) * 4 > table_.size() * 3) {
        rehash();
    }
    const std::size_t mask = table_.size() - 1;
    for (std::size_t i = home(h);; i = (i + 1) & mask) {
        Entry& e = table_[i];
        if (e.slot == no_slot) {
            if (free_.empty()) {
                e.slot = static_cast<std::uint32_t>(buckets_.size());
                buckets_.emplace_back();
            } else {
                e.slot = free_.back();
                free_.pop_back();
                buckets_[e.slot] = Bucket{};
            }
            e.hash = h;
            ++used_;
            ++empty_;
            return e.slot;
        }
        if (e.hash == h) {
            return e.slot;
        }
    }
}

void LeftMemory::rehash() {
    const std::size_t live = used_ - empty_;
    std::size_t capacity = 8;
    while (capacity < (live + 1) * 2) {
        capacity *= 2;
    }
    std::vector<Entry> old = std::move(table_);
    table_.assign(capacity, Entry{});
    shift_ = 64U - static_cast<unsigned>(__builtin_ctzll(capacity));
    used_ = empty_ = 0;
    const std::size_t mask = capacity - 1;
    for (const Entry& e : old) {
        if (e.slot == no_slot) {
            continue;
        }
        if (buckets_[e.slot].head == no_token) {
            free_.push_back(e.slot);
            continue;
        }
        std::size_t i = home(e.hash);
        while (table_[i].slot != no_slot) {
            i = (i + 1) & mask;
        }
        table_[i] = e;
        ++used_;
    }
}

void LeftMemory::add(TokenStore& tokens, std::size_t h, TokenId t) {
    ++size_;
    if (!intrusive_) {
        vectors_.add(h, t);
        return;
    }
    const std::uint32_t slot = keyed_ ? find_or_add(h) : 0;
    Bucket& b = buckets_[slot];
    if (b.head == no_token && keyed_) {
        --empty_;
    }
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
        ++empty_;  // the bucket keeps its entry until the next rehash()
    }
}

}  // namespace maslahat::rete
