// The mutable side of the network for one session: facts, tokens, alpha memories and the
// per-node memories (hashed left/right indexes, negation counts, NCC results, aggregate
// state). Propagation follows Doorenbos: right_activate/left_activate on assert,
// tree-based token deletion on retract. The node-kind algorithms live in <kind>_node.cpp.
#pragma once

#include "rete/alpha_dispatch.hpp"
#include "rete/eval.hpp"
#include "rete/fact_table.hpp"
#include "rete/left_memory.hpp"
#include "rete/match_listener.hpp"
#include "rete/network.hpp"
#include "rete/token.hpp"

#include <absl/container/flat_hash_map.h>
#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

namespace maslahat::rete {

/// Folds one join-key value's hash into a join-key hash (left_hash, right_hash).
constexpr std::size_t join_key_mix(std::size_t h, std::size_t v) {
    return (h ^ v) * 0x100000001b3ULL + 0x9e3779b97f4a7c15ULL;
}

struct JoinMemory {
    LeftMemory left;
    HashIndex<FactId> right;
};

/// A negative node keeps only counts: a retracted fact finds the tokens it blocked by
/// testing its left bucket again (facts are immutable, so the tests give the same answer).
struct NegativeMemory {
    LeftMemory left;
    HashIndex<FactId> right;
    /// states of tokens whose node has another first child (else kept in Token::gate: when
    /// `left` is intrusive)
    absl::flat_hash_map<TokenId, GateState> states;
};

struct NccMemory {
    struct State {
        std::uint32_t count = 0;
        bool seen = false;  ///< the NCC node itself got the owner token
        TokenId output = no_token;
    };
    std::unordered_map<TokenId, State> states;
};

struct ValueLess {
    bool operator()(const Value& a, const Value& b) const {
        return Value::compare(a, b) < 0;
    }
};

struct AggregateMemory {
    LeftMemory left;
    HashIndex<FactId> right;
    struct State {
        std::uint32_t count = 0;                 ///< matching facts
        std::multiset<Value, ValueLess> sorted;  ///< the argument values it keeps
        TokenId output = no_token;
    };
    std::unordered_map<TokenId, State> states;
};

/// A run-time error raised while matching (e.g. division by zero in a `test`).
struct MatchError {
    EvalError error;
    std::uint32_t rule = 0;
};

class Memory {
public:
    Memory(const Network& network, MatchListener& listener);

    /// Sets where parameter values come from (must outlive the memory).
    void set_params(const std::vector<Value>* params) {
        params_ = params;
    }
    /// Activates the root token (rules whose first condition is `not`, `test`, or an
    /// aggregate can match with no facts). Call once, after parameters are final.
    void start();
    bool started() const {
        return started_;
    }

    FactTable& facts() {
        return facts_;
    }
    const FactTable& facts() const {
        return facts_;
    }
    const TokenStore& tokens() const {
        return tokens_;
    }
    const Network& network() const {
        return net_;
    }

    /// Adds a fact to the table and propagates it.
    /// (`slots`: see FactTable::add — a caller's buffer may be kept for its next fact)
    FactId assert_fact(ir::TemplateIndex template_index, std::vector<Value>&& slots) {
        const std::size_t hash = FactTable::content_hash(template_index, slots);
        return assert_fact(template_index, std::move(slots), hash);
    }
    /// The same with `hash` = FactTable::content_hash(template_index, slots).
    FactId assert_fact(ir::TemplateIndex template_index, std::vector<Value>&& slots,
                       std::size_t hash);
    /// Retracts a live fact and propagates the removal.
    void retract_fact(FactId id);
    /// Frees every token and beta memory (the match state) but keeps the facts: for reading
    /// the final working memory after a run. Nothing may be asserted or retracted after it.
    void release_matches();
    /// Ends a firing: storage of the facts retracted so far is reused from now on.
    void reclaim() {
        facts_.reclaim();
    }
    /// For the firing in progress: its actions will retract `f` (a retract/modify target).
    /// Until f is retracted, tokens that would hold it are not built — they could never
    /// fire and would be deleted within the firing — unless they feed a `not { }` /
    /// `exists { }` group, whose counts other tokens see.
    void doom(FactId f) {
        if (std::find(doomed_.begin(), doomed_.end(), f) == doomed_.end()) {
            doomed_.push_back(f);  // once: chain_doomed counts them
        }
    }
    /// Ends the firing's doomed set. If a doomed fact is still live (an action failed before
    /// its retract), the tokens not built that are still valid are built now, so the match
    /// state is what it would have been without skipping.
    void clear_doomed();

    /// The first error raised while matching, if any (taken: cleared by this call).
    std::optional<MatchError> take_error();

