// Library-level goldens for syntax errors: every tests/golden/syntax/<case>.rules is parsed
// and its rendered diagnostics (spec §8 text) must equal <case>.expected byte for byte.
// MASLAHAT_BLESS=1 rewrites the .expected files.
#include "support/catch.hpp"
#include "unit/dsl/dsl_test_support.hpp"

#include <algorithm>
#include <cstdlib>
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

std::vector<std::string> syntax_cases() {
    std::vector<std::string> names;
    const fs::path dir = fs::path(MASLAHAT_SOURCE_DIR) / "tests/golden/syntax";
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() == ".rules") {
            names.push_back(entry.path().stem().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("there are syntax goldens", "[dsl][golden]") {
    CHECK(syntax_cases().size() >= 15);
}

TEST_CASE("syntax error goldens", "[dsl][golden]") {
    const std::string name = GENERATE(from_range(syntax_cases()));
    const fs::path dir = fs::path(MASLAHAT_SOURCE_DIR) / "tests/golden/syntax";
    const fs::path expected_path = dir / (name + ".expected");
    auto p =
        test::parse(read_file(dir / (name + ".rules")), "tests/golden/syntax/" + name + ".rules");
    const std::string actual = p.diagnostics();
    INFO(name);
    CHECK_FALSE(actual.empty());  // every case is an error case
    if (const char* bless = std::getenv("MASLAHAT_BLESS"); bless && std::string(bless) == "1") {
        std::ofstream(expected_path, std::ios::binary) << actual;
    }
    REQUIRE(fs::exists(expected_path));
    CHECK(actual == read_file(expected_path));
}
