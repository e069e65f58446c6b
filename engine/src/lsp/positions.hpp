// Conversions between byte offsets in UTF-8 text and LSP positions (0-based line, character
// counted in UTF-16 code units, the protocol's default encoding), and file URIs to paths.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace maslahat::lsp {

struct Position {
    std::uint32_t line = 0;
    std::uint32_t character = 0;  ///< UTF-16 code units
};

Position position_of(std::string_view text, std::uint32_t offset);
/// Byte offset of an LSP position (clamped to the line and the text).
std::uint32_t offset_of(std::string_view text, Position position);

/// `file:///a%20b/c.rules` -> `/a b/c.rules`; other URIs are returned unchanged.
std::string uri_to_path(std::string_view uri);
std::string path_to_uri(std::string_view path);

}  // namespace maslahat::lsp
