// Edits of fact files by [[test.override]] and the TOML writer that hands them to the engine.
#include "kbtest/fact_edit.hpp"

#include "kbtest/toml_doc.hpp"
#include "support/catch.hpp"
#include "unit/kbtest/parse_helpers.hpp"

using maslahat::DiagnosticSink;
using maslahat::SourceManager;
using maslahat::kbtest::apply_overrides;
using maslahat::kbtest::parse_toml;
using maslahat::kbtest::TomlNode;
using maslahat::kbtest::write_toml;
using maslahat::kbtest::testing::parse;

namespace {

const std::string facts = R"([meta]
title = "Testland"

[country]
name = "Testland"
role = ["origin", "transit"]
mipex = { value = 40, year = 2020, source = "MIPEX 2020" }
mean_age = 29.1

[[agreement]]
country = "Testland"
partner = "Russia"
kind = "labour"

[[corridor]]
origin = "Testland"
destination = "Russia"
share_pct = 57

[[agreement]]
country = "Testland"
partner = "Japan"
kind = "labour"
)";

// Applies the overrides of a test file to `facts`; returns the written TOML and the matches.
std::pair<std::string, std::vector<std::size_t>> edit(const std::string& overrides) {
    auto p = parse("[[test]]\nname = \"x\"\n" + overrides + "[[test.expect]]\nmax_firings = 1\n");
    INFO(p.diagnostics());
    REQUIRE(p.file);
    SourceManager sources;
    DiagnosticSink sink;
    auto doc = parse_toml(sources, sources.add("f.toml", facts), sink);
    REQUIRE(doc);
    std::vector<TomlNode> docs{*doc};
    const auto result = apply_overrides(p.file->tests[0].overrides, docs);
    return {write_toml(docs[0]), result.matches};
}

}  // namespace

TEST_CASE("an unedited document is written back in source order", "[kbtest]") {
    SourceManager sources;
    DiagnosticSink sink;
    const auto doc = parse_toml(sources, sources.add("f.toml", facts), sink);
    REQUIRE(doc);
    CHECK(write_toml(*doc) == R"([meta]
title = "Testland"

[country]
name = "Testland"
role = ["origin", "transit"]
mipex = { value = 40, year = 2020, source = "MIPEX 2020" }
mean_age = 29.1

[[agreement]]
country = "Testland"
partner = "Russia"
kind = "labour"

[[corridor]]
origin = "Testland"
destination = "Russia"
share_pct = 57

[[agreement]]
country = "Testland"
partner = "Japan"
kind = "labour"
)");
}

TEST_CASE("values are written as TOML reads them back", "[kbtest]") {
    SourceManager sources;
    DiagnosticSink sink;
    const auto doc = parse_toml(
        sources,
        sources.add("f.toml",
                    "top = 1\n[t]\n\"odd key\" = \"a\\\"b\\\\c\\nd\\u0001\"\nf = 1e30\n"
                    "g = 2.0\nh = -0.1\ni = inf\nd = 2024-01-02\ne = {}\nn = { a = { b = 1 } }\n"),
        sink);
    REQUIRE(doc);
    CHECK(write_toml(*doc) ==
          "top = 1\n\n[t]\n\"odd key\" = \"a\\\"b\\\\c\\nd\\u0001\"\n"
          "f = 1e+30\ng = 2.0\nh = -0.1\ni = inf\nd = 2024-01-02\ne = {}\n"
          "n = { a = { b = 1 } }\n");
}

TEST_CASE("set replaces a value, provenance and all, or adds the slot", "[kbtest]") {
    const auto [text, matches] = edit(R"([[test.override]]
template = "country"
match = { name = "Testland" }
set = { mipex = 30, median_age = 31 }
)");
    CHECK(matches == std::vector<std::size_t>{1});
    CHECK(text.find("mipex = 30\nmean_age = 29.1\nmedian_age = 31\n") != std::string::npos);
}

TEST_CASE("match compares a provenance table by its value, numbers by value", "[kbtest]") {
    const auto [text, matches] = edit(R"([[test.override]]
template = "country"
match = { mipex = 40.0, role = ["origin", "transit"] }
set = { mipex = 50 }
[[test.override]]
template = "country"
match = { mipex = 41 }
set = { mipex = 60 }
)");
    CHECK(matches == std::vector<std::size_t>{1, 0});
    CHECK(text.find("mipex = 50\n") != std::string::npos);
}

TEST_CASE("unset drops slots", "[kbtest]") {
    const auto [text, matches] = edit(R"([[test.override]]
template = "country"
unset = ["mean_age", "mipex"]
)");
    CHECK(matches == std::vector<std::size_t>{1});
    CHECK(text.find("mean_age") == std::string::npos);
    CHECK(text.find("mipex") == std::string::npos);
    CHECK(text.find("role = ") != std::string::npos);
}

TEST_CASE("remove deletes matching facts of an array of tables", "[kbtest]") {
    const auto [text, matches] = edit(R"([[test.override]]
template = "agreement"
match = { partner = "Russia" }
remove = true
)");
    CHECK(matches == std::vector<std::size_t>{1});
    CHECK(text.find("Russia\"\nkind") == std::string::npos);
    CHECK(text.find("partner = \"Japan\"") != std::string::npos);
}

TEST_CASE("remove of every fact of a template drops the template", "[kbtest]") {
    const auto [text, matches] = edit(R"([[test.override]]
template = "agreement"
remove = true
[[test.override]]
template = "country"
remove = true
[[test.override]]
template = "country"
set = { mipex = 1 }
)");
    CHECK(matches == std::vector<std::size_t>{2, 1, 0});
    CHECK(text.find("agreement") == std::string::npos);
    CHECK(text.find("[country]") == std::string::npos);
    CHECK(text.find("[[corridor]]") != std::string::npos);
}

TEST_CASE("overrides apply to every document and report which changed", "[kbtest]") {
    auto p = parse(
        "[[test]]\nname = \"x\"\n[[test.override]]\ntemplate = \"country\"\n"
        "match = { name = \"B\" }\nset = { mipex = 1 }\n"
        "[[test.expect]]\nmax_firings = 1\n");
    REQUIRE(p.file);
    SourceManager sources;
    DiagnosticSink sink;
    auto a = parse_toml(sources, sources.add("a.toml", "[country]\nname = \"A\"\n"), sink);
    auto b = parse_toml(sources, sources.add("b.toml", "[country]\nname = \"B\"\n"), sink);
    REQUIRE(a);
    REQUIRE(b);
    std::vector<TomlNode> docs{*a, *b};
    const auto result = apply_overrides(p.file->tests[0].overrides, docs);
    CHECK(result.matches == std::vector<std::size_t>{1});
    CHECK(result.changed == std::vector<bool>{false, true});
    CHECK(write_toml(docs[1]) == "[country]\nname = \"B\"\nmipex = 1\n");
}
