#include "cli/report_io.hpp"

#include "support/atomic_write.hpp"

#include <iostream>

namespace maslahat::cli {

RunOptions run_options_from(const CliOptions& options) {
    RunOptions run_options;
    run_options.strategy = parse_strategy(options.strategy).value_or(Strategy::Depth);
    run_options.max_firings = options.max_firings;
    run_options.max_facts = options.max_facts;
    run_options.timeout_seconds = options.timeout_seconds;
    return run_options;
}

int emit_report(const CliOptions& options, const std::string& report) {
    if (options.output_file.empty()) {
        std::cout << report;
        return 0;
    }
    std::string error;
    if (!support::write_file_atomically(options.output_file, report, error)) {
        std::cerr << "maslahat: error: " << error << '\n';
        return 1;
    }
    return 0;
}

}  // namespace maslahat::cli
