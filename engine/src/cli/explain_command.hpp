// `maslahat explain --why ID | --why-not ID [--subject S]` on an engine whose rules, params
// and facts are already loaded (cli/commands.cpp prepares it): runs with a FiringLog, builds
// the explanation and prints it as text, Markdown or JSON (-o FILE: atomically).
#pragma once

#include "cli/command_line.hpp"
#include "maslahat/engine.hpp"

#include <string>

namespace maslahat::cli {

/// Exit code: 0 done, 1 unknown id/subject, not recommended (--why) or a run-time error,
/// 3 a limit reached.
int explain_loaded(Engine& engine, const CliOptions& options, const std::string& subject);

}  // namespace maslahat::cli
