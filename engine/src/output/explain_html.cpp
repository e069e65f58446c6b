#include "output/explain_html.hpp"

#include "explain/describe.hpp"
#include "output/report_data.hpp"
#include "output/templates.hpp"

#include <fmt/format.h>

namespace maslahat::output {
namespace {

namespace mu = kainjow::mustache;
using explain::number_text;

mu::data flag(bool b) {
    return mu::data(b ? mu::data::type::bool_true : mu::data::type::bool_false);
}

std::string percent(double cf) {
    return fmt::format("{:.0f}", cf * 100.0);
}

mu::data texts(const std::vector<std::string>& list) {
    mu::data out{mu::data::type::list};
    for (const auto& t : list) {
        mu::data entry;
        entry.set("text", t);
        out.push_back(entry);
    }
    return out;
}

/// One row per fact of the tree, premises below their fact with a larger indent.
void fact_rows(const explain::FactNode& node, std::size_t depth, mu::data& rows) {
    mu::data row;
    row.set("indent", std::to_string(depth * 24));
    row.set("label", node.missing ? "fact #" + std::to_string(node.id)
                                  : node.template_name + " #" + std::to_string(node.id));
    std::string origin;
    if (node.missing) {
        origin = "no longer in working memory";
    } else if (node.origin.kind == FactOrigin::Kind::File) {
        origin = "from " + explain::origin_text(node.origin);
    } else if (node.origin.kind == FactOrigin::Kind::Rule) {
        origin = "derived by " + explain::origin_text(node.origin) +
                 (node.repeated ? ", explained above" : "");
    } else {
        origin = "asserted through the embedding API";
    }
    row.set("origin", origin);
    row.set("derived", flag(node.origin.kind == FactOrigin::Kind::Rule));
    std::vector<std::string> slots;
    for (const auto& s : node.slots) {
        slots.push_back(s.name + " = " + explain::figure_text(s.value, s.provenance));
    }
    row.set("slots", texts(slots));
    rows.push_back(row);
    for (const auto& premise : node.premises) {
        fact_rows(premise, depth + 1, rows);
    }
}

mu::data why_data(const explain::WhyExplanation& why) {
    mu::data d;
    d.set("id", why.id);
    d.set("title", why.title);
    d.set("subject", why.subject);
    d.set("confidence", number_text(why.confidence));
    d.set("percent", percent(why.confidence));
    std::string terms;
    std::string steps;
    for (std::size_t i = 0; i < why.supports.size(); ++i) {
        terms += "(1 \u2212 " + number_text(why.supports[i].confidence) + ")";
        if (i < why.combined.size()) {
            steps += (i > 0 ? " \u2192 " : "") + number_text(why.combined[i]);
        }
    }
    d.set("combination", why.supports.size() <= 1
                             ? std::string("one support")
                             : "1 \u2212 " + terms + "; after each support: " + steps);
    mu::data supports{mu::data::type::list};
    for (std::size_t i = 0; i < why.supports.size(); ++i) {
        const auto& s = why.supports[i];
        mu::data entry;
        entry.set("n", std::to_string(i + 1));
        entry.set("rule", s.rule);
        entry.set("confidence", number_text(s.confidence));
        entry.set("percent", percent(s.confidence));
        entry.set("because", s.because);
        entry.set("firing", std::to_string(s.firing));
        mu::data rows{mu::data::type::list};
        for (const auto& f : s.facts) {
            fact_rows(f, 0, rows);
        }
        entry.set("facts", rows);
        supports.push_back(entry);
    }
    d.set("supports", supports);
    return d;
}

mu::data failure_data(const explain::RuleFailure& r, std::size_t depth) {
    mu::data d;
    d.set("indent", std::to_string(depth * 24));
    d.set("rule", r.rule);
    d.set("has_condition", flag(r.condition > 0));
    d.set("condition", std::to_string(r.condition));
    d.set("condition_text", r.condition_text);
    d.set("reason", r.reason);
    std::string bound;
    for (const auto& b : r.bindings) {
        bound += (bound.empty() ? "" : ", ") + b;
    }
    d.set("bindings", bound);
    d.set("has_bindings", flag(!bound.empty()));
    d.set("to_change", texts(r.to_change));
    return d;
}

/// The rules that could have derived a failing condition's fact, depth-first, indented.
void cause_rows(const std::vector<explain::RuleFailure>& causes, std::size_t depth,
                mu::data& rows) {
    for (const auto& c : causes) {
        rows.push_back(failure_data(c, depth));
        cause_rows(c.causes, depth + 1, rows);
    }
}

mu::data why_not_data(const explain::WhyNotExplanation& w) {
    mu::data d;
    d.set("id", w.id);
    d.set("title", w.title);
    d.set("subject", w.subject);
    d.set("recommended", flag(w.recommended));
    d.set("confidence", number_text(w.confidence));
    d.set("no_rules", flag(w.rules.empty()));
    mu::data rules{mu::data::type::list};
    for (std::size_t i = 0; i < w.rules.size(); ++i) {
        mu::data entry = failure_data(w.rules[i], 0);
        entry.set("n", std::to_string(i + 1));
        mu::data causes{mu::data::type::list};
        cause_rows(w.rules[i].causes, 0, causes);
        entry.set("has_causes", flag(!w.rules[i].causes.empty()));
        entry.set("causes", causes);
        rules.push_back(entry);
    }
    d.set("rules", rules);
    return d;
}

}  // namespace

std::string render_why_html(const explain::WhyExplanation& why) {
    mu::data d;
    d.set("page_title", "Why " + why.id + " for " + why.subject);
    d.set("date", report_date());
    d.set("why", why_data(why));
    return render_template(templates::explain_html, d);
}

std::string render_why_not_html(const explain::WhyNotExplanation& why_not) {
    mu::data d;
    d.set("page_title", "Why not " + why_not.id + " for " + why_not.subject);
    d.set("date", report_date());
    d.set("why_not", why_not_data(why_not));
    return render_template(templates::explain_html, d);
}

}  // namespace maslahat::output
