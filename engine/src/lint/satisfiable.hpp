// Satisfiability of the constant constraints on one slot of a pattern: is there any value of
// the slot's declared type (range, enumeration, optional nil) that meets all of them? Used
// by the never-fires check; constraints that read other facts are left out by the caller.
#pragma once

#include "ir/program.hpp"
#include "maslahat/value.hpp"

#include <optional>
#include <utility>
#include <vector>

namespace maslahat::lint {

/// One slot test `slot OP value` whose right-hand side is a constant.
struct ConstantTest {
    ir::Op op = ir::Op::Eq;
    Value value;
};

/// The value of an expression that reads no fact (literals, params at their declared value,
/// arithmetic and calls over them); nullopt when it reads facts or fails to evaluate.
std::optional<Value> constant_value(const ir::Expr& expr, const ir::Program& program);

/// False only when provably no value of the slot satisfies every test (list slots and
/// ordering on strings are not analysed: true).
bool satisfiable(const ir::Slot& slot, const std::vector<ConstantTest>& tests);

}  // namespace maslahat::lint
