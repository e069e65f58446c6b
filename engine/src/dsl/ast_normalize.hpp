// Post-parse clean-up of the AST, run by parse_file/parse_expression: collapses one-element
// BinaryChains left by the precedence-climbing grammar (so `a` is just `a`), and checks what
// the grammar accepts loosely (aggregate arguments), dropping declarations with errors.
#pragma once

#include "dsl/ast.hpp"
#include "dsl/parse_state.hpp"

namespace maslahat::dsl::detail {

/// Replaces every BinaryChain without tails by its first operand, recursively.
void collapse_chains(ast::Expr& expr);

/// collapse_chains over a whole file; reports E0103 for `count(E)` / `sum T(...)` and drops
/// those declarations.
void normalize_file(ast::File& file, ParseState& state);

/// Byte span of any expression.
ast::Located span_of(const ast::Expr& expr);

}  // namespace maslahat::dsl::detail
