// `maslahat test` arguments: positional paths are sorted into rules and tests by what they are.
#include "cli/test_command.hpp"

#include "support/catch.hpp"

using maslahat::cli::split_test_arguments;
using Paths = std::vector<std::string>;

// The tests run from the source root (ctest's WORKING_DIRECTORY).
TEST_CASE("rules and tests are told apart by what the paths are", "[kbtest]") {
    const auto [rules, tests] =
        split_test_arguments({"rules/", "tests/kb/", "rules/schema.rules",
                              "tests/kb/strengths.toml", "extra.rules", "nowhere"},
                             {"more.toml", "missing_folder"});
    CHECK(rules == Paths{"rules/", "rules/schema.rules", "extra.rules", "nowhere"});
    CHECK(tests == Paths{"tests/kb/", "tests/kb/strengths.toml", "more.toml", "missing_folder"});
}

TEST_CASE("a folder holding rule files is rules, any other folder tests", "[kbtest]") {
    const auto [rules, tests] = split_test_arguments({"tests/unit/kbtest/data/", "facts/"}, {});
    CHECK(rules == Paths{"tests/unit/kbtest/data/"});
    CHECK(tests == Paths{"facts/"});
}
