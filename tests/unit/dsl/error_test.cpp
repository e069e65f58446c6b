// Syntax errors (spec §8): each reads `line:col: error: expected <what>` at the offending
// token, every error of a file is reported (recovery at the next top-level declaration),
// columns count code points.
#include "support/catch.hpp"
#include "unit/dsl/dsl_test_support.hpp"

using namespace maslahat::dsl;

TEST_CASE("each kind of syntax error names what was expected, where", "[dsl]") {
    using Row = std::pair<std::string_view, std::string_view>;
    const auto [src, expected] = GENERATE(table<std::string_view, std::string_view>({
        Row{"rule r when x(y ?z) then end", "1:17: error: expected ':' or a comparison operator"},
        Row{"rule r when then end", "1:13: error: expected condition"},
        Row{"rule r when q() then foo end", "1:22: error: expected action or 'end'"},
        Row{"rule r when q()\n5", "2:1: error: expected condition or 'then'"},
        Row{"template t { a int }", "1:16: error: expected ':'"},
        Row{"template t { a: }", "1:17: error: expected slot type"},
        Row{"template t { a: int in 5 }", "1:26: error: expected '..'"},
        Row{"template t { a: int", "1:20: error: expected slot declaration or '}'"},
        Row{"template t { a: symbol in {x, } }", "1:29: error: expected '}'"},
        Row{"template t { a: [int }", "1:22: error: expected ']'"},
        Row{"template { }", "1:10: error: expected template name"},
        Row{"param p 5", "1:9: error: expected '='"},
        Row{"param p =", "1:10: error: expected expression"},
        Row{"recommendation B", "1:17: error: expected string"},
        Row{"rule r when t(a: 1 then end", "1:20: error: expected ')'"},
        Row{"rule r when t() then recommend B ?n end", "1:34: error: expected 'for'"},
        Row{"rule r when ?x = foo t() then end",
            "1:18: error: expected 'count', 'sum', 'min', 'max' or 'avg'"},
        Row{"rule r when ?s = sum ?v over t() then end", "1:22: error: expected pattern"},
        Row{"rule r when ?n = sum(?v) t() then end", "1:26: error: expected 'over'"},
        Row{"rule r when ?n = count(?x) over t() then end",
            "1:23: error: expected pattern after 'count' (count takes no argument)"},
        Row{"rule r when ?n = sum t() then end",
            "1:22: error: expected '(' argument ')' over a pattern after 'sum'"},
        Row{"rule r when ?f <- 5 then end", "1:19: error: expected pattern"},
        Row{"rule r when not 5 then end", "1:17: error: expected pattern or '{'"},
        Row{"rule r when not { t() then end", "1:23: error: expected '}'"},
        Row{"rule r when test then end", "1:18: error: expected expression"},
        Row{"rule r when t() then bind ?x 3 end", "1:30: error: expected '='"},
        Row{"rule r when t() then print hello end", "1:28: error: expected string"},
        Row{"rule r when t() then log \"x\" end", "1:26: error: expected log level"},
        Row{"rule r when t() then assert t(a 1) end", "1:33: error: expected ':'"},
        Row{"rule r when t() then assert (a: 1) end", "1:29: error: expected template name"},
        Row{"rule r when t() then retract 5 end", "1:30: error: expected variable"},
        Row{"rule r when t() then modify ?f(a: 1 end", "1:37: error: expected ')'"},
        Row{"rule r when t() then recommend B for ?n confidence end",
            "1:52: error: expected expression"},
        Row{"rule r when t() then recommend B for ?n because 5 end",
            "1:49: error: expected string"},
        Row{"rule r salience then t() then end", "1:17: error: expected expression"},
        Row{"rule r \"d\" t() then end", "1:12: error: expected 'when'"},
        Row{"rule r when t(a: [1, 2) then end", "1:23: error: expected ']'"},
        Row{"rule r when t(a: f(1, ) then end", "1:21: error: expected ')'"},
        Row{"rule r when t(a: (1 + 2) then end", "1:26: error: expected ')'"},
        Row{"rule r when t(a: 1 +) then end", "1:21: error: expected expression"},
        Row{"rule r when t(a: - ) then end", "1:20: error: expected expression"},
        Row{"rule r when t(a: ?x.) then end", "1:20: error: expected ')'"},
        Row{"rule r when t() then end end", "1:26: error: expected declaration"},
        Row{"foo", "1:1: error: expected declaration"},
        Row{"rule r when t(a: \"abc) then end", "1:18: error: unterminated string"},
        Row{"param p = \"a {?x\"", "1:11: error: unterminated string"},
        Row{"param p = \"a {?x\nparam q = 1",
            "1:17: error: unterminated interpolation: "
            "expected '}' before the end of the string"},
        // E0104: a number glued to letters
        Row{"param p = 1e", "1:11: error: malformed number literal '1e'"},
        Row{"param p = 1_", "1:11: error: malformed number literal '1_'"},
        Row{"param p = 0x10", "1:11: error: malformed number literal '0x10'"},
        Row{"param p = [1, -2abc]", "1:15: error: malformed number literal '-2abc'"},
        Row{"template t { a: int in 1..5x }", "1:27: error: malformed number literal '5x'"},
        Row{"param p = -1.5e", "1:11: error: malformed number literal '-1.5e'"},
        Row{"param p = ?a-2x", "1:14: error: malformed number literal '2x'"},
        // E0109: spec §2 "Keywords (cannot be template, slot or rule names)"
        Row{"template rule {}",
            "1:10: error: 'rule' is a keyword and cannot be used as a template name"},
        Row{"rule when when t() then end",
            "1:6: error: 'when' is a keyword and cannot be used as a rule name"},
        Row{"param in = 1", "1:7: error: 'in' is a keyword and cannot be used as a parameter name"},
    }));
    auto p = test::parse(src);
    INFO(src);
    INFO(p.diagnostics());
    CHECK(p.headers() == std::string(expected) + "\n");
}

