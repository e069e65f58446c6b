// What every reporting subcommand (run, explain, sweep) shares: the engine's run options from
// the command line, and writing a report to stdout or atomically to `-o FILE`.
#pragma once

#include "cli/command_line.hpp"
#include "maslahat/engine.hpp"

#include <string>

namespace maslahat::cli {

/// --strategy, --max-firings, --max-facts and --timeout as RunOptions (no observer).
RunOptions run_options_from(const CliOptions& options);

/// Writes a report to -o FILE atomically (the old file stays on failure), or to stdout.
/// Returns the exit code: 0, or 1 when the file cannot be written.
int emit_report(const CliOptions& options, const std::string& report);

}  // namespace maslahat::cli
