// Strong ids of the Rete back end: facts, tokens, network nodes and alpha memories.
// Each is an `enum class X : std::uint32_t {}` (clingo TermUid idiom) so they cannot be
// mixed up; `index()` turns one into a vector index.
#pragma once

#include <cstdint>
#include <limits>

namespace maslahat::rete {

enum class FactId : std::uint32_t {};
enum class TokenId : std::uint32_t {};
enum class NodeId : std::uint32_t {};
enum class AlphaId : std::uint32_t {};

/// Fact id 0 never names a fact (ids start at 1, spec §5 "increasing integer").
inline constexpr FactId no_fact{0};
inline constexpr TokenId no_token{std::numeric_limits<std::uint32_t>::max()};

template <typename Id>
constexpr std::uint32_t index(Id id) {
    return static_cast<std::uint32_t>(id);
}
template <typename Id>
constexpr Id make_id(std::size_t i) {
    return static_cast<Id>(static_cast<std::uint32_t>(i));
}

}  // namespace maslahat::rete
