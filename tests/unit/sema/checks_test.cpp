// Every semantic check (spec §2-§5): one table row per check with the exact location and
// message rendered as in spec §8. Sources are checked together with the shared prelude.
#include "sema_helpers.hpp"
#include "support/catch.hpp"

using namespace maslahat;
using namespace maslahat::sema::testing;

namespace {

struct Case {
    const char* source;
    DiagCode code;
    const char* expected;  ///< "line:col: severity: message" in test.rules
};

void run_case(const Case& c) {
    CAPTURE(c.source);
    auto checked = check(c.source);
    const std::string rendered = checked->rendered();
    CAPTURE(rendered);
    REQUIRE(checked->parsed);
    CHECK(checked->count(c.code) == 1);
    CHECK(rendered.find(std::string("test.rules:") + c.expected + "\n") != std::string::npos);
    const bool error = code_name(c.code)[0] == 'E';
    CHECK(checked->program.has_value() == !error);
}

}  // namespace

TEST_CASE("unknown names are reported with did-you-mean", "[sema]") {
    run_case(GENERATE(values<Case>({
        {"rule r when contry(name: ?n) then print \"{?n}\" end", DiagCode::E0202,
         "1:13: error: unknown template 'contry' (did you mean 'country'?)"},
        {"rule r when country(mipx < $weak_mipex) then halt end", DiagCode::E0203,
         "1:21: error: template 'country' has no slot 'mipx' (did you mean 'mipex'?)"},
        {"rule r when country(name: ?n) then print \"{?nn}\" end", DiagCode::E0313,
         "1:44: error: unknown variable '?nn' (did you mean '?n'?)"},
        {"rule r when country(mipex < $weak_mipx) then halt end", DiagCode::E0204,
         "1:29: error: unknown parameter '$weak_mipx' (did you mean '$weak_mipex'?)"},
        {"rule r when country(name: ?n) then recommend D for ?n end", DiagCode::E0205,
         "1:46: error: unknown recommendation 'D' (did you mean 'B'?); declare it with "
         "'recommendation D \"title\"'"},
        {"rule r when country(mipex: ?m) test sqr(?m) > 2 then halt end", DiagCode::E0206,
         "1:37: error: unknown function 'sqr' (did you mean 'sqrt'?)"},
        {"rule r when country(name: ?n) test lenght(?n) > 2 then halt end", DiagCode::E0206,
         "1:36: error: unknown function 'lenght'"},
        {"rule r when country(mipex: ?m) test abs(?m, 2) > 0 then halt end", DiagCode::E0206,
         "1:37: error: function 'abs' takes 1 argument, but 2 were given"},
        {"rule r when country(count: 3) then halt end", DiagCode::E0203,
         "1:21: error: template 'country' has no slot 'count'"},
        {"rule r when country() then assert country(nme: \"x\") end", DiagCode::E0203,
         "1:43: error: template 'country' has no slot 'nme' (did you mean 'name'?)"},
        {"rule r when country(name: ?n) then print \"{?n.mipex}\" end", DiagCode::E0305,
         "1:44: error: '?n' is not bound to a fact, so '?n.mipex' is not defined (bind a fact "
         "with '?n <- template(...)')"},
        {"rule r when ?c <- country() then print \"{?c.mipx}\" end", DiagCode::E0203,
         "1:45: error: template 'country' has no slot 'mipx' (did you mean 'mipex'?)"},
    })));
}

TEST_CASE("names declared twice are reported with a note", "[sema]") {
    run_case(GENERATE(values<Case>({
        {"template country { a: int }", DiagCode::E0201,
         "1:10: error: template 'country' is declared twice"},
        {"template t { a: int  a: string }", DiagCode::E0201,
         "1:22: error: slot 'a' is declared twice"},
        {"rule r when country() then halt end\nrule r when country() then halt end",
         DiagCode::E0201, "2:6: error: rule 'r' is declared twice"},
        {"param weak_mipex = 3", DiagCode::E0201,
         "1:7: error: param 'weak_mipex' is declared twice"},
        {"recommendation B \"again\"", DiagCode::E0201,
         "1:16: error: recommendation 'B' is declared twice"},
        {"rule r when country() then assert note(text: \"a\", text: \"b\") end", DiagCode::E0201,
         "1:51: error: slot 'text' is given twice"},
    })));
    auto c = check("template country { a: int }");
    CHECK(c->rendered().find("prelude.rules:1:10: note: template 'country' first declared "
                             "here\ntemplate country {\n         ^~~~~~~\n") != std::string::npos);
}

