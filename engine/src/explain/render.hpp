// Renderers of explanations: plain text for the terminal, Markdown for reports, and JSON
// (nlohmann, kept in render_json.cpp) for tools.
#pragma once

#include "explain/explanation.hpp"

#include <string>

namespace maslahat::explain {

std::string render_why_text(const WhyExplanation& why);
std::string render_why_markdown(const WhyExplanation& why);
std::string render_why_json(const WhyExplanation& why);

std::string render_why_not_text(const WhyNotExplanation& why_not);
std::string render_why_not_markdown(const WhyNotExplanation& why_not);
std::string render_why_not_json(const WhyNotExplanation& why_not);

}  // namespace maslahat::explain
