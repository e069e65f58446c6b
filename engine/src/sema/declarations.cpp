// Templates, recommendations and params (spec §3): names unique per kind across all files,
// slot types, enumerations, ranges and defaults checked and lowered to the IR.
#include "dsl/keywords.hpp"
#include "sema/checker.hpp"
#include "sema/literals.hpp"
#include "support/did_you_mean.hpp"

#include <set>

namespace maslahat::sema {
namespace {

std::optional<ir::BaseType> base_type(std::string_view name) {
    if (name == "string") {
        return ir::BaseType::String;
    }
    if (name == "number") {
        return ir::BaseType::Number;
    }
    if (name == "int") {
        return ir::BaseType::Int;
    }
    if (name == "bool") {
        return ir::BaseType::Bool;
    }
    if (name == "symbol") {
        return ir::BaseType::Symbol;
    }
    return std::nullopt;
}

ir::Slot builtin_slot(std::string name, ir::BaseType base) {
    ir::Slot slot;
    slot.name = std::move(name);
    slot.type.base = base;
    return slot;
}

}  // namespace

bool Checker::duplicate(std::map<std::string, SourceSpan>& seen, const ast::Name& name,
                        std::string_view what) {
    const auto [it, inserted] = seen.emplace(name.text, span(name));
    if (inserted) {
        return false;
    }
    error(DiagCode::E0201, span(name), std::string(what) + " '" + name.text + "' is declared twice",
          it->second, std::string(what) + " '" + name.text + "' first declared here");
    return true;
}

void Checker::declare_builtins() {
    ir::Template recommended;
    recommended.name = "recommended";
    recommended.builtin = true;
    recommended.slots.push_back(builtin_slot("id", ir::BaseType::Symbol));
    recommended.slots.push_back(builtin_slot("subject", ir::BaseType::String));
    recommended.slots.push_back(builtin_slot("confidence", ir::BaseType::Number));
    program_.templates.push_back(std::move(recommended));
}

void Checker::declare_template(const ast::TemplateDecl& decl) {
    check_not_keyword(decl.name, "template");
    if (decl.name.text == "recommended") {
        error(DiagCode::E0208, span(decl.name),
              "'recommended' is a built-in template and cannot be redeclared");
        return;
    }
    if (duplicate(template_names_, decl.name, "template")) {
        return;
    }
    ir::Template tmpl;
    tmpl.name = decl.name.text;
    tmpl.span = span(decl.name);
    std::map<std::string, SourceSpan> slot_names;
    for (const auto& slot_decl : decl.slots) {
        if (dsl::is_keyword(slot_decl.name.text)) {
            warning(DiagCode::W0003, span(slot_decl.name),
                    "slot name '" + slot_decl.name.text +
                        "' is a keyword; it is accepted as a slot name, but another name reads "
                        "better");
        }
        if (duplicate(slot_names, slot_decl.name, "slot")) {
            continue;
        }
        bool type_ok = true;
        tmpl.slots.push_back(lower_slot(slot_decl, type_ok));
        if (!type_ok) {
            poisoned_names_.emplace(tmpl.name, slot_decl.name.text);
        }
    }
    program_.templates.push_back(std::move(tmpl));
}

ir::Slot Checker::lower_slot(const ast::SlotDecl& decl, bool& type_ok) {
    ir::Slot slot;
    slot.name = decl.name.text;
    slot.span = span(decl.name);
    slot.optional = decl.optional;
    slot.type.list = decl.type.is_list;
    const ast::BaseType& bt = decl.type.element;
    const auto base = base_type(bt.name);
    if (!base) {
        const std::vector<std::string_view> names{"string", "number", "int", "bool", "symbol"};
        error(DiagCode::E0207, span(bt),
              "unknown slot type '" + bt.name + "'" + support::did_you_mean(bt.name, names) +
                  "; expected string, number, int, bool or symbol");
        type_ok = false;
        return slot;
    }
    slot.type.base = *base;
    if (!bt.symbols.empty()) {
        if (*base != ir::BaseType::Symbol) {
            error(DiagCode::E0207, span(bt),
                  "only symbol slots can list allowed values; slot '" + slot.name + "' is " +
                      bt.name);
            type_ok = false;
        }
        std::set<std::string> seen;
        for (const auto& s : bt.symbols) {
            if (!seen.insert(s.text).second) {
                error(DiagCode::E0207, span(s),
                      "symbol '" + s.text + "' is listed twice in the values of slot '" +
                          slot.name + "'");
                continue;
            }
            slot.type.symbols.push_back(intern(s.text));
        }
    }
    if (bt.range) {
        if (*base != ir::BaseType::Number && *base != ir::BaseType::Int) {
            error(DiagCode::E0207, span(*bt.range),
                  "only number and int slots can have a range; slot '" + slot.name + "' is " +
                      bt.name);
            type_ok = false;
            return slot;
        }
        auto low = decode_number(bt.range->low.text, span(bt.range->low), sink_);
        auto high = decode_number(bt.range->high.text, span(bt.range->high), sink_);
        if (!low || !high) {
            type_ok = false;
            return slot;
        }
        if (*base == ir::BaseType::Int &&
            (low->kind() != ValueKind::Int || high->kind() != ValueKind::Int)) {
            error(DiagCode::E0207, span(*bt.range),
                  "the range of int slot '" + slot.name + "' must have integer bounds");
            type_ok = false;
            return slot;
        }
        if (low->as_number() > high->as_number()) {
            error(DiagCode::E0207, span(*bt.range),
                  "empty range " + bt.range->low.text + ".." + bt.range->high.text + " of slot '" +
                      slot.name + "': the low bound is above the high bound");
            type_ok = false;
            return slot;
        }
        slot.type.low = low->as_number();
        slot.type.high = high->as_number();
    }
    if (decl.default_value) {
        bool is_literal = true;
        auto value = literal_value(*decl.default_value, is_literal);
        const SourceSpan where = expr_span(*decl.default_value);
        if (!is_literal) {
            error(DiagCode::E0207, where,
                  "the default of slot '" + slot.name + "' must be a literal");
        } else if (value) {
            const Type vt = type_of_value(*value);
            if (value->is_nil()) {
                error(DiagCode::E0207, where,
                      "the default of slot '" + slot.name +
                          "' cannot be nil (write '?' to make the slot optional)");
            } else if (!value_fits(*value, type_of_slot(slot.type))) {
                error(DiagCode::E0207, where,
                      "the default of slot '" + slot.name + "' must be " +
                          a_type_name(type_of_slot(slot.type)) + ", found " + a_type_name(vt));
            } else if (auto problem = value_violation(*value, slot.type, slot.name)) {
                error(DiagCode::E0304, where, *problem);
            } else {
                slot.default_value = coerce_to_slot(*value, slot.type);
            }
        }
    }
    if (decl.default_value && !slot.default_value) {
        slot.optional = true;  // a rejected default: do not also report asserts without it
    }
    return slot;
}

void Checker::declare_recommendation(const ast::RecommendationDecl& decl) {
    check_not_keyword(decl.id, "recommendation");
    if (duplicate(recommendation_names_, decl.id, "recommendation")) {
        return;
    }
    ir::Recommendation rec;
    rec.id = decl.id.text;
    rec.title = plain_string(decl.title);
    if (decl.description) {
        rec.description = plain_string(*decl.description);
    }
    rec.span = span(decl.id);
    program_.recommendations.push_back(std::move(rec));
}

void Checker::declare_param(const ast::ParamDecl& decl) {
    check_not_keyword(decl.name, "param");
    if (duplicate(param_names_, decl.name, "param")) {
        return;
    }
    ir::Param param;
    param.name = decl.name.text;
    param.span = span(decl.name);
    if (decl.doc) {
        param.doc = plain_string(*decl.doc);
    }
    bool is_literal = true;
    auto value = literal_value(decl.value, is_literal);
    const SourceSpan where = expr_span(decl.value);
    if (!is_literal) {
        error(DiagCode::E0209, where,
              "the value of param '" + param.name +
                  "' must be a literal (number, string, bool or symbol)");
    } else if (value && (value->is_nil() || value->kind() == ValueKind::List)) {
        error(DiagCode::E0209, where,
              "the value of param '" + param.name +
                  "' must be a number, string, bool or symbol literal");
        value.reset();
    }
    if (value) {
        param.value = *value;
        param.type = base_of_kind(type_of_value(*value).kind);
    }
    program_.params.push_back(std::move(param));
    param_used_.push_back(false);
}

void Checker::warn_unused_params() {
    for (std::size_t i = 0; i < program_.params.size(); ++i) {
        // A param whose value was rejected has a nil value: one error is enough.
        if (!param_used_[i] && !program_.params[i].value.is_nil()) {
            const auto& p = program_.params[i];
            warning(DiagCode::W0002, p.span, "param '" + p.name + "' is declared but never used");
        }
    }
}

}  // namespace maslahat::sema