    /// Token positions materialised for a firing (facts and aggregate values).
    std::vector<Binding> snapshot(TokenId token) const;
    /// The same into `out` (its capacity is reused: no allocation per firing).
    void snapshot(TokenId token, std::vector<Binding>& out) const;
    /// Facts currently in an alpha memory, by id (for explanations; scans all facts).
    std::vector<FactId> alpha_facts(AlphaId alpha) const;
    /// Number of tokens a node has in its left memory (for why-not and tests).
    std::size_t left_count(NodeId node) const;
    /// Number of facts a join, negative or aggregate node has in its right memory.
    std::size_t right_count(NodeId node) const;
    std::size_t live_tokens() const {
        return tokens_.live_count();
    }

private:
    friend struct NodeOps;
    // propagation entry points (dispatch on node kind)
    void left_activate(NodeId node, TokenId token);
    /// A join's right memory is read only when a token reaches the join from the left. A
    /// join under the root gets only the root token, at start(), before any fact: it never
    /// reads its right memory, so none is kept (each first pattern of a rule saves it).
    static bool keeps_right_memory(const Node& join) {
        return join.parent != Network::root;
    }
    /// The left memory of a join, negative or aggregate node; null for other kinds.
    const LeftMemory* left_memory(const Node& n) const;
    LeftMemory* left_memory(const Node& n) {
        return const_cast<LeftMemory*>(std::as_const(*this).left_memory(n));
    }
    /// The right memory of a join, negative or aggregate node; null for other kinds and
    /// for a rule's first join, which keeps none.
    const HashIndex<FactId>* right_memory(const Node& n) const;
    HashIndex<FactId>* right_memory(const Node& n) {
        return const_cast<HashIndex<FactId>*>(std::as_const(*this).right_memory(n));
    }
    void left_retract(NodeId node, TokenId token);
    /// `h`: the fact's join-key hash at that node (right_hash), computed by the caller
    void right_activate(NodeId node, FactId fact, std::size_t h);
    void right_retract(NodeId node, FactId fact);
    void emit(NodeId node, TokenId parent, FactId fact, bool has_position, const Value& value);
    /// Makes a token at `node` unless it would hold a doomed fact (see doom()).
    TokenId make_token(NodeId node, TokenId parent, FactId fact, bool has_position,
                       const Value& value);
    bool doomed(NodeId node, TokenId parent, FactId fact) const;
    /// Makes the token a negative/NCC/aggregate node passes on and activates the node's
    /// children with it; no_token when it was not built (doomed).
    TokenId pass_on(const Node& n, NodeId id, TokenId parent, bool has_position,
                    const Value& value);
    void delete_token(TokenId token);

    // per-kind algorithms (join_node.cpp, negative_node.cpp, ...)
    void join_left_activate(const Node& n, NodeId id, TokenId t);
    void join_right_activate(const Node& n, NodeId id, FactId f, std::size_t h);
    void negative_left_activate(const Node& n, NodeId id, TokenId t);
    void negative_right_activate(const Node& n, NodeId id, FactId f, std::size_t h);
    void negative_right_retract(const Node& n, NodeId id, FactId f);
    void negative_left_retract(const Node& n, TokenId t);
    void ncc_left_activate(const Node& n, NodeId id, TokenId t);
    void ncc_left_retract(const Node& n, TokenId t);
    void partner_left_activate(const Node& n, TokenId r);
    void partner_left_retract(const Node& n, TokenId r);
    void ncc_update(NodeId ncc, TokenId owner, std::int32_t delta);
    void aggregate_left_activate(const Node& n, NodeId id, TokenId t);
    void aggregate_right_activate(const Node& n, NodeId id, FactId f, std::size_t h);
    void aggregate_right_retract(const Node& n, NodeId id, FactId f);
    void aggregate_left_retract(const Node& n, TokenId t);
    void aggregate_refresh(const Node& n, NodeId id, TokenId t);
    /// the same with t's state at the node (no lookup; it stays put: std::unordered_map)
    void aggregate_refresh(const Node& n, NodeId id, TokenId t, AggregateMemory::State& st);
    /// An aggregate's result changed to `value`: when the node's only child is a rule's
    /// terminal and the listener still holds the match pending, its output token `out` is
    /// renewed in place (a new value) and the activation re-timed, as Drools
    /// updates an accumulate's result and activation, instead of deleting both and making
    /// them again. The outcome is what delete + make would give; false when not possible.
    /// `stored`: TokenStore::stored_value(out).
    bool renew_output(const Node& n, NodeId id, TokenId parent, TokenId out, Value* stored,
                      Value value);
    void test_left_activate(const Node& n, NodeId id, TokenId t);
    /// Whether `test EXPR` holds for token t, plus `self_fact` at `self_pos` when a join
    /// checks it (else self_position/no_fact); an evaluation error is recorded and fails.
    bool test_passes(const ir::Expr& test, const Node& n, TokenId t, ir::TokenIndex self_pos,
                     FactId self_fact);

