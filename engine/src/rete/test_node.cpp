// TestNode activation: evaluate `test EXPR` once per left token (facts are immutable).
#include "rete/memory.hpp"

namespace maslahat::rete {

void Memory::test_left_activate(const Node& n, NodeId id, TokenId t) {
    std::optional<EvalError> error;
    const Value v = evaluate(net_.test(n).test, frame(t, self_position, no_fact), error);
    if (error) {
        record_error(error, n);
        return;
    }
    if (truthy(v)) {
        emit(id, t, no_fact, false, Value());
    }
}

}  // namespace maslahat::rete
