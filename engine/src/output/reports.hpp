// Reporters of a RunResult: text for people (recommendations first, with confidence and
// reasons), JSON exactly as spec §7, and diagnostics as JSON for tools.
#pragma once

#include "maslahat/diagnostics.hpp"
#include "maslahat/result.hpp"
#include "maslahat/source.hpp"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace maslahat::output {

struct ReportContext {
    std::string subject;  ///< when set, the text report shows this subject's analysis
};

std::string render_text_report(const RunResult& result, const ReportContext& context);
std::string render_json_report(const RunResult& result, const ReportContext& context);
/// Markdown with tables (recommendations, supports, SWOT, sources): report.md.mustache.
std::string render_markdown_report(const RunResult& result, const ReportContext& context);
/// One self-contained HTML page (inline CSS; confidence bars, SWOT matrix, explanations,
/// sources): report.html.mustache. The date is SOURCE_DATE_EPOCH's when set, else today's.
std::string render_html_report(const RunResult& result, const ReportContext& context);
/// Whether the text, Markdown or HTML report reads this final fact, besides the facts that
/// recommendations cite: `evidence` and `finding` facts, and fact-file facts that name a
/// source. For RunOptions::keep_fact: a RunResult for these reports needs no other fact.
bool report_reads_fact(const FactResult& fact);
/// The part of report_reads_fact that needs no slot (RunOptions::may_keep_fact): false for a
/// fact neither `evidence`, `finding` nor from a fact file (e.g. one a rule derived).
bool report_may_read_fact(const FactResult& fact);
/// report_may_read_fact knowing the program's templates: also false for a fact-file fact with
/// no provenance whose template has no `source` slot (it cannot name a source). What the CLI
/// gives RunOptions::may_keep_fact; `templates` as in ProgramSummary::templates.
std::function<bool(const FactResult&)> report_may_read_fact_of(
    const std::vector<std::pair<std::string, std::vector<std::string>>>& templates);
/// `{"diagnostics": [{"code","severity","file","line","column","message"}...]}`.
std::string render_json_diagnostics(const std::vector<Diagnostic>& diagnostics,
                                    const SourceManager& sources);

}  // namespace maslahat::output
