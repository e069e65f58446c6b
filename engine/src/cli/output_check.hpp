// Guards `-o FILE` before anything runs (issue 8, output safety): the report must not replace
// one of the rule or fact files being read (`-o facts/x.toml` would destroy the input).
#pragma once

#include "cli/command_line.hpp"

#include <optional>
#include <string>

namespace maslahat::cli {

/// Why `options.output_file` may not be written (it is an input file, or inside an input
/// folder with that folder's extension), or nullopt when it is fine or not given.
std::optional<std::string> output_problem(const CliOptions& options);

}  // namespace maslahat::cli
