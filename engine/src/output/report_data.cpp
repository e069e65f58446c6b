#include "output/report_data.hpp"

#include "output/reports.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace maslahat::output {
namespace {

namespace mu = kainjow::mustache;

std::string cell(const std::string& text, Markup markup) {
    if (markup != Markup::Markdown) {
        return text;
    }
    std::string out;
    for (const char c : text) {
        if (c == '|') {
            out += "\\|";
        } else if (c == '\n') {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

mu::data flag(bool b) {
    return mu::data(b ? mu::data::type::bool_true : mu::data::type::bool_false);
}

std::string number(double x) {
    return Value::number(x).to_string();
}

const SlotResult* slot_of(const FactResult& fact, std::string_view name) {
    for (const auto& s : fact.slots) {
        if (s.name == name) {
            return &s;
        }
    }
    return nullptr;
}

std::string text_of(const FactResult& fact, std::string_view name) {
    const SlotResult* s = slot_of(fact, name);
    return s != nullptr && s->value.is_text() ? std::string(s->value.text()) : std::string();
}

bool mentions(const FactResult& fact, const std::string& subject) {
    for (const auto& s : fact.slots) {
        if (s.value.kind() == ValueKind::String && s.value.text() == subject) {
            return true;
        }
    }
    return false;
}

/// Facts by id and the joined `evidence` texts by (item, country), built once per report:
/// the supports look facts up by id instead of scanning every fact for every cited id.
struct FactIndex {
    std::unordered_map<std::uint64_t, const FactResult*> by_id;
    std::map<std::pair<std::string, std::string>, std::string> evidence_joined;

    explicit FactIndex(const RunResult& result) {
        by_id.reserve(result.facts.size());
        for (const auto& f : result.facts) {
            by_id.emplace(f.id, &f);
            if (f.template_name == "evidence") {
                std::string& joined = evidence_joined[{text_of(f, "item"), text_of(f, "country")}];
                joined += (joined.empty() ? "" : "; ") + text_of(f, "text");
            }
        }
    }
    const FactResult* fact(std::uint64_t id) const {
        const auto it = by_id.find(id);
        return it == by_id.end() ? nullptr : it->second;
    }
};

/// The `finding` facts a support matched, each with its `evidence` texts (the figures).
mu::data support_findings(const FactIndex& index, const SupportResult& support, Markup markup) {
    mu::data list = make_list(support.facts.size());
    for (const auto id : support.facts) {
        const FactResult* f = index.fact(id);
        if (f == nullptr || f->template_name != "finding") {
            continue;
        }
        std::pair<std::string, std::string> key{text_of(*f, "item"), text_of(*f, "country")};
        const auto joined = index.evidence_joined.find(key);
        mu::data entry;
        put(entry, "item", cell(key.first, markup));
        put(entry, "evidence_joined",
            cell(joined == index.evidence_joined.end() ? std::string() : joined->second, markup));
        append(list, std::move(entry));
    }
    return list;
}

mu::data recommendations(const RunResult& result, const std::string& subject, Markup markup) {
    const FactIndex index(result);
    mu::data list = make_list(result.recommendations.size());
    std::size_t rank = 0;
    for (const auto& rec : result.recommendations) {
        if (!subject.empty() && rec.subject != subject) {
            continue;
        }
        mu::data item;
        put(item, "rank", std::to_string(++rank));
        put(item, "id", cell(rec.id, markup));
        put(item, "title", cell(rec.title, markup));
        put(item, "subject", cell(rec.subject, markup));
        put(item, "confidence", number(rec.confidence));
        put(item, "percent", fmt::format("{:.0f}", rec.confidence * 100.0));
        mu::data supports = make_list(rec.support.size());
        for (const auto& s : rec.support) {
            mu::data support;
            put(support, "rule", cell(s.rule, markup));
            put(support, "confidence", number(s.confidence));
            put(support, "percent", fmt::format("{:.0f}", s.confidence * 100.0));
            put(support, "because", cell(s.because, markup));
            std::string cited;
            for (const auto id : s.facts) {
                const FactResult* f = index.fact(id);
                if (f != nullptr && f->origin.kind == FactOrigin::Kind::File) {
                    cited += (cited.empty() ? "" : ", ") + f->origin.file + ":" +
                             std::to_string(f->origin.line);
                }
            }
            put(support, "cited", cell(cited, markup));
            put(support, "findings", support_findings(index, s, markup));
            append(supports, std::move(support));
        }
        put(item, "supports", std::move(supports));
        append(list, std::move(item));
    }
    return list;
}

/// Quadrants S, W, O, T from `finding(country, item)` facts and `evidence(country, item, text)`.
mu::data swot(const RunResult& result, const std::string& subject, Markup markup) {
    std::map<std::string, std::vector<std::string>> evidence;
    for (const auto& f : result.facts) {
        if (f.template_name == "evidence" && (subject.empty() || mentions(f, subject))) {
            evidence[text_of(f, "item")].push_back(text_of(f, "text"));
        }
    }
    const std::pair<char, const char*> names[] = {
        {'S', "Strengths"}, {'W', "Weaknesses"}, {'O', "Opportunities"}, {'T', "Threats"}};
    mu::data quadrants = make_list(4);
    for (const auto& [letter, name] : names) {
        std::set<std::string> items;
        for (const auto& f : result.facts) {
            if (f.template_name != "finding" || (!subject.empty() && !mentions(f, subject))) {
                continue;
            }
            const std::string item = text_of(f, "item");
            if (!item.empty() && item[0] == letter) {
                items.insert(item);
            }
        }
        mu::data quadrant;
        put(quadrant, "name", name);
        put(quadrant, "key", std::string(1, static_cast<char>(letter + ('a' - 'A'))));
        mu::data list = make_list(items.size());
        for (const auto& item : items) {
            mu::data entry;
            put(entry, "item", cell(item, markup));
            mu::data texts = make_list(evidence[item].size());
            std::string joined;
            for (const auto& t : evidence[item]) {
                mu::data text;
                put(text, "text", cell(t, markup));
                append(texts, std::move(text));
                joined += (joined.empty() ? "" : "; ") + t;
            }
            put(entry, "evidence", std::move(texts));
            put(entry, "evidence_joined", cell(joined, markup));
            append(list, std::move(entry));
        }
        put(quadrant, "items", std::move(list));
        put(quadrant, "empty", flag(items.empty()));
        put(quadrant, "nonempty", flag(!items.empty()));
        append(quadrants, std::move(quadrant));
    }
    return quadrants;
}

/// Sources cited by fact-file facts about the subject: slot provenance and `source` slots.
mu::data sources(const RunResult& result, const std::string& subject, Markup markup) {
    std::set<std::string> seen;
    for (const auto& f : result.facts) {
        if (f.origin.kind != FactOrigin::Kind::File ||
            (!subject.empty() && !mentions(f, subject))) {
            continue;
        }
        for (const auto& s : f.slots) {
            if (s.provenance && !s.provenance->source.empty()) {
                seen.insert(s.provenance->source +
                            (s.provenance->year ? fmt::format(" ({})", *s.provenance->year) : ""));
            }
            if (s.name == "source" && s.value.is_text() && !s.value.text().empty()) {
                seen.insert(std::string(s.value.text()));
            }
        }
    }
    mu::data list = make_list(seen.size());
    for (const auto& s : seen) {
        mu::data item;
        put(item, "source", cell(s, markup));
        append(list, std::move(item));
    }
    return list;
}

}  // namespace

mu::data make_list(std::size_t capacity) {
    mu::data list{mu::data::type::list};
    // kainjow's data has no noexcept move: a vector of them that grows copies every element
    const_cast<mu::list&>(list.list_value()).reserve(capacity);
    return list;
}

void append(mu::data& list, mu::data&& item) {
    if (list.is_list()) {
        // list_value() is the vector `list` owns (not a const object): moving into it is what
        // push_back would do without its deep copy of `item`.
        const_cast<mu::list&>(list.list_value()).push_back(std::move(item));
    }
}

void put(mu::data& object, const std::string& key, mu::data&& value) {
    if (object.is_object()) {
        object[key] = std::move(value);
    }
}

namespace {
// Keep in step with what swot(), sources() and recommendations() read above.
/// The templates the reports read every fact of.
bool report_template(const FactResult& fact) {
    const std::string_view name = fact.template_name;  // (lengths compared first)
    return name == std::string_view("evidence") || name == std::string_view("finding");
}
}  // namespace

bool report_may_read_fact(const FactResult& fact) {
    return report_template(fact) || fact.origin.kind == FactOrigin::Kind::File;
}

std::function<bool(const FactResult&)> report_may_read_fact_of(
    const std::vector<std::pair<std::string, std::vector<std::string>>>& templates) {
    std::unordered_set<std::string> with_source;  // templates with a `source` slot
    for (const auto& [name, slots] : templates) {
        if (std::find(slots.begin(), slots.end(), "source") != slots.end()) {
            with_source.insert(name);
        }
    }
    return [with_source = std::move(with_source)](const FactResult& fact) {
        if (fact.origin.kind != FactOrigin::Kind::File) {
            return report_template(fact);  // (report_may_read_fact, origin first)
        }
        // report_reads_fact keeps a fact-file fact only for a provenance or a `source` slot
        return fact.origin.provenance || with_source.contains(fact.template_name) ||
               report_template(fact);
    };
}

bool report_reads_fact(const FactResult& fact) {
    if (!report_may_read_fact(fact)) {
        return false;
    }
    if (report_template(fact)) {
        return true;
    }
    // a fact-file fact that names a source
    for (const auto& s : fact.slots) {
        if ((s.provenance && !s.provenance->source.empty()) ||
            (s.name == "source" && s.value.is_text() && !s.value.text().empty())) {
            return true;
        }
    }
    return false;
}

mu::data report_data(const RunResult& result, const ReportContext& context, Markup markup) {
    mu::data d;
    const std::string& subject = context.subject;
    put(d, "subject", subject.empty() ? std::string("all subjects") : cell(subject, markup));
    put(d, "has_subject", flag(!subject.empty()));
    put(d, "date", report_date());
    mu::data recs = recommendations(result, subject, markup);
    put(d, "no_recommendations", flag(recs.list_value().empty()));
    put(d, "recommendations", std::move(recs));
    mu::data quadrants = swot(result, subject, markup);
    bool any_finding = false;
    for (const auto& q : quadrants.list_value()) {
        any_finding = any_finding || !q.get("items")->list_value().empty();
    }
    put(d, "swot", std::move(quadrants));
    put(d, "has_findings", flag(any_finding));
    mu::data output = make_list(result.output.size());
    for (const auto& line : result.output) {
        mu::data item;
        put(item, "line", line);
        append(output, std::move(item));
    }
    put(d, "has_output", flag(!result.output.empty()));
    put(d, "output", std::move(output));
    mu::data cited = sources(result, subject, markup);
    put(d, "has_sources", flag(!cited.list_value().empty()));
    put(d, "sources", std::move(cited));
    put(d, "rules", std::to_string(result.stats.rules));
    put(d, "firings", std::to_string(result.stats.firings));
    put(d, "facts", std::to_string(result.stats.facts_final));
    return d;
}

std::string render_template(const std::string& template_text, const mu::data& data) {
    mu::mustache tmpl{template_text};
    if (!tmpl.is_valid()) {
        return "internal error: report template: " + tmpl.error_message() + "\n";
    }
    std::string out = tmpl.render(data);
    if (!tmpl.is_valid()) {
        return "internal error: report template: " + tmpl.error_message() + "\n";
    }
    return out;
}

std::string report_date() {
    std::time_t t = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        const long long v = std::strtoll(epoch, &end, 10);
        if (end != epoch && *end == '\0') {
            t = static_cast<std::time_t>(v);
        }
    }
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
    return buffer;
}

}  // namespace maslahat::output
