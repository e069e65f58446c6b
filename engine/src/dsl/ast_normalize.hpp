// Post-parse clean-up of the AST, run by parse_file/parse_expression: collapses one-element
// BinaryChains left by the precedence-climbing grammar (so `a` is just `a`), and checks what
// the grammar accepts loosely (aggregate arguments), dropping declarations with errors.
#pragma once

#include "dsl/ast.hpp"
#include "dsl/parse_state.hpp"

#include <cstdint>

namespace maslahat::dsl::detail {

/// Replaces every BinaryChain without tails by its first operand, recursively.
void collapse_chains(ast::Expr& expr);

/// Deepest nesting of operations once the expression is lowered to binary operations: every
/// tail of a chain, prefix operator, call and list is one level (brackets add none).
std::uint32_t expression_depth(const ast::Expr& expr);

/// Back ends recurse once per level (sema, the evaluator), so deeper expressions are refused.
inline constexpr std::uint32_t max_expression_depth = 1024;

/// False after reporting E0102 when expression_depth(expr) > max_expression_depth.
bool check_expression_depth(const ast::Expr& expr, ParseState& state);

/// collapse_chains and check_expression_depth over a whole file; reports E0103 for `count(E)` /
/// `sum T(...)` and drops those declarations.
void normalize_file(ast::File& file, ParseState& state);

/// Byte span of any expression.
ast::Located span_of(const ast::Expr& expr);

}  // namespace maslahat::dsl::detail
