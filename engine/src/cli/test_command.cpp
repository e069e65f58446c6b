// `maslahat test`: sorts the positional arguments into rules and tests, applies the default
// folders and hands over to the kbtest runner.
#include "cli/test_command.hpp"

#include "kbtest/runner.hpp"

#include <filesystem>
#include <iostream>

namespace maslahat::cli {
namespace {

namespace fs = std::filesystem;

enum class PathKind { Rules, Tests, Unknown };

PathKind kind_of(const std::string& path) {
    std::error_code ec;
    const fs::path p(path);
    if (fs::is_directory(p, ec)) {
        for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
            if (it->path().extension() == ".rules") {
                return PathKind::Rules;
            }
        }
        return PathKind::Tests;
    }
    if (p.extension() == ".rules") {
        return PathKind::Rules;
    }
    if (p.extension() == ".toml") {
        return PathKind::Tests;
    }
    return PathKind::Unknown;
}

}  // namespace

std::pair<std::vector<std::string>, std::vector<std::string>> split_test_arguments(
    const std::vector<std::string>& rules, const std::vector<std::string>& tests) {
    std::pair<std::vector<std::string>, std::vector<std::string>> out;
    const auto sort = [&out](const std::vector<std::string>& paths, bool given_as_rules) {
        for (const auto& path : paths) {
            const PathKind kind = kind_of(path);
            const bool is_rules =
                kind == PathKind::Rules || (kind == PathKind::Unknown && given_as_rules);
            (is_rules ? out.first : out.second).push_back(path);
        }
    };
    sort(rules, true);
    sort(tests, false);
    return out;
}

int run_test(const std::vector<std::string>& rules, const std::vector<std::string>& tests) {
    auto [rule_paths, test_paths] = split_test_arguments(rules, tests);
    if (rule_paths.empty()) {
        rule_paths.emplace_back("rules/");
    }
    if (test_paths.empty()) {
        test_paths.emplace_back("tests/kb/");
    }
    return kbtest::run_suite(rule_paths, test_paths, std::cout, std::cerr);
}

int run_test(const CliOptions& options) {
    return run_test(options.test_paths, {});
}

}  // namespace maslahat::cli
