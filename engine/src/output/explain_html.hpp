// `explain --why | --why-not --format html`: one self-contained page (inline CSS, no scripts)
// of an explanation, from the explain.html.mustache template. The support tree and the
// chains of underived facts are flattened into indented rows.
#pragma once

#include "explain/explanation.hpp"

#include <string>

namespace maslahat::output {

std::string render_why_html(const explain::WhyExplanation& why);
std::string render_why_not_html(const explain::WhyNotExplanation& why_not);

}  // namespace maslahat::output
