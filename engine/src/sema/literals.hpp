// Decoding of literal text as written in a rule file: number literals (`_` separators, int
// when there is no fraction or exponent) and string bodies (escapes `\" \\ \n \t \{ \u{41}`
// and, in action strings, `{EXPR}` interpolation split into literal text and expression
// byte ranges). Malformed literals are reported (E0104, E0105, E0106) at their exact bytes.
#pragma once

#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"
#include "maslahat/value.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maslahat::sema {

/// Converts a number literal (`42`, `-3.5`, `1_000_000`, `2e6`) to an int or a number value.
/// `span` covers the literal's text; errors (int overflow, bad `_`) go to `sink`.
std::optional<Value> decode_number(std::string_view text, SourceSpan span, DiagnosticSink& sink);

/// One piece of a string: decoded literal text, or the byte range [begin, end) in the file of
/// an interpolated `{EXPR}` (without the braces).
struct StringPart {
    bool is_expr = false;
    std::string text;
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

/// Decodes the raw body of a string literal whose first byte is at `body_begin` in `file`.
/// With `interpolate`, `{EXPR}` becomes an expression part; otherwise `{` is plain text.
/// Returns nullopt (after reporting) when an escape or interpolation is malformed.
std::optional<std::vector<StringPart>> decode_string(std::string_view raw, FileId file,
                                                     std::uint32_t body_begin, bool interpolate,
                                                     DiagnosticSink& sink);

}  // namespace maslahat::sema
