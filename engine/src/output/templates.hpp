// The report templates (engine/src/output/templates/*.mustache), embedded at build time by
// templates/embed.cmake into a generated source file as string literals.
#pragma once

namespace maslahat::output::templates {

extern const char* const report_md;     ///< templates/report.md.mustache
extern const char* const report_html;   ///< templates/report.html.mustache
extern const char* const report_txt;    ///< templates/report.txt.mustache
extern const char* const compare_md;    ///< templates/compare.md.mustache
extern const char* const compare_html;  ///< templates/compare.html.mustache
extern const char* const explain_html;  ///< templates/explain.html.mustache
extern const char* const sweep_html;    ///< templates/sweep.html.mustache

}  // namespace maslahat::output::templates
