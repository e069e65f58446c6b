// `run --format markdown`: the report.md.mustache template over report_data.
#include "output/report_data.hpp"
#include "output/reports.hpp"
#include "output/templates.hpp"

namespace maslahat::output {

std::string render_markdown_report(const RunResult& result, const ReportContext& context) {
    return render_template(templates::report_md, report_data(result, context, Markup::Markdown));
}

}  // namespace maslahat::output
