// The expression evaluator shared by the network (alpha tests, join tests, `test`,
// aggregate arguments) and the runtime (actions). A Frame says where token positions,
// parameters and `bind` locals come from. Errors (division by zero E0901, integer overflow
// E0902, type errors E0905) are returned as EvalError, never thrown out of this module.
#pragma once

#include "ir/program.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/value.hpp"
#include "rete/fact_table.hpp"
#include "rete/token.hpp"

#include <optional>
#include <string>
#include <vector>

namespace maslahat::rete {

/// Position reserved for "the fact being tested" in alpha tests (normalised by the builder).
inline constexpr ir::TokenIndex self_position = 0xFFFF;

/// One token position materialised: a fact, or an aggregate value when fact is no_fact.
struct Binding {
    FactId fact = no_fact;
    Value value;
};

struct Frame {
    const FactTable* facts = nullptr;
    const TokenStore* tokens = nullptr;
    TokenId token = no_token;                    ///< positions are read from this token ...
    const std::vector<Binding>* flat = nullptr;  ///< ... or from this snapshot when set
    ir::TokenIndex self_pos = self_position;     ///< position answered by self_fact
    FactId self_fact = no_fact;
    const std::vector<Value>* params = nullptr;
    const std::vector<Value>* locals = nullptr;
};

struct EvalError {
    DiagCode code = DiagCode::E0905;
    std::string message;
    SourceSpan span;
};

/// Evaluates `expr`; on a run-time error sets `error` (if not yet set) and returns nil.
Value evaluate(const ir::Expr& expr, const Frame& frame, std::optional<EvalError>& error);

/// `A OP B` with OP a comparison or membership (what eval() hands to compare_values).
inline bool is_comparison(const ir::Expr& e) {
    return e.kind == ir::ExprKind::Binary && e.op >= ir::Op::Eq && e.op < ir::Op::Add &&
           e.args.size() == 2;
}

/// `?var OP literal` with OP a comparison: the common `test`, compared in place by the
/// match without the evaluator.
inline bool is_slot_literal_comparison(const ir::Expr& e) {
    return is_comparison(e) && e.args[0].kind == ir::ExprKind::SlotRef &&
           e.args[1].kind == ir::ExprKind::Literal;
}

/// `lhs OP rhs` for comparison/membership ops (spec §4.1: nil with < <= > >= is false).
bool compare_values(ir::Op op, const Value& lhs, const Value& rhs);

/// Applies a slot constraint to `slot_value`.
bool test_constraint(const ir::Constraint& constraint, const Value& slot_value, const Frame& frame,
                     std::optional<EvalError>& error);

/// Truthiness used by `test` and `and`/`or`/`not`: only `true` is true.
inline bool truthy(const Value& v) {
    return v.kind() == ValueKind::Bool && v.as_bool();
}

}  // namespace maslahat::rete