    /// Calls fn(token) for each token of a left-memory bucket (LeftMemory::for_each).
    template <typename Fn>
    void for_each_left(const LeftMemory& left, std::size_t h, Fn&& fn) const {
        left.for_each(tokens_, h, std::forward<Fn>(fn));
    }

    // left memories: for a node's first child, O(1) removal through the token's own links
    void left_add(LeftMemory& left, std::size_t h, TokenId t) {
        left.add(tokens_, h, t);
    }
    void left_remove(LeftMemory& left, const JoinSpec& s, TokenId t) {
        left.remove(tokens_, left.intrusive() ? 0 : left_hash(s, t), t);
    }
    /// Empty beta memories; a left memory is intrusive when its node is its parent's first
    /// child (the tokens' links are then its own).
    void reset_memories(std::size_t joins, std::size_t negatives, std::size_t nccs,
                        std::size_t aggregates);
    GateState& gate(const Node& n, TokenId t);

    // join helpers (join_spec.cpp)
    const Value& left_value(const JoinKey& k, TokenId t) const;
    /// Slot `slot` of the fact at position `pos` of token t (nil past its last slot), or
    /// nullptr when that position holds no fact: `?var` read in place, without eval().
    const Value* fact_slot(TokenId t, ir::TokenIndex pos, ir::SlotIndex slot) const;
    /// The same for the token `holder` holding that position.
    const Value* fact_slot(TokenId holder, ir::SlotIndex slot) const;
    std::size_t left_hash(const JoinSpec& s, TokenId t) const;
    std::size_t right_hash(const JoinSpec& s, FactId f) const;
    bool join_passes(const JoinSpec& s, const Node& n, TokenId t, FactId f);
    /// The join's `test` checks (JoinSpec::checks) for token t with fact f.
    bool passes_checks(const JoinSpec& s, const Node& n, TokenId t, FactId f);
    /// join_passes in two steps, for a token met with many facts: its key values `left`
    /// (read once) against the fact's, then the other tests
    bool join_keys_match(const JoinSpec& s, std::span<const Value> left, FactId f) const;
    bool join_tests_pass(const JoinSpec& s, const Node& n, TokenId t, FactId f);
    bool alpha_passes(const AlphaNode& a, FactId f);
    Frame frame(TokenId t, ir::TokenIndex self_pos, FactId self_fact) const;
    void record_error(std::optional<EvalError>& error, const Node& n);

    const Network& net_;
    MatchListener& listener_;
    const std::vector<Value>* params_ = nullptr;
    FactTable facts_;
    TokenStore tokens_;
    TokenId root_token_ = no_token;
    bool started_ = false;
    AlphaDispatch dispatch_;
    std::vector<JoinMemory> joins_;
    std::vector<NegativeMemory> negatives_;
    std::vector<NccMemory> nccs_;
    std::vector<AggregateMemory> aggregates_;
    std::optional<MatchError> error_;
    /// While a fact is retracted: tokens with this serial or later were made after the
    /// fact left the right memories, so no negative node counted it for them.
    std::uint64_t retract_floor_ = 0;
    std::vector<FactId> doomed_;  ///< see doom()
    /// By alpha node: the live facts that passed it (chain_doomed compares them with doomed_).
    std::vector<std::uint32_t> alpha_live_;
    /// Whether every token in the left memory of `node` holds a doomed fact: some join above
    /// it takes its facts from an alpha memory whose live facts are all doomed, and every
    /// token that reaches `node` holds one of them. A right activation of `node` then builds
    /// nothing (each token would be skipped) and is skipped as a whole, without reading a
    /// token. False when an NCC partner is below (see doomed()).
    bool chain_doomed(NodeId node) const;
    /// A token not built because of doomed_, kept to build it after all if a doomed fact
    /// survives the firing (an action failed before retracting it). With parent no_token,
    /// a whole right activation of `node` by `fact` (chain_doomed): the tokens of its left
    /// memory older than `parent_serial` meet the fact again.
    struct Skipped {
        std::uint64_t parent_serial = 0;
        NodeId node{};
        TokenId parent = no_token;
        FactId fact = no_fact;  ///< (an aggregate's result is computed again)
    };
    std::vector<Skipped> skipped_;
    void replay(const Skipped& s);
    void replay_right_activation(const Skipped& s);
    std::vector<bool> feeds_partner_;  ///< by node: an NCC partner is below it
};

}  // namespace maslahat::rete
