// How the network reports rule matches to the runtime: a token reached (or left) a rule's
// terminal node. A plain interface (no std::function on the hot path).
#pragma once

#include "rete/ids.hpp"

#include <cstdint>

namespace maslahat::rete {

class MatchListener {
public:
    virtual ~MatchListener() = default;
    /// A new complete match of `rule`; `serial` identifies the token for the whole session.
    virtual void matched(std::uint32_t rule, TokenId token, std::uint64_t serial) = 0;
    /// The match went away (a fact it used was retracted, a `not` became blocked, ...).
    virtual void unmatched(std::uint32_t rule, TokenId token, std::uint64_t serial) = 0;
    /// The match's token, keeping its facts, now carries another value (an aggregate's
    /// result changed): for the listener, `unmatched` followed by `matched` of the same token
    /// and serial. The serial can stay: no other match of the rule has the same facts, so
    /// nothing orders the two by serial. Returns false, changing nothing, when the listener
    /// cannot take the change in place (the match fired already: refraction); the network
    /// then deletes the token and makes a new one (unmatched, then matched).
    virtual bool rematched(std::uint32_t /*rule*/, TokenId /*token*/, std::uint64_t /*serial*/) {
        return false;
    }
};

}  // namespace maslahat::rete
