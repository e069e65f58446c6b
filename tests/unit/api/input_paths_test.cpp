// Rule and fact paths given to the Engine: a folder named on purpose that contributes no file
// is warning W0004 (the wrong folder, most likely), whether other paths gave files or not.
#include "maslahat/engine.hpp"
#include "support/catch.hpp"
#include "temp_tree.hpp"

#include <string>

using namespace maslahat;

namespace {

/// rules/ with one rule file, facts/ with one fact file, empty/ with neither
test::TempTree make_tree() {
    return test::TempTree("paths_test", {{"rules/r.rules",
                                          "template a { x: int }\n"
                                          "rule r when a(x: ?x) then print \"{?x}\" end\n"},
                                         {"facts/a.toml", "[[a]]\nx = 1\n"},
                                         {"empty/README", "nothing here\n"}});
}

}  // namespace

TEST_CASE("a fact folder with no fact file is warning W0004", "[api]") {
    const test::TempTree tree = make_tree();
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
    const test::TempTree tree = make_tree();
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
