// What a two-input node (join, negative, exists, aggregate) tests between a left token and
// a right fact: hash-join keys (token position+slot on the left == slot on the right) and
// generic join tests, evaluated with the new fact at `position`, and the `test` conditions
// that follow the pattern (joins only).
#pragma once

#include "ir/program.hpp"
#include "rete/ids.hpp"

#include <cstdint>
#include <vector>

namespace maslahat::rete {

struct JoinKey {
    ir::TokenIndex left_token = 0;
    ir::SlotIndex left_slot = 0;
    ir::SlotIndex right_slot = 0;
    /// Parent steps from a left token to the one holding `left_token`: fixed per node, as
    /// every token reaching a node was made by its parent (set by NetworkBuilder).
    std::uint16_t left_hops = 0;
    friend bool operator==(const JoinKey&, const JoinKey&) = default;
};

struct JoinSpec {
    AlphaId alpha{};
    ir::TokenIndex position = 0;        ///< token position of the right fact
    std::vector<JoinKey> keys;          ///< hash-indexed equalities
    std::vector<ir::Constraint> tests;  ///< other constraints needing the left token
    /// For each test `slot OP ?var` with ?var a slot of an earlier position: the parent steps
    /// from a left token to that position's token (as JoinKey::left_hops), else no_hops.
    std::vector<std::uint16_t> test_hops;
    static constexpr std::uint16_t no_hops = 0xffff;
    /// `test` conditions right after the pattern (joins only): checked with the new fact at
    /// `position`, as CLIPS attaches them to the join, so they cost no token of their own
    std::vector<ir::Expr> checks;
    /// Only the hash-join keys to compare: no test and no check.
    bool keys_only() const {
        return tests.empty() && checks.empty();
    }
};

}  // namespace maslahat::rete
