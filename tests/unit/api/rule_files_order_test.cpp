// Rule files are read first and parsed on two threads (Engine::Impl::parse_files): the
// diagnostics come in the order of reading and parsing the files one by one (read errors
// and syntax errors interleaved by file), and the files that parsed form the program in
// path order.
#include "maslahat/engine.hpp"
#include "support/catch.hpp"
#include "temp_tree.hpp"

#include <filesystem>
#include <string>
#include <vector>

using namespace maslahat;
namespace fs = std::filesystem;

namespace {

/// "file-name code" of each diagnostic, in the order reported.
std::vector<std::string> reported(const Engine& e) {
    std::vector<std::string> out;
    for (const Diagnostic& d : e.diagnostics().all()) {
        const std::string path = d.span ? e.sources().path(d.span->file) : std::string("-");
        out.push_back(fs::path(path).filename().string() + " " + std::string(code_name(d.code)));
    }
    return out;
}

}  // namespace

TEST_CASE("rule files report their diagnostics in file order", "[api]") {
    const test::TempTree tree(
        "rule_order_test",
        {
            {"a.rules", "template a { x: int }\nrule r1 when a(x: ?x) then print \"{?x}\" en\n"},
            {"b.rules", std::string("template b { y: int }\n\xff\xfe\n")},  // invalid UTF-8
            {"c.rules", "template c { z: int }\n"},
            {"d.rules", "rule r4 when c(z: ?z then print \"x\" end\n"},
            {"e.rules", "template e { w: int }\n"},
        });
    Engine e;
    CHECK_FALSE(e.load_rules({tree.root().string()}));
    const std::vector<std::string> got = reported(e);
    INFO(e.render_diagnostics());
    REQUIRE(got.size() >= 3);
    // every diagnostic of a file comes before any of a later file
    std::vector<std::string> files;
    for (const std::string& g : got) {
        const std::string file = g.substr(0, g.find(' '));
        if (files.empty() || files.back() != file) {
            files.push_back(file);
        }
    }
    CHECK(files == std::vector<std::string>{"a.rules", "b.rules", "d.rules"});
}

TEST_CASE("rule files that parse form one program whatever the thread timing", "[api]") {
    // one template, a rule per file: the firing order of the one fact's activations
    // follows the rules' declaration order, i.e. the order the files were taken in
    std::vector<std::pair<std::string, std::string>> files{
        {"r00.rules", "template t { x: int }\n"}};
    std::vector<std::string> expected;
    for (int i = 1; i <= 12; ++i) {
        const std::string n = std::to_string(i);
        files.emplace_back("r" + std::string(i < 10 ? "0" : "") + n + ".rules",
                           "rule r" + n + " when t(x: ?x) then print \"" + n + " {?x}\" end\n");
        expected.push_back(n + " 7");
    }
    const test::TempTree tree("rule_order_test", files);
    Engine e;
    REQUIRE(e.load_rules({tree.root().string()}));
    REQUIRE(e.load_facts_text("f.toml", "[[t]]\nx = 7\n"));
    const RunResult r = e.run();
    CHECK(r.stats.rules == 12);
    CHECK(r.output == expected);
}
