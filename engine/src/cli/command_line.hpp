// The command line of spec §7 (CLI11): subcommands check, run, explain with their options.
// Parsing never exits the process: it returns the options, or the exit code to use after
// printing help, the version, or a bad-command-line message (exit 2).
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace maslahat::cli {

struct CliOptions {
    std::string command;  ///< "check", "run" or "explain"
    std::vector<std::string> rules;
    std::vector<std::string> facts;
    bool facts_given = false;
    std::string format = "text";
    std::string strategy = "depth";
    std::vector<std::string> params;  ///< NAME=VALUE
    std::uint64_t max_firings = 1'000'000;
    bool trace = false;
    std::string output_file;
    std::string subject;
    std::string why;
    std::string why_not;
    std::string log_level = "warn";
    bool error_on_warning = false;        ///< lint: exit 1 when any warning was reported
    bool format_check = false;            ///< fmt --check: list files that would change, exit 1
    std::vector<std::string> test_paths;  ///< test: rule and test files/folders, in any order
    double timeout_seconds = 0;           ///< run/explain --timeout: 0 = none; exit 3
    std::uint64_t max_facts = 0;          ///< run/explain --max-facts: 0 = none; exit 3
    std::uint64_t max_input_bytes = 64ULL << 20U;  ///< --max-input-size per file; exit 3
    std::uint32_t max_nesting = 256;               ///< --max-nesting in rule files; exit 3
    // Options of further subcommands: add fields above this marker (keep the marker line).
    std::vector<std::string> compare_facts;     ///< compare: fact files/folders, one subject each
    std::vector<std::string> compare_subjects;  ///< compare --subject S (repeatable)
    // @options-end
};

/// Options to run with, or the process exit code when parsing already finished the job.
std::variant<CliOptions, int> parse_command_line(int argc, char** argv);

}  // namespace maslahat::cli
