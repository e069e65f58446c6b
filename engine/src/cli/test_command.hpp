// `maslahat test [RULES...] [TESTS...]`: rule unit tests for knowledge engineers
// (docs/testing-rules.md). The command line may pass every positional argument in `rules`;
// run_test() sorts them itself: `*.toml` files and folders without `*.rules` are tests.
#pragma once

#include "cli/command_line.hpp"

#include <string>
#include <utility>
#include <vector>

namespace maslahat::cli {

/// Splits paths into rule paths and test paths: `*.rules` files and folders holding a
/// `*.rules` file are rules; `*.toml` files and other existing folders are tests; a path that
/// does not exist stays in the list it came from.
std::pair<std::vector<std::string>, std::vector<std::string>> split_test_arguments(
    const std::vector<std::string>& rules, const std::vector<std::string>& tests);

/// Runs the tests (default folder `tests/kb/`) against the rules (default `rules/`), prints
/// one line per failing test and `N passed, N failed`; returns the exit code (0 all passed,
/// 1 a test failed or a file is bad, 2 a path does not exist).
int run_test(const std::vector<std::string>& rules, const std::vector<std::string>& tests);

/// `maslahat test PATHS...`: run_test() over the positional paths (CliOptions::test_paths).
int run_test(const CliOptions& options);

}  // namespace maslahat::cli
