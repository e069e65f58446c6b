#include "output/reports.hpp"

#include <nlohmann/json.hpp>

namespace maslahat::output {
namespace {
using json = nlohmann::ordered_json;

json to_json(const Value& v) {
    switch (v.kind()) {
        case ValueKind::Nil:
            return nullptr;
        case ValueKind::Bool:
            return v.as_bool();
        case ValueKind::Int:
            return v.as_int();
        case ValueKind::Number:
            return v.as_number();
        case ValueKind::String:
        case ValueKind::Symbol:
            return std::string(v.text());
        case ValueKind::List: {
            json items = json::array();
            for (const auto& item : v.items()) {
                items.push_back(to_json(item));
            }
            return items;
        }
    }
    return nullptr;
}

json origin_json(const FactOrigin& origin) {
    switch (origin.kind) {
        case FactOrigin::Kind::File:
            return {{"file", origin.file}, {"line", origin.line}};
        case FactOrigin::Kind::Rule:
            return {{"rule", origin.rule}, {"firing", origin.firing}};
        case FactOrigin::Kind::Api:
            break;
    }
    return {{"api", true}};
}

json fact_json(const FactResult& fact) {
    json slots = json::object();
    json provenance = json::object();
    for (const auto& slot : fact.slots) {
        slots[slot.name] = to_json(slot.value);
        if (slot.provenance) {
            json p = json::object();
            if (slot.provenance->year) {
                p["year"] = *slot.provenance->year;
            }
            p["source"] = slot.provenance->source;
            provenance[slot.name] = std::move(p);
        }
    }
    json out = {{"id", fact.id},
                {"template", fact.template_name},
                {"slots", std::move(slots)},
                {"origin", origin_json(fact.origin)}};
    if (!provenance.empty()) {
        out["provenance"] = std::move(provenance);
    }
    return out;
}

}  // namespace

std::string render_json_report(const RunResult& result, const ReportContext& context) {
    json recommendations = json::array();
    for (const auto& rec : result.recommendations) {
        json support = json::array();
        for (const auto& s : rec.support) {
            support.push_back({{"rule", s.rule},
                               {"confidence", s.confidence},
                               {"because", s.because},
                               {"facts", s.facts},
                               {"firing", s.firing}});
        }
        recommendations.push_back({{"id", rec.id},
                                   {"title", rec.title},
                                   {"subject", rec.subject},
                                   {"confidence", rec.confidence},
                                   {"support", std::move(support)}});
    }
    json facts = json::array();
    for (const auto& fact : result.facts) {
        facts.push_back(fact_json(fact));
    }
    json out = {{"recommendations", std::move(recommendations)},
                {"facts", std::move(facts)},
                {"output", result.output},
                {"stats",
                 {{"rules", result.stats.rules},
                  {"firings", result.stats.firings},
                  {"facts_final", result.stats.facts_final},
                  {"elapsed_ms", result.stats.elapsed_ms}}}};
    if (!context.subject.empty()) {
        out["subject"] = context.subject;
    }
    return out.dump(2) + "\n";
}

std::string render_json_diagnostics(const std::vector<Diagnostic>& diagnostics,
                                    const SourceManager& sources) {
    json list = json::array();
    for (const auto& d : diagnostics) {
        json item = {{"code", std::string(code_name(d.code))},
                     {"severity", d.severity == Severity::Error     ? "error"
                                  : d.severity == Severity::Warning ? "warning"
                                                                    : "note"},
                     {"message", d.message}};
        if (d.span && static_cast<std::size_t>(d.span->file) < sources.file_count()) {
            const auto pos = sources.position(d.span->file, d.span->begin);
            item["file"] = sources.path(d.span->file);
            item["line"] = pos.line;
            item["column"] = pos.column;
        }
        list.push_back(std::move(item));
    }
    return json{{"diagnostics", std::move(list)}}.dump(2) + "\n";
}

}  // namespace maslahat::output
