// A lexical guard run before toml++: deep dotted keys (`[a.a.a. ... ]` with tens of thousands
// of segments) overflow toml++'s recursion and crash the process, so the nesting a file can
// create (table headers, dotted keys, inline tables and arrays) is bounded here (E0102).
#pragma once

#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"

namespace maslahat::facts {

/// Deepest nesting of tables and arrays a fact file may create (toml++'s own limit for
/// nested values, TOML_MAX_NESTED_VALUES, is the same).
inline constexpr std::uint32_t max_toml_nesting = 256;

/// Reports E0102 at the first place where the nesting would exceed max_toml_nesting;
/// true when the file is within the limit.
bool check_toml_nesting(const SourceManager& sources, FileId file, DiagnosticSink& sink);

}  // namespace maslahat::facts
