// Built-in functions (spec §4.2): name, arity and result type of
// abs min max round floor ceil sqrt len lower upper concat str num.
#include "sema/checker.hpp"
#include "support/did_you_mean.hpp"

#include <array>

namespace maslahat::sema {
namespace {

enum class ArgKind : std::uint8_t { Numeric, Text, Sized, Convertible, AnyValue };

struct BuiltinInfo {
    std::string_view name;
    ir::Builtin function;
    std::size_t min_args;
    std::size_t max_args;  // 0: no limit
    ArgKind args;
};

constexpr std::array<BuiltinInfo, 13> builtins{{
    {"abs", ir::Builtin::Abs, 1, 1, ArgKind::Numeric},
    {"min", ir::Builtin::Min, 1, 0, ArgKind::Numeric},
    {"max", ir::Builtin::Max, 1, 0, ArgKind::Numeric},
    {"round", ir::Builtin::Round, 1, 1, ArgKind::Numeric},
    {"floor", ir::Builtin::Floor, 1, 1, ArgKind::Numeric},
    {"ceil", ir::Builtin::Ceil, 1, 1, ArgKind::Numeric},
    {"sqrt", ir::Builtin::Sqrt, 1, 1, ArgKind::Numeric},
    {"len", ir::Builtin::Len, 1, 1, ArgKind::Sized},
    {"lower", ir::Builtin::Lower, 1, 1, ArgKind::Text},
    {"upper", ir::Builtin::Upper, 1, 1, ArgKind::Text},
    {"concat", ir::Builtin::Concat, 1, 0, ArgKind::AnyValue},
    {"str", ir::Builtin::Str, 1, 1, ArgKind::AnyValue},
    {"num", ir::Builtin::Num, 1, 1, ArgKind::Convertible},
}};

bool accepts(ArgKind kind, Type t) {
    if (t.is_any()) {
        return true;
    }
    switch (kind) {
        case ArgKind::Numeric:
            return t.is_numeric();
        case ArgKind::Text:
            return t.is_text();
        case ArgKind::Sized:
            return t.is_text() || t.is_list();
        case ArgKind::Convertible:
            return t.is_text() || t.is_numeric();
        case ArgKind::AnyValue:
            return true;
    }
    return true;
}

std::string_view expected(ArgKind kind) {
    switch (kind) {
        case ArgKind::Numeric:
            return "a number";
        case ArgKind::Text:
            return "a string";
        case ArgKind::Sized:
            return "a string or a list";
        case ArgKind::Convertible:
            return "a string or a number";
        case ArgKind::AnyValue:
            return "a value";
    }
    return "a value";
}

std::string arity_text(const BuiltinInfo& info) {
    if (info.max_args == 0) {
        return "at least " + std::to_string(info.min_args) + " argument" +
               (info.min_args == 1 ? "" : "s");
    }
    return std::to_string(info.min_args) + " argument" + (info.min_args == 1 ? "" : "s");
}

}  // namespace

Typed Checker::lower_call(const ast::Call& call) {
    Typed out;
    out.expr.kind = ir::ExprKind::Call;
    out.expr.span = span(call);
    std::vector<Typed> args;
    for (const auto& a : call.args) {
        args.push_back(lower_expr(a));
    }
    const BuiltinInfo* info = nullptr;
    for (const auto& b : builtins) {
        if (b.name == call.function.text) {
            info = &b;
        }
    }
    if (info == nullptr) {
        std::vector<std::string_view> names;
        for (const auto& b : builtins) {
            names.push_back(b.name);
        }
        error(DiagCode::E0206, span(call.function),
              "unknown function '" + call.function.text + "'" +
                  support::did_you_mean(call.function.text, names));
        out.expr.kind = ir::ExprKind::Literal;
        return out;
    }
    out.expr.function = info->function;
    const std::size_t n = args.size();
    if (n < info->min_args || (info->max_args != 0 && n > info->max_args)) {
        error(DiagCode::E0206, span(call),
              "function '" + std::string(info->name) + "' takes " + arity_text(*info) + ", but " +
                  std::to_string(n) + (n == 1 ? " was" : " were") + " given");
        out.expr.kind = ir::ExprKind::Literal;
        return out;
    }
    // min/max also take one list of numbers.
    const bool list_form =
        (info->function == ir::Builtin::Min || info->function == ir::Builtin::Max) && n == 1 &&
        args[0].type.is_list();
    bool all_int = true;
    bool any_unknown = false;
    bool ok = true;
    for (const auto& a : args) {
        Type t = a.type;
        if (list_form) {
            t = Type::of(t.element);
        }
        if (!accepts(info->args, t)) {
            error(DiagCode::E0303, a.expr.span,
                  "argument of '" + std::string(info->name) + "' must be " +
                      std::string(expected(info->args)) + ", found " + a_type_name(a.type));
            ok = false;
        }
        all_int = all_int && t.kind == TypeKind::Int;
        any_unknown = any_unknown || t.is_any();
    }
    for (auto& a : args) {
        out.expr.args.push_back(std::move(a.expr));
    }
    if (!ok) {
        return out;
    }
    switch (info->function) {
        case ir::Builtin::Abs:
        case ir::Builtin::Min:
        case ir::Builtin::Max:
            if (any_unknown) {
                out.type = Type{};
            } else {
                out.type = all_int ? Type::of(TypeKind::Int) : Type::of(TypeKind::Number);
            }
            break;
        case ir::Builtin::Round:
        case ir::Builtin::Floor:
        case ir::Builtin::Ceil:
        case ir::Builtin::Len:
            out.type = Type::of(TypeKind::Int);
            break;
        case ir::Builtin::Sqrt:
        case ir::Builtin::Num:
            out.type = Type::of(TypeKind::Number);
            break;
        case ir::Builtin::Lower:
        case ir::Builtin::Upper:
        case ir::Builtin::Concat:
        case ir::Builtin::Str:
            out.type = Type::of(TypeKind::String);
            break;
    }
    return out;
}

}  // namespace maslahat::sema
