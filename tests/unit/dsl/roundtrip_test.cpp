// parse -> print_source -> parse gives the same tree (S-expression dumps compared, positions
// excluded): over a rich program and every .rules file of the repository that parses cleanly.
#include "support/catch.hpp"
#include "unit/dsl/dsl_test_support.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

using namespace maslahat::dsl;
namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void check_round_trip(const std::string& text, const std::string& path) {
    auto first = test::parse(text, path);
    INFO(path);
    INFO(first.diagnostics());
    REQUIRE(first.ast);
    const std::string printed = print_source(*first.ast);
    auto second = test::parse(printed, path + " (printed)");
    INFO(printed);
    INFO(second.diagnostics());
    CHECK(second.sink.empty());
    CHECK(second.dump() == first.dump());
    // printing is a fixed point after one round
    CHECK(print_source(*second.ast) == printed);
}

std::vector<std::string> repository_rule_files() {
    std::vector<std::string> files;
    for (const char* sub : {"rules", "tests"}) {
        const fs::path dir = fs::path(MASLAHAT_SOURCE_DIR) / sub;
        if (!fs::is_directory(dir)) {
            continue;
        }
        for (const auto& entry : fs::recursive_directory_iterator(dir)) {
            if (entry.is_regular_file() && entry.path().extension() == ".rules") {
                files.push_back(entry.path().string());
            }
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("round trip of a program using every construct", "[dsl]") {
    const fs::path rich = fs::path(MASLAHAT_SOURCE_DIR) / "tests/unit/dsl/rich.rules";
    const std::string text = read_file(rich);
    REQUIRE(test::parse(text).sink.empty());
    check_round_trip(text, "rich.rules");
}

TEST_CASE("round trip of every clean .rules file in the repository", "[dsl]") {
    auto files = repository_rule_files();
    REQUIRE_FALSE(files.empty());  // at least tests/unit/dsl/rich.rules
    std::size_t checked = 0;
    for (const auto& path : files) {
        const std::string text = read_file(path);
        auto probe = test::parse(text, path);
        if (!probe.sink.empty()) {
            continue;  // syntax-error goldens and the like
        }
        check_round_trip(text, path);
        ++checked;
    }
    CHECK(checked >= 1);
}
