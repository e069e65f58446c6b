#include "lint/satisfiable.hpp"

#include "rete/eval.hpp"
#include "rete/expr_equal.hpp"

#include <algorithm>
#include <cmath>

namespace maslahat::lint {
namespace {

bool reads_state(const ir::Expr& expr) {
    if (expr.kind == ir::ExprKind::Local) {
        return true;
    }
    return std::any_of(expr.args.begin(), expr.args.end(),
                       [](const ir::Expr& a) { return reads_state(a); });
}

bool is_ordering(ir::Op op) {
    return op == ir::Op::Lt || op == ir::Op::Le || op == ir::Op::Gt || op == ir::Op::Ge;
}

/// Every number a test mentions (directly or in an `in [...]` list).
void collect_numbers(const Value& v, std::vector<double>& out) {
    if (v.is_numeric()) {
        out.push_back(v.as_number());
    } else if (v.kind() == ValueKind::List) {
        for (const auto& item : v.items()) {
            collect_numbers(item, out);
        }
    }
}

void collect_texts(const Value& v, std::vector<Value>& out) {
    if (v.is_text() || v.kind() == ValueKind::Bool) {
        out.push_back(v);
    } else if (v.kind() == ValueKind::List) {
        for (const auto& item : v.items()) {
            collect_texts(item, out);
        }
    }
}

/// Numbers close to every constant: each solution set of tests `x OP c` is a union of
/// intervals whose end points are constants, so probing at, between and next to them finds
/// a member of every non-empty one.
std::vector<Value> numeric_candidates(const ir::Slot& slot,
                                      const std::vector<ConstantTest>& tests) {
    std::vector<double> points;
    for (const auto& t : tests) {
        collect_numbers(t.value, points);
    }
    if (slot.type.low) {
        points.push_back(*slot.type.low);
    }
    if (slot.type.high) {
        points.push_back(*slot.type.high);
    }
    points.push_back(0);
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    std::vector<double> probes;
    const bool is_int = slot.type.base == ir::BaseType::Int;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const double c = points[i];
        if (is_int) {
            for (double p : {std::floor(c) - 1, std::floor(c), std::ceil(c), std::ceil(c) + 1}) {
                probes.push_back(p);
            }
        } else {
            probes.push_back(c);
            probes.push_back(c - 1);
            probes.push_back(c + 1);
            if (i + 1 < points.size()) {
                probes.push_back(c + (points[i + 1] - c) / 2);
            }
        }
    }
    std::vector<Value> out;
    for (double p : probes) {
        if ((slot.type.low && p < *slot.type.low) || (slot.type.high && p > *slot.type.high)) {
            continue;
        }
        if (is_int) {
            if (std::abs(p) < 9.0e15) {
                out.push_back(Value::integer(static_cast<std::int64_t>(p)));
            }
        } else {
            out.push_back(Value::number(p));
        }
    }
    return out;
}

std::vector<Value> other_candidates(const ir::Slot& slot, const std::vector<ConstantTest>& tests) {
    std::vector<Value> out;
    switch (slot.type.base) {
        case ir::BaseType::Bool:
            out = {Value::boolean(true), Value::boolean(false)};
            break;
        case ir::BaseType::Symbol:
            if (!slot.type.symbols.empty()) {
                for (Atom a : slot.type.symbols) {
                    out.push_back(Value::symbol_atom(a));
                }
                break;
            }
            [[fallthrough]];
        default:
            for (const auto& t : tests) {
                collect_texts(t.value, out);
            }
            // A value equal to no constant stands for "anything else".
            out.push_back(Value::string("\x01 maslahat lint: any other value"));
            break;
    }
    return out;
}

}  // namespace

std::optional<Value> constant_value(const ir::Expr& expr, const ir::Program& program) {
    if (rete::references_other_positions(expr, rete::self_position) || reads_state(expr)) {
        return std::nullopt;
    }
    std::vector<Value> params;
    params.reserve(program.params.size());
    for (const auto& p : program.params) {
        params.push_back(p.value);
    }
    rete::Frame frame;
    frame.params = &params;
    std::optional<rete::EvalError> error;
    Value v = rete::evaluate(expr, frame, error);
    if (error) {
        return std::nullopt;
    }
    return v;
}

bool satisfiable(const ir::Slot& slot, const std::vector<ConstantTest>& tests) {
    if (slot.type.list || tests.empty()) {
        return true;
    }
    const bool numeric =
        slot.type.base == ir::BaseType::Int || slot.type.base == ir::BaseType::Number;
    if (!numeric && std::any_of(tests.begin(), tests.end(),
                                [](const ConstantTest& t) { return is_ordering(t.op); })) {
        return true;
    }
    std::vector<Value> candidates =
        numeric ? numeric_candidates(slot, tests) : other_candidates(slot, tests);
    if (slot.optional) {
        candidates.emplace_back();
    }
    return std::any_of(candidates.begin(), candidates.end(), [&](const Value& candidate) {
        return std::all_of(tests.begin(), tests.end(), [&](const ConstantTest& t) {
            return rete::compare_values(t.op, candidate, t.value);
        });
    });
}

}  // namespace maslahat::lint
