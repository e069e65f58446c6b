// Several fact files loaded in one call (load_fact_files: the next files parsed on a second
// thread) give what loading them one by one gives: the same facts in the same order, the
// same meta per file, the same diagnostics in the same (unsorted) order, per-file all or
// nothing.
#include "fact_schema.hpp"
#include "support/catch.hpp"

#include <string>
#include <vector>

using namespace maslahat;
using namespace maslahat::facts;
using namespace maslahat::facts::testing;

namespace {

struct Outcome {
    bool ok = false;
    std::vector<std::string> facts;  ///< "file:offset template first-slot"
    std::vector<FactFileMeta> metas;
    std::string diagnostics;  ///< in the order reported
};

std::string describe(const FactInput& f, const SourceManager& sources) {
    return sources.path(f.span->file) + ":" + std::to_string(f.span->begin) + " " +
           std::to_string(f.template_index) + " " + f.slots.at(0).to_string();
}

Outcome run(const std::vector<std::string>& texts, bool together) {
    const ir::Program program = fact_schema();
    SourceManager sources;
    std::vector<FileId> files;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        files.push_back(sources.add("facts/f" + std::to_string(i) + ".toml", texts[i]));
    }
    DiagnosticSink sink;
    std::vector<FactInput> out;
    Outcome o;
    if (together) {
        o.ok = load_fact_files(program, sources, files, sink, out, o.metas);
    } else {
        o.ok = true;
        for (const FileId f : files) {
            o.metas.emplace_back();
            o.ok = load_fact_file(program, sources, f, sink, out, &o.metas.back()) && o.ok;
        }
    }
    for (const FactInput& f : out) {
        o.facts.push_back(describe(f, sources));
    }
    o.diagnostics = render_text(sink.all(), sources);
    return o;
}

std::string indicators(int from, int n) {
    std::string text = "[meta]\nsubject = \"S" + std::to_string(from) + "\"\n\n";
    for (int i = from; i < from + n; ++i) {
        text += "[[indicator]]\nname = \"i" + std::to_string(i) +
                "\"\nvalue = " + std::to_string(i) + "\n\n";
    }
    return text;
}

}  // namespace

TEST_CASE("files loaded in one call load as they do one by one", "[facts]") {
    std::string nested = "[[indicator]]\nname = \"deep\"\nvalue = 1\nshare = ";
    for (int i = 0; i < 5000; ++i) {
        nested += "[";
    }
    const std::vector<std::string> texts{
        indicators(0, 3),
        "[[indicator]]\nname = = 1\n",                       // TOML syntax error
        indicators(10, 2) + "[[indicator]]\nnme = \"x\"\n",  // a schema error late in the file
        indicators(20, 4),
        std::string("[[indicator]]\nname = \"a\0b\"\n", 27),  // NUL byte
        nested,                                               // nested too deep
        indicators(30, 2000) + std::string(300 * 1024, '#'),  // large: loaded in pieces
        indicators(40, 1),
    };
    const Outcome one_by_one = run(texts, false);
    const Outcome together = run(texts, true);
    CHECK_FALSE(one_by_one.ok);
    CHECK(together.ok == one_by_one.ok);
    INFO(together.diagnostics);
    CHECK(together.facts == one_by_one.facts);
    CHECK(together.facts.size() == 3 + 4 + 2000 + 1);
    CHECK(together.diagnostics == one_by_one.diagnostics);
    for (const char* error :
         {"f1.toml:2:8: error: TOML syntax", "f2.toml:13:1: error", "f4.toml:2:10: error: NUL",
          "f5.toml:4:265: error: nesting too deep"}) {
        CHECK(together.diagnostics.find(error) != std::string::npos);
    }
    REQUIRE(together.metas.size() == texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        CAPTURE(i);
        CHECK(together.metas[i] == one_by_one.metas[i]);
    }
    CHECK(together.metas[6].at("subject") == "S30");
}

TEST_CASE("every file of a call that all load well appends its facts", "[facts]") {
    std::vector<std::string> texts;
    for (int i = 0; i < 12; ++i) {
        texts.push_back(indicators(i * 100, 50));
    }
    const Outcome together = run(texts, true);
    CHECK(together.ok);
    CHECK(together.diagnostics.empty());
    CHECK(together.facts == run(texts, false).facts);
    CHECK(together.facts.size() == 12 * 50);
}

TEST_CASE("a file parsed ahead is converted, not parsed again", "[facts]") {
    const ir::Program program = fact_schema();
    SourceManager early;  // the prefetch's own copy
    const FileId a = early.add("facts/a.toml", indicators(0, 2));
    const FileId bad = early.add("facts/bad.toml", "[[indicator]]\nname = = 1\n");
    const auto ready_a = parse_fact_file_ahead(early, a);
    REQUIRE(ready_a != nullptr);
    CHECK(parse_fact_file_ahead(early, bad) == nullptr);  // a diagnostic: loaded as usual

    SourceManager sources;
    const FileId b = sources.add("facts/b.toml", indicators(50, 1));
    const FileId a_again = sources.add("facts/a.toml", indicators(0, 2));
    CHECK(ready_for(*ready_a, sources, a_again));
    CHECK_FALSE(ready_for(*ready_a, sources, b));
    // load_fact_files trusts ready[i]: given a's document for b, it converts a's tables,
    // which shows the document parsed ahead is what gets loaded
    std::vector<std::shared_ptr<ReadyFactFile>> ready{ready_a, nullptr};
    DiagnosticSink sink;
    std::vector<FactInput> out;
    std::vector<FactFileMeta> metas;
    CHECK(load_fact_files(program, sources, {b, a_again}, sink, out, metas, &ready));
    REQUIRE(out.size() == 4);
    CHECK(out[0].slots.at(0).to_string() == "i0");
    CHECK(out[1].slots.at(0).to_string() == "i1");
    CHECK(out[2].slots.at(0).to_string() == "i0");  // a, parsed here
    CHECK(metas[0].at("subject") == "S0");
}

TEST_CASE("files parsed ahead are matched by path and text, each used once", "[facts]") {
    SourceManager early;
    const auto a1 = parse_fact_file_ahead(early, early.add("facts/a.toml", indicators(0, 1)));
    const auto a2 = parse_fact_file_ahead(early, early.add("facts/a.toml", indicators(5, 1)));
    const auto b = parse_fact_file_ahead(early, early.add("facts/b.toml", indicators(9, 1)));
    REQUIRE((a1 && a2 && b));

    SourceManager sources;
    const FileId new_a = sources.add("facts/a.toml", indicators(5, 1));   // a2's text
    const FileId same_a = sources.add("facts/a.toml", indicators(5, 1));  // a2 again
    const FileId c = sources.add("facts/c.toml", indicators(9, 1));       // b's text, not path
    const FileId old_a = sources.add("facts/a.toml", indicators(0, 1));   // a1's text
    const auto ready = match_ready_files(sources, {new_a, same_a, c, old_a}, {a1, b, a2});
    REQUIRE(ready.size() == 4);
    CHECK(ready[0] == a2);
    CHECK(ready[1] == nullptr);  // a2 was given already
    CHECK(ready[2] == nullptr);
    CHECK(ready[3] == a1);
}
