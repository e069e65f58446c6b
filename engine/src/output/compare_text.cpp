// `compare` as text: one aligned table (rows: recommendations, then findings by SWOT
// quadrant; columns: subjects), the recommendation titles, and where each subject's facts
// came from.
#include "output/comparison.hpp"
#include "support/utf8.hpp"

#include <algorithm>

namespace maslahat::output {
namespace {

std::string number(double x) {
    return Value::number(x).to_string();
}

std::string pad(const std::string& s, std::size_t width) {
    const std::size_t n = support::count_code_points(s);
    return n >= width ? s + " " : s + std::string(width - n, ' ');
}

struct Layout {
    std::size_t first = 0;
    std::vector<std::size_t> widths;

    std::string row(const std::string& head, const std::vector<std::string>& cells) const {
        std::string out = pad(head, first);
        for (std::size_t i = 0; i < cells.size(); ++i) {
            out += i + 1 == cells.size() ? cells[i] : pad(cells[i], widths[i]);
        }
        return out + "\n";
    }
};

Layout layout(const Comparison& c) {
    Layout l;
    l.first = 4;
    for (const auto& r : c.recommendations) {
        l.first = std::max<std::size_t>(l.first, support::count_code_points(r.id) + 4);
    }
    for (const auto& f : c.findings) {
        l.first = std::max<std::size_t>(l.first, support::count_code_points(f.item) + 4);
    }
    for (const auto& col : c.columns) {
        l.widths.push_back(std::max<std::size_t>(support::count_code_points(col.label), 4) + 2);
    }
    return l;
}

}  // namespace

std::string render_compare_text(const Comparison& c) {
    std::string out = "Comparison of ";
    for (std::size_t i = 0; i < c.columns.size(); ++i) {
        out += (i > 0 ? ", " : "") + c.columns[i].label;
    }
    out += "\n\n";
    const Layout l = layout(c);
    std::vector<std::string> cells;
    for (const auto& col : c.columns) {
        cells.push_back(col.label);
    }
    out += l.row("", cells);
    out += "Recommendations (confidence)\n";
    for (const auto& r : c.recommendations) {
        cells.clear();
        for (const auto& cf : r.confidence) {
            cells.push_back(cf ? number(*cf) : "-");
        }
        out += l.row("  " + r.id, cells);
    }
    for (const char* quadrant : {"Strengths", "Weaknesses", "Opportunities", "Threats", "Other"}) {
        const bool any =
            std::any_of(c.findings.begin(), c.findings.end(),
                        [&](const CompareFinding& f) { return f.quadrant == quadrant; });
        if (!any && std::string(quadrant) == "Other") {
            continue;
        }
        out += std::string(quadrant) + (any ? "\n" : ": none derived\n");
        for (const auto& f : c.findings) {
            if (f.quadrant != quadrant) {
                continue;
            }
            cells.clear();
            for (const auto& e : f.evidence) {
                cells.push_back(e ? "yes" : "-");
            }
            out += l.row("  " + f.item, cells);
        }
    }
    out += "\n";
    for (const auto& r : c.recommendations) {
        out += r.id + ": " + r.title + "\n";
    }
    bool files = false;
    for (const auto& col : c.columns) {
        if (!col.facts.empty()) {
            out += std::string(files ? "" : "\n") + col.label + ": facts from " + col.facts + "\n";
            files = true;
        }
    }
    return out;
}

}  // namespace maslahat::output
