// `compare --format markdown|html`: the compare.md / compare.html Mustache templates over a
// view of the Comparison (cells per subject, findings grouped by SWOT quadrant, evidence).
#include "output/comparison.hpp"
#include "output/report_data.hpp"
#include "output/templates.hpp"

#include <fmt/format.h>

namespace maslahat::output {
namespace {

namespace mu = kainjow::mustache;

mu::data flag(bool b) {
    return mu::data(b ? mu::data::type::bool_true : mu::data::type::bool_false);
}

/// Markdown table cells: `|` escaped, line breaks folded; HTML is escaped by `{{...}}`.
std::string cell(const std::string& text, Markup markup) {
    if (markup != Markup::Markdown) {
        return text;
    }
    std::string out;
    for (const char c : text) {
        out += c == '|' ? std::string("\\|") : std::string(1, c == '\n' ? ' ' : c);
    }
    return out;
}

std::string joined(const std::vector<std::string>& texts) {
    std::string out;
    for (const auto& t : texts) {
        out += (out.empty() ? "" : "; ") + t;
    }
    return out;
}

mu::data text_list(const std::vector<std::string>& texts, Markup markup) {
    mu::data list{mu::data::type::list};
    for (const auto& t : texts) {
        mu::data entry;
        entry.set("text", cell(t, markup));
        list.push_back(entry);
    }
    return list;
}

mu::data recommendations(const Comparison& c, Markup markup) {
    mu::data list{mu::data::type::list};
    for (const auto& r : c.recommendations) {
        mu::data row;
        row.set("id", cell(r.id, markup));
        row.set("title", cell(r.title, markup));
        mu::data cells{mu::data::type::list};
        for (const auto& cf : r.confidence) {
            mu::data entry;
            entry.set("made", flag(cf.has_value()));
            entry.set("text", cf ? Value::number(*cf).to_string() : std::string("-"));
            entry.set("percent", cf ? fmt::format("{:.0f}", *cf * 100.0) : std::string("0"));
            cells.push_back(entry);
        }
        row.set("cells", cells);
        list.push_back(row);
    }
    return list;
}

mu::data quadrants(const Comparison& c, Markup markup) {
    mu::data list{mu::data::type::list};
    for (const char* name : {"Strengths", "Weaknesses", "Opportunities", "Threats", "Other"}) {
        mu::data rows{mu::data::type::list};
        for (const auto& f : c.findings) {
            if (f.quadrant != name) {
                continue;
            }
            mu::data row;
            row.set("item", cell(f.item, markup));
            mu::data cells{mu::data::type::list};
            for (const auto& e : f.evidence) {
                mu::data entry;
                entry.set("made", flag(e.has_value()));
                entry.set("text", e ? std::string("yes") : std::string("-"));
                entry.set("evidence", text_list(e.value_or(std::vector<std::string>{}), markup));
                cells.push_back(entry);
            }
            row.set("cells", cells);
            rows.push_back(row);
        }
        if (rows.list_value().empty() && std::string(name) == "Other") {
            continue;
        }
        mu::data quadrant;
        quadrant.set("name", name);
        quadrant.set("key", std::string(name) == "Other"
                                ? std::string("x")
                                : std::string(1, static_cast<char>(name[0] - 'A' + 'a')));
        quadrant.set("empty", flag(rows.list_value().empty()));
        quadrant.set("rows", rows);
        list.push_back(quadrant);
    }
    return list;
}

/// Per subject: the items derived with their evidence (the Markdown "Evidence" section).
mu::data subjects(const Comparison& c, Markup markup) {
    mu::data list{mu::data::type::list};
    for (std::size_t i = 0; i < c.columns.size(); ++i) {
        const auto& col = c.columns[i];
        mu::data entry;
        entry.set("label", cell(col.label, markup));
        entry.set("subject", cell(col.subject, markup));
        entry.set("facts", cell(col.facts, markup));
        entry.set("has_facts", flag(!col.facts.empty()));
        entry.set("last", flag(i + 1 == c.columns.size()));
        mu::data findings{mu::data::type::list};
        for (const auto& f : c.findings) {
            if (f.evidence[i]) {
                mu::data item;
                item.set("item", cell(f.item, markup));
                item.set("evidence_joined", cell(joined(*f.evidence[i]), markup));
                item.set("has_evidence", flag(!f.evidence[i]->empty()));
                findings.push_back(item);
            }
        }
        entry.set("findings", findings);
        list.push_back(entry);
    }
    return list;
}

mu::data compare_data(const Comparison& c, Markup markup) {
    mu::data d;
    std::string names;
    for (std::size_t i = 0; i < c.columns.size(); ++i) {
        names += (i == 0 ? "" : i + 1 == c.columns.size() ? " and " : ", ") + c.columns[i].label;
    }
    d.set("names", cell(names, markup));
    d.set("date", report_date());
    d.set("subjects", subjects(c, markup));
    d.set("recommendations", recommendations(c, markup));
    d.set("quadrants", quadrants(c, markup));
    return d;
}

}  // namespace

std::string render_compare_markdown(const Comparison& c) {
    return render_template(templates::compare_md, compare_data(c, Markup::Markdown));
}

std::string render_compare_html(const Comparison& c) {
    return render_template(templates::compare_html, compare_data(c, Markup::Html));
}

}  // namespace maslahat::output
