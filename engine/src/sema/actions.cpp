// Actions (spec §4.3): assert/derive/modify slot values checked against the template,
// retract/modify need a fact variable, recommend needs a declared id, bind makes locals,
// print/log/because strings interpolate `{EXPR}`.
#include "sema/checker.hpp"
#include "support/did_you_mean.hpp"

#include <array>

namespace maslahat::sema {
namespace {

std::optional<ir::LogLevel> log_level(std::string_view name) {
    static const std::array<std::pair<std::string_view, ir::LogLevel>, 5> levels{{
        {"trace", ir::LogLevel::Trace},
        {"debug", ir::LogLevel::Debug},
        {"info", ir::LogLevel::Info},
        {"warn", ir::LogLevel::Warn},
        {"error", ir::LogLevel::Error},
    }};
    for (const auto& [n, level] : levels) {
        if (n == name) {
            return level;
        }
    }
    return std::nullopt;
}

}  // namespace

const VarEntry* Checker::fact_variable(const ast::Variable& var, std::string_view action) {
    const Lookup found = scope_->find(var.name);
    if (found.visible == nullptr) {
        report_unbound(var, found.closed);
        return nullptr;
    }
    found.visible->used = true;
    if (found.visible->kind != ir::VariableInfo::Kind::Fact) {
        error(DiagCode::E0312, span(var),
              "cannot " + std::string(action) + " '?" + var.name +
                  "': it is not bound to a fact (bind one with '?" + var.name +
                  " <- template(...)')",
              found.visible->span, "'?" + var.name + "' is bound here");
        return nullptr;
    }
    return found.visible;
}

void Checker::check_slot_value(const ir::Slot& slot, Typed& value, SourceSpan where) {
    if (poisoned(slot)) {
        return;
    }
    const Type st = type_of_slot(slot.type);
    if (value.type.kind == TypeKind::Nil) {
        if (!slot.optional) {
            error(DiagCode::E0303, where,
                  "slot '" + slot.name + "' is required and cannot be nil (declare it with '?')");
        }
        return;
    }
    const auto constant = value.type.is_any() ? std::nullopt : constant_value(value.expr);
    if (!assignable(value.type, st) || (constant && !value_fits(*constant, st))) {
        std::string found = a_type_name(value.type);
        if (value.expr.kind == ir::ExprKind::Literal) {
            found += " (" + value.expr.value.to_string() + ")";
        }
        error(DiagCode::E0303, where,
              "slot '" + slot.name + "' expects " + a_type_name(st) + ", found " + found);
        return;
    }
    if (constant) {
        if (auto problem = value_violation(*constant, slot.type, slot.name)) {
            error(DiagCode::E0304, where, *problem);
            return;
        }
        // Constants are stored already converted to the slot's type.
        const SourceSpan at = value.expr.span;
        value.expr = ir::Expr{};
        value.expr.value = coerce_to_slot(*constant, slot.type);
        value.expr.span = at;
    }
}

void Checker::lower_slot_values(const ir::Template* tmpl, const std::vector<ast::SlotAssign>& in,
                                std::vector<ir::SlotValue>& out) {
    std::map<std::string, SourceSpan> seen;
    for (const auto& assign : in) {
        Typed value = lower_expr(assign.value);
        if (tmpl == nullptr) {
            continue;
        }
        const auto slot = tmpl->slot_index(assign.slot.text);
        if (!slot) {
            report_unknown_slot(*tmpl, assign.slot);
            continue;
        }
        const auto [first, inserted] = seen.emplace(assign.slot.text, span(assign.slot));
        if (!inserted) {
            error(DiagCode::E0201, span(assign.slot),
                  "slot '" + assign.slot.text + "' is given twice", first->second,
                  "slot '" + assign.slot.text + "' first given here");
            continue;
        }
        check_slot_value(tmpl->slots[*slot], value, expr_span(assign.value));
        out.push_back(ir::SlotValue{*slot, std::move(value.expr)});
    }
}

void Checker::lower_actions(const std::vector<ast::Action>& in, std::vector<ir::Action>& out) {
    for (const auto& action : in) {
        ir::Action a;
        if (const auto* as = boost::get<ast::AssertAction>(&action)) {
            a.kind = as->kind == "derive" ? ir::ActionKind::Derive : ir::ActionKind::Assert;
            a.span = span(*as);
            const auto index = program_.find_template(as->template_name.text);
            const ir::Template* tmpl = nullptr;
            if (!index) {
                report_unknown_template(as->template_name);
            } else if (program_.templates[*index].builtin) {
                error(DiagCode::E0208, span(as->template_name),
                      "the built-in template '" + as->template_name.text + "' cannot be " +
                          (as->kind == "derive" ? "derived" : "asserted") + " (use 'recommend')");
            } else {
                tmpl = &program_.templates[*index];
                a.template_index = *index;
            }
            lower_slot_values(tmpl, as->slots, a.slots);
            if (tmpl != nullptr) {
                std::string missing;
                std::size_t count = 0;
                for (std::size_t i = 0; i < tmpl->slots.size(); ++i) {
                    const ir::Slot& s = tmpl->slots[i];
                    bool given = false;
                    for (const auto& sv : a.slots) {
                        given = given || sv.slot == i;
                    }
                    bool named = false;
                    for (const auto& sa : as->slots) {
                        named = named || sa.slot.text == s.name;
                    }
                    if (!given && !named && !s.optional && !s.default_value) {
                        missing += (missing.empty() ? "'" : ", '") + s.name + "'";
                        ++count;
                    }
                }
                if (count > 0) {
                    error(DiagCode::E0307, span(as->template_name),
                          as->kind + " of '" + tmpl->name + "' is missing required slot" +
                              (count == 1 ? " " : "s ") + missing);
                }
            }
        } else if (const auto* r = boost::get<ast::RetractAction>(&action)) {
            a.kind = ir::ActionKind::Retract;
            a.span = span(*r);
            if (const VarEntry* f = fact_variable(r->fact, "retract")) {
                a.fact_token = f->token;
            }
        } else if (const auto* m = boost::get<ast::ModifyAction>(&action)) {
            a.kind = ir::ActionKind::Modify;
            a.span = span(*m);
            const ir::Template* tmpl = nullptr;
            if (const VarEntry* f = fact_variable(m->fact, "modify")) {
                a.fact_token = f->token;
                if (f->fact_template) {
                    a.template_index = *f->fact_template;
                    tmpl = &program_.templates[*f->fact_template];
                    if (tmpl->builtin) {
                        error(DiagCode::E0208, span(m->fact),
                              "facts of the built-in template '" + tmpl->name +
                                  "' cannot be modified");
                        tmpl = nullptr;
                    }
                }
            }
            lower_slot_values(tmpl, m->slots, a.slots);
        } else if (const auto* rec = boost::get<ast::RecommendAction>(&action)) {
            a.kind = ir::ActionKind::Recommend;
            a.span = span(*rec);
            if (const auto index = program_.find_recommendation(rec->id.text)) {
                a.recommendation = *index;
            } else {
                std::vector<std::string_view> names;
                for (const auto& r2 : program_.recommendations) {
                    names.push_back(r2.id);
                }
                error(DiagCode::E0205, span(rec->id),
                      "unknown recommendation '" + rec->id.text + "'" +
                          support::did_you_mean(rec->id.text, names) +
                          "; declare it with 'recommendation " + rec->id.text + " \"title\"'");
            }
            Typed subject = lower_expr(rec->subject);
            if (!subject.type.is_any() && !subject.type.is_text()) {
                error(DiagCode::E0303, expr_span(rec->subject),
                      "the subject of 'recommend' must be a string, found " +
                          a_type_name(subject.type));
            }
            a.subject = std::move(subject.expr);
            if (rec->confidence) {
                Typed cf = lower_expr(*rec->confidence);
                const SourceSpan where = expr_span(*rec->confidence);
                if (!cf.type.is_any() && !cf.type.is_numeric()) {
                    error(DiagCode::E0303, where,
                          "confidence must be a number, found " + a_type_name(cf.type));
                } else if (cf.expr.kind == ir::ExprKind::Literal && cf.type.is_numeric()) {
                    const double v = cf.expr.value.as_number();
                    if (!(v > 0.0 && v <= 1.0)) {
                        error(DiagCode::E0310, where,
                              "confidence " + cf.expr.value.to_string() + " is outside (0, 1]");
                    }
                }
                a.confidence = std::move(cf.expr);
            }
            if (rec->because) {
                a.because = lower_string(*rec->because).expr;
            }
        } else if (const auto* b = boost::get<ast::BindAction>(&action)) {
            a.kind = ir::ActionKind::Bind;
            a.span = span(*b);
            Typed value = lower_expr(b->value);
            a.value = std::move(value.expr);
            const Lookup found = scope_->find(b->var.name);
            if (found.visible != nullptr && found.visible->kind != ir::VariableInfo::Kind::Local) {
                error(DiagCode::E0308, span(b->var),
                      "variable '?" + b->var.name +
                          "' is bound in the conditions; 'bind' needs a new name",
                      found.visible->span, "'?" + b->var.name + "' is bound here");
            } else if (found.visible != nullptr) {
                a.local = found.visible->local;  // re-binding a local, as CLIPS allows
                found.visible->type =
                    value.type.kind == found.visible->type.kind ? value.type : Type{};
            } else {
                VarEntry e;
                e.name = b->var.name;
                e.kind = ir::VariableInfo::Kind::Local;
                e.local = scope_->new_local();
                e.type = value.type;
                e.span = span(b->var);
                a.local = e.local;
                scope_->bind(std::move(e));
            }
        } else if (const auto* p = boost::get<ast::PrintAction>(&action)) {
            a.kind = ir::ActionKind::Print;
            a.span = span(*p);
            a.value = lower_string(p->text).expr;
        } else if (const auto* l = boost::get<ast::LogAction>(&action)) {
            a.kind = ir::ActionKind::Log;
            a.span = span(*l);
            if (const auto level = log_level(l->level.text)) {
                a.level = *level;
            } else {
                const std::vector<std::string_view> names{"trace", "debug", "info", "warn",
                                                          "error"};
                std::string hint = support::did_you_mean(l->level.text, names);
                for (const auto n : names) {
                    if (hint.empty() && l->level.text.starts_with(n)) {
                        hint = " (did you mean '" + std::string(n) + "'?)";  // warning -> warn
                    }
                }
                error(DiagCode::E0311, span(l->level),
                      "unknown log level '" + l->level.text + "'" + hint +
                          "; expected trace, debug, info, warn or error");
            }
            a.value = lower_string(l->text).expr;
        } else if (const auto* h = boost::get<ast::HaltAction>(&action)) {
            a.kind = ir::ActionKind::Halt;
            a.span = span(*h);
        }
        out.push_back(std::move(a));
    }
}

}  // namespace maslahat::sema