TEST_CASE("type errors in constraints, expressions and actions", "[sema]") {
    run_case(GENERATE(values<Case>({
        {"rule r when country(mipex < \"x\") then halt end", DiagCode::E0303,
         "1:29: error: cannot compare slot 'mipex' (number) with a string"},
        {"rule r when country() then assert score(value: 2.5) end", DiagCode::E0303,
         "1:48: error: slot 'value' expects an int, found a number (2.5)"},
        {"rule r when country(role < 3) then halt end", DiagCode::E0309,
         "1:21: error: operator '<' cannot be applied to slot 'role' (list of symbol) (only "
         "numbers and strings are ordered)"},
        {"rule r when country(name: ?n) test ?n + 1 > 2 then halt end", DiagCode::E0303,
         "1:36: error: arithmetic '+' needs numbers, found a string (use concat(...) to join "
         "strings)"},
        {"rule r when country(population: ?p) test ?p + 1 then halt end", DiagCode::E0303,
         "1:42: error: 'test' needs a bool expression, found an int"},
        {"rule r when country(name contains \"x\") then halt end", DiagCode::E0309,
         "1:21: error: 'contains' needs a list slot, but slot 'name' (string) is not a list"},
        {"rule r when country(name in \"x\") then halt end", DiagCode::E0303,
         "1:29: error: 'in' needs a list, found a string"},
        {"rule r when country(member: 1) then halt end", DiagCode::E0303,
         "1:29: error: cannot compare slot 'member' (bool) with an int"},
        {"rule r when country(population: 2.5) then halt end", DiagCode::E0303,
         "1:33: error: slot 'population' is an int and can never equal 2.5"},
        {"rule r when country(mipex: ?m) test ?m > \"a\" then halt end", DiagCode::E0303,
         "1:37: error: cannot compare a number with a string using '>'"},
        {"rule r when country(name: ?n) then recommend B for ?n confidence \"high\" end",
         DiagCode::E0303, "1:66: error: confidence must be a number, found a string"},
        {"rule r when country(population: ?p) then recommend B for ?p end", DiagCode::E0303,
         "1:58: error: the subject of 'recommend' must be a string, found an int"},
        {"rule r when country(mipex: ?m) test not ?m then halt end", DiagCode::E0303,
         "1:41: error: operand of 'not' must be a bool, found a number"},
        {"rule r when country(mipex: ?m) test sqrt(\"a\") > ?m then halt end", DiagCode::E0303,
         "1:42: error: argument of 'sqrt' must be a number, found a string"},
        {"rule r when country(name: ?n) test ?n contains \"a\" then halt end", DiagCode::E0303,
         "1:36: error: 'contains' needs a list on its left, found a string"},
        {"rule r when country() then assert country(name: nil) end", DiagCode::E0303,
         "1:49: error: slot 'name' is required and cannot be nil (declare it with '?')"},
        {"rule r when ?v = sum(?n) over country(name: ?n) test ?v > 1 then halt end",
         DiagCode::E0303, "1:22: error: 'sum' needs a number, found a string"},
    })));
}

TEST_CASE("values outside enumerations and ranges", "[sema]") {
    run_case(GENERATE(values<Case>({
        {"rule r when country(inflow_trend: risng) then halt end", DiagCode::E0304,
         "1:35: error: 'risng' is not one of {falling, stable, rising} of slot 'inflow_trend' "
         "(did you mean 'rising'?)"},
        {"rule r when country(mipex: 120) then halt end", DiagCode::E0304,
         "1:28: error: 120 is outside the range 0..100 of slot 'mipex'"},
        {"rule r when country() then assert score(value: 7) end", DiagCode::E0304,
         "1:48: error: 7 is outside the range 1..5 of slot 'value'"},
        {"template t { x: int in 1..5 = 9 }", DiagCode::E0304,
         "1:31: error: 9 is outside the range 1..5 of slot 'x'"},
        {"rule r when country(role contains nowhere) then halt end", DiagCode::E0304,
         "1:35: error: 'nowhere' is not one of {origin, transit, destination} of slot 'role'"},
        {"rule r when country(inflow_trend in [rising, flat]) then halt end", DiagCode::E0304,
         "1:37: error: 'flat' is not one of {falling, stable, rising} of slot 'inflow_trend'"},
    })));
}

