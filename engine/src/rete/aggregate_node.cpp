// AggregateNode activations: incremental count/sum/min/max/avg per left token. Values are
// kept in a sorted multiset, so sums are added in value order and the result does not
// depend on the order facts arrived in. No per-fact records: a retracted fact finds the
// tokens it counted for by testing its left bucket again and evaluating its argument again
// (facts are immutable; tokens made after it left the right memory never counted it).
#include "rete/memory.hpp"

namespace maslahat::rete {
namespace {

using ir::AggregateFunction;

/// The aggregate result, or nullopt when the condition fails (min/max/avg over nothing).
std::optional<Value> result_of(AggregateFunction fn, const AggregateMemory::State& st,
                               std::optional<EvalError>& error, const ir::Expr* at) {
    switch (fn) {
        case AggregateFunction::Count:
            return Value::integer(st.count);
        case AggregateFunction::Min:
            if (st.sorted.empty()) {
                return std::nullopt;
            }
            return *st.sorted.begin();
        case AggregateFunction::Max:
            if (st.sorted.empty()) {
                return std::nullopt;
            }
            return *st.sorted.rbegin();
        case AggregateFunction::Sum:
        case AggregateFunction::Avg: {
            if (fn == AggregateFunction::Avg && st.sorted.empty()) {
                return std::nullopt;
            }
            bool all_int = true;
            std::int64_t isum = 0;
            double dsum = 0;
            for (const Value& v : st.sorted) {
                if (v.kind() == ValueKind::Int && all_int) {
                    if (__builtin_add_overflow(isum, v.as_int(), &isum)) {
                        if (!error) {
                            error = EvalError{DiagCode::E0902, "integer overflow in sum",
                                              at != nullptr ? at->span : SourceSpan{}};
                        }
                        return std::nullopt;
                    }
                } else {
                    all_int = false;
                }
                dsum += v.as_number();
            }
            if (fn == AggregateFunction::Avg) {
                return Value::number(dsum / static_cast<double>(st.sorted.size()));
            }
            return all_int ? Value::integer(isum) : Value::number(dsum);
        }
    }
    return std::nullopt;
}

bool keeps_value(AggregateFunction fn, const Value& v) {
    if (fn == AggregateFunction::Count || v.is_nil()) {
        return false;
    }
    if (fn == AggregateFunction::Sum || fn == AggregateFunction::Avg) {
        return v.is_numeric();
    }
    return true;
}

}  // namespace

void Memory::aggregate_left_activate(const Node& n, NodeId id, TokenId t) {
    const AggregateNode& node = net_.aggregate(n);
    auto& mem = aggregates_[n.data];
    const std::size_t h = left_hash(node.spec, t);
    left_add(mem.left, h, t);
    auto& st = mem.states[t];
    if (const auto* bucket = mem.right.find(h)) {
        for (const FactId f : *bucket) {
            if (!join_passes(node.spec, n, t, f)) {
                continue;
            }
            ++st.count;
            if (node.argument) {
                std::optional<EvalError> error;
                Value v = evaluate(*node.argument, frame(t, node.spec.position, f), error);
                record_error(error, n);
                if (keeps_value(node.function, v)) {
                    st.sorted.insert(std::move(v));
                }
            }
        }
    }
    aggregate_refresh(n, id, t, st);
}

void Memory::aggregate_right_activate(const Node& n, NodeId id, FactId f, std::size_t h) {
    const AggregateNode& node = net_.aggregate(n);
    for_each_left(aggregates_[n.data].left, h, [&](TokenId t) {
        if (!join_passes(node.spec, n, t, f)) {
            return;
        }
        auto& st = aggregates_[n.data].states[t];
        ++st.count;
        if (node.argument) {
            std::optional<EvalError> error;
            Value v = evaluate(*node.argument, frame(t, node.spec.position, f), error);
            record_error(error, n);
            if (keeps_value(node.function, v)) {
                st.sorted.insert(std::move(v));
            }
        }
        aggregate_refresh(n, id, t, st);
    });
}

void Memory::aggregate_right_retract(const Node& n, NodeId id, FactId f) {
    const AggregateNode& node = net_.aggregate(n);
    for_each_left(aggregates_[n.data].left, right_hash(node.spec, f), [&](TokenId t) {
        if (tokens_[t].serial >= retract_floor_ || !join_passes(node.spec, n, t, f)) {
            return;
        }
        auto& st = aggregates_[n.data].states[t];
        --st.count;
        if (node.argument) {
            // the value it added (an error was reported when it was added)
            std::optional<EvalError> ignored;
            const Value v = evaluate(*node.argument, frame(t, node.spec.position, f), ignored);
            if (keeps_value(node.function, v)) {
                // among equivalent values (1 and 1.0 compare equal) take one of its kind
                auto [it, end] = st.sorted.equal_range(v);
                while (it != end && it->kind() != v.kind()) {
                    ++it;
                }
                if (it != end) {
                    st.sorted.erase(it);
                }
            }
        }
        if (!tokens_[t].dying) {
            aggregate_refresh(n, id, t, st);
        }
    });
}

void Memory::aggregate_left_retract(const Node& n, TokenId t) {
    auto& mem = aggregates_[n.data];
    left_remove(mem.left, net_.aggregate(n).spec, t);
    mem.states.erase(t);
}

void Memory::aggregate_refresh(const Node& n, NodeId id, TokenId t) {
    aggregate_refresh(n, id, t, aggregates_[n.data].states[t]);
}

void Memory::aggregate_refresh(const Node& n, NodeId id, TokenId t, AggregateMemory::State& st) {
    const AggregateNode& node = net_.aggregate(n);
    std::optional<EvalError> error;
    const std::optional<Value> result =
        result_of(node.function, st, error, node.argument ? &*node.argument : nullptr);
    record_error(error, n);
    if (st.output != no_token) {
        Value* old = tokens_.stored_value(st.output);  // found once: compared, then replaced
        if (result && old != nullptr && old->kind() == result->kind() && *old == *result) {
            return;  // unchanged: the match stays as it is
        }
        if (result && !tokens_[t].dying && renew_output(n, id, t, st.output, old, *result)) {
            return;
        }
        const TokenId out = st.output;
        st.output = no_token;
        delete_token(out);
    }
    if (result && !tokens_[t].dying) {
        st.output = pass_on(n, id, t, true, *result);
    }
}

bool Memory::renew_output(const Node& n, NodeId id, TokenId parent, TokenId out, Value* stored,
                          Value value) {
    if (n.children.size() != 1) {
        return false;  // a listener sees unmatched for all children, then matched for all
    }
    const Node& child = net_.node(n.children.front());
    if (child.kind != NodeKind::Terminal || doomed(id, parent, no_fact)) {
        return false;
    }
    if (!listener_.rematched(net_.terminal(child).rule, out, tokens_[out].serial)) {
        return false;
    }
    tokens_.renew(out, stored, std::move(value));
    return true;
}

}  // namespace maslahat::rete
