// What parses, and into which tree: the spec examples, every construct of spec §3-§4.3,
// lexical details (numbers, strings, comments, `;`, keywords as whole words).
#include "support/catch.hpp"
#include "unit/dsl/dsl_test_support.hpp"

using namespace maslahat::dsl;

namespace {

// Parses `src`, requires no diagnostics, returns the S-expression dump.
std::string dump_ok(std::string_view src) {
    auto p = test::parse(src);
    INFO(src);
    INFO(p.diagnostics());
    REQUIRE(p.sink.empty());
    REQUIRE(p.ast);
    return p.dump();
}

}  // namespace

TEST_CASE("the examples of spec sections 3 and 4 parse", "[dsl]") {
    const std::string decls = R"(
template country {
    name: string
    iso3: string
    role: [symbol in {origin, transit, destination}]   # a list slot
    mipex: number in 0..100 ?                          # optional: may be absent
    inflow_trend: symbol in {falling, stable, rising} = stable   # default
    population: int
}

recommendation B "Develop reception and integration programmes for migrants"
    "Proposal B of the article: ..."                   # optional long description

param weak_mipex = 50 "MIPEX score below which integration policy counts as weak"
)";
    CHECK(dump_ok(decls) ==
          "(template country (slot name string) (slot iso3 string) (slot role (list (symbol (in "
          "origin transit destination)))) (slot mipex (number (range 0 100)) optional) (slot "
          "inflow_trend (symbol (in falling stable rising)) (default 'stable)) (slot population "
          "int))\n"
          "(recommendation B \"Develop reception and integration programmes for migrants\" "
          "\"Proposal B of the article: ...\")\n"
          "(param weak_mipex 50 \"MIPEX score below which integration policy counts as "
          "weak\")\n");

    const std::string rule = R"(
rule weak_integration_rising_flows
    "Weak integration plus rising inflows suggests proposal B"
    salience 10
when
    ?c <- country(name: ?n, mipex < $weak_mipex, inflow_trend: rising)
    not programme(country: ?n, kind: integration)
then
    recommend B for ?n confidence 0.8
        because "integration policy is weak (MIPEX {?c.mipex}) while inflows rise"
end
)";
    CHECK(dump_ok(rule) ==
          "(rule weak_integration_rising_flows (description \"Weak integration plus rising "
          "inflows suggests proposal B\") (salience 10) (when (pattern ?c country (: name ?n) (< "
          "mipex $weak_mipex) (: inflow_trend 'rising)) (not (pattern programme (: country ?n) "
          "(: kind 'integration)))) (then (recommend B ?n (confidence 0.8) (because "
          "\"integration policy is weak (MIPEX {?c.mipex}) while inflows rise\"))))\n");

    // spec §4.1: `?total = sum(?p) over country(population: ?p)`
    CHECK(dump_ok("rule r when ?total = sum(?p) over country(population: ?p) then end") ==
          "(rule r (when (sum ?total ?p (pattern country (: population ?p)))) (then))\n");
    // spec §4.3: `"{?n} has MIPEX {?c.mipex}"`
    CHECK(dump_ok("rule r when c() then print \"{?n} has MIPEX {?c.mipex}\" end") ==
          "(rule r (when (pattern c)) (then (print \"{?n} has MIPEX {?c.mipex}\")))\n");
}

TEST_CASE("every slot type of spec §3", "[dsl]") {
    CHECK(dump_ok("template t { a: string b: number c: int d: bool e: symbol }") ==
          "(template t (slot a string) (slot b number) (slot c int) (slot d bool) (slot e "
          "symbol))\n");
    CHECK(dump_ok("template t { a: symbol in {x, y}; b: number in -1.5..2e3 = 1_000; "
                  "c: int in 1..5 ? = 3; d: [int]; e: [symbol in {p}] ?; f: bool = true }") ==
          "(template t (slot a (symbol (in x y))) (slot b (number (range -1.5 2e3)) (default "
          "1_000)) (slot c (int (range 1 5)) optional (default 3)) (slot d (list int)) (slot e "
          "(list (symbol (in p))) optional) (slot f bool (default true)))\n");
    CHECK(dump_ok("template empty {}") == "(template empty)\n");
}

