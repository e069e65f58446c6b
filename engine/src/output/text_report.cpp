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
    std::size_t newlines = 0;  // how many '\n' `out` ends with
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t newline = text.find('\n', i);
        if (newline == std::string::npos) {
            out.append(text, i);
            break;
        }
        if (newline > i) {
            out.append(text, i, newline - i);
            newlines = 0;
        }
        if (newlines < 2) {
            out += '\n';
            ++newlines;
        }
        i = newline + 1;
    }
    return out;
}

}  // namespace maslahat::output
