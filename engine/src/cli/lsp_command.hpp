// `maslahat lsp` (issue 9): runs the language server of lsp/ on stdin/stdout.
#pragma once

#include "cli/command_line.hpp"

namespace maslahat::cli {

int run_lsp(const CliOptions& options);

}  // namespace maslahat::cli
