// Checks expectations against a RunResult and words the differences.
#include "kbtest/check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace maslahat::kbtest {
namespace {

constexpr double tolerance = 1e-6;

std::string for_subject(std::string_view subject) {
    return subject.empty() ? std::string() : fmt::format(" for {}", subject);
}

std::string value_text(const Value& value) {
    if (value.kind() == ValueKind::String) {
        return fmt::format("\"{}\"", value.text());
    }
    return value.to_string();
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

const SlotResult* slot_of(const FactResult& fact, std::string_view name) {
    for (const auto& slot : fact.slots) {
        if (slot.name == name) {
            return &slot;
        }
    }
    return nullptr;
}

bool slots_match(const FactResult& fact, const std::vector<std::pair<std::string, Value>>& slots) {
    return std::all_of(slots.begin(), slots.end(), [&fact](const auto& wanted) {
        const SlotResult* slot = slot_of(fact, wanted.first);
        return slot != nullptr && slot->value == wanted.second;
    });
}

std::string pattern_text(const std::string& name,
                         const std::vector<std::pair<std::string, Value>>& slots) {
    std::vector<std::string> parts;
    for (const auto& [slot, value] : slots) {
        parts.push_back(fmt::format("{}: {}", slot, value_text(value)));
    }
    return fmt::format("{}({})", name, join(parts));
}

std::optional<std::string> check_recommendation(const Expectation& expect, const RunResult& result,
                                                std::string_view subject) {
    const auto found =
        std::find_if(result.recommendations.begin(), result.recommendations.end(),
                     [&](const RecommendationResult& r) {
                         return r.id == expect.name && (subject.empty() || r.subject == subject);
                     });
    const std::string what = fmt::format("recommendation {}{}", expect.name, for_subject(subject));
    if (!expect.present) {
        if (found == result.recommendations.end()) {
            return std::nullopt;
        }
        return fmt::format("expected no {}, got it with confidence {}", what,
                           confidence_text(found->confidence));
    }
    if (found == result.recommendations.end()) {
        std::vector<std::string> others;
        for (const auto& r : result.recommendations) {
            if (subject.empty() || r.subject == subject) {
                others.push_back(r.id);
            }
        }
        return fmt::format(
            "expected {}, got none{}", what,
            others.empty() ? std::string() : fmt::format(" (recommended: {})", join(others)));
    }
    const double got = found->confidence;
    if (expect.confidence && std::abs(got - *expect.confidence) > tolerance) {
        return fmt::format("expected {} with confidence {}, got {}", what,
                           confidence_text(*expect.confidence), confidence_text(got));
    }
    const bool too_low = expect.min_confidence && got < *expect.min_confidence - tolerance;
    const bool too_high = expect.max_confidence && got > *expect.max_confidence + tolerance;
    if (too_low || too_high) {
        std::string range;
        if (expect.min_confidence && expect.max_confidence) {
            range = fmt::format("in [{}, {}]", confidence_text(*expect.min_confidence),
                                confidence_text(*expect.max_confidence));
        } else if (expect.min_confidence) {
            range = fmt::format(">= {}", confidence_text(*expect.min_confidence));
        } else {
            range = fmt::format("<= {}", confidence_text(*expect.max_confidence));
        }
        return fmt::format("expected {} with confidence {}, got {}", what, range,
                           confidence_text(got));
    }
    std::vector<std::string> rules;
    for (const auto& support : found->support) {
        if (std::find(rules.begin(), rules.end(), support.rule) == rules.end()) {
            rules.push_back(support.rule);
        }
    }
    const auto supported = [&rules](const std::string& rule) {
        return std::find(rules.begin(), rules.end(), rule) != rules.end();
    };
    for (const auto& rule : expect.supported_by) {
        if (!supported(rule)) {
            return fmt::format("expected {} to be supported by rule '{}', its supports are: {}",
                               what, rule, join(rules));
        }
    }
    for (const auto& rule : expect.not_supported_by) {
        if (supported(rule)) {
            return fmt::format("expected {} not to be supported by rule '{}', but it is", what,
                               rule);
        }
    }
    return std::nullopt;
}

std::optional<std::string> check_finding(const Expectation& expect, const RunResult& result,
                                         std::string_view subject) {
    std::vector<std::string> items;
    bool found = false;
    for (const auto& fact : result.facts) {
        if (fact.template_name != finding_template) {
            continue;
        }
        const SlotResult* country = slot_of(fact, finding_subject_slot);
        const SlotResult* item = slot_of(fact, finding_item_slot);
        if (country == nullptr || item == nullptr || !country->value.is_text() ||
            (!subject.empty() && country->value.text() != subject)) {
            continue;
        }
        const std::string text = item->value.to_string();
        found = found || text == expect.name;
        if (std::find(items.begin(), items.end(), text) == items.end()) {
            items.push_back(text);
        }
    }
    const std::string what = fmt::format("finding {}{}", expect.name, for_subject(subject));
    if (found == expect.present) {
        return std::nullopt;
    }
    if (found) {
        return fmt::format("expected no {}, got it", what);
    }
    std::sort(items.begin(), items.end());
    return fmt::format("expected {}, got none{}", what,
                       items.empty() ? std::string() : fmt::format(" (findings: {})", join(items)));
}

std::optional<std::string> check_fact(const Expectation& expect, const RunResult& result) {
    const auto count = static_cast<std::uint64_t>(
        std::count_if(result.facts.begin(), result.facts.end(), [&expect](const FactResult& f) {
            return f.template_name == expect.name && slots_match(f, expect.slots);
        }));
    const std::string pattern = pattern_text(expect.name, expect.slots);
    if (expect.count) {
        if (count == *expect.count) {
            return std::nullopt;
        }
        return fmt::format("expected {} fact{} {}, got {}", *expect.count,
                           *expect.count == 1 ? "" : "s", pattern, count);
    }
    if ((count > 0) == expect.present) {
        return std::nullopt;
    }
    if (count > 0) {
        return fmt::format("expected no fact {}, got {}", pattern, count);
    }
    return fmt::format("expected a fact {}, got none", pattern);
}

std::optional<std::string> check_output(const Expectation& expect, const RunResult& result) {
    const auto line = std::find_if(
        result.output.begin(), result.output.end(),
        [&expect](const std::string& l) { return l.find(expect.name) != std::string::npos; });
    const bool found = line != result.output.end();
    if (found == expect.present) {
        return std::nullopt;
    }
    if (found) {
        return fmt::format("expected no output line containing '{}', got '{}'", expect.name, *line);
    }
    return fmt::format("expected an output line containing '{}', got none", expect.name);
}

}  // namespace

std::string confidence_text(double confidence) {
    return fmt::format("{:.6g}", confidence);
}

std::optional<std::string> check_expectation(const Expectation& expect, const RunResult& result,
                                             std::string_view subject) {
    const std::string_view who = expect.subject.empty() ? subject : expect.subject;
    switch (expect.kind) {
        case Expectation::Kind::Recommendation:
            return check_recommendation(expect, result, who);
        case Expectation::Kind::Finding:
            return check_finding(expect, result, who);
        case Expectation::Kind::Fact:
            return check_fact(expect, result);
        case Expectation::Kind::Output:
            return check_output(expect, result);
        case Expectation::Kind::MaxFirings:
            if (result.stats.firings <= expect.max_firings) {
                return std::nullopt;
            }
            return fmt::format("expected at most {} firings, got {}", expect.max_firings,
                               result.stats.firings);
    }
    return std::nullopt;
}

std::optional<std::string> check_run(const RunResult& result) {
    if (!result.errors.empty()) {
        return fmt::format("the run stopped with an error: {}", result.errors.front().message);
    }
    if (result.status == RunStatus::Error) {
        return "the run stopped with an error";
    }
    if (result.status == RunStatus::LimitReached) {
        return fmt::format("the run reached the firing limit after {} firings",
                           result.stats.firings);
    }
    return std::nullopt;
}

}  // namespace maslahat::kbtest