TEST_CASE("every condition form of spec §4.1", "[dsl]") {
    using Row = std::pair<std::string_view, std::string_view>;
    const auto [cond, expected] = GENERATE(table<std::string_view, std::string_view>({
        Row{"t()", "(pattern t)"},
        Row{"t(a: 1, b: ?x, c: $p, d: rising, e: \"s\")",
            "(pattern t (: a 1) (: b ?x) (: c $p) (: d 'rising) (: e \"s\"))"},
        Row{"t(a == 1, b != 2, c < 3, d <= 4, e > 5, f >= 6)",
            "(pattern t (== a 1) (!= b 2) (< c 3) (<= d 4) (> e 5) (>= f 6))"},
        Row{"t(a in [1, 2], b not in [x], c contains ?v + 1)",
            "(pattern t (in a (list 1 2)) (not in b (list 'x)) (contains c (+ ?v 1)))"},
        Row{"t(a: 1, a < 5,)", "(pattern t (: a 1) (< a 5))"},
        Row{"?f <- t(a: 1)", "(pattern ?f t (: a 1))"},
        Row{"?f<-t()", "(pattern ?f t)"},
        Row{"not t(a: ?x)", "(not (pattern t (: a ?x)))"},
        Row{"not { t(a: ?x); u(b: ?x) }", "(not (pattern t (: a ?x)) (pattern u (: b ?x)))"},
        Row{"exists t()", "(exists (pattern t))"},
        Row{"exists { t() not { u() } }", "(exists (pattern t) (not (pattern u)))"},
        Row{"test ?x > 1", "(test (> ?x 1))"},
        Row{"test (?x > 1)", "(test (> ?x 1))"},
        Row{"?n = count t(a: ?q)", "(count ?n (pattern t (: a ?q)))"},
        Row{"?s = sum(?v * 2) over t(a: ?v)", "(sum ?s (* ?v 2) (pattern t (: a ?v)))"},
        Row{"?s = min(?v) over t(a: ?v)", "(min ?s ?v (pattern t (: a ?v)))"},
        Row{"?s = max(?v) over t(a: ?v)", "(max ?s ?v (pattern t (: a ?v)))"},
        Row{"?s = avg(?v) over t(a: ?v)", "(avg ?s ?v (pattern t (: a ?v)))"},
        Row{"recommended(id: B, subject: ?s, confidence > 0.5)",
            "(pattern recommended (: id 'B) (: subject ?s) (> confidence 0.5))"},
    }));
    const std::string src = "rule r when " + std::string(cond) + " then end";
    CHECK(dump_ok(src) == "(rule r (when " + std::string(expected) + ") (then))\n");
}

TEST_CASE("every action form of spec §4.3", "[dsl]") {
    using Row = std::pair<std::string_view, std::string_view>;
    const auto [act, expected] = GENERATE(table<std::string_view, std::string_view>({
        Row{"assert t(a: 1, b: [\"x\", ?y])", "(assert t (a 1) (b (list \"x\" ?y)))"},
        Row{"assert t()", "(assert t)"},
        Row{"derive u(b: ?f.a)", "(derive u (b (. ?f a)))"},
        Row{"retract ?f", "(retract ?f)"},
        Row{"modify ?f(a: 2, c: 1.5)", "(modify ?f (a 2) (c 1.5))"},
        Row{"recommend B for ?n", "(recommend B ?n)"},
        Row{"recommend B for \"x\" confidence 0.5", "(recommend B \"x\" (confidence 0.5))"},
        Row{"recommend B for ?n because \"why {?n}\"", "(recommend B ?n (because \"why {?n}\"))"},
        Row{"recommend B for ?n confidence ?c * 0.5 because \"w\"",
            "(recommend B ?n (confidence (* ?c 0.5)) (because \"w\"))"},
        Row{"bind ?w = abs(-3) + min(1, 2) + max(3, 4) + f()",
            "(bind ?w (+ (+ (+ (call abs -3) (call min 1 2)) (call max 3 4)) (call f)))"},
        Row{"print \"hi\"", "(print \"hi\")"},
        Row{"log warn \"careful\"", "(log warn \"careful\")"},
        Row{"halt", "(halt)"},
        Row{"halt; halt;", "(halt) (halt)"},
    }));
    const std::string src = "rule r when t() then " + std::string(act) + " end";
    CHECK(dump_ok(src) == "(rule r (when (pattern t)) (then " + std::string(expected) + "))\n");
}

