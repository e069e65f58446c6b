#include "explain/render.hpp"

#include <nlohmann/json.hpp>

namespace maslahat::explain {
namespace {

using nlohmann::json;

json value_json(const ShownSlot& s) {
    switch (s.raw.kind()) {
        case ValueKind::Int:
            return s.raw.as_int();
        case ValueKind::Number:
            return s.raw.as_number();
        case ValueKind::Bool:
            return s.raw.as_bool();
        case ValueKind::Nil:
            return nullptr;
        default:
            return s.value;
    }
}

json fact_json(const FactNode& node) {
    json j;
    j["id"] = node.id;
    if (node.missing) {
        j["missing"] = true;
        return j;
    }
    j["template"] = node.template_name;
    json slots = json::object();
    for (const auto& s : node.slots) {
        json slot;
        slot["value"] = value_json(s);
        if (s.provenance) {
            if (s.provenance->year) {
                slot["year"] = *s.provenance->year;
            }
            if (!s.provenance->source.empty()) {
                slot["source"] = s.provenance->source;
            }
        }
        slots[s.name] = slot;
    }
    j["slots"] = slots;
    switch (node.origin.kind) {
        case FactOrigin::Kind::File:
            j["origin"] = {{"file", node.origin.file}, {"line", node.origin.line}};
            break;
        case FactOrigin::Kind::Rule:
            j["origin"] = {{"rule", node.origin.rule}, {"firing", node.origin.firing}};
            break;
        case FactOrigin::Kind::Api:
            j["origin"] = {{"api", true}};
            break;
    }
    if (node.repeated) {
        j["explained_above"] = true;
    }
    if (!node.premises.empty()) {
        json premises = json::array();
        for (const auto& p : node.premises) {
            premises.push_back(fact_json(p));
        }
        j["premises"] = premises;
    }
    return j;
}

}  // namespace

std::string render_why_json(const WhyExplanation& why) {
    json j;
    j["id"] = why.id;
    j["title"] = why.title;
    j["subject"] = why.subject;
    j["confidence"] = why.confidence;
    j["combination"] = "mycin";
    json supports = json::array();
    for (std::size_t i = 0; i < why.supports.size(); ++i) {
        const SupportNode& s = why.supports[i];
        json facts = json::array();
        for (const auto& f : s.facts) {
            facts.push_back(fact_json(f));
        }
        supports.push_back({{"rule", s.rule},
                            {"confidence", s.confidence},
                            {"because", s.because},
                            {"firing", s.firing},
                            {"combined", i < why.combined.size() ? why.combined[i] : 0.0},
                            {"facts", facts}});
    }
    j["support"] = supports;
    return j.dump(2) + "\n";
}

namespace {

json failure_json(const RuleFailure& r) {
    json rule{{"rule", r.rule},
              {"matched", r.matched},
              {"reason", r.reason},
              {"bindings", r.bindings},
              {"to_change", r.to_change}};
    if (r.condition > 0) {
        rule["condition"] = r.condition;
        rule["condition_text"] = r.condition_text;
    }
    if (!r.causes.empty()) {
        json causes = json::array();
        for (const auto& c : r.causes) {
            causes.push_back(failure_json(c));
        }
        rule["not_derived_because"] = causes;
    }
    return rule;
}

}  // namespace

std::string render_why_not_json(const WhyNotExplanation& w) {
    json j;
    j["id"] = w.id;
    j["title"] = w.title;
    j["subject"] = w.subject;
    j["recommended"] = w.recommended;
    if (w.recommended) {
        j["confidence"] = w.confidence;
    }
    json rules = json::array();
    for (const auto& r : w.rules) {
        rules.push_back(failure_json(r));
    }
    j["rules"] = rules;
    return j.dump(2) + "\n";
}

}  // namespace maslahat::explain
