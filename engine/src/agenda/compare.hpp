// The comparator that orders activations for a strategy: salience, then the strategy's
// rule, then rule declaration order, then fact ids (spec §5), then creation order.
#pragma once

#include "agenda/activation.hpp"
#include "agenda/strategy.hpp"

namespace maslahat::agenda {

/// True when `a` fires before `b` under strategy `s`.
bool fires_before(const Activation& a, const Activation& b, Strategy s);

struct ActivationOrder {
    Strategy strategy = Strategy::Depth;
    bool operator()(const Activation* a, const Activation* b) const {
        return fires_before(*a, *b, strategy);
    }
};

}  // namespace maslahat::agenda
