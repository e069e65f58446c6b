// Splits a large fact file into pieces toml++ can parse one at a time, so the parsed
// document of a 100,000-fact file never has to exist whole (its DOM takes ~15x the text).
// Only "plain" files are split: top-level [name] / [[name]] headers with bare names, each
// [name] table in one piece, and every name found in several pieces an array of tables
// ([[name]]) in each of them. Anything else gets no split: the caller parses it whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace maslahat::facts {

struct TomlChunk {
    std::size_t begin = 0;        ///< byte offset in the file text
    std::size_t end = 0;          ///< one past the last byte
    std::uint32_t line_base = 0;  ///< lines before the chunk (add to its 1-based lines)
};

/// Pieces of about `target_bytes` each, cut just before a top-level [[name]] header; one
/// piece (the whole text) when the text is small or not plain.
std::vector<TomlChunk> split_toml(std::string_view text, std::size_t target_bytes);

}  // namespace maslahat::facts
