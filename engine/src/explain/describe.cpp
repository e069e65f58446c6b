#include "explain/describe.hpp"

#include <cstdio>
#include <functional>

namespace maslahat::explain {
namespace {

void collect_refs(const ir::Expr& expr, ir::TokenIndex token, std::set<ir::SlotIndex>& out) {
    if (expr.kind == ir::ExprKind::SlotRef && expr.token == token) {
        out.insert(expr.slot);
    }
    for (const auto& arg : expr.args) {
        collect_refs(arg, token, out);
    }
}

}  // namespace

std::string number_text(double x) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.4f", x);
    std::string s(buffer);
    while (!s.empty() && s.back() == '0') {
        s.pop_back();
    }
    if (!s.empty() && s.back() == '.') {
        s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

std::string figure_text(const std::string& value, const std::optional<Provenance>& provenance) {
    if (!provenance || (!provenance->year && provenance->source.empty())) {
        return value;
    }
    std::string out = value + " (";
    if (provenance->year) {
        out += std::to_string(*provenance->year);
        if (!provenance->source.empty()) {
            out += ", ";
        }
    }
    return out + provenance->source + ")";
}

std::string origin_text(const FactOrigin& origin) {
    switch (origin.kind) {
        case FactOrigin::Kind::File:
            return origin.file + ":" + std::to_string(origin.line);
        case FactOrigin::Kind::Rule:
            return "rule " + origin.rule + " (firing " + std::to_string(origin.firing) + ")";
        case FactOrigin::Kind::Api:
            break;
    }
    return "the embedding API";
}

std::string fact_label(const FactResult& fact) {
    for (const auto& slot : fact.slots) {
        if (slot.value.kind() == ValueKind::String) {
            return fact.template_name + " \"" + std::string(slot.value.text()) + "\"";
        }
    }
    return fact.template_name;
}

std::set<ir::SlotIndex> slots_read(const ir::Rule& rule, ir::TokenIndex token,
                                   ir::TemplateIndex template_index) {
    std::set<ir::SlotIndex> out;
    bool found = false;
    for (const auto& condition : rule.conditions) {
        if (condition.kind == ir::ConditionKind::Pattern && condition.pattern.token == token) {
            if (condition.pattern.template_index != template_index) {
                return {};
            }
            found = true;
            for (const auto& c : condition.pattern.constraints) {
                out.insert(c.slot);
            }
        }
        if (condition.kind == ir::ConditionKind::Test) {
            collect_refs(condition.test, token, out);
        }
        if (condition.kind == ir::ConditionKind::Pattern) {
            for (const auto& c : condition.pattern.constraints) {
                collect_refs(c.rhs, token, out);
            }
        }
    }
    if (!found) {
        return {};
    }
    for (const auto& v : rule.variables) {
        if (v.kind == ir::VariableInfo::Kind::Slot && v.token == token) {
            out.insert(v.slot);
        }
    }
    const std::function<void(const ir::Expr&)> refs = [&](const ir::Expr& e) {
        collect_refs(e, token, out);
    };
    for (const auto& action : rule.actions) {
        for (const auto& sv : action.slots) {
            refs(sv.value);
        }
        refs(action.subject);
        refs(action.value);
        if (action.confidence) {
            refs(*action.confidence);
        }
        if (action.because) {
            refs(*action.because);
        }
    }
    return out;
}

double combine(double a, double b) {
    return 1.0 - (1.0 - a) * (1.0 - b);
}

}  // namespace maslahat::explain
