// Golden fact-file cases: every tests/golden/facts/<case>.toml is loaded against
// fact_schema() and its rendered diagnostics (or, when it loads, a dump of its facts) must
// equal <case>.expected byte for byte. MASLAHAT_BLESS=1 rewrites the .expected files.
#include "fact_schema.hpp"
#include "support/catch.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace maslahat;
using namespace maslahat::facts::testing;

namespace {

const std::filesystem::path golden_dir =
    std::filesystem::path(MASLAHAT_SOURCE_DIR) / "tests" / "golden" / "facts";

std::vector<std::string> golden_cases() {
    std::vector<std::string> cases;
    for (const auto& entry : std::filesystem::directory_iterator(golden_dir)) {
        if (entry.path().extension() == ".toml") {
            cases.push_back(entry.path().stem().string());
        }
    }
    std::sort(cases.begin(), cases.end());
    return cases;
}

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// One line per fact: `template (line N): slot = value [year, source], ...`.
std::string dump_facts(const std::vector<FactInput>& facts, const std::string& text) {
    const ir::Program program = fact_schema();
    std::string out = "loaded " + std::to_string(facts.size()) + " facts\n";
    for (const auto& fact : facts) {
        const ir::Template& tmpl = program.templates[fact.template_index];
        const auto line = 1 + std::count(text.begin(), text.begin() + fact.span->begin, '\n');
        out += tmpl.name + " (line " + std::to_string(line) + ")";
        for (std::size_t i = 0; i < fact.slots.size(); ++i) {
            out += i == 0 ? ": " : ", ";
            out += tmpl.slots[i].name + " = " + fact.slots[i].to_string();
            // provenance is empty when no slot of the fact has any
            if (i < fact.provenance.size() && fact.provenance[i]) {
                const Provenance& p = *fact.provenance[i];
                out += " [" + (p.year ? std::to_string(*p.year) : std::string("-")) + ", " +
                       p.source + "]";
            }
        }
        out += "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("golden fact files", "[facts][golden]") {
    const auto cases = golden_cases();
    REQUIRE(cases.size() >= 10);
    for (const auto& name : cases) {
        INFO("case tests/golden/facts/" << name << ".toml");
        const std::string text = read_file(golden_dir / (name + ".toml"));
        const auto r = load(text, {}, "tests/golden/facts/" + name + ".toml");
        const std::string actual = r.ok ? dump_facts(r.facts, text) : r.diagnostics;
        const auto expected_path = golden_dir / (name + ".expected");
        if (const char* bless = std::getenv("MASLAHAT_BLESS"); bless && std::string(bless) == "1") {
            std::ofstream(expected_path, std::ios::binary) << actual;
            continue;
        }
        REQUIRE(std::filesystem::exists(expected_path));
        CHECK(actual == read_file(expected_path));
    }
}

// §8: "Nothing a user can write in a rule or fact file may crash the engine": every prefix of
// a good file either loads or reports at least one error, each with a position in the file.
TEST_CASE("every truncation of a fact file loads or reports an error", "[facts]") {
    const std::string text = read_file(golden_dir / "ok_profile.toml");
    REQUIRE(text.size() > 500);
    std::size_t failed = 0;
    for (std::size_t n = 0; n <= text.size(); ++n) {
        const std::string prefix = text.substr(0, n);
        INFO("first " << n << " bytes");
        const auto r = load(prefix);
        if (r.ok) {
            CHECK(r.errors == 0);
            continue;
        }
        ++failed;
        CHECK(r.errors >= 1);
        CHECK(r.diagnostics.rfind("facts/test.toml:", 0) == 0);
        CHECK(r.facts.empty());
    }
    CHECK(failed > text.size() / 2);
}
