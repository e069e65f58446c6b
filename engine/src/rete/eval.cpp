#include "rete/eval.hpp"

#include "support/utf8.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace maslahat::rete {
namespace {

using ir::Builtin;
using ir::Expr;
using ir::ExprKind;
using ir::Op;

/// Internal only: unwinds to evaluate(), which turns it into an EvalError.
struct Failure {
    EvalError error;
};

[[noreturn]] void fail(DiagCode code, const Expr& at, std::string message) {
    throw Failure{EvalError{code, std::move(message), at.span}};
}

Binding position(const Frame& f, ir::TokenIndex pos, const Expr& at) {
    if (pos == f.self_pos && f.self_fact != no_fact) {
        return Binding{f.self_fact, Value()};
    }
    if (f.flat != nullptr) {
        if (pos < f.flat->size()) {
            return (*f.flat)[pos];
        }
    } else if (f.tokens != nullptr && f.token != no_token) {
        const TokenId t = f.tokens->find_position(f.token, pos);
        if (t != no_token) {
            const Token& tok = (*f.tokens)[t];
            return Binding{tok.fact, f.tokens->value(t)};
        }
    }
    fail(DiagCode::E0905, at, fmt::format("token position {} is not bound", pos));
}

Value number_result(double d, const Expr& at) {
    if (!std::isfinite(d)) {
        fail(DiagCode::E0905, at, "arithmetic result is not a finite number");
    }
    return Value::number(d);
}

const Value& require_numeric(const Value& v, const Expr& at, const char* what) {
    if (!v.is_numeric()) {
        fail(DiagCode::E0905, at,
             fmt::format("{} needs a number, got {}", what, v.is_nil() ? "nil" : v.to_string()));
    }
    return v;
}

Value arithmetic(Op op, const Value& a, const Value& b, const Expr& at) {
    if (op == Op::Add && a.is_text() && b.is_text()) {
        return Value::string(std::string(a.text()) + std::string(b.text()));
    }
    const char* names[] = {"+", "-", "*", "/", "%"};
    const char* name = names[static_cast<int>(op) - static_cast<int>(Op::Add)];
    require_numeric(a, at, name);
    require_numeric(b, at, name);
    const bool ints = a.kind() == ValueKind::Int && b.kind() == ValueKind::Int;
    switch (op) {
        case Op::Add:
        case Op::Sub:
        case Op::Mul: {
            if (ints) {
                std::int64_t r = 0;
                const bool overflow =
                    op == Op::Add   ? __builtin_add_overflow(a.as_int(), b.as_int(), &r)
                    : op == Op::Sub ? __builtin_sub_overflow(a.as_int(), b.as_int(), &r)
                                    : __builtin_mul_overflow(a.as_int(), b.as_int(), &r);
                if (overflow) {
                    fail(DiagCode::E0902, at,
                         fmt::format("integer overflow in {} {} {}", a.as_int(), name, b.as_int()));
                }
                return Value::integer(r);
            }
            const double x = a.as_number();
            const double y = b.as_number();
            return number_result(op == Op::Add ? x + y : op == Op::Sub ? x - y : x * y, at);
        }
        case Op::Div:
            if (b.as_number() == 0.0) {
                fail(DiagCode::E0901, at, "division by zero");
            }
            return number_result(a.as_number() / b.as_number(), at);
        case Op::Mod:
            if (b.as_number() == 0.0) {
                fail(DiagCode::E0901, at, "division by zero");
            }
            if (ints) {
                if (a.as_int() == std::numeric_limits<std::int64_t>::min() && b.as_int() == -1) {
                    return Value::integer(0);
                }
                return Value::integer(a.as_int() % b.as_int());
            }
            return number_result(std::fmod(a.as_number(), b.as_number()), at);
        default:
            break;
    }
    fail(DiagCode::E0905, at, "unknown arithmetic operator");
}

Value to_int_if_fits(double d, const Expr& at) {
    if (!std::isfinite(d)) {
        fail(DiagCode::E0905, at, "result is not a finite number");
    }
    // 2^63 is exact as a double; [-2^63, 2^63) is exactly the range of int64.
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
        return Value::integer(static_cast<std::int64_t>(d));
    }
    fail(DiagCode::E0902, at, "integer overflow: the result does not fit a 64-bit int");
}

std::string map_ascii(std::string_view text, bool upper) {
    std::string out(text);
    for (auto& c : out) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80) {
            c = static_cast<char>(upper ? std::toupper(u) : std::tolower(u));
        }
    }
    return out;
}

