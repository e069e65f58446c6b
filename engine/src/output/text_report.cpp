// `run` in text (the default): the report.txt.mustache template over report_data — for
// people: recommendations first with confidence, reasons and the findings behind them, then
// the SWOT findings by quadrant, printed lines and sources.
#include "output/report_data.hpp"
#include "output/reports.hpp"
#include "output/templates.hpp"

namespace maslahat::output {

std::string render_text_report(const RunResult& result, const ReportContext& context) {
    const std::string text =
        render_template(templates::report_txt, report_data(result, context, Markup::Text));
    // Sections left out by the template leave blank lines behind: keep one at most.
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        if (c == '\n' && out.ends_with("\n\n")) {
            continue;
        }
        out += c;
    }
    return out;
}

}  // namespace maslahat::output
