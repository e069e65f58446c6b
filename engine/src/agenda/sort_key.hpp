// The agenda's inline sort key: what fires_before compares, packed into the ordered set's
// element so that comparisons rarely read the activation itself. Salience, timetag and rule
// are two 64-bit words; depth and breadth also keep the first fact ids. Only a tie on all of
// that (or lex/mea, whose fact lists have no fixed size) falls back to fires_before.
#pragma once

#include "agenda/activation.hpp"
#include "agenda/compare.hpp"
#include "agenda/strategy.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <span>

namespace maslahat::agenda {

struct SortKey {
    static constexpr std::size_t inline_facts = 4;  ///< 48 bytes in all

    std::uint64_t hi = 0;  ///< salience (higher first), then the timetag's upper half
    std::uint64_t lo = 0;  ///< the timetag's lower half, then the rule (depth/breadth only)
    std::array<std::uint32_t, inline_facts> facts{};  ///< first fact ids (depth/breadth only)
    std::uint32_t count = 0;                          ///< number of fact ids of the activation
    std::uint32_t handle = 0;                         ///< the agenda's slot of the activation
    const Activation* activation = nullptr;           ///< for ties the key cannot break
};

/// Sets `k` to the key of activation `a` (whose fact ids are `facts`) under strategy `s`,
/// handle 0; a smaller key fires first. Writes `k` in place: the agenda never reads back a
/// key it just wrote piecewise (a stalled store-to-load forward costs a cache miss).
inline void set_sort_key(SortKey& k, const Activation& a, std::span<const std::uint32_t> facts,
                         std::int32_t salience, std::uint64_t timetag, std::uint32_t rule,
                         Strategy s) {
    k.activation = &a;
    k.handle = 0;
    const std::uint64_t biased = ~(static_cast<std::uint32_t>(salience) ^ 0x8000'0000U);
    k.hi = (biased & 0xFFFF'FFFFU) << 32U;
    if (s != Strategy::Depth && s != Strategy::Breadth) {
        k.lo = 0;  // lex/mea: the rest is compared by fires_before
        k.count = 0;
        return;
    }
    const std::uint64_t time = s == Strategy::Depth ? ~timetag : timetag;
    k.hi |= time >> 32U;
    k.lo = (time << 32U) | rule;
    k.count = static_cast<std::uint32_t>(facts.size());
    for (std::size_t i = 0; i < SortKey::inline_facts; ++i) {
        k.facts[i] = i < facts.size() ? facts[i] : 0;
    }
}

/// The key of `a` under strategy `s`, handle 0.
inline SortKey make_sort_key(const Activation& a, Strategy s) {
    SortKey k;
    set_sort_key(k, a, as_span(a.facts), a.salience, a.timetag, a.rule, s);
    return k;
}

/// Orders keys exactly as fires_before orders their activations.
struct SortKeyOrder {
    Strategy strategy = Strategy::Depth;

    bool operator()(const SortKey& a, const SortKey& b) const {
        if (a.hi != b.hi) {
            return a.hi < b.hi;
        }
        if (a.lo != b.lo) {
            return a.lo < b.lo;
        }
        if (strategy != Strategy::Depth && strategy != Strategy::Breadth) {
            return fires_before(*a.activation, *b.activation, strategy);
        }
        // same salience, timetag and rule: fact ids, larger first for depth (compare.cpp)
        const bool depth = strategy == Strategy::Depth;
        const std::size_t n = std::min<std::size_t>({a.count, b.count, SortKey::inline_facts});
        for (std::size_t i = 0; i < n; ++i) {
            if (a.facts[i] != b.facts[i]) {
                return depth ? a.facts[i] > b.facts[i] : a.facts[i] < b.facts[i];
            }
        }
        if (a.count > SortKey::inline_facts && b.count > SortKey::inline_facts) {
            return fires_before(*a.activation, *b.activation, strategy);
        }
        if (a.count != b.count) {  // one list is a prefix of the other
            return depth ? a.count > b.count : a.count < b.count;
        }
        return a.activation->serial < b.activation->serial;
    }
};

}  // namespace maslahat::agenda
