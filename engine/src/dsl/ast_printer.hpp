// Two views of a parsed AST: a stable S-expression dump (positions excluded) used by tests and
// goldens, and a pretty-printer back to rule-language source, so parse -> print -> parse
// round-trips to an equal dump.
#pragma once

#include "dsl/ast.hpp"

#include <string>

namespace maslahat::dsl {

/// S-expression dump, one declaration per line, e.g. `(rule r (when (pattern t ...)) ...)`.
std::string dump_sexpr(const ast::File& file);
std::string dump_sexpr(const ast::Expr& expr);

/// Rule-language source text equivalent to the AST (comments and layout not preserved).
std::string print_source(const ast::File& file);
std::string print_source(const ast::Expr& expr);

}  // namespace maslahat::dsl
