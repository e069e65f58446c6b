#include "cli/lsp_command.hpp"

#include "lsp/server.hpp"

#include <iostream>

namespace maslahat::cli {

int run_lsp(const CliOptions& /*options*/) {
    std::ios::sync_with_stdio(false);
    return lsp::serve(std::cin, std::cout);
}

}  // namespace maslahat::cli