TEST_CASE("syntax errors have the E0103 code, keyword names E0109, strings E0106", "[dsl]") {
    CHECK(test::parse("foo").sink.all().at(0).code == maslahat::DiagCode::E0103);
    CHECK(test::parse("template rule {}").sink.all().at(0).code == maslahat::DiagCode::E0109);
    CHECK(test::parse("param p = \"x").sink.all().at(0).code == maslahat::DiagCode::E0106);
    CHECK(test::parse("param p = 2e").sink.all().at(0).code == maslahat::DiagCode::E0104);
}

TEST_CASE("every syntax error of a file is reported (recovery)", "[dsl]") {
    // spec §8: "all of them are reported, not only the first"
    auto p = test::parse(
        "rule a when x(y ?z) then halt end\n"
        "template ok { a: int }\n"
        "rule b when then end\n"
        "param fine = 1\n"
        "rule c when q() then foo end\n"
        "recommendation R \"r\"\n");
    CHECK(p.headers() ==
          "1:17: error: expected ':' or a comparison operator\n"
          "3:13: error: expected condition\n"
          "5:22: error: expected action or 'end'\n");
    CHECK(p.dump() == "(template ok (slot a int))\n(param fine 1)\n(recommendation R \"r\")\n");
}

TEST_CASE("recovery at a declaration that starts where the error is", "[dsl]") {
    // a rule missing `end`: the next `rule` line is both the error and the restart point
    auto p = test::parse(
        "rule a when t() then halt\nrule b when t() then halt end\n"
        "  rule c when then end\n");
    CHECK(p.headers() == "2:1: error: expected action or 'end'\n3:15: error: expected condition\n");
    CHECK(p.dump() == "(rule b (when (pattern t)) (then (halt)))\n");
}

TEST_CASE("an error on the last line without a final newline", "[dsl]") {
    auto p = test::parse("param p = 1\nrule r when t() then halt");
    CHECK(p.diagnostics() ==
          "test.rules:2:26: error: expected action or 'end'\n"
          "rule r when t() then halt\n"
          "                         ^\n");
}

TEST_CASE("an error at the end of input points after the last token", "[dsl]") {
    auto p = test::parse("template t {\n    a: int   # comment\n\n// more\n\n");
    CHECK(p.diagnostics() ==
          "test.rules:2:11: error: expected slot declaration or '}'\n"
          "    a: int   # comment\n"
          "          ^\n");
}

TEST_CASE("errors in a CRLF file have the right line and column", "[dsl]") {
    auto p = test::parse("param p = 1\r\nrule r\r\nwhen\r\n  t(a 1)\r\nthen\r\nend\r\n");
    CHECK(p.diagnostics() ==
          "test.rules:4:7: error: expected ':' or a comparison operator\n"
          "  t(a 1)\n"
          "      ^\n");
}

TEST_CASE("the column after multi-byte characters counts code points", "[dsl]") {
    // spec §1: "Columns in diagnostics count Unicode code points"
    auto p = test::parse("rule r \"o‘zbek ўзбек\" when then end\n");
    CHECK(p.diagnostics() ==
          "test.rules:1:28: error: expected condition\n"
          "rule r \"o‘zbek ўзбек\" when then end\n"
          "                           ^~~~\n");
    auto q = test::parse("rule «r» when t() then end\n");
    CHECK(q.diagnostics() ==
          "test.rules:1:6: error: expected rule name\n"
          "rule «r» when t() then end\n"
          "     ^\n");
}

TEST_CASE("after a BOM, positions are still byte offsets of the file", "[dsl]") {
    auto p = test::parse("\xEF\xBB\xBFparam p 1\n");
    REQUIRE(p.sink.all().size() == 1);
    CHECK(p.sink.all()[0].message == "expected '='");
    CHECK(p.sink.all()[0].span->begin == 11);
}
