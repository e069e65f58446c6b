// "Did you mean ...?" suggestions: the closest candidate by edit distance, used by the
// checker, the fact loader and the CLI for unknown names.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maslahat::support {

/// Levenshtein distance between two strings (bytes).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `name` if it is close enough (distance <= max(1, len/3)).
std::optional<std::string> closest_match(std::string_view name,
                                         const std::vector<std::string_view>& candidates);

/// " (did you mean 'x'?)" or "" when nothing is close.
std::string did_you_mean(std::string_view name, const std::vector<std::string_view>& candidates);

}  // namespace maslahat::support
