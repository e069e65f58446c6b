// --why-not: for every rule that can `recommend ID`, evaluates the rule's conditions against
// the final working memory (a small backtracking matcher over the IR, independent of the Rete
// memories) and reports the first condition no match satisfies, with actual values against
// thresholds and the facts or params that would have to change.
#pragma once

#include "explain/explanation.hpp"
#include "explain/why.hpp"
#include "maslahat/source.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace maslahat::explain {

std::optional<WhyNotExplanation> build_why_not(const RunView& run, const SourceManager& sources,
                                               std::string_view id, std::string_view subject,
                                               std::string& error);

}  // namespace maslahat::explain
