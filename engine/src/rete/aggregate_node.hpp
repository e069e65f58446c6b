// AggregateNode: `?v = count/sum/min/max/avg ... over T(...)`. Per left token it keeps the
// matching facts and their values incrementally (assert and retract); its output token
// carries the result in a new token position. Over no facts count and sum give 0 and pass;
// min, max and avg give nil and the condition fails.
#pragma once

#include "ir/program.hpp"
#include "rete/join_spec.hpp"

#include <optional>

namespace maslahat::rete {

struct AggregateNode {
    JoinSpec spec;
    ir::AggregateFunction function = ir::AggregateFunction::Count;
    std::optional<ir::Expr> argument;
    ir::TokenIndex result_position = 0;
};

}  // namespace maslahat::rete
