// Tokens: partial matches, stored compactly as (parent token, fact) plus the number of token
// positions they cover. A token's positions are read by walking parent links; tokens form
// a tree (children ids, no intrusive lists) so retraction deletes whole subtrees
// (Doorenbos' tree-based removal). Ids are recycled; `serial` is unique for the session.
#pragma once

#include "ir/program.hpp"
#include "maslahat/value.hpp"
#include "rete/ids.hpp"
#include "support/chunked_vector.hpp"

#include <cstdint>
#include <vector>

namespace maslahat::rete {

struct Token {
    TokenId parent = no_token;
    FactId fact = no_fact;        ///< the fact this token adds (Join), else no_fact
    NodeId node{};                ///< the node that produced it
    std::uint16_t positions = 0;  ///< token positions covered, including this one
    bool has_position = false;    ///< adds a position (fact or aggregate value)
    bool dying = false;           ///< being deleted: nodes must not emit below it
    /// Its index in the left-memory bucket of its node's first child (O(1) removal).
    std::uint32_t left_pos = 0;
    std::uint64_t serial = 0;  ///< unique for the life of the memory
    Value value;               ///< aggregate result (Aggregate tokens)
    std::vector<TokenId> children;
};

/// Slot-recycling store of tokens.
class TokenStore {
public:
    TokenId make(TokenId parent, NodeId node, FactId fact, bool has_position, Value value);
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
    support::ChunkedVector<Token> tokens_;
    std::vector<TokenId> free_;
    std::uint64_t next_serial_ = 1;
};

}  // namespace maslahat::rete
