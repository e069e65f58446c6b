// `maslahat sweep`: the analysis rerun over a range of one param. The model holds, per value,
// the subject's recommendations (with confidence) and findings; switch points are derived
// from neighbouring values. Renderers: text, Markdown, and an HTML page (sweep.html.mustache).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace maslahat::output {

struct SweepPoint {
    std::string value;                              ///< the param's value as passed
    std::map<std::string, double> recommendations;  ///< id -> confidence (made ones only)
    std::set<std::string> findings;                 ///< finding items of the subject
};

struct Sweep {
    std::string param;
    std::string subject;           ///< empty: every subject
    std::vector<std::string> ids;  ///< declared recommendations, in order
    std::vector<SweepPoint> points;
};

/// Something that appears, disappears or changes confidence between two neighbouring values.
struct SweepSwitch {
    std::string what;    ///< "recommendation A", "finding O3"
    std::string change;  ///< "switches on", "switches off", "changes confidence from 0.8 to 0.6"
    std::string from;    ///< the value before
    std::string to;      ///< the value after
};

/// In value order; at each step recommendations (on/off, then confidence) before findings.
std::vector<SweepSwitch> sweep_switches(const Sweep& sweep);

std::string render_sweep_text(const Sweep& sweep);
std::string render_sweep_markdown(const Sweep& sweep);
/// One self-contained page (inline CSS, no scripts), dated like the run report.
std::string render_sweep_html(const Sweep& sweep);

}  // namespace maslahat::output
