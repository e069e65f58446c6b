// UTF-8 helpers: validation (pointing at the first bad byte) and code-point counting, used
// for diagnostics columns (spec §1: columns count code points) and for input hygiene.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace maslahat::support {

/// Byte offset of the first invalid UTF-8 sequence, or nullopt when `text` is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// Number of code points in valid UTF-8 text (continuation bytes are not counted).
std::uint32_t count_code_points(std::string_view text);

/// Appends the UTF-8 encoding of a code point; false for surrogates and values > 0x10FFFF.
bool append_utf8(std::string& out, std::uint32_t code_point);

}  // namespace maslahat::support
