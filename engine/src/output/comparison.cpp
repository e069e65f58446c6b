#include "output/comparison.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace maslahat::output {
namespace {

constexpr const char* quadrant_order[] = {"Strengths", "Weaknesses", "Opportunities", "Threats",
                                          "Other"};

std::size_t quadrant_rank(const std::string& quadrant) {
    std::size_t i = 0;
    while (i + 1 < std::size(quadrant_order) && quadrant != quadrant_order[i]) {
        ++i;
    }
    return i;
}

std::string text_of(const FactResult& fact, std::string_view name) {
    for (const auto& s : fact.slots) {
        if (s.name == name && s.value.is_text()) {
            return std::string(s.value.text());
        }
    }
    return {};
}

bool mentions(const FactResult& fact, const std::string& subject) {
    return std::any_of(fact.slots.begin(), fact.slots.end(), [&](const SlotResult& s) {
        return s.value.kind() == ValueKind::String && s.value.text() == subject;
    });
}

}  // namespace

std::string quadrant_of(const std::string& item) {
    switch (item.empty() ? '\0' : item[0]) {
        case 'S':
            return "Strengths";
        case 'W':
            return "Weaknesses";
        case 'O':
            return "Opportunities";
        case 'T':
            return "Threats";
        default:
            return "Other";
    }
}

Comparison make_comparison(const std::vector<std::pair<std::string, std::string>>& declared) {
    Comparison out;
    for (const auto& [id, title] : declared) {
        out.recommendations.push_back(CompareRecommendation{id, title, {}});
    }
    return out;
}

void add_column(Comparison& comparison, CompareColumn column, const RunResult& result) {
    const std::string subject = column.subject;
    comparison.columns.push_back(std::move(column));
    const std::size_t n = comparison.columns.size();
    for (auto& row : comparison.recommendations) {
        row.confidence.resize(n);
        for (const auto& rec : result.recommendations) {
            if (rec.id == row.id && rec.subject == subject) {
                row.confidence.back() = rec.confidence;
            }
        }
    }
    // Items derived for this subject, each with its evidence texts (a set: sorted, unique).
    std::map<std::string, std::set<std::string>> found;
    for (const auto& f : result.facts) {
        if (f.template_name == "finding" && mentions(f, subject)) {
            const std::string item = text_of(f, "item");
            if (!item.empty()) {
                found[item];
            }
        }
    }
    for (const auto& f : result.facts) {
        if (f.template_name == "evidence" && mentions(f, subject)) {
            const auto it = found.find(text_of(f, "item"));
            if (it != found.end()) {
                it->second.insert(text_of(f, "text"));
            }
        }
    }
    auto& rows = comparison.findings;
    for (const auto& [item, texts] : found) {
        const std::string quadrant = quadrant_of(item);
        const auto key = std::make_pair(quadrant_rank(quadrant), item);
        auto at = std::lower_bound(
            rows.begin(), rows.end(), key, [](const CompareFinding& row, const auto& k) {
                return std::make_pair(quadrant_rank(row.quadrant), row.item) < k;
            });
        if (at == rows.end() || at->item != item) {
            at = rows.insert(at, CompareFinding{quadrant, item, {}});
        }
        at->evidence.resize(n);
        at->evidence.back() = std::vector<std::string>(texts.begin(), texts.end());
    }
    for (auto& row : rows) {
        row.evidence.resize(n);
    }
}

void disambiguate_labels(Comparison& comparison) {
    std::map<std::string, int> uses;
    for (const auto& c : comparison.columns) {
        ++uses[c.label];
    }
    for (auto& c : comparison.columns) {
        if (uses[c.label] > 1) {
            c.label += c.facts.empty() ? std::string(" (--subject)") : " (" + c.facts + ")";
        }
    }
}

}  // namespace maslahat::output