Value call(const Expr& e, const std::vector<Value>& args) {
    auto arg = [&](std::size_t i) -> const Value& {
        if (i >= args.size()) {
            fail(DiagCode::E0905, e, "missing function argument");
        }
        return args[i];
    };
    switch (e.function) {
        case Builtin::Abs: {
            const Value& v = require_numeric(arg(0), e, "abs");
            if (v.kind() == ValueKind::Int) {
                if (v.as_int() == std::numeric_limits<std::int64_t>::min()) {
                    fail(DiagCode::E0902, e, "integer overflow in abs");
                }
                return Value::integer(v.as_int() < 0 ? -v.as_int() : v.as_int());
            }
            return Value::number(std::fabs(v.as_number()));
        }
        case Builtin::Min:
        case Builtin::Max: {
            const std::vector<Value>& items =
                args.size() == 1 && arg(0).kind() == ValueKind::List ? args[0].items() : args;
            const Value* best = nullptr;
            for (const auto& v : items) {
                if (v.is_nil()) {
                    continue;
                }
                if (best != nullptr && !Value::comparable(*best, v)) {
                    fail(DiagCode::E0905, e, "min/max of values that cannot be compared");
                }
                const int c = best == nullptr ? 0 : Value::compare(v, *best);
                if (best == nullptr || (e.function == Builtin::Min ? c < 0 : c > 0)) {
                    best = &v;
                }
            }
            return best == nullptr ? Value() : *best;
        }
        case Builtin::Round:
        case Builtin::Floor:
        case Builtin::Ceil: {
            const Value& v = require_numeric(arg(0), e, "round/floor/ceil");
            if (v.kind() == ValueKind::Int) {
                return v;
            }
            const double d = v.as_number();
            return to_int_if_fits(e.function == Builtin::Round   ? std::round(d)
                                  : e.function == Builtin::Floor ? std::floor(d)
                                                                 : std::ceil(d),
                                  e);
        }
        case Builtin::Sqrt: {
            const double d = require_numeric(arg(0), e, "sqrt").as_number();
            if (d < 0) {
                fail(DiagCode::E0905, e,
                     fmt::format("sqrt of a negative number ({})", arg(0).to_string()));
            }
            return Value::number(std::sqrt(d));
        }
        case Builtin::Len: {
            const Value& v = arg(0);
            if (v.kind() == ValueKind::List) {
                return Value::integer(static_cast<std::int64_t>(v.items().size()));
            }
            if (v.is_text()) {
                return Value::integer(support::count_code_points(v.text()));
            }
            fail(DiagCode::E0905, e, "len needs a string or a list");
        }
        case Builtin::Lower:
        case Builtin::Upper: {
            const Value& v = arg(0);
            if (!v.is_text()) {
                fail(DiagCode::E0905, e, "lower/upper need a string");
            }
            auto text = map_ascii(v.text(), e.function == Builtin::Upper);
            return v.kind() == ValueKind::Symbol ? Value::symbol(text) : Value::string(text);
        }
        case Builtin::Concat: {
            std::string out;
            for (const auto& v : args) {
                out += v.to_string();
            }
            return Value::string(out);
        }
        case Builtin::Str:
            return Value::string(arg(0).to_string());
        case Builtin::Num: {
            const Value& v = arg(0);
            if (v.is_numeric()) {
                return v;
            }
            if (v.is_text()) {
                const std::string text(v.text());
                char* end = nullptr;
                const double d = std::strtod(text.c_str(), &end);
                if (!text.empty() && end == text.c_str() + text.size() && std::isfinite(d)) {
                    return Value::number(d);
                }
            }
            return Value();
        }
    }
    fail(DiagCode::E0905, e, "unknown function");
}

