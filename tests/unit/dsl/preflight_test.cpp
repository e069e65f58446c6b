// Input hygiene before the grammar runs (spec §1 UTF-8 files, §8 "nothing may crash"):
// invalid UTF-8, NUL bytes, the nesting guard, BOM.
#include "dsl/preflight.hpp"

#include "support/catch.hpp"
#include "unit/dsl/dsl_test_support.hpp"

#include <string>
#include <string_view>

using namespace maslahat::dsl;
using maslahat::DiagCode;

namespace {
std::string nested_parens(std::size_t depth) {
    return "param p = " + std::string(depth, '(') + "1" + std::string(depth, ')') + "\n";
}
}  // namespace

TEST_CASE("invalid UTF-8 is reported at the bad byte", "[dsl]") {
    auto p = test::parse("param a = 1\nparam p = \"a\xFF\"\n");
    CHECK_FALSE(p.ast);
    REQUIRE(p.sink.all().size() == 1);
    CHECK(p.sink.all()[0].code == DiagCode::E0101);
    CHECK(p.sink.all()[0].span->begin == 24);
    CHECK(p.headers() == "2:13: error: invalid UTF-8 (byte 0xFF)\n");
    // a truncated sequence at the very end
    auto q = test::parse("param p = 1 # \xC3");
    CHECK(q.headers() == "1:15: error: invalid UTF-8 (byte 0xC3)\n");
}

TEST_CASE("NUL bytes are rejected", "[dsl]") {
    auto p = test::parse(std::string("param p = 1\n\0param", 18));
    CHECK_FALSE(p.ast);
    REQUIRE(p.sink.all().size() == 1);
    CHECK(p.sink.all()[0].code == DiagCode::E0108);
    CHECK(p.headers() == "2:1: error: NUL byte in a source file\n");
}

TEST_CASE("nesting up to 256 parses, deeper is E0102", "[dsl]") {
    CHECK(test::parse(nested_parens(256)).sink.empty());
    auto p = test::parse(nested_parens(257));
    CHECK_FALSE(p.ast);
    CHECK(p.headers() ==
          "1:267: error: nesting too deep (more than 256 levels of brackets and prefix "
          "operators)\n");
    CHECK(p.sink.all().at(0).code == DiagCode::E0102);
}

TEST_CASE("pathological nesting gives a diagnostic, not a stack overflow", "[dsl]") {
    const auto src = GENERATE(
        nested_parens(200'000), "param p = " + std::string(200'000, '['),
        "param p = " + std::string(200'000, '-') + "1",
        [] {
            std::string s = "rule r when test ";
            for (int i = 0; i < 100'000; ++i) {
                s += "not ";
            }
            return s + "1 then end";
        }(),
        [] {
            std::string s = "rule r when ";
            for (int i = 0; i < 100'000; ++i) {
                s += "not { ";
            }
            return s;
        }(),
        [] {
            std::string s = "param p = ";
            for (int i = 0; i < 100'000; ++i) {
                s += "f(- ";
            }
            return s;
        }());
    auto p = test::parse(src);
    CHECK_FALSE(p.ast);
    REQUIRE(p.sink.all().size() == 1);
    CHECK(p.sink.all()[0].code == DiagCode::E0102);
}

TEST_CASE("prefix operators count towards the nesting limit", "[dsl]") {
    std::string ok = "rule r when test ";
    for (int i = 0; i < 85; ++i) {
        ok += "not - (";
    }
    ok += "?x" + std::string(85, ')') + " then end";
    CHECK(test::parse(ok).sink.empty());
    std::string deep = "rule r when test ";
    for (int i = 0; i < 86; ++i) {
        deep += "not - (";
    }
    deep += "?x" + std::string(86, ')') + " then end";
    CHECK(test::parse(deep).sink.all().at(0).code == DiagCode::E0102);
}

TEST_CASE("brackets in strings and comments do not count", "[dsl]") {
    const std::string many(300, '(');
    auto p = test::parse("param p = \"" + many + "\" # " + many + "\n// " + many +
                         "\nparam q = \"{f(\"" + many + "\")}\"");
    INFO(p.diagnostics());
    CHECK(p.sink.empty());
    CHECK(p.ast->declarations.size() == 2);
}

TEST_CASE("parse_expression has the nesting guard too", "[dsl]") {
    auto p = test::parse_expr(std::string(1000, '(') + "1" + std::string(1000, ')'));
    CHECK_FALSE(p.expr);
    CHECK(p.sink.all().at(0).code == DiagCode::E0102);
}

TEST_CASE("check_nesting counts brackets and open prefix operators, not strings or comments",
          "[dsl]") {
    using Row = std::pair<std::string_view, std::uint32_t>;
    const auto [text, depth] = GENERATE(table<std::string_view, std::uint32_t>({
        Row{"(a)", 1},
        Row{"- - (x)", 3},
        Row{"not(x)", 2},
        Row{"?not (x)", 1},  // a variable named not is no operator
        Row{"notx (x)", 1},
        Row{"x - (y)", 2},   // binary or prefix, the scan cannot tell: counted
        Row{"a / (x)", 1},   // punctuation ends a run of prefix operators
        Row{"\v-\f(x)", 1},  // so do \v and \f (only space, \t, \r, \n are blanks here)
        Row{"\xC3\xA9-(x)", 2},
        Row{"\"((\" (x)", 1},
        Row{"\"a\\\"(\" ( )", 1},
        Row{"\"{ \"(\" }\" -(x)", 2},
        Row{"\"abc\ndef\" ((x))", 0},  // a string ends at the line end; `" ((x))` opens another
        Row{"# ((\n(x)", 1},
        Row{"a // ((\n[x]", 1},
        Row{"- not - [{(x)}]", 6},
        Row{"", 0},
    }));
    maslahat::DiagnosticSink sink;
    INFO(text);
    const auto found = detail::check_nesting(text, 0, static_cast<std::uint32_t>(text.size()),
                                             maslahat::FileId{0}, sink);
    REQUIRE(found);
    CHECK(*found == depth);
    CHECK(sink.empty());
}
