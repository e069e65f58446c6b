// The subcommands of the CLI (spec §7), each returning the process exit code:
// 0 done, 1 errors in the input or at run time, 2 bad command line, 3 a limit reached.
#pragma once

#include "cli/command_line.hpp"

namespace maslahat::cli {

int run_check(const CliOptions& options);
int run_run(const CliOptions& options);
int run_explain(const CliOptions& options);

}  // namespace maslahat::cli
