// `test EXPR`: a TestNode evaluates it once per left token (facts are immutable); a join
// evaluates the `test`s folded into it (JoinSpec::checks) once per token and fact. The common
// `test ?var OP literal` compares the slot in place, without the evaluator.
#include "rete/memory.hpp"

namespace maslahat::rete {
bool Memory::test_passes(const ir::Expr& test, const Node& n, TokenId t, ir::TokenIndex self_pos,
                         FactId self_fact) {
    if (is_slot_literal_comparison(test)) {
        // (on a join's new fact itself it never gets here: the builder made it an alpha test)
        if (const Value* lhs = fact_slot(t, test.args[0].token, test.args[0].slot)) {
            return compare_values(test.op, *lhs, test.args[1].value);
        }
        // not a fact there: the evaluator reports the error
    }
    std::optional<EvalError> error;
    const Value v = evaluate(test, frame(t, self_pos, self_fact), error);
    if (error) {
        record_error(error, n);
        return false;
    }
    return truthy(v);
}

void Memory::test_left_activate(const Node& n, NodeId id, TokenId t) {
    if (test_passes(net_.test(n).test, n, t, self_position, no_fact)) {
        emit(id, t, no_fact, false, Value());
    }
}

}  // namespace maslahat::rete
