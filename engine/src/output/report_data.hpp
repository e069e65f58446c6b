// The data behind the text, Markdown and HTML run reports (Mustache views): the subject's
// recommendations with their supports, a SWOT matrix from the derived `finding` facts and
// their `evidence`, printed output and the sources cited by the subject's facts.
#pragma once

#include "maslahat/result.hpp"
#include "output/reports.hpp"

#include <kainjow/mustache.hpp>
#include <string>

namespace maslahat::output {

enum class Markup : std::uint8_t { Text, Markdown, Html };

/// The view for a report template. Markdown table cells have `|` escaped; HTML escaping is
/// left to the template's `{{...}}`.
kainjow::mustache::data report_data(const RunResult& result, const ReportContext& context,
                                    Markup markup);

/// Renders `template_text` (an embedded template) with `data`; a template error is an
/// internal error reported in the output text, never an exception.
std::string render_template(const std::string& template_text, const kainjow::mustache::data& data);

/// "2026-11-27" (UTC), from SOURCE_DATE_EPOCH when set (reproducible reports), else now.
std::string report_date();

}  // namespace maslahat::output
