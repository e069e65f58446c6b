// Conditions (spec §4.1): patterns with their slot constraints, not/exists groups, tests and
// aggregates; variables bound at token positions as described in ir/program.hpp.
#include "sema/checker.hpp"

#include <cmath>

namespace maslahat::sema {
namespace {

std::optional<ir::Op> constraint_op(std::string_view op) {
    static const std::pair<std::string_view, ir::Op> table[] = {
        {":", ir::Op::Eq},         {"==", ir::Op::Eq},
        {"!=", ir::Op::Ne},        {"<", ir::Op::Lt},
        {"<=", ir::Op::Le},        {">", ir::Op::Gt},
        {">=", ir::Op::Ge},        {"in", ir::Op::In},
        {"not in", ir::Op::NotIn}, {"contains", ir::Op::Contains}};
    for (const auto& [name, value] : table) {
        if (name == op) {
            return value;
        }
    }
    return std::nullopt;
}

std::optional<ir::AggregateFunction> aggregate_function(std::string_view name) {
    if (name == "count") {
        return ir::AggregateFunction::Count;
    }
    if (name == "sum") {
        return ir::AggregateFunction::Sum;
    }
    if (name == "min") {
        return ir::AggregateFunction::Min;
    }
    if (name == "max") {
        return ir::AggregateFunction::Max;
    }
    if (name == "avg") {
        return ir::AggregateFunction::Avg;
    }
    return std::nullopt;
}

}  // namespace

void Checker::lower_conditions(const std::vector<ast::Condition>& in,
                               std::vector<ir::Condition>& out) {
    using ast::x3::forward_ast;
    for (const auto& cond : in) {
        if (const auto* p = boost::get<ast::Pattern>(&cond)) {
            ir::Condition c;
            c.kind = ir::ConditionKind::Pattern;
            c.span = span(*p);
            c.pattern = lower_pattern(*p, next_token_++);
            out.push_back(std::move(c));
        } else if (const auto* t = boost::get<ast::TestCond>(&cond)) {
            ir::Condition c;
            c.kind = ir::ConditionKind::Test;
            c.span = span(*t);
            Typed test = lower_expr(t->expr);
            if (!test.type.is_any() && test.type.kind != TypeKind::Bool) {
                error(DiagCode::E0303, expr_span(t->expr),
                      "'test' needs a bool expression, found " + a_type_name(test.type));
            }
            c.test = std::move(test.expr);
            out.push_back(std::move(c));
        } else if (const auto* a = boost::get<ast::AggregateCond>(&cond)) {
            out.push_back(lower_aggregate(*a));
        } else if (const auto* g = boost::get<forward_ast<ast::GroupCond>>(&cond)) {
            const ast::GroupCond& group = g->get();
            ir::Condition c;
            c.kind = group.kind == "exists" ? ir::ConditionKind::Exists : ir::ConditionKind::Not;
            c.span = span(group);
            const ir::TokenIndex saved = next_token_;
            const unsigned id = scope_->open(group.kind);
            lower_conditions(group.conditions, c.group);
            scope_->close(id);
            next_token_ = saved;
            out.push_back(std::move(c));
        }
    }
}

ir::Pattern Checker::lower_pattern(const ast::Pattern& pattern, ir::TokenIndex token) {
    ir::Pattern out;
    out.token = token;
    out.span = span(pattern);
    const auto index = program_.find_template(pattern.template_name.text);
    const ir::Template* tmpl = nullptr;
    if (!index) {
        report_unknown_template(pattern.template_name);
    } else {
        out.template_index = *index;
        tmpl = &program_.templates[*index];
    }
    for (const auto& c : pattern.constraints) {
        lower_constraint(c, tmpl, out);
    }
    if (pattern.binding) {
        bind_fact(*pattern.binding, index, token);
    }
    return out;
}

void Checker::bind_fact(const ast::Variable& var, std::optional<ir::TemplateIndex> tmpl,
                        ir::TokenIndex token) {
    const Lookup found = scope_->find(var.name);
    if (found.visible != nullptr) {
        error(DiagCode::E0308, span(var), "variable '?" + var.name + "' is already bound",
              found.visible->span, "'?" + var.name + "' is first bound here");
        return;
    }
    VarEntry e;
    e.name = var.name;
    e.kind = ir::VariableInfo::Kind::Fact;
    e.token = token;
    e.fact_template = tmpl;
    e.type = Type::of(TypeKind::Int);
    e.span = span(var);
    scope_->bind(std::move(e));
}

void Checker::lower_constraint(const ast::SlotConstraint& c, const ir::Template* tmpl,
                               ir::Pattern& out) {
    std::optional<ir::SlotIndex> slot;
    if (tmpl != nullptr) {
        slot = tmpl->slot_index(c.slot.text);
        if (!slot) {
            report_unknown_slot(*tmpl, c.slot);
        }
    }
    const auto* var = boost::get<ast::Variable>(&c.value);
    if (c.op == ":" && var != nullptr) {
        const Lookup found = scope_->find(var->name);
        if (found.visible == nullptr) {
            // First appearance: a binding, not a constraint.
            if (found.closed != nullptr && !scope_->nested()) {
                report_unbound(*var, found.closed);
            }
            VarEntry e;
            e.name = var->name;
            e.kind = ir::VariableInfo::Kind::Slot;
            e.token = out.token;
            e.slot = slot.value_or(0);
            e.type = slot && !poisoned(tmpl->slots[*slot]) ? type_of_slot(tmpl->slots[*slot].type)
                                                           : Type{};
            e.span = span(*var);
            scope_->bind(std::move(e));
            return;
        }
    }
    Typed rhs = lower_expr(c.value);
    if (!slot) {
        return;  // unknown template or slot: reported once, nothing more to check
    }
    const ir::Slot& decl = tmpl->slots[*slot];
    if (!poisoned(decl)) {
        check_constraint(decl, c, rhs);
    }
    ir::Constraint lowered;
    lowered.slot = *slot;
    lowered.op = constraint_op(c.op).value_or(ir::Op::Eq);
    lowered.rhs = std::move(rhs.expr);
    lowered.span = span(c);
    out.constraints.push_back(std::move(lowered));
}

void Checker::check_constraint(const ir::Slot& slot, const ast::SlotConstraint& c,
                               const Typed& rhs) {
    const Type st = type_of_slot(slot.type);
    const Type vt = rhs.type;
    const SourceSpan where = expr_span(c.value);
    // built only for a message (this runs for every constraint of every rule)
    const auto slot_desc = [&] { return "slot '" + slot.name + "' (" + type_name(st) + ")"; };
    const auto constant = vt.is_any() ? std::nullopt : constant_value(rhs.expr);
    const bool literal = constant.has_value();
    const auto op = constraint_op(c.op);
    if (!op) {
        error(DiagCode::E0309, span(c), "unknown operator '" + c.op + "' in a slot constraint");
        return;
    }
    switch (*op) {
        case ir::Op::Eq:
        case ir::Op::Ne:
            if (!equality_compatible(st, vt)) {
                error(DiagCode::E0303, where,
                      "cannot compare " + slot_desc() + " with " + a_type_name(vt));
            } else if (literal && st.kind == TypeKind::Int &&
                       constant->kind() == ValueKind::Number &&
                       std::trunc(constant->as_number()) != constant->as_number()) {
                error(DiagCode::E0303, where,
                      "slot '" + slot.name + "' is an int and can never equal " +
                          constant->to_string());
            } else if (literal && !constant->is_nil()) {
                if (auto problem = value_violation(*constant, slot.type, slot.name)) {
                    error(DiagCode::E0304, where, *problem);
                }
            }
            break;
        case ir::Op::Lt:
        case ir::Op::Le:
        case ir::Op::Gt:
        case ir::Op::Ge:
            if (!orderable(st)) {
                error(DiagCode::E0309, span(c),
                      "operator '" + c.op + "' cannot be applied to " + slot_desc() +
                          " (only numbers and strings are ordered)");
            } else if (vt.kind == TypeKind::Nil || !orderable(vt)) {
                error(DiagCode::E0309, where,
                      "operator '" + c.op + "' cannot compare with " + a_type_name(vt));
            } else if (!order_compatible(st, vt)) {
                error(DiagCode::E0303, where,
                      "cannot compare " + slot_desc() + " with " + a_type_name(vt));
            }
            break;
        case ir::Op::In:
        case ir::Op::NotIn:
            if (st.is_list()) {
                error(DiagCode::E0309, span(c),
                      "'" + c.op + "' tests one value, but " + slot_desc() +
                          " is a list (use 'contains')");
            } else if (!vt.is_any() && !vt.is_list()) {
                error(DiagCode::E0303, where,
                      "'" + c.op + "' needs a list, found " + a_type_name(vt));
            } else if (vt.is_list() && !equality_compatible(st, Type::of(vt.element))) {
                error(DiagCode::E0303, where,
                      "cannot compare " + slot_desc() + " with the elements of " + a_type_name(vt));
            } else if (literal) {
                if (auto problem = value_violation(*constant, slot.type, slot.name)) {
                    error(DiagCode::E0304, where, *problem);
                }
            }
            break;
        case ir::Op::Contains:
            if (!st.is_list()) {
                error(DiagCode::E0309, span(c),
                      "'contains' needs a list slot, but " + slot_desc() + " is not a list");
            } else if (!equality_compatible(Type::of(st.element), vt) || vt.is_list()) {
                error(DiagCode::E0303, where,
                      "cannot look for " + a_type_name(vt) + " in " + slot_desc());
            } else if (literal && !constant->is_nil()) {
                if (auto problem = value_violation(*constant, slot.type, slot.name)) {
                    error(DiagCode::E0304, where, *problem);
                }
            }
            break;
        default:
            break;
    }
}

ir::Condition Checker::lower_aggregate(const ast::AggregateCond& agg) {
    ir::Condition c;
    c.kind = ir::ConditionKind::Aggregate;
    c.span = span(agg);
    const ir::TokenIndex token = next_token_;
    c.result_token = token;
    const auto function = aggregate_function(agg.function);
    c.function = function.value_or(ir::AggregateFunction::Count);
    const unsigned id = scope_->open("aggregate");
    c.pattern = lower_pattern(agg.pattern, token);
    Type argument_type;
    if (!function) {
        error(DiagCode::E0206, span(agg),
              "unknown aggregate function '" + agg.function +
                  "' (expected count, sum, min, max or avg)");
    } else if (*function == ir::AggregateFunction::Count && agg.argument) {
        error(DiagCode::E0206, expr_span(*agg.argument),
              "'count' takes no expression: write '?v = count T(...)'");
    } else if (*function != ir::AggregateFunction::Count && !agg.argument) {
        error(DiagCode::E0206, span(agg),
              "'" + agg.function + "' needs an expression: write '?v = " + agg.function +
                  "(EXPR) over T(...)'");
    } else if (agg.argument) {
        Typed arg = lower_expr(*agg.argument);
        argument_type = arg.type;
        const bool numeric_only =
            *function == ir::AggregateFunction::Sum || *function == ir::AggregateFunction::Avg;
        const bool ok = numeric_only ? (arg.type.is_any() || arg.type.is_numeric())
                                     : (orderable(arg.type) && !arg.type.is_list());
        if (!ok) {
            error(DiagCode::E0303, arg.expr.span,
                  "'" + agg.function + "' needs " +
                      (numeric_only ? "a number" : "a number or a string") + ", found " +
                      a_type_name(arg.type));
            argument_type = Type{};
        }
        c.argument = std::move(arg.expr);
    }
    scope_->close(id);
    next_token_ = static_cast<ir::TokenIndex>(token + 1);

    const Lookup found = scope_->find(agg.result.name);
    if (found.visible == nullptr && found.closed != nullptr && found.closed->group == id) {
        error(DiagCode::E0308, span(agg.result),
              "variable '?" + agg.result.name +
                  "' is bound inside the aggregate and cannot also hold its result",
              found.closed->span, "'?" + agg.result.name + "' is bound here");
        found.closed->used = true;
        return c;
    }
    if (found.visible != nullptr) {
        error(DiagCode::E0308, span(agg.result),
              "variable '?" + agg.result.name + "' is already bound", found.visible->span,
              "'?" + agg.result.name + "' is first bound here");
        return c;
    }
    VarEntry e;
    e.name = agg.result.name;
    e.kind = ir::VariableInfo::Kind::Aggregate;
    e.token = token;
    e.span = span(agg.result);
    switch (c.function) {
        case ir::AggregateFunction::Count:
            e.type = Type::of(TypeKind::Int);
            break;
        case ir::AggregateFunction::Sum:
            e.type = argument_type.kind == TypeKind::Int || argument_type.is_any()
                         ? argument_type
                         : Type::of(TypeKind::Number);
            break;
        case ir::AggregateFunction::Avg:
            e.type = Type::of(TypeKind::Number);
            break;
        case ir::AggregateFunction::Min:
        case ir::AggregateFunction::Max:
            e.type = argument_type;
            break;
    }
    scope_->bind(std::move(e));
    return c;
}

}  // namespace maslahat::sema
