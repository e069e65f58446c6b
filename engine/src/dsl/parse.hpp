// The whole interface of the X3 front end; no Spirit types leak through it. Parses one
// source buffer into an ast::File, reporting every syntax error (recovering at the next
// top-level declaration) into the sink. Implemented in grammar.cpp, the only X3 TU.
#pragma once

#include "dsl/ast.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"

#include <cstdint>
#include <optional>

namespace maslahat::dsl {

/// Parses a whole rule file. Returns the declarations that parsed (those with syntax errors
/// are dropped and reported); nullopt only when nothing could be parsed at all (e.g. invalid
/// UTF-8 or nesting deeper than `max_nesting`, at most 256, reported by the preflight).
std::optional<ast::File> parse_file(const SourceManager& sources, FileId file, DiagnosticSink& sink,
                                    std::uint32_t max_nesting = 256);

/// Parses bytes [begin, end) of a file as one expression (used by sema for `{EXPR}`
/// interpolation inside strings); AST offsets are offsets in the whole file.
std::optional<ast::Expr> parse_expression(const SourceManager& sources, FileId file,
                                          std::uint32_t begin, std::uint32_t end,
                                          DiagnosticSink& sink);

}  // namespace maslahat::dsl
