// Rules (spec §4): name, description, salience, conditions then actions with one variable
// scope; afterwards the rule's variables are listed and unused ones warned about (W0001).
#include "sema/checker.hpp"
#include "sema/literals.hpp"

#include <limits>

namespace maslahat::sema {

std::int32_t Checker::salience(const ast::Expr& expr) {
    bool is_literal = true;
    const SourceSpan where = expr_span(expr);
    const bool number = boost::get<ast::NumberLit>(&expr) != nullptr ||
                        (boost::get<ast::x3::forward_ast<ast::UnaryExpr>>(&expr) != nullptr);
    auto value = number ? literal_value(expr, is_literal) : std::nullopt;
    if (!number || !is_literal) {
        error(DiagCode::E0306, where, "salience must be an integer literal, e.g. 'salience 10'");
        return 0;
    }
    if (!value) {
        return 0;  // malformed number, reported
    }
    if (value->kind() != ValueKind::Int) {
        error(DiagCode::E0306, where, "salience must be an integer, found " + value->to_string());
        return 0;
    }
    const std::int64_t v = value->as_int();
    if (v < std::numeric_limits<std::int32_t>::min() ||
        v > std::numeric_limits<std::int32_t>::max()) {
        error(DiagCode::E0306, where,
              "salience " + value->to_string() + " is outside the 32-bit range");
        return 0;
    }
    return static_cast<std::int32_t>(v);
}

void Checker::collect_bindings(const std::vector<ast::Condition>& conditions) {
    const auto note = [this](const ast::Variable& v) { rule_bindings_.emplace(v.name, span(v)); };
    const auto pattern = [&](const ast::Pattern& p) {
        for (const auto& c : p.constraints) {
            if (const auto* v = boost::get<ast::Variable>(&c.value); v != nullptr && c.op == ":") {
                note(*v);
            }
        }
        if (p.binding) {
            note(*p.binding);
        }
    };
    for (const auto& cond : conditions) {
        if (const auto* p = boost::get<ast::Pattern>(&cond)) {
            pattern(*p);
        } else if (const auto* a = boost::get<ast::AggregateCond>(&cond)) {
            pattern(a->pattern);
            note(a->result);
        } else if (const auto* g = boost::get<ast::x3::forward_ast<ast::GroupCond>>(&cond)) {
            collect_bindings(g->get().conditions);
        }
    }
}

void Checker::lower_rule(const ast::RuleDecl& decl) {
    check_not_keyword(decl.name, "rule");
    duplicate(rule_names_, decl.name, "rule");
    ir::Rule rule;
    rule.name = decl.name.text;
    rule.span = span(decl.name);
    if (decl.description) {
        rule.description = plain_string(*decl.description);
    }
    if (decl.salience) {
        rule.salience = salience(*decl.salience);
    }

    RuleScope scope;
    scope_ = &scope;
    next_token_ = 0;
    rule_bindings_.clear();
    collect_bindings(decl.conditions);
    for (const auto& action : decl.actions) {
        if (const auto* b = boost::get<ast::BindAction>(&action)) {
            rule_bindings_.emplace(b->var.name, span(b->var));
        }
    }

    in_action_ = false;
    lower_conditions(decl.conditions, rule.conditions);
    rule.token_size = next_token_;
    in_action_ = true;
    lower_actions(decl.actions, rule.actions);
    in_action_ = false;
    rule.local_count = scope.local_count();

    for (const auto& e : scope.entries()) {
        ir::VariableInfo info;
        info.name = e.name;
        info.kind = e.kind;
        info.token = e.token;
        info.slot = e.slot;
        info.local = e.local;
        info.span = e.span;
        rule.variables.push_back(std::move(info));
    }
    warn_unused_variables();
    scope_ = nullptr;
    program_.rules.push_back(std::move(rule));
}

void Checker::warn_unused_variables() {
    for (const auto& e : scope_->entries()) {
        // A fact binding (`?f <- T(...)`) without use is harmless, as in CLIPS; `?_x` opts out.
        if (e.used || e.kind == ir::VariableInfo::Kind::Fact || e.name.starts_with('_')) {
            continue;
        }
        const char* what = e.kind == ir::VariableInfo::Kind::Local       ? "bound with 'bind'"
                           : e.kind == ir::VariableInfo::Kind::Aggregate ? "bound to an aggregate"
                                                                         : "bound";
        warning(DiagCode::W0001, e.span,
                "variable '?" + e.name + "' is " + what + " but never used (name it '?_" + e.name +
                    "' if that is intended)");
    }
}

}  // namespace maslahat::sema
