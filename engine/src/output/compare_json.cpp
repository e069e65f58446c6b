// `compare --format json`: the subjects, then one object per recommendation and per finding
// whose per-subject values are keyed by column label (null: not recommended / not derived).
#include "output/comparison.hpp"

#include <nlohmann/json.hpp>

namespace maslahat::output {

std::string render_compare_json(const Comparison& c) {
    using json = nlohmann::ordered_json;
    json subjects = json::array();
    for (const auto& col : c.columns) {
        subjects.push_back({{"label", col.label},
                            {"subject", col.subject},
                            {"facts", col.facts.empty() ? json(nullptr) : json(col.facts)}});
    }
    json recommendations = json::array();
    for (const auto& r : c.recommendations) {
        json by_subject = json::object();
        for (std::size_t i = 0; i < c.columns.size(); ++i) {
            by_subject[c.columns[i].label] =
                r.confidence[i] ? json(*r.confidence[i]) : json(nullptr);
        }
        recommendations.push_back(
            {{"id", r.id}, {"title", r.title}, {"confidence", std::move(by_subject)}});
    }
    json findings = json::array();
    for (const auto& f : c.findings) {
        json by_subject = json::object();
        for (std::size_t i = 0; i < c.columns.size(); ++i) {
            by_subject[c.columns[i].label] = f.evidence[i] ? json(*f.evidence[i]) : json(nullptr);
        }
        findings.push_back(
            {{"item", f.item}, {"quadrant", f.quadrant}, {"evidence", std::move(by_subject)}});
    }
    const json out = {{"subjects", std::move(subjects)},
                      {"recommendations", std::move(recommendations)},
                      {"findings", std::move(findings)}};
    return out.dump(2) + "\n";
}

}  // namespace maslahat::output
