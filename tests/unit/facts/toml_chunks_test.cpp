// Large fact files are parsed piece by piece (facts/toml_chunks.hpp): where the splitter
// cuts, which files it refuses to cut, and that a cut file loads exactly like a whole one
// (same facts in the same order, same positions, same diagnostics).
#include "facts/toml_chunks.hpp"

#include "fact_schema.hpp"
#include "support/catch.hpp"

#include <string>

using namespace maslahat;
using namespace maslahat::facts;
using namespace maslahat::facts::testing;

namespace {

/// n `[[indicator]]` tables, one per 4 lines, after a [meta] table.
std::string indicators(int n, const std::string& extra = "") {
    std::string text = "[meta]\nsubject = \"X\"\n\n" + extra;
    for (int i = 0; i < n; ++i) {
        text += "[[indicator]]\nname = \"i" + std::to_string(i) +
                "\"\nvalue = " + std::to_string(i) + ".5\n\n";
    }
    return text;
}

std::size_t line_of(const std::string& text, std::size_t offset) {
    return 1 + static_cast<std::size_t>(
                   std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

}  // namespace

TEST_CASE("a small file is one piece", "[facts][chunks]") {
    const std::string text = indicators(10);
    const auto chunks = split_toml(text, 1 << 20);
    REQUIRE(chunks.size() == 1);
    CHECK(chunks[0].begin == 0);
    CHECK(chunks[0].end == text.size());
}

TEST_CASE("a plain file is cut just before [[name]] headers", "[facts][chunks]") {
    const std::string text = indicators(2000);
    const auto chunks = split_toml(text, 4096);
    REQUIRE(chunks.size() > 5);
    CHECK(chunks.front().begin == 0);
    CHECK(chunks.back().end == text.size());
    for (std::size_t i = 1; i < chunks.size(); ++i) {
        CHECK(chunks[i].begin == chunks[i - 1].end);
        CHECK(text.compare(chunks[i].begin, 13, "[[indicator]]") == 0);
        CHECK(chunks[i].line_base + 1 == line_of(text, chunks[i].begin));
    }
}

TEST_CASE("files the splitter cannot follow are not cut", "[facts][chunks]") {
    // sub-tables of array elements, dotted or quoted header names
    CHECK(split_toml(indicators(2000, "[x.y]\na = 1\n"), 4096).size() == 1);
    CHECK(split_toml(indicators(2000) + "[\"quoted\"]\na = 1\n", 4096).size() == 1);
    // the same table name in several pieces, or [name] mixed with [[name]]
    CHECK(split_toml(indicators(2000) + "[meta]\nb = 2\n", 4096).size() == 1);
    CHECK(split_toml(indicators(2000) + "[indicator]\nname = \"x\"\n", 4096).size() == 1);
    // a root key named like a table continued later
    CHECK(split_toml("indicator = 1\n" + indicators(2000), 4096).size() == 1);
    // an unterminated string or array
    CHECK(split_toml(indicators(2000) + "x = \"open\n", 4096).size() == 1);
    CHECK(split_toml(indicators(2000) + "[[indicator]]\nname = [\n", 4096).size() == 1);
}

TEST_CASE("headers inside multi-line strings and arrays are not cut points", "[facts][chunks]") {
    std::string text = indicators(500);
    text += "[[indicator]]\nname = \"\"\"\n[[indicator]]\n\"\"\"\nvalue = 1\n";
    text += "[[indicator]]\nname = \"a\"\nvalue = 2\nshare = [\n[0.5],\n]\n";
    text += indicators(500).substr(std::string("[meta]\nsubject = \"X\"\n\n").size());
    const auto chunks = split_toml(text, 1024);
    REQUIRE(chunks.size() > 2);
    for (std::size_t i = 1; i < chunks.size(); ++i) {
        const std::size_t before = text.rfind('\n', chunks[i].begin - 2);
        const std::string prev_line = text.substr(before + 1, chunks[i].begin - before - 2);
        CHECK(prev_line != "name = \"\"\"");
        CHECK(prev_line != "share = [");
        CHECK(text.compare(chunks[i].begin, 13, "[[indicator]]") == 0);
    }
}

TEST_CASE("a file loaded in pieces gives the facts of a whole-file load", "[facts][chunks]") {
    // over 256 KiB: the loader cuts it (the threshold in toml_loader.cpp)
    const std::string text = indicators(12000);
    REQUIRE(text.size() > 300 * 1024);
    REQUIRE(split_toml(text, 256 * 1024).size() > 1);
    const auto r = load(text);
    INFO(r.diagnostics);
    REQUIRE(r.ok);
    REQUIRE(r.facts.size() == 12000);
    CHECK(r.meta.at("subject") == "X");
    for (int i : {0, 1, 4999, 11999}) {
        const FactInput& f = r.facts[static_cast<std::size_t>(i)];
        CHECK(f.slots[1].as_number() == i + 0.5);
        // positions are file positions, not positions inside a piece
        CHECK(line_of(text, f.span->begin) == static_cast<std::size_t>(4 + 4 * i));
    }
}

TEST_CASE("an error in a late piece is reported at its place in the file", "[facts][chunks]") {
    std::string text = indicators(12000);
    text += "[[indicator]]\nname = \"bad\"\nvalu = 3\n";
    const auto r = load(text);
    CHECK_FALSE(r.ok);
    CHECK(r.facts.empty());
    CHECK(r.diagnostics.find("facts/test.toml:48006:1: error: template 'indicator' has no slot "
                             "'valu'") != std::string::npos);
    std::string broken = indicators(12000) + "[[indicator]]\nname = = 1\n";
    const auto s = load(broken);
    CHECK_FALSE(s.ok);
    CHECK(s.diagnostics.find("facts/test.toml:48005:") != std::string::npos);
}
