// Checks run on a source buffer before the X3 grammar sees it (spec §1, §8): valid UTF-8,
// no NUL bytes, a UTF-8 byte-order mark skipped, and a nesting guard so that pathological
// input (200,000 nested parentheses) gets a diagnostic instead of overflowing the stack.
#pragma once

#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace maslahat::dsl::detail {

/// Brackets `( [ {` plus prefix operators `-`/`not` that may be open at once.
inline constexpr std::uint32_t max_nesting_depth = 256;

/// What the preflight found in a file that passed it.
struct Preflight {
    std::uint32_t start = 0;  ///< where parsing starts: 3 after a BOM, else 0
    std::uint32_t depth = 0;  ///< deepest nesting (<= max_nesting_depth); sizes the parser stack
};

/// Checks a whole file; nullopt after reporting E0101 (invalid UTF-8), E0108 (NUL byte) or
/// E0102 (too deep).
/// `max_depth` lowers the nesting limit (never above max_nesting_depth: it sizes the stack).
std::optional<Preflight> preflight(std::string_view text, FileId file, DiagnosticSink& sink,
                                   std::uint32_t max_depth = max_nesting_depth);

/// The nesting guard alone over bytes [begin, end) of `text`: the deepest nesting, or nullopt
/// after reporting E0102.
std::optional<std::uint32_t> check_nesting(std::string_view text, std::uint32_t begin,
                                           std::uint32_t end, FileId file, DiagnosticSink& sink,
                                           std::uint32_t max_depth = max_nesting_depth);

}  // namespace maslahat::dsl::detail
