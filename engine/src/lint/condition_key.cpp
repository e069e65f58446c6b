#include "lint/condition_key.hpp"

namespace maslahat::lint {
namespace {

void put(std::string& out, unsigned n) {
    out += std::to_string(n);
    out += ' ';
}

void expr_key(const ir::Expr& e, std::string& out) {
    out += '(';
    put(out, static_cast<unsigned>(e.kind));
    switch (e.kind) {
        case ir::ExprKind::Literal:
            put(out, static_cast<unsigned>(e.value.kind()));
            out += e.value.to_string();
            break;
        case ir::ExprKind::Param:
            put(out, e.param);
            break;
        case ir::ExprKind::SlotRef:
            put(out, e.token);
            put(out, e.slot);
            break;
        case ir::ExprKind::FactRef:
        case ir::ExprKind::Aggregate:
            put(out, e.token);
            break;
        case ir::ExprKind::Local:
            put(out, e.local);
            break;
        case ir::ExprKind::Unary:
        case ir::ExprKind::Binary:
            put(out, static_cast<unsigned>(e.op));
            break;
        case ir::ExprKind::Call:
            put(out, static_cast<unsigned>(e.function));
            break;
        default:
            break;
    }
    for (const auto& a : e.args) {
        expr_key(a, out);
    }
    out += ')';
}

void pattern_key(const ir::Pattern& p, std::string& out) {
    out += "(p ";
    put(out, p.template_index);
    put(out, p.token);
    for (const auto& c : p.constraints) {
        put(out, c.slot);
        put(out, static_cast<unsigned>(c.op));
        expr_key(c.rhs, out);
    }
    out += ')';
}

void conditions_key(const std::vector<ir::Condition>& conditions, std::string& out) {
    for (const auto& c : conditions) {
        out += '[';
        put(out, static_cast<unsigned>(c.kind));
        switch (c.kind) {
            case ir::ConditionKind::Pattern:
                pattern_key(c.pattern, out);
                break;
            case ir::ConditionKind::Not:
            case ir::ConditionKind::Exists:
                conditions_key(c.group, out);
                break;
            case ir::ConditionKind::Test:
                expr_key(c.test, out);
                break;
            case ir::ConditionKind::Aggregate:
                pattern_key(c.pattern, out);
                put(out, static_cast<unsigned>(c.function));
                put(out, c.result_token);
                if (c.argument) {
                    expr_key(*c.argument, out);
                }
                break;
        }
        out += ']';
    }
}

}  // namespace

std::string condition_key(const ir::Rule& rule) {
    std::string out;
    conditions_key(rule.conditions, out);
    return out;
}

}  // namespace maslahat::lint
