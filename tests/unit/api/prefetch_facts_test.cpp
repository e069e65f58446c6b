// Engine::prefetch_facts reads and parses fact files on another thread for the next
// load_facts: the facts, diagnostics and run are those of loading without it, including for
// files with errors, files given twice, and a file changed after the prefetch.
#include "maslahat/engine.hpp"
#include "support/catch.hpp"
#include "temp_tree.hpp"

#include <fstream>
#include <string>
#include <vector>

using namespace maslahat;

namespace {

const char* const rules =
    "template a { x: int  note: string ? }\n"
    "rule r when a(x: ?x) then print \"{?x}\" end\n";

/// Over 256 KiB: loaded in pieces, never parsed ahead.
std::string large_file() {
    std::string text;
    for (int i = 0; i < 12000; ++i) {
        text += "[[a]]\nx = " + std::to_string(100 + i) + "\nnote = \"n\"\n\n";
    }
    return text;
}

struct Loaded {
    bool ok = false;
    std::string diagnostics;
    std::vector<std::string> output;
};

Loaded load(const std::vector<std::string>& fact_paths, bool prefetch, const std::string& root) {
    Engine e;
    if (prefetch) {
        e.prefetch_facts(fact_paths);
    }
    REQUIRE(e.load_rules({root + "/r.rules"}));
    Loaded l;
    l.ok = e.load_facts(fact_paths);
    l.diagnostics = e.render_diagnostics();
    if (l.ok) {
        l.output = e.run().output;
    }
    return l;
}

}  // namespace

TEST_CASE("prefetched fact files load as they do without the prefetch", "[api]") {
    const test::TempTree tree("prefetch_test",
                              {{"r.rules", rules},
                               {"facts/1.toml", "[[a]]\nx = 1\n[[a]]\nx = 2\n"},
                               {"facts/2.toml", "[[a]]\nx = 3\nnote = \"three\"\n"},
                               {"large/5.toml", large_file()},
                               {"bad/3.toml", "[[a]]\nx = = 4\n"},
                               {"bad/4.toml", "[[a]]\ny = 5\n"}});
    const std::string root = tree.root().string();
    for (const std::vector<std::string>& paths :
         {std::vector<std::string>{tree / "facts"},
          std::vector<std::string>{tree / "facts", tree / "bad"},
          std::vector<std::string>{tree / "facts/1.toml", tree / "facts/1.toml"},
          std::vector<std::string>{tree / "missing.toml", tree / "facts"},
          std::vector<std::string>{tree / "large", tree / "facts"}}) {
        CAPTURE(paths);
        const Loaded plain = load(paths, false, root);
        const Loaded prefetched = load(paths, true, root);
        CHECK(prefetched.ok == plain.ok);
        CHECK(prefetched.diagnostics == plain.diagnostics);
        CHECK(prefetched.output == plain.output);
    }
    CHECK(load({tree / "large"}, true, root).output.size() == 12000);
    CHECK(load({tree / "facts"}, true, root).output == std::vector<std::string>{"3", "2", "1"});
}

TEST_CASE("a fact file changed after the prefetch loads its new text", "[api]") {
    const test::TempTree tree("prefetch_change_test",
                              {{"r.rules", rules}, {"facts/1.toml", "[[a]]\nx = 1\n"}});
    Engine e;
    e.prefetch_facts({tree / "facts"});
    REQUIRE(e.load_rules({tree / "r.rules"}));
    // whether the prefetch read the old or the new text, load_facts reads the new one
    std::ofstream(tree / "facts/1.toml", std::ios::trunc) << "[[a]]\nx = 7\n";
    REQUIRE(e.load_facts({tree / "facts"}));
    CHECK(e.run().output == std::vector<std::string>{"7"});
}
