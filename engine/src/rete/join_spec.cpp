// Join-key hashing and join/alpha tests shared by the two-input nodes.
#include "rete/memory.hpp"

#include <cassert>

namespace maslahat::rete {

Frame Memory::frame(TokenId t, ir::TokenIndex self_pos, FactId self_fact) const {
    Frame f;
    f.facts = &facts_;
    f.tokens = &tokens_;
    f.token = t;
    f.self_pos = self_pos;
    f.self_fact = self_fact;
    f.params = params_;
    return f;
}

namespace {
const Value nil_value;
const Value& slot_of(const std::vector<Value>& slots, ir::SlotIndex slot) {
    return slot < slots.size() ? slots[slot] : nil_value;
}
}  // namespace

const Value& Memory::left_value(const JoinKey& k, TokenId t) const {
    const TokenId holder = tokens_.ancestor(t, k.left_hops);
    assert(holder == tokens_.find_position(t, k.left_token));
    const Token& tok = tokens_[holder];
    return tok.fact == no_fact ? tokens_.value(holder)
                               : slot_of(facts_.get(tok.fact).slots, k.left_slot);
}

const Value* Memory::fact_slot(TokenId t, ir::TokenIndex pos, ir::SlotIndex slot) const {
    const TokenId holder = tokens_.find_position(t, pos);
    return holder == no_token ? nullptr : fact_slot(holder, slot);
}

const Value* Memory::fact_slot(TokenId holder, ir::SlotIndex slot) const {
    if (tokens_[holder].fact == no_fact) {
        return nullptr;
    }
    return &slot_of(facts_.get(tokens_[holder].fact).slots, slot);
}

std::size_t Memory::left_hash(const JoinSpec& s, TokenId t) const {
    std::size_t h = 0;
    for (const JoinKey& k : s.keys) {
        h = join_key_mix(h, left_value(k, t).hash());
    }
    return h;
}

std::size_t Memory::right_hash(const JoinSpec& s, FactId f) const {
    std::size_t h = 0;
    if (s.keys.empty()) {
        return h;  // a key-less join: one bucket (a rule's first join, a cross product)
    }
    const auto& slots = facts_.get(f).slots;
    for (const JoinKey& k : s.keys) {
        h = join_key_mix(h, slot_of(slots, k.right_slot).hash());
    }
    return h;
}

bool Memory::join_passes(const JoinSpec& s, const Node& n, TokenId t, FactId f) {
    const auto& slots = facts_.get(f).slots;
    for (const JoinKey& k : s.keys) {
        if (!(slot_of(slots, k.right_slot) == left_value(k, t))) {
            return false;
        }
    }
    return s.keys_only() || join_tests_pass(s, n, t, f);
}

bool Memory::join_keys_match(const JoinSpec& s, std::span<const Value> left, FactId f) const {
    const auto& slots = facts_.get(f).slots;
    for (std::size_t i = 0; i < left.size(); ++i) {
        if (!(slot_of(slots, s.keys[i].right_slot) == left[i])) {
            return false;
        }
    }
    return true;
}

bool Memory::join_tests_pass(const JoinSpec& s, const Node& n, TokenId t, FactId f) {
    const auto& slots = facts_.get(f).slots;
    std::optional<Frame> fr;  // built only for a test that is not `slot OP ?var`
    std::optional<EvalError> error;
    for (std::size_t i = 0; i < s.tests.size(); ++i) {
        const ir::Constraint& c = s.tests[i];
        const Value& v = slot_of(slots, c.slot);
        if (const std::uint16_t hops = s.test_hops[i]; hops != JoinSpec::no_hops) {
            // `slot OP ?var` with ?var a slot of an earlier fact: compare in place
            const TokenId holder = tokens_.ancestor(t, hops);
            assert(holder == tokens_.find_position(t, c.rhs.token));
            if (const Value* rhs = fact_slot(holder, c.rhs.slot)) {
                if (!compare_values(c.op, v, *rhs)) {
                    return false;
                }
                continue;
            }
        }
        if (!fr) {
            fr = frame(t, s.position, f);
        }
        if (!test_constraint(c, v, *fr, error)) {
            record_error(error, n);
            return false;
        }
    }
    return passes_checks(s, n, t, f);
}

bool Memory::passes_checks(const JoinSpec& s, const Node& n, TokenId t, FactId f) {
    // (a `test ?var OP EXPR` on the new fact alone never gets here: it became an alpha test)
    for (const ir::Expr& check : s.checks) {
        if (!test_passes(check, n, t, s.position, f)) {
            return false;
        }
    }
    return true;
}

bool Memory::alpha_passes(const AlphaNode& a, FactId f) {
    if (a.tests.empty()) {
        return true;
    }
    const auto& slots = facts_.get(f).slots;
    std::optional<Frame> fr;  // built only for a test that is not `slot OP literal`
    std::optional<EvalError> error;
    for (const auto& c : a.tests) {
        const Value& v = slot_of(slots, c.slot);
        if (c.rhs.kind == ir::ExprKind::Literal) {
            if (!compare_values(c.op, v, c.rhs.value)) {
                return false;
            }
            continue;
        }
        if (!fr) {
            fr = frame(no_token, self_position, f);
        }
        if (!test_constraint(c, v, *fr, error)) {
            if (error && !error_) {
                error_ = MatchError{std::move(*error), a.first_rule};
            }
            return false;
        }
    }
    return true;
}

}  // namespace maslahat::rete
