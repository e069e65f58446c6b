// An activation: a rule plus the token that matched it, with what the strategies compare:
// salience, the activation's timetag (the working-memory change that created it), and the
// time tags (fact ids) of its facts.
#pragma once

#include "rete/ids.hpp"

#include <boost/container/small_vector.hpp>

#include <cstdint>
#include <span>
#include <vector>

namespace maslahat::agenda {

/// Fact ids of a match: rules rarely have more than six patterns, so no heap allocation.
using FactIds = boost::container::small_vector<std::uint32_t, 6>;

inline std::span<const std::uint32_t> as_span(const FactIds& ids) {
    return {ids.data(), ids.size()};
}

struct Activation {
    std::uint32_t rule = 0;  ///< rule index = declaration order
    std::int32_t salience = 0;
    std::uint64_t timetag = 0;  ///< working-memory change that created it
    rete::TokenId token = rete::no_token;
    std::uint64_t serial = 0;  ///< unique key: token serial and rule
    FactIds facts;             ///< fact ids in token position order
    FactIds recency;  ///< the same ids sorted, most recent first (lex/mea; the agenda fills it)
    std::int64_t first = -1;  ///< mea: fact id matching the first condition, -1 if none
};

/// What Agenda::add needs to make an activation; `facts` is read during the call only.
struct NewActivation {
    std::uint32_t rule = 0;
    std::int32_t salience = 0;
    std::uint64_t timetag = 0;
    rete::TokenId token = rete::no_token;
    std::uint64_t serial = 0;
    std::int64_t first = -1;
    std::span<const std::uint32_t> facts;
};

}  // namespace maslahat::agenda
