// `run --format html`: one self-contained page (inline CSS, no scripts, no network) from the
// report.html.mustache template over report_data.
#include "output/report_data.hpp"
#include "output/reports.hpp"
#include "output/templates.hpp"

namespace maslahat::output {

std::string render_html_report(const RunResult& result, const ReportContext& context) {
    return render_template(templates::report_html, report_data(result, context, Markup::Html));
}

}  // namespace maslahat::output
