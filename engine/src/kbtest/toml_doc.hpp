// A plain, toml++-free tree of a TOML document with source spans, so that the rule-test file
// reader and the fact-file editor stay independent of toml++. toml_doc.cpp is the only
// translation unit of the kbtest stage that includes toml++: it parses text into this tree and
// writes a tree back as TOML (keys in source order, so facts keep their order).
#pragma once

#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maslahat::kbtest {

struct TomlEntry;

/// One TOML value. Tables keep their keys in source order.
struct TomlNode {
    enum class Kind : std::uint8_t { Table, Array, String, Integer, Float, Boolean, Other };
    Kind kind = Kind::Table;
    std::string text;  ///< String: the value; Other (dates, times): its TOML text
    std::int64_t integer = 0;
    double floating = 0.0;
    bool boolean = false;
    std::vector<TomlEntry> entries;  ///< Table
    std::vector<TomlNode> items;     ///< Array
    SourceSpan span;                 ///< where the value (or the table header) is written

    bool is_table() const {
        return kind == Kind::Table;
    }
    bool is_array() const {
        return kind == Kind::Array;
    }
    bool is_number() const {
        return kind == Kind::Integer || kind == Kind::Float;
    }
    double number() const {
        return kind == Kind::Integer ? static_cast<double>(integer) : floating;
    }
    /// The entry with this key, or nullptr.
    const TomlEntry* find(std::string_view key) const;
    TomlEntry* find(std::string_view key);
};

struct TomlEntry {
    std::string key;
    SourceSpan key_span;
    TomlNode value;
};

/// "table", "array", "string", "integer", "float", "boolean", "date/time".
std::string_view kind_name(TomlNode::Kind kind);

/// Parses the TOML text of `file`. On a syntax error reports E0401 at its position and
/// returns nullopt.
std::optional<TomlNode> parse_toml(const SourceManager& sources, FileId file, DiagnosticSink& sink);

/// Writes a top-level table as TOML: plain keys first, then every table and every element of
/// an array of tables as `[key]` / `[[key]]` in source order (by span), values inline.
std::string write_toml(const TomlNode& root);

/// A value in TOML syntax (`"text"`, `42`, `0.5`, `[1, 2]`, `{ a = 1 }`).
std::string write_value(const TomlNode& value);

/// Equality of scalar values and arrays as a rule would see them: 2 == 2.0, texts by content.
bool same_value(const TomlNode& a, const TomlNode& b);

}  // namespace maslahat::kbtest
