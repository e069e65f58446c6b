// `maslahat fmt [--check] [FILES...]` (issue 9): rewrites rule files in the canonical layout
// with their comments kept; `--check` changes nothing and lists the files that would change.
#pragma once

#include "cli/command_line.hpp"

namespace maslahat::cli {

/// Exit 0 (done, or --check and nothing would change), 1 (--check and some file would
/// change, or a file has a syntax error or cannot be written).
int run_fmt(const CliOptions& options);

}  // namespace maslahat::cli
