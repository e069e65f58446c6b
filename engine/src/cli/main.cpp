// maslahat's entry point: parse the command line, dispatch to a subcommand, map the result to
// an exit code. The last-resort handler never prints an exception's type name (spec §8).
#include "cli/command_line.hpp"
#include "cli/commands.hpp"
#include "cli/compare_command.hpp"
#include "cli/fmt_command.hpp"
#include "cli/lint_command.hpp"
#include "cli/lsp_command.hpp"
#include "cli/sweep_command.hpp"
#include "cli/test_command.hpp"

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    try {
        auto parsed = maslahat::cli::parse_command_line(argc, argv);
        if (const int* code = std::get_if<int>(&parsed)) {
            return *code;
        }
        const auto& options = std::get<maslahat::cli::CliOptions>(parsed);
        if (options.command == "check") {
            return maslahat::cli::run_check(options);
        }
        if (options.command == "run") {
            return maslahat::cli::run_run(options);
        }
        if (options.command == "explain") {
            return maslahat::cli::run_explain(options);
        }
        if (options.command == "lint") {
            return maslahat::cli::run_lint(options);
        }
        if (options.command == "fmt") {
            return maslahat::cli::run_fmt(options);
        }
        if (options.command == "lsp") {
            return maslahat::cli::run_lsp(options);
        }
        if (options.command == "test") {
            return maslahat::cli::run_test(options);
        }
        if (options.command == "sweep") {
            return maslahat::cli::run_sweep(options);
        }
        if (options.command == "compare") {
            return maslahat::cli::run_compare(options);
        }
        // Further subcommands: dispatch above this marker (keep the marker line).
        // @dispatch-end
        std::cerr << "maslahat: internal error: unknown command\n";
        return 1;
    } catch (const std::bad_alloc&) {
        std::cerr << "maslahat: error: out of memory\n";
        return 3;
    } catch (...) {
        std::cerr << "maslahat: internal error\n";
        return 1;
    }
}
