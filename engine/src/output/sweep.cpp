// Switch points of a sweep, and the sweep as text or Markdown (one table, then the switches).
#include "output/sweep.hpp"

#include "explain/describe.hpp"

#include <algorithm>
#include <cmath>

namespace maslahat::output {
namespace {

std::string pad(const std::string& s, std::size_t width) {
    return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

std::string findings_text(const SweepPoint& p) {
    std::string out;
    for (const auto& f : p.findings) {
        out += (out.empty() ? "" : " ") + f;
    }
    return out;
}

std::string cell(const SweepPoint& p, const std::string& id) {
    const auto it = p.recommendations.find(id);
    return it == p.recommendations.end() ? "-" : explain::number_text(it->second);
}

std::string render(const Sweep& s, bool markdown) {
    if (s.points.empty()) {
        return {};
    }
    std::string out = (markdown ? "# Sweep of " : "Sweep of ") + s.param + " from " +
                      s.points.front().value + " to " + s.points.back().value +
                      (s.subject.empty() ? "" : " for " + s.subject) + "\n\n";
    // Table: one row per value; a column per recommendation (confidence or -), then findings.
    const std::size_t w = std::max<std::size_t>(s.param.size(), 8);
    if (markdown) {
        out += "| " + s.param + " |";
        for (const auto& id : s.ids) {
            out += " " + id + " |";
        }
        out += " findings |\n|---|";
        for (std::size_t k = 0; k < s.ids.size(); ++k) {
            out += "---:|";
        }
        out += "---|\n";
    } else {
        out += pad(s.param, w + 2);
        for (const auto& id : s.ids) {
            out += pad(id, 9);
        }
        out += "findings\n";
    }
    for (const auto& p : s.points) {
        out += markdown ? "| " + p.value + " |" : pad(p.value, w + 2);
        for (const auto& id : s.ids) {
            out += markdown ? " " + cell(p, id) + " |" : pad(cell(p, id), 9);
        }
        out += markdown ? " " + findings_text(p) + " |\n" : findings_text(p) + "\n";
    }
    out += markdown ? "\n## Switches\n\n" : "\nSwitches\n";
    const auto switches = sweep_switches(s);
    for (const auto& sw : switches) {
        out += (markdown ? "- " : "  ") + sw.what + " " + sw.change + " between " + s.param +
               " = " + sw.from + " and " + sw.to + "\n";
    }
    if (switches.empty()) {
        out += (markdown ? "- " : "  ") + std::string("nothing switches in this range\n");
    }
    return out;
}

}  // namespace

std::vector<SweepSwitch> sweep_switches(const Sweep& s) {
    std::vector<SweepSwitch> out;
    std::set<std::string> all_findings;
    for (const auto& p : s.points) {
        all_findings.insert(p.findings.begin(), p.findings.end());
    }
    for (std::size_t i = 1; i < s.points.size(); ++i) {
        const SweepPoint& a = s.points[i - 1];
        const SweepPoint& b = s.points[i];
        const auto on_off = [&](const std::string& what, bool before, bool after) {
            if (before != after) {
                out.push_back({what, after ? "switches on" : "switches off", a.value, b.value});
            }
        };
        for (const auto& id : s.ids) {
            const auto before = a.recommendations.find(id);
            const auto after = b.recommendations.find(id);
            const bool was = before != a.recommendations.end();
            const bool is = after != b.recommendations.end();
            on_off("recommendation " + id, was, is);
            if (was && is && std::abs(before->second - after->second) > 1e-9) {
                out.push_back({"recommendation " + id,
                               "changes confidence from " + explain::number_text(before->second) +
                                   " to " + explain::number_text(after->second),
                               a.value, b.value});
            }
        }
        for (const auto& f : all_findings) {
            on_off("finding " + f, a.findings.count(f) > 0, b.findings.count(f) > 0);
        }
    }
    return out;
}

std::string render_sweep_text(const Sweep& sweep) {
    return render(sweep, false);
}

std::string render_sweep_markdown(const Sweep& sweep) {
    return render(sweep, true);
}

}  // namespace maslahat::output
