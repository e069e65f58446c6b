// Runs rule tests through the public facade maslahat::Engine: finds the test files, compiles
// the rules, builds each scenario (fact files edited by overrides, inline facts, parameters),
// runs it and checks the expectations. run_suite() prints one line per failing test and the
// closing `N passed, N failed` line; it is what `maslahat test` does.
#pragma once

#include "kbtest/test_file.hpp"

#include <cstdint>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace maslahat::kbtest {

struct TestOutcome {
    std::string name;
    std::string file;
    std::uint32_t line = 0;
    std::vector<std::pair<std::uint32_t, std::string>> failures;  ///< line, what differed
    std::string diagnostics;  ///< engine diagnostics (fact files, --param), rendered
    bool passed() const {
        return failures.empty();
    }
    /// `file:line: test 'name': what differed; line N: what else differed`, by line.
    std::string failure_line() const;
};

/// Runs one test of `file_path` against the rule files/folders `rules`.
TestOutcome run_test_case(const TestCase& test, const std::string& file_path,
                          const std::vector<std::string>& rules);

/// The test files among `paths`: files as given, folders searched for `*.toml` (lexical order)
/// except inside folders named `fixtures` (shared fact files). Paths that do not exist are
/// returned in `missing`.
std::vector<std::string> find_test_files(const std::vector<std::string>& paths,
                                         std::vector<std::string>& missing);

/// `maslahat test`: runs every test of every test file. Failing tests and the summary go to
/// `out`, diagnostics to `err`. Exit code 0 when all pass, 1 when a test fails or a file is
/// bad, 2 when a path does not exist.
int run_suite(const std::vector<std::string>& rules, const std::vector<std::string>& tests,
              std::ostream& out, std::ostream& err);

}  // namespace maslahat::kbtest