Value eval(const Expr& e, const Frame& f) {
    switch (e.kind) {
        case ExprKind::Literal:
            return e.value;
        case ExprKind::Param:
            if (f.params == nullptr || e.param >= f.params->size()) {
                fail(DiagCode::E0905, e, "unknown parameter");
            }
            return (*f.params)[e.param];
        case ExprKind::SlotRef: {
            const Binding b = position(f, e.token, e);
            if (b.fact == no_fact) {
                fail(DiagCode::E0905, e, "slot access on a value that is not a fact");
            }
            const auto& slots = f.facts->get(b.fact).slots;
            return e.slot < slots.size() ? slots[e.slot] : Value();
        }
        case ExprKind::FactRef: {
            const Binding b = position(f, e.token, e);
            return Value::integer(index(b.fact));
        }
        case ExprKind::Aggregate:
            return position(f, e.token, e).value;
        case ExprKind::Local:
            if (f.locals == nullptr || e.local >= f.locals->size()) {
                fail(DiagCode::E0905, e, "local variable read before bind");
            }
            return (*f.locals)[e.local];
        case ExprKind::List: {
            std::vector<Value> items;
            items.reserve(e.args.size());
            for (const auto& a : e.args) {
                items.push_back(eval(a, f));
            }
            return Value::list(std::move(items));
        }
        case ExprKind::Unary: {
            const Value v = eval(e.args.at(0), f);
            if (e.op == Op::Not) {
                return Value::boolean(!truthy(v));
            }
            require_numeric(v, e, "unary -");
            if (v.kind() == ValueKind::Int) {
                if (v.as_int() == std::numeric_limits<std::int64_t>::min()) {
                    fail(DiagCode::E0902, e, "integer overflow in unary -");
                }
                return Value::integer(-v.as_int());
            }
            return Value::number(-v.as_number());
        }
        case ExprKind::Binary: {
            if (e.op == Op::And) {
                return Value::boolean(truthy(eval(e.args.at(0), f)) &&
                                      truthy(eval(e.args.at(1), f)));
            }
            if (e.op == Op::Or) {
                return Value::boolean(truthy(eval(e.args.at(0), f)) ||
                                      truthy(eval(e.args.at(1), f)));
            }
            const Value a = eval(e.args.at(0), f);
            const Value b = eval(e.args.at(1), f);
            if (e.op >= Op::Add) {
                return arithmetic(e.op, a, b, e);
            }
            return Value::boolean(compare_values(e.op, a, b));
        }
        case ExprKind::Call: {
            std::vector<Value> args;
            args.reserve(e.args.size());
            for (const auto& a : e.args) {
                args.push_back(eval(a, f));
            }
            return call(e, args);
        }
        case ExprKind::Concat: {
            std::string out;
            for (const auto& a : e.args) {
                out += eval(a, f).to_string();
            }
            return Value::string(out);
        }
    }
    fail(DiagCode::E0905, e, "unknown expression");
}

bool contains(const Value& container, const Value& item) {
    if (container.kind() == ValueKind::List) {
        for (const auto& v : container.items()) {
            if (v == item) {
                return true;
            }
        }
        return false;
    }
    if (container.is_text() && item.is_text()) {
        return container.text().find(item.text()) != std::string_view::npos;
    }
    return false;
}

}  // namespace

bool compare_values(ir::Op op, const Value& lhs, const Value& rhs) {
    switch (op) {
        case Op::Eq:
            return lhs == rhs;
        case Op::Ne:
            return !(lhs == rhs);
        case Op::Lt:
        case Op::Le:
        case Op::Gt:
        case Op::Ge: {
            if (!Value::comparable(lhs, rhs)) {
                return false;
            }
            const int c = Value::compare(lhs, rhs);
            return op == Op::Lt ? c < 0 : op == Op::Le ? c <= 0 : op == Op::Gt ? c > 0 : c >= 0;
        }
        case Op::In:
            return contains(rhs, lhs);
        case Op::NotIn:
            return !contains(rhs, lhs);
        case Op::Contains:
            return contains(lhs, rhs);
        default:
            return false;
    }
}

Value evaluate(const ir::Expr& expr, const Frame& frame, std::optional<EvalError>& error) {
    // `?var` bound to a matched fact's slot in a firing's bindings (an action's most common
    // argument): read in place; what eval() would do, without copying the binding
    if (expr.kind == ExprKind::SlotRef && frame.flat != nullptr &&
        expr.token < frame.flat->size() &&
        (expr.token != frame.self_pos || frame.self_fact == no_fact)) {
        if (const FactId f = (*frame.flat)[expr.token].fact; f != no_fact) {
            const auto& slots = frame.facts->get(f).slots;
            return expr.slot < slots.size() ? slots[expr.slot] : Value();
        }
    }
    try {
        return eval(expr, frame);
    } catch (Failure& failure) {
        if (!error) {
            error = std::move(failure.error);
        }
        return Value();
    }
}

bool test_constraint(const ir::Constraint& constraint, const Value& slot_value, const Frame& frame,
                     std::optional<EvalError>& error) {
    if (constraint.rhs.kind == ir::ExprKind::Literal) {
        // the common alpha test `slot OP literal`: no evaluation, no copy
        return compare_values(constraint.op, slot_value, constraint.rhs.value);
    }
    const bool had_error = error.has_value();
    const Value rhs = evaluate(constraint.rhs, frame, error);
    if (!had_error && error) {
        return false;
    }
    return compare_values(constraint.op, slot_value, rhs);
}

}  // namespace maslahat::rete
