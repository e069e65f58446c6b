// Expressions (spec §4.2): variables resolved to token positions, params to indices, static
// types computed so operators, comparisons and functions are checked at compile time.
#include "sema/checker.hpp"
#include "sema/literals.hpp"
#include "support/did_you_mean.hpp"

namespace maslahat::sema {
namespace {

std::optional<ir::Op> binary_op(std::string_view op) {
    static const std::pair<std::string_view, ir::Op> table[] = {{"or", ir::Op::Or},
                                                                {"and", ir::Op::And},
                                                                {"==", ir::Op::Eq},
                                                                {"!=", ir::Op::Ne},
                                                                {"<", ir::Op::Lt},
                                                                {"<=", ir::Op::Le},
                                                                {">", ir::Op::Gt},
                                                                {">=", ir::Op::Ge},
                                                                {"in", ir::Op::In},
                                                                {"not in", ir::Op::NotIn},
                                                                {"contains", ir::Op::Contains},
                                                                {"+", ir::Op::Add},
                                                                {"-", ir::Op::Sub},
                                                                {"*", ir::Op::Mul},
                                                                {"/", ir::Op::Div},
                                                                {"%", ir::Op::Mod}};
    for (const auto& [name, value] : table) {
        if (name == op) {
            return value;
        }
    }
    return std::nullopt;
}

Typed error_value(SourceSpan where) {
    Typed t;
    t.expr.span = where;
    return t;  // Literal nil of type Any
}

}  // namespace

Typed Checker::lower_expr(const ast::Expr& expr) {
    using ast::x3::forward_ast;
    Typed out;
    if (const auto* n = boost::get<ast::NumberLit>(&expr)) {
        out.expr.span = span(*n);
        auto v = decode_number(n->text, span(*n), sink_);
        if (v) {
            out.type = type_of_value(*v);
            out.expr.value = *v;
        }
        return out;
    }
    if (const auto* s = boost::get<ast::StringLit>(&expr)) {
        return lower_string(*s);
    }
    if (const auto* b = boost::get<ast::BoolLit>(&expr)) {
        out.expr.span = span(*b);
        out.expr.value = Value::boolean(b->value);
        out.type = Type::of(TypeKind::Bool);
        return out;
    }
    if (const auto* sym = boost::get<ast::SymbolLit>(&expr)) {
        out.expr.span = span(*sym);
        if (sym->name == "nil") {
            out.type = Type::of(TypeKind::Nil);
        } else {
            out.expr.value = Value::symbol(sym->name);
            out.type = Type::of(TypeKind::Symbol);
        }
        return out;
    }
    if (const auto* v = boost::get<ast::Variable>(&expr)) {
        return lower_variable(*v);
    }
    if (const auto* p = boost::get<ast::ParamRef>(&expr)) {
        return lower_param(*p);
    }
    if (const auto* f = boost::get<forward_ast<ast::FieldAccess>>(&expr)) {
        return lower_field(f->get());
    }
    if (const auto* c = boost::get<forward_ast<ast::Call>>(&expr)) {
        return lower_call(c->get());
    }
    if (const auto* l = boost::get<forward_ast<ast::ListExpr>>(&expr)) {
        return lower_list(l->get());
    }
    if (const auto* u = boost::get<forward_ast<ast::UnaryExpr>>(&expr)) {
        return lower_unary(u->get());
    }
    if (const auto* chain = boost::get<forward_ast<ast::BinaryChain>>(&expr)) {
        return lower_chain(chain->get());
    }
    return error_value(expr_span(expr));
}

ir::Expr Checker::variable_expr(const VarEntry& entry, SourceSpan where) {
    ir::Expr e;
    e.span = where;
    switch (entry.kind) {
        case ir::VariableInfo::Kind::Slot:
            e.kind = ir::ExprKind::SlotRef;
            e.token = entry.token;
            e.slot = entry.slot;
            break;
        case ir::VariableInfo::Kind::Fact:
            e.kind = ir::ExprKind::FactRef;
            e.token = entry.token;
            break;
        case ir::VariableInfo::Kind::Aggregate:
            e.kind = ir::ExprKind::Aggregate;
            e.token = entry.token;
            break;
        case ir::VariableInfo::Kind::Local:
            e.kind = ir::ExprKind::Local;
            e.local = entry.local;
            break;
    }
    return e;
}

void Checker::report_unbound(const ast::Variable& var, VarEntry* closed) {
    const std::string name = "?" + var.name;
    if (closed != nullptr) {
        closed->used = true;  // the error says enough; no "never used" warning as well
        error(DiagCode::E0302, span(var),
              "variable '" + name + "' is bound inside '" + closed->group_kind +
                  "' and cannot be used outside it",
              closed->span, "'" + name + "' is bound here");
        return;
    }
    const auto it = rule_bindings_.find(var.name);
    if (it != rule_bindings_.end()) {
        error(DiagCode::E0301, span(var), "variable '" + name + "' is used before it is bound",
              it->second, "'" + name + "' is bound here");
        return;
    }
    const auto names = scope_->visible_names();
    const std::vector<std::string_view> candidates(names.begin(), names.end());
    std::string message =
        "unknown variable '" + name + "'" + support::did_you_mean(name, candidates);
    error(DiagCode::E0313, span(var), std::move(message));
}

Typed Checker::lower_variable(const ast::Variable& var) {
    const Lookup found = scope_->find(var.name);
    if (found.visible == nullptr) {
        report_unbound(var, found.closed);
        return error_value(span(var));
    }
    found.visible->used = true;
    return Typed{variable_expr(*found.visible, span(var)), found.visible->type};
}

Typed Checker::lower_field(const ast::FieldAccess& field) {
    const Lookup found = scope_->find(field.fact.name);
    if (found.visible == nullptr) {
        report_unbound(field.fact, found.closed);
        return error_value(span(field));
    }
    VarEntry& entry = *found.visible;
    entry.used = true;
    if (entry.kind != ir::VariableInfo::Kind::Fact) {
        error(DiagCode::E0305, span(field),
              "'?" + entry.name + "' is not bound to a fact, so '?" + entry.name + "." +
                  field.slot.text + "' is not defined (bind a fact with '?" + entry.name +
                  " <- template(...)')",
              entry.span, "'?" + entry.name + "' is bound here");
        return error_value(span(field));
    }
    if (!entry.fact_template) {
        return error_value(span(field));  // unknown template, already reported
    }
    const ir::Template& tmpl = program_.templates[*entry.fact_template];
    const auto slot = tmpl.slot_index(field.slot.text);
    if (!slot) {
        report_unknown_slot(tmpl, field.slot);
        return error_value(span(field));
    }
    Typed out;
    out.expr.kind = ir::ExprKind::SlotRef;
    out.expr.token = entry.token;
    out.expr.slot = *slot;
    out.expr.span = span(field);
    out.type = poisoned(tmpl.slots[*slot]) ? Type{} : type_of_slot(tmpl.slots[*slot].type);
    return out;
}

Typed Checker::lower_param(const ast::ParamRef& param) {
    const auto index = program_.find_param(param.name);
    if (!index) {
        std::vector<std::string> names;
        for (const auto& p : program_.params) {
            names.push_back("$" + p.name);
        }
        const std::vector<std::string_view> candidates(names.begin(), names.end());
        const bool declared_badly = param_names_.contains(param.name);
        if (!declared_badly) {
            error(DiagCode::E0204, span(param),
                  "unknown parameter '$" + param.name + "'" +
                      support::did_you_mean("$" + param.name, candidates));
        }
        return error_value(span(param));
    }
    param_used_[*index] = true;
    const ir::Param& p = program_.params[*index];
    Typed out;
    out.expr.kind = ir::ExprKind::Param;
    out.expr.param = *index;
    out.expr.span = span(param);
    out.type = p.value.is_nil() ? Type{} : Type::of(kind_of_base(p.type));
    return out;
}

Typed Checker::lower_list(const ast::ListExpr& list) {
    Typed out;
    out.expr.kind = ir::ExprKind::List;
    out.expr.span = span(list);
    std::optional<TypeKind> element;
    for (const auto& item : list.items) {
        Typed t = lower_expr(item);
        const TypeKind k = t.type.kind;
        if (!element) {
            element = k;
        } else if (*element != k) {
            const bool numeric = Type::of(*element).is_numeric() && t.type.is_numeric();
            element = numeric ? TypeKind::Number : TypeKind::Any;
        }
        out.expr.args.push_back(std::move(t.expr));
    }
    out.type = Type::list_of(element.value_or(TypeKind::Any));
    return out;
}

Typed Checker::lower_unary(const ast::UnaryExpr& unary) {
    if (unary.op == "-" && boost::get<ast::NumberLit>(&unary.operand) != nullptr) {
        // A negative literal (also the only way to write the smallest int).
        const auto& n = boost::get<ast::NumberLit>(unary.operand);
        const std::string text = n.text.starts_with('-') ? n.text.substr(1) : "-" + n.text;
        Typed lit;
        lit.expr.span = span(unary);
        if (auto v = decode_number(text, span(unary), sink_)) {
            lit.type = type_of_value(*v);
            lit.expr.value = *v;
        }
        return lit;
    }
    Typed operand = lower_expr(unary.operand);
    Typed out;
    out.expr.kind = ir::ExprKind::Unary;
    out.expr.span = span(unary);
    const SourceSpan where = expr_span(unary.operand);
    if (unary.op == "not") {
        out.expr.op = ir::Op::Not;
        out.type = Type::of(TypeKind::Bool);
        if (!operand.type.is_any() && operand.type.kind != TypeKind::Bool) {
            error(DiagCode::E0303, where,
                  "operand of 'not' must be a bool, found " + a_type_name(operand.type));
        }
    } else {
        out.expr.op = ir::Op::Neg;
        out.type = operand.type.is_numeric() ? operand.type : Type{};
        if (!operand.type.is_any() && !operand.type.is_numeric()) {
            error(DiagCode::E0303, where,
                  "operand of unary '-' must be a number, found " + a_type_name(operand.type));
        }
    }
    out.expr.args.push_back(std::move(operand.expr));
    return out;
}

Typed Checker::lower_chain(const ast::BinaryChain& chain) {
    Typed acc = lower_expr(chain.first);
    const std::uint32_t begin = expr_span(chain.first).begin;
    for (const auto& tail : chain.rest) {
        Typed rhs = lower_expr(tail.operand);
        const std::uint32_t end = std::max(expr_span(tail.operand).end, tail.end);
        acc = lower_binary(tail.op, std::move(acc), std::move(rhs), span(begin, end));
    }
    return acc;
}

Typed Checker::lower_binary(const std::string& op_text, Typed lhs, Typed rhs, SourceSpan where) {
    Typed out;
    out.expr.kind = ir::ExprKind::Binary;
    out.expr.span = where;
    const auto op = binary_op(op_text);
    out.expr.op = op.value_or(ir::Op::Eq);
    const Type a = lhs.type;
    const Type b = rhs.type;
    const SourceSpan a_span = lhs.expr.span;
    const SourceSpan b_span = rhs.expr.span;
    out.expr.args.push_back(std::move(lhs.expr));
    out.expr.args.push_back(std::move(rhs.expr));
    out.type = Type::of(TypeKind::Bool);
    const std::string quoted = "'" + op_text + "'";
    switch (out.expr.op) {
        case ir::Op::Or:
        case ir::Op::And:
            if (!a.is_any() && a.kind != TypeKind::Bool) {
                error(DiagCode::E0303, a_span,
                      "operand of " + quoted + " must be a bool, found " + a_type_name(a));
            }
            if (!b.is_any() && b.kind != TypeKind::Bool) {
                error(DiagCode::E0303, b_span,
                      "operand of " + quoted + " must be a bool, found " + a_type_name(b));
            }
            break;
        case ir::Op::Eq:
        case ir::Op::Ne:
            if (!equality_compatible(a, b)) {
                error(DiagCode::E0303, where,
                      "cannot compare " + a_type_name(a) + " with " + a_type_name(b) + " using " +
                          quoted);
            }
            break;
        case ir::Op::Lt:
        case ir::Op::Le:
        case ir::Op::Gt:
        case ir::Op::Ge:
            if (!orderable(a) || !orderable(b)) {
                const Type bad = orderable(a) ? b : a;
                const ir::Expr& left = out.expr.args[0];
                const bool chained = left.kind == ir::ExprKind::Binary &&
                                     (left.op == ir::Op::Lt || left.op == ir::Op::Le ||
                                      left.op == ir::Op::Gt || left.op == ir::Op::Ge);
                error(DiagCode::E0309, orderable(a) ? b_span : a_span,
                      "operator " + quoted + " is not defined for " + a_type_name(bad) +
                          (chained ? " (comparisons do not chain: write 'a < b and b < c')"
                                   : " (only numbers and strings are ordered)"));
            } else if (!order_compatible(a, b)) {
                error(DiagCode::E0303, where,
                      "cannot compare " + a_type_name(a) + " with " + a_type_name(b) + " using " +
                          quoted);
            }
            break;
        case ir::Op::In:
        case ir::Op::NotIn:
            if (!b.is_any() && !b.is_list()) {
                error(DiagCode::E0303, b_span,
                      quoted + " needs a list on its right, found " + a_type_name(b));
            } else if (b.is_list() && !equality_compatible(a, Type::of(b.element))) {
                error(DiagCode::E0303, where,
                      "cannot look for " + a_type_name(a) + " in " + a_type_name(b));
            }
            break;
        case ir::Op::Contains:
            if (!a.is_any() && !a.is_list()) {
                error(DiagCode::E0303, a_span,
                      "'contains' needs a list on its left, found " + a_type_name(a));
            } else if (a.is_list() && !equality_compatible(Type::of(a.element), b)) {
                error(DiagCode::E0303, where,
                      "cannot look for " + a_type_name(b) + " in " + a_type_name(a));
            }
            break;
        case ir::Op::Add:
        case ir::Op::Sub:
        case ir::Op::Mul:
        case ir::Op::Div:
        case ir::Op::Mod: {
            bool ok = true;
            for (const auto& [t, s] : {std::pair{a, a_span}, std::pair{b, b_span}}) {
                if (!t.is_any() && !t.is_numeric()) {
                    std::string hint = t.is_text() && out.expr.op == ir::Op::Add
                                           ? " (use concat(...) to join strings)"
                                           : "";
                    error(
                        DiagCode::E0303, s,
                        "arithmetic " + quoted + " needs numbers, found " + a_type_name(t) + hint);
                    ok = false;
                }
            }
            if (!ok) {
                out.type = Type{};
            } else if (out.expr.op == ir::Op::Div) {
                out.type = Type::of(TypeKind::Number);
            } else {
                out.type = arithmetic_result(a, b);
            }
            break;
        }
        default:
            break;
    }
    return out;
}

void Checker::report_unknown_slot(const ir::Template& tmpl, const ast::Name& slot) {
    std::vector<std::string_view> names;
    for (const auto& s : tmpl.slots) {
        names.push_back(s.name);
    }
    error(DiagCode::E0203, span(slot),
          "template '" + tmpl.name + "' has no slot '" + slot.text + "'" +
              support::did_you_mean(slot.text, names));
}

void Checker::report_unknown_template(const ast::Name& name) {
    std::vector<std::string_view> names;
    for (const auto& t : program_.templates) {
        names.push_back(t.name);
    }
    error(DiagCode::E0202, span(name),
          "unknown template '" + name.text + "'" + support::did_you_mean(name.text, names));
}

}  // namespace maslahat::sema
