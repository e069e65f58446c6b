// The agenda: every pending activation, ordered by salience and the current strategy
// (an ordered set of pointers, re-sorted when the strategy changes). Activations are
// found by token serial so a match that goes away removes its activation (refraction:
// a fired activation is gone; only a new token makes a new one).
#pragma once

#include "agenda/activation.hpp"
#include "agenda/compare.hpp"
#include "agenda/strategy.hpp"

#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

namespace maslahat::agenda {

class Agenda {
public:
    explicit Agenda(Strategy strategy = Strategy::Depth);

    void set_strategy(Strategy strategy);
    Strategy strategy() const {
        return order_.key_comp().strategy;
    }
    void add(Activation activation);
    /// Removes the activation of a token; returns it if it was pending.
    std::optional<Activation> remove(std::uint64_t serial);
    /// Takes the activation that fires next.
    std::optional<Activation> pop();
    const Activation* top() const;
    bool empty() const {
        return order_.empty();
    }
    std::size_t size() const {
        return order_.size();
    }
    /// Pending activations in firing order (for tests and --trace).
    std::vector<const Activation*> in_order() const;

private:
    using Order = std::set<const Activation*, ActivationOrder>;
    struct Entry {
        Activation activation;
        Order::iterator position;  ///< in order_: removal needs no comparisons
    };
    /// Node-based: an activation never moves while pending, so order_ can point at it.
    std::unordered_map<std::uint64_t, Entry> by_serial_;
    Order order_;
};

}  // namespace maslahat::agenda