TEST_CASE("variable binding and scoping errors", "[sema]") {
    run_case(GENERATE(values<Case>({
        {"rule r when test ?p > 1 country(population: ?p) then halt end", DiagCode::E0301,
         "1:18: error: variable '?p' is used before it is bound"},
        {"rule r when country(population > ?p, mipex: ?p) then halt end", DiagCode::E0301,
         "1:34: error: variable '?p' is used before it is bound"},
        {"rule r when not programme(country: ?k) test ?k == \"x\" then halt end", DiagCode::E0302,
         "1:45: error: variable '?k' is bound inside 'not' and cannot be used "
         "outside it"},
        {"rule r when ?v = count country(name: ?n) then print \"{?n}\" end", DiagCode::E0302,
         "1:55: error: variable '?n' is bound inside 'aggregate' and cannot be used outside "
         "it"},
        {"rule r when country(name: ?n) then retract ?n end", DiagCode::E0312,
         "1:44: error: cannot retract '?n': it is not bound to a fact (bind one with '?n <- "
         "template(...)')"},
        {"rule r when country(name: ?n) then modify ?n(mipex: 1) end", DiagCode::E0312,
         "1:43: error: cannot modify '?n': it is not bound to a fact (bind one with '?n <- "
         "template(...)')"},
        {"rule r when ?c <- country() ?c <- programme() then retract ?c end", DiagCode::E0308,
         "1:29: error: variable '?c' is already bound"},
        {"rule r when country(name: ?n) then bind ?n = 1 end", DiagCode::E0308,
         "1:41: error: variable '?n' is bound in the conditions; 'bind' needs a new name"},
        {"rule r when country() then retract ?x end", DiagCode::E0313,
         "1:36: error: unknown variable '?x'"},
    })));
}

TEST_CASE("actions, salience, log levels, confidence", "[sema]") {
    run_case(GENERATE(values<Case>({
        {"rule r when country() then assert country(mipex: 3) end", DiagCode::E0307,
         "1:35: error: assert of 'country' is missing required slot 'name'"},
        {"rule r when country() then derive programme() end", DiagCode::E0307,
         "1:35: error: derive of 'programme' is missing required slots 'country', 'kind'"},
        {"rule r salience 2.5 when country() then halt end", DiagCode::E0306,
         "1:17: error: salience must be an integer, found 2.5"},
        {"rule r salience $weak_mipex when country() then halt end", DiagCode::E0306,
         "1:17: error: salience must be an integer literal, e.g. 'salience 10'"},
        {"rule r when country() then log warning \"x\" end", DiagCode::E0311,
         "1:32: error: unknown log level 'warning' (did you mean 'warn'?); expected trace, "
         "debug, info, warn or error"},
        {"rule r when country(name: ?n) then recommend B for ?n confidence 1.5 end",
         DiagCode::E0310, "1:66: error: confidence 1.5 is outside (0, 1]"},
        {"rule r when country(name: ?n) then recommend B for ?n confidence 0 end", DiagCode::E0310,
         "1:66: error: confidence 0 is outside (0, 1]"},
        {"rule r when country() then assert recommended(id: B, subject: \"x\") end",
         DiagCode::E0208,
         "1:35: error: the built-in template 'recommended' cannot be asserted (use "
         "'recommend')"},
        {"rule r when ?r <- recommended() then modify ?r(confidence: 0.5) end", DiagCode::E0208,
         "1:45: error: facts of the built-in template 'recommended' cannot be modified"},
        {"template recommended { x: int }", DiagCode::E0208,
         "1:10: error: 'recommended' is a built-in template and cannot be redeclared"},
        {"rule r when country() then print \"a\\q\" end", DiagCode::E0105,
         "1:36: error: unknown escape '\\q' in string (valid escapes: \\\" \\\\ \\n \\t \\{ \\} "
         "\\u{HEX})"},
        {"rule r when country(population: ?p) test ?p < 99999999999999999999 then halt end",
         DiagCode::E0104,
         "1:47: error: integer literal 99999999999999999999 does not fit in 64 bits (write it "
         "as a number, e.g. 99999999999999999999.0)"},
    })));
}

