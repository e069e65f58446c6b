// Rule and fact paths given to the Engine: a folder named on purpose that contributes no file
// is warning W0004 (the wrong folder, most likely), whether other paths gave files or not.
#include "maslahat/engine.hpp"
#include "support/catch.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace maslahat;
namespace fs = std::filesystem;

namespace {

struct TempTree {
    fs::path root =
        fs::temp_directory_path() / ("maslahat_paths_test_" + std::to_string(::getpid()));
    TempTree() {
        fs::create_directories(root / "rules");
        fs::create_directories(root / "facts");
        fs::create_directories(root / "empty");
        std::ofstream(root / "rules" / "r.rules")
            << "template a { x: int }\n"
               "rule r when a(x: ?x) then print \"{?x}\" end\n";
        std::ofstream(root / "facts" / "a.toml") << "[[a]]\nx = 1\n";
        std::ofstream(root / "empty" / "README") << "nothing here\n";
    }
    ~TempTree() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
    TempTree(const TempTree&) = delete;
    TempTree& operator=(const TempTree&) = delete;
    std::string operator/(const char* name) const {
        return (root / name).string();
    }
};

}  // namespace

TEST_CASE("a fact folder with no fact file is warning W0004", "[api]") {
    const TempTree tree;
    Engine e;
    REQUIRE(e.load_rules({tree / "rules"}));
    SECTION("alone: no fact files found, the run goes on") {
        CHECK(e.load_facts({tree / "empty"}));
        CHECK(e.diagnostics().error_count() == 0);
        CHECK(e.render_diagnostics() ==
              "maslahat: warning: no fact files found in '" + (tree / "empty") + "'\n");
    }
    SECTION("beside a folder that has some: the empty one is named") {
        CHECK(e.load_facts({tree / "facts", tree / "empty"}));
        CHECK(e.render_diagnostics() ==
              "maslahat: warning: folder '" + (tree / "empty") + "' holds no *.toml file\n");
    }
    SECTION("a folder that has fact files: no warning") {
        CHECK(e.load_facts({tree / "facts"}));
        CHECK(e.render_diagnostics().empty());
    }
}

TEST_CASE("an empty rule folder beside others is W0004, alone it is E0504", "[api]") {
    const TempTree tree;
    SECTION("beside rules") {
        Engine e;
        CHECK(e.load_rules({tree / "rules", tree / "empty"}));
        CHECK(e.render_diagnostics() ==
              "maslahat: warning: folder '" + (tree / "empty") + "' holds no *.rules file\n");
    }
    SECTION("alone") {
        Engine e;
        CHECK_FALSE(e.load_rules({tree / "empty"}));
        CHECK(e.render_diagnostics() ==
              "maslahat: error: no rule files found in '" + (tree / "empty") + "'\n");
    }
}
