// `maslahat lint [RULES...] [--facts FILE...] [--error-on-warning]` (issue 9): the checker's
// diagnostics plus the lint warnings of lint/, in the spec §8 format.
#pragma once

#include "cli/command_line.hpp"

namespace maslahat::cli {

/// Exit 0 (warnings only, unless --error-on-warning: then 1 on any warning), 1 on errors.
int run_lint(const CliOptions& options);

}  // namespace maslahat::cli
