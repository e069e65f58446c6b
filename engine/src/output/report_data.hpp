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

/// An empty list view with room for `capacity` items: appending up to that many copies none
/// (a growing vector of kainjow data copies its items: their move is not noexcept).
kainjow::mustache::data make_list(std::size_t capacity);

/// Appends `item` to a list view, moved (kainjow's push_back deep-copies the whole subtree);
/// nothing when `list` is not a list.
void append(kainjow::mustache::data& list, kainjow::mustache::data&& item);

/// Sets `key` of an object view to `value`, moved (kainjow's set deep-copies it); nothing when
/// `object` is not an object.
void put(kainjow::mustache::data& object, const std::string& key, kainjow::mustache::data&& value);

/// Renders `template_text` (an embedded template) with `data`; a template error is an
/// internal error reported in the output text, never an exception.
std::string render_template(const std::string& template_text, const kainjow::mustache::data& data);

/// "2026-11-27" (UTC), from SOURCE_DATE_EPOCH when set (reproducible reports), else now.
std::string report_date();

}  // namespace maslahat::output
