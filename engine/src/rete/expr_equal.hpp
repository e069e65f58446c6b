// Structural equality of IR expressions and constraints (spans ignored), used by the
// builder to decide whether an existing node can be shared.
#pragma once

#include "ir/program.hpp"

#include <vector>

namespace maslahat::rete {

bool same_expr(const ir::Expr& a, const ir::Expr& b);
bool same_constraints(const std::vector<ir::Constraint>& a, const std::vector<ir::Constraint>& b);
/// True when `e` reads a token position other than `self` (SlotRef, FactRef, Aggregate).
bool references_other_positions(const ir::Expr& e, ir::TokenIndex self);
/// Copy of `e` with references to position `from` redirected to `to`.
ir::Expr rebase_position(const ir::Expr& e, ir::TokenIndex from, ir::TokenIndex to);

}  // namespace maslahat::rete
