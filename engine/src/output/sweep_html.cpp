// `sweep --format html`: the sweep.html.mustache template over the sweep's table (bars for
// confidences) and its switch points.
#include "explain/describe.hpp"
#include "output/report_data.hpp"
#include "output/sweep.hpp"
#include "output/templates.hpp"

#include <fmt/format.h>

namespace maslahat::output {
namespace {

namespace mu = kainjow::mustache;

mu::data flag(bool b) {
    return mu::data(b ? mu::data::type::bool_true : mu::data::type::bool_false);
}

mu::data rows(const Sweep& s) {
    mu::data list{mu::data::type::list};
    for (const auto& p : s.points) {
        mu::data row;
        row.set("value", p.value);
        mu::data cells{mu::data::type::list};
        for (const auto& id : s.ids) {
            const auto it = p.recommendations.find(id);
            const bool made = it != p.recommendations.end();
            mu::data entry;
            entry.set("made", flag(made));
            entry.set("text", made ? explain::number_text(it->second) : std::string("-"));
            entry.set("percent", made ? fmt::format("{:.0f}", it->second * 100.0) : "0");
            cells.push_back(entry);
        }
        row.set("cells", cells);
        std::string findings;
        for (const auto& f : p.findings) {
            findings += (findings.empty() ? "" : " ") + f;
        }
        row.set("findings", findings);
        list.push_back(row);
    }
    return list;
}

}  // namespace

std::string render_sweep_html(const Sweep& s) {
    mu::data d;
    d.set("param", s.param);
    d.set("subject", s.subject);
    d.set("has_subject", flag(!s.subject.empty()));
    d.set("date", report_date());
    d.set("from", s.points.empty() ? std::string() : s.points.front().value);
    d.set("to", s.points.empty() ? std::string() : s.points.back().value);
    mu::data ids{mu::data::type::list};
    for (const auto& id : s.ids) {
        mu::data entry;
        entry.set("id", id);
        ids.push_back(entry);
    }
    d.set("ids", ids);
    d.set("rows", rows(s));
    mu::data switches{mu::data::type::list};
    for (const auto& sw : sweep_switches(s)) {
        mu::data entry;
        entry.set("what", sw.what);
        entry.set("change", sw.change);
        entry.set("from", sw.from);
        entry.set("to", sw.to);
        switches.push_back(entry);
    }
    d.set("no_switches", flag(switches.list_value().empty()));
    d.set("switches", switches);
    return render_template(templates::sweep_html, d);
}

}  // namespace maslahat::output
