// Golden diagnostics: every tests/golden/semantic/<case>.rules is parsed and checked (with
// <case>.extra.rules, if present, as a second file of the same program); the rendered
// diagnostics must equal <case>.expected byte for byte. MASLAHAT_BLESS=1 rewrites them.
#include "sema_helpers.hpp"
#include "support/catch.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace maslahat;
namespace fs = std::filesystem;

namespace {

const fs::path root = fs::path(MASLAHAT_SOURCE_DIR);
const fs::path suite = root / "tests/golden/semantic";

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> cases() {
    std::vector<std::string> out;
    for (const auto& entry : fs::directory_iterator(suite)) {
        const std::string name = entry.path().filename().string();
        if (name.ends_with(".rules") && !name.ends_with(".extra.rules")) {
            out.push_back(name.substr(0, name.size() - 6));
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("golden semantic diagnostics", "[sema][golden]") {
    const auto all = cases();
    REQUIRE(all.size() >= 35);
    const std::string name = GENERATE_REF(from_range(all));
    CAPTURE(name);
    std::vector<std::pair<std::string, std::string>> files;
    const std::string rel = "tests/golden/semantic/" + name;
    files.emplace_back(rel + ".rules", read(root / (rel + ".rules")));
    if (fs::exists(root / (rel + ".extra.rules"))) {
        files.emplace_back(rel + ".extra.rules", read(root / (rel + ".extra.rules")));
    }
    auto checked = sema::testing::check_files(files);
    const std::string actual = checked->rendered();
    const fs::path expected_path = root / (rel + ".expected");
    const char* bless = std::getenv("MASLAHAT_BLESS");
    if (bless != nullptr && std::string_view(bless) == "1") {
        std::ofstream(expected_path, std::ios::binary) << actual;
    }
    REQUIRE(fs::exists(expected_path));
    CHECK(actual == read(expected_path));
    // A case that expects an error must not produce a program.
    const bool has_error = actual.find(": error: ") != std::string::npos;
    CHECK(checked->program.has_value() == (!has_error && checked->parsed));
}
