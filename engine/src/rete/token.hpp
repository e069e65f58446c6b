// Tokens: partial matches, stored compactly as (parent token, fact) plus the number of token
// positions they cover. A token's positions are read by walking parent links; tokens form
// a tree (intrusive child lists, newest first) so retraction deletes whole subtrees with
// no allocation (Doorenbos' tree-based removal). Ids are recycled; `serial` is unique for
// the session and grows with creation order.
#pragma once

#include "ir/program.hpp"
#include "maslahat/value.hpp"
#include "rete/ids.hpp"
#include "support/reserved_vector.hpp"

#include <absl/container/flat_hash_map.h>
#include <cstdint>
#include <vector>

namespace maslahat::rete {

/// What a negative node keeps per left token: matching right facts, and the token it
/// passed on (no_token while blocked).
struct GateState {
    std::uint32_t count = 0;
    TokenId output = no_token;
};

/// Whether a `not` (count == 0) or an `exists` (count > 0) lets its token pass.
inline bool gate_passes(bool exists, std::uint32_t count) {
    return exists ? count > 0 : count == 0;
}

/// One cache line: tokens are made and deleted by the million, and each one touched is
/// usually a cache miss. Aggregate results live beside the store (TokenStore::value).
struct alignas(64) Token {
    TokenId parent = no_token;
    FactId fact = no_fact;        ///< the fact this token adds (Join), else no_fact
    NodeId node{};                ///< the node that produced it
    std::uint16_t positions = 0;  ///< token positions covered, including this one
    bool has_position = false;    ///< adds a position (fact or aggregate value)
    bool dying = false;           ///< being deleted: nodes must not emit below it
    // the tree: children as a doubly linked list, newest first (O(1) unlink)
    TokenId first_child = no_token;
    TokenId next_sibling = no_token;
    TokenId prev_sibling = no_token;
    // the tokens adding the same fact, newest first (Memory keeps this list)
    TokenId next_holder = no_token;
    TokenId prev_holder = no_token;
    // what the first child of the token's node keeps about it (no per-node map lookups):
    /// its left-memory bucket there, an intrusive list (LeftMemory)
    TokenId next_left = no_token;
    TokenId prev_left = no_token;
    std::uint32_t left_bucket = 0;
    /// negative-node state, when that child is a negative node
    GateState gate;
    std::uint64_t serial = 0;  ///< unique for the life of the memory
};
static_assert(sizeof(Token) == 64);

/// Slot-recycling store of tokens.
class TokenStore {
public:
    TokenId make(TokenId parent, NodeId node, FactId fact, bool has_position, const Value& value);
    void free(TokenId id);

    Token& operator[](TokenId id) {
        return tokens_[index(id)];
    }
    const Token& operator[](TokenId id) const {
        return tokens_[index(id)];
    }
    bool valid(TokenId id) const {
        return index(id) < tokens_.size() && tokens_[index(id)].serial != 0;
    }
    std::size_t live_count() const {
        return tokens_.size() - free_.size();
    }
    /// Puts `id` at the front of an intrusive list of tokens whose head is `head`, linked
    /// through the members Next/Prev (a token's children, or the tokens holding a fact).
    template <TokenId Token::*Next, TokenId Token::*Prev>
    void link_front(TokenId& head, TokenId id) {
        Token& t = (*this)[id];
        t.*Prev = no_token;
        t.*Next = head;
        if (head != no_token) {
            (*this)[head].*Prev = id;
        }
        head = id;
    }
    /// Takes `id` out of the list that `head` starts.
    template <TokenId Token::*Next, TokenId Token::*Prev>
    void unlink(TokenId& head, TokenId id) {
        const Token& t = (*this)[id];
        if (t.*Prev != no_token) {
            (*this)[t.*Prev].*Next = t.*Next;
        } else {
            head = t.*Next;
        }
        if (t.*Next != no_token) {
            (*this)[t.*Next].*Prev = t.*Prev;
        }
    }
    /// The serial the next token will get (tokens with a smaller one exist already).
    std::uint64_t next_serial() const {
        return next_serial_;
    }

    /// The value a token adds to its positions (an aggregate result), nil for none.
    const Value& value(TokenId id) const {
        if (values_.empty()) {
            return nil_;
        }
        auto it = values_.find(id);
        return it == values_.end() ? nil_ : it->second;
    }

    /// Where the non-nil value of a token is stored, or null (valid until a token with a
    /// value is made, renewed or freed).
    Value* stored_value(TokenId id) {
        auto it = values_.find(id);
        return it == values_.end() ? nullptr : &it->second;
    }
    /// Gives token `id` the value `value` and puts it first among its parent's children, where
    /// deleting it and making it again would put it (a token with a value adds no fact, so
    /// no holder list changes). Its serial stays. `stored` is stored_value(id).
    void renew(TokenId id, Value* stored, Value value);

    /// The token `hops` parent steps above `id` (JoinKey::left_hops).
    TokenId ancestor(TokenId id, std::uint16_t hops) const {
        for (; hops != 0; --hops) {
            id = tokens_[index(id)].parent;
        }
        return id;
    }
    /// The token that holds position `pos` on the path ending at `id` (no_token if none).
    TokenId find_position(TokenId id, ir::TokenIndex pos) const;
    /// Calls fn(FactId) for the token's facts, LAST position first (no allocation).
    template <typename Fn>
    void for_each_fact(TokenId id, Fn&& fn) const {
        while (id != no_token) {
            const Token& t = tokens_[index(id)];
            if (t.fact != no_fact) {
                fn(t.fact);
            }
            id = t.parent;
        }
    }

private:
    support::ReservedVector<Token> tokens_;
    absl::flat_hash_map<TokenId, Value> values_;  ///< the tokens with a non-nil value
    Value nil_;
    std::vector<TokenId> free_;
    std::uint64_t next_serial_ = 1;
};

}  // namespace maslahat::rete