TEST_CASE("declarations: slot types, defaults, params", "[sema]") {
    run_case(GENERATE(values<Case>({
        {"template t { x: strng }", DiagCode::E0207,
         "1:17: error: unknown slot type 'strng' (did you mean 'string'?); expected string, "
         "number, int, bool or symbol"},
        {"template t { x: int = 1 + 2 }", DiagCode::E0207,
         "1:23: error: the default of slot 'x' must be a literal"},
        {"template t { x: int = \"a\" }", DiagCode::E0207,
         "1:23: error: the default of slot 'x' must be an int, found a string"},
        {"template t { x: int in 5..1 }", DiagCode::E0207,
         "1:24: error: empty range 5..1 of slot 'x': the low bound is above the high bound"},
        {"template t { x: int in 1..2.5 }", DiagCode::E0207,
         "1:24: error: the range of int slot 'x' must have integer bounds"},
        {"template t { x: string in {a, b} }", DiagCode::E0207,
         "1:17: error: only symbol slots can list allowed values; slot 'x' is string"},
        {"param p = 1 + 2", DiagCode::E0209,
         "1:11: error: the value of param 'p' must be a literal (number, string, bool or "
         "symbol)"},
        {"param p = [1, 2]", DiagCode::E0209,
         "1:11: error: the value of param 'p' must be a number, string, bool or symbol "
         "literal"},
    })));
}

TEST_CASE("warnings: unused variables and params", "[sema]") {
    run_case(GENERATE(values<Case>({
        {"rule r when country(name: ?n, iso3: ?i) then print \"{?n}\" end", DiagCode::W0001,
         "1:37: warning: variable '?i' is bound but never used (name it '?_i' if that is "
         "intended)"},
        {"param unused = 1\nrule r when country(mipex < $weak_mipex) then halt end",
         DiagCode::W0002, "1:7: warning: param 'unused' is declared but never used"},
        {"rule r when country() then bind ?x = 1 end", DiagCode::W0001,
         "1:33: warning: variable '?x' is bound with 'bind' but never used (name it '?_x' if "
         "that is intended)"},
    })));
}

// Style §5: an unknown template reports once, not once per use; no slot errors inside it.
TEST_CASE("cascades are suppressed", "[sema]") {
    auto c = check(
        "rule r when ?c <- contry(nme: ?n, mipx < 3) test ?n == \"x\"\nthen print "
        "\"{?c.foo}\" retract ?c end\n");
    INFO(c->rendered());
    CHECK(c->sink.error_count() == 1);
    CHECK(c->count(DiagCode::E0202) == 1);

    auto d = check("rule r when country(name: ?n, mipx: ?m) test ?m > 1 then print \"{?n}\" end\n");
    INFO(d->rendered());
    CHECK(d->sink.error_count() == 1);
    CHECK(d->count(DiagCode::E0203) == 1);
}

// Style §5 / spec §8: every error is reported, not only the first.
TEST_CASE("independent errors are all reported", "[sema]") {
    auto c = check(R"(rule a when contry() then halt end
rule b when country(mipex < "x") then halt end
rule c when country(name: ?n) then recommend Z for ?n end
)");
    INFO(c->rendered());
    CHECK(c->sink.error_count() == 3);
    CHECK(c->count(DiagCode::E0202) == 1);
    CHECK(c->count(DiagCode::E0303) == 1);
    CHECK(c->count(DiagCode::E0205) == 1);
}

TEST_CASE("nil tests absence and is allowed with == and !=", "[sema]") {
    auto c = check(
        "rule r when country(mipex == nil, population != nil, iso3: nil) then halt "
        "end\n");
    INFO(c->rendered());
    CHECK(c->program);
    auto bad = check("rule r when country(mipex < nil) then halt end\n");
    CHECK(bad->count(DiagCode::E0309) == 1);
}

// Spec §2: keywords cannot be template, slot or rule names (the grammar already refuses
// them; sema checks again for ASTs built by other means).
TEST_CASE("keywords as names are E0109", "[sema]") {
    SourceManager sources;
    const FileId id = sources.add("k.rules", "template count { sum: int }");
    dsl::ast::File file;
    dsl::ast::TemplateDecl t;
    t.name.text = "count";
    t.name.begin = 9;
    t.name.end = 14;
    dsl::ast::SlotDecl s;
    s.name.text = "sum";
    s.name.begin = 17;
    s.name.end = 20;
    s.type.element.name = "int";
    t.slots.push_back(s);
    file.declarations.emplace_back(t);
    DiagnosticSink sink;
    const auto program = sema::analyze(sources, {sema::ParsedFile{id, file}}, sink);
    CHECK_FALSE(program);
    REQUIRE(sink.all().size() == 2);
    CHECK(sink.all()[0].code == DiagCode::E0109);
    CHECK(sink.all()[0].message == "'count' is a keyword and cannot be used as a template name");
    // A keyword slot name is accepted with a warning (docs/language.md).
    CHECK(sink.all()[1].code == DiagCode::W0003);
    CHECK(sink.all()[1].message ==
          "slot name 'sum' is a keyword; it is accepted as a slot name, but another name reads "
          "better");
}
