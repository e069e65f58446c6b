// TestNode activation: evaluate `test EXPR` once per left token (facts are immutable).
// The common `test ?var OP literal` compares the slot in place, without the evaluator.
#include "rete/memory.hpp"

namespace maslahat::rete {
namespace {
/// `?var OP literal` with OP a comparison: what eval() would hand to compare_values.
bool is_slot_literal_comparison(const ir::Expr& e) {
    return e.kind == ir::ExprKind::Binary && e.op >= ir::Op::Eq && e.op < ir::Op::Add &&
           e.args.size() == 2 && e.args[0].kind == ir::ExprKind::SlotRef &&
           e.args[1].kind == ir::ExprKind::Literal;
}
}  // namespace

void Memory::test_left_activate(const Node& n, NodeId id, TokenId t) {
    const ir::Expr& test = net_.test(n).test;
    if (is_slot_literal_comparison(test)) {
        if (const Value* lhs = fact_slot(t, test.args[0].token, test.args[0].slot)) {
            if (compare_values(test.op, *lhs, test.args[1].value)) {
                emit(id, t, no_fact, false, Value());
            }
            return;
        }
        // not a fact there: the evaluator reports the error
    }
    std::optional<EvalError> error;
    const Value v = evaluate(test, frame(t, self_position, no_fact), error);
    if (error) {
        record_error(error, n);
        return;
    }
    if (truthy(v)) {
        emit(id, t, no_fact, false, Value());
    }
}

}  // namespace maslahat::rete