TEST_CASE("number literals (spec §2)", "[dsl]") {
    // "decimal, optional sign, fraction, exponent, `_` separators"
    const auto number = GENERATE(values<std::string_view>(
        {"42", "-3.5", "+7", "1_000_000", "2e6", "2E+6", "1.5e-3", "0.25", "-0", "1_0.0_1"}));
    CHECK(dump_ok("param p = " + std::string(number)) == "(param p " + std::string(number) + ")\n");
}

TEST_CASE("a range LO..HI is not a fraction", "[dsl]") {
    CHECK(dump_ok("template t { a: int in 0..100 b: number in -1..-0.5 c: number in 1.5..2.5 }") ==
          "(template t (slot a (int (range 0 100))) (slot b (number (range -1 -0.5))) (slot c "
          "(number (range 1.5 2.5))))\n");
}

TEST_CASE("strings keep their escapes raw for sema", "[dsl]") {
    // spec §2: `"..."` with `\" \\ \n \t \{ \u{41}` escapes
    const std::string src = R"(param p = "a\"b \\ \n \t \{ \u{41} {?x} {f("}")} o‘zbek" "doc")";
    auto p = test::parse(src);
    REQUIRE(p.sink.empty());
    const auto& param = boost::get<ast::ParamDecl>(p.ast->declarations.at(0));
    const auto& lit = boost::get<ast::StringLit>(param.value);
    CHECK(lit.raw == R"(a\"b \\ \n \t \{ \u{41} {?x} {f("}")} o‘zbek)");
    CHECK(src.substr(lit.begin + 1, lit.raw.size()) == lit.raw);
    CHECK(src[lit.end - 1] == '"');
}

TEST_CASE("comments and optional semicolons (spec §1)", "[dsl]") {
    const std::string src =
        "# comment\n// another\ntemplate t { a: int; # c\n b: int; } ; // c\n"
        "param p = 1; # end\nrecommendation R \"t\";\n"
        "rule r // c\n \"d\" # c\nwhen t(a: 1); # c\n test 1 < 2; then halt; end;\n"
        "print_url_is_not_a_comment_in_strings: # c";
    auto p = test::parse(src);
    CHECK(p.headers() == "11:1: error: expected declaration\n");
    CHECK(p.dump() ==
          "(template t (slot a int) (slot b int))\n(param p 1)\n(recommendation R \"t\")\n"
          "(rule r (description \"d\") (when (pattern t (: a 1)) (test (< 1 2))) (then "
          "(halt)))\n");
    CHECK(dump_ok("param url = \"http://x#y\" // c") == "(param url \"http://x#y\")\n");
}

TEST_CASE("keywords are whole words; other names are free", "[dsl]") {
    // spec §2: keywords cannot be template, slot or rule names -- but may prefix them
    CHECK(dump_ok("template notice { index: int counter: int rule_x: int }") ==
          "(template notice (slot index int) (slot counter int) (slot rule_x int))\n");
    CHECK(dump_ok("rule testing when testing(int: ?rule) then halt end") ==
          "(rule testing (when (pattern testing (: int ?rule))) (then (halt)))\n");
    // X3 trap: without `!keyword >> identifier`, `test(...)` would be a pattern
    CHECK(dump_ok("rule r when test(1 < 2) then end") == "(rule r (when (test (< 1 2))) (then))\n");
    CHECK(dump_ok("param b = true") == "(param b true)\n");
    CHECK(dump_ok("param b = nil") == "(param b 'nil)\n");
}

TEST_CASE("a UTF-8 BOM is skipped and CRLF line ends are accepted", "[dsl]") {
    auto p = test::parse(
        "\xEF\xBB\xBFparam p = 1\r\nrule r\r\nwhen\r\n  t()\r\nthen\r\n  halt\r\nend\r\n");
    CHECK(p.sink.empty());
    CHECK(p.dump() == "(param p 1)\n(rule r (when (pattern t)) (then (halt)))\n");
    const auto& param = boost::get<ast::ParamDecl>(p.ast->declarations.at(0));
    CHECK(param.begin == 3);
    CHECK(p.ast->begin == 3);
}

TEST_CASE("an empty file and a file of comments parse to no declarations", "[dsl]") {
    const auto src =
        GENERATE(values<std::string_view>({"", "\n\n", "# only\n// comments", "  \t"}));
    auto p = test::parse(src);
    CHECK(p.sink.empty());
    REQUIRE(p.ast);
    CHECK(p.ast->declarations.empty());
}
