// Bad rule-test files: every mistake is reported compiler-style (spec §8) with line:column,
// and a file with any mistake yields no tests.
#include "support/catch.hpp"
#include "unit/kbtest/parse_helpers.hpp"

using maslahat::kbtest::testing::parse;

namespace {

// The file must be rejected, and its rendered diagnostics must contain `expected`.
void fails_with(const std::string& text, const std::string& expected) {
    const auto p = parse(text);
    const std::string rendered = p.diagnostics();
    INFO(text);
    INFO(rendered);
    CHECK_FALSE(p.file);
    CHECK(rendered.find(expected) != std::string::npos);
}

const std::string head = "[[test]]\nname = \"x\"\n";
const std::string tail = "[[test.expect]]\nmax_firings = 1\n";

}  // namespace

TEST_CASE("TOML syntax errors are E0401 with a position", "[kbtest]") {
    fails_with("[[test]]\nname = \"x\n", "t.toml:2:");
    fails_with("[[test]]\nname = \"x\n", "error: TOML syntax error");
    fails_with("[[test]\n", "t.toml:1:");
}

TEST_CASE("unknown keys, with a suggestion", "[kbtest]") {
    fails_with(head + "factz = [\"facts/\"]\n" + tail,
               "t.toml:3:1: error: unknown key 'factz' in a [[test]] table (did you mean "
               "'facts'?)\nfactz = [\"facts/\"]\n^~~~~");
    fails_with("tests = 1\n" + head + tail,
               "t.toml:1:1: error: unknown key 'tests' in a rule "
               "test file (did you mean 'test'?)");
    fails_with("[defaults]\nsubjects = \"U\"\n" + head + tail,
               "t.toml:2:1: error: unknown key 'subjects' in [defaults]");
    fails_with(head + "[[test.expect]]\nrecomend = \"B\"\n",
               "t.toml:4:1: error: unknown key 'recomend' in a [[test.expect]] table (did you "
               "mean 'recommend'?)");
    fails_with(head + "[[test.override]]\ntemplate = \"c\"\nremove = true\nwhere = {}\n" + tail,
               "t.toml:6:1: error: unknown key 'where' in a [[test.override]] table");
}

TEST_CASE("wrong types", "[kbtest]") {
    fails_with("[[test]]\nname = 3\n" + tail,
               "t.toml:2:8: error: 'name' must be a string, not an integer");
    fails_with(head + "facts = 3\n" + tail,
               "t.toml:3:9: error: 'facts' must be a string or an array of strings");
    fails_with(head + "facts = [\"a\", 2]\n" + tail,
               "t.toml:3:15: error: 'facts' must hold strings, not an integer");
    fails_with(head + "params = { weak = [1] }\n" + tail,
               "error: parameter 'weak' must be a string, number or boolean, not an array");
    fails_with(head + "params = 3\n" + tail, "'params' must be a table, not an integer");
    fails_with(head + "strategy = \"dept\"\n" + tail,
               "t.toml:3:12: error: unknown strategy 'dept' (use depth, breadth, lex or mea) "
               "(did you mean 'depth'?)");
    fails_with("test = 3\n", "'test' must be an array of tables, written [[...test]]");
    fails_with(head + "[[test.expect]]\nrecommend = \"B\"\nmin_confidence = 1.5\n",
               "t.toml:5:18: error: 'min_confidence' must be between 0 and 1, not 1.5");
    fails_with(head + "[[test.expect]]\nrecommend = \"B\"\nconfidence = \"high\"\n",
               "'confidence' must be a number, not a string");
    fails_with(head + "[[test.expect]]\nfact = \"f\"\ncount = -1\n",
               "t.toml:5:9: error: 'count' must not be negative");
    fails_with(head + "[[test.expect]]\nmax_firings = 1.5\n",
               "'max_firings' must be an integer, not a float");
    fails_with(head + "[[test.expect]]\nfinding = \"T4\"\npresent = \"yes\"\n",
               "'present' must be a boolean, not a string");
    fails_with(head + "[[test.expect]]\nrecommend = \"\"\n", "'recommend' must not be empty");
    fails_with(head +
                   "[[test.expect]]\nrecommend = \"B\"\nmin_confidence = 0.8\n"
                   "max_confidence = 0.5\n",
               "'max_confidence' is below 'min_confidence'");
    fails_with(head + "[[test.override]]\ntemplate = \"c\"\nremove = false\n" + tail,
               "'remove' can only be true");
}

TEST_CASE("missing and conflicting keys", "[kbtest]") {
    fails_with("", "t.toml:1:1: error: a rule test file needs at least one [[test]] table");
    fails_with("[[test]]\n" + tail, "t.toml:1:1: error: a [[test]] table needs a 'name'");
    fails_with(head, "t.toml:1:1: error: test 'x' has no [[test.expect]] table");
    fails_with(head + "[[test.expect]]\nsubject = \"U\"\n",
               "t.toml:3:1: error: a [[test.expect]] table needs one of 'recommend', 'finding', "
               "'fact', 'output', 'max_firings'");
    fails_with(head + "[[test.expect]]\nrecommend = \"B\"\nfinding = \"T4\"\n",
               "t.toml:5:1: error: a [[test.expect]] table checks one thing: 'recommend' and "
               "'finding' cannot be combined");
    fails_with(head + "[[test.expect]]\nfinding = \"T4\"\nmin_confidence = 0.5\n",
               "t.toml:5:1: error: 'min_confidence' does not apply to a 'finding' expectation");
    fails_with(head + "[[test.expect]]\nrecommend = \"B\"\nslots = {}\n",
               "'slots' does not apply to a 'recommend' expectation");
    fails_with(head + "[[test.expect]]\nmax_firings = 3\npresent = true\n",
               "'present' does not apply to a 'max_firings' expectation");
    fails_with(head + "[[test.expect]]\noutput = \"x\"\nsubject = \"U\"\n",
               "'subject' does not apply to a 'output' expectation");
    fails_with(head + "[[test.expect]]\nrecommend = \"B\"\npresent = false\nconfidence = 0.5\n",
               "t.toml:6:1: error: 'confidence' cannot be checked when present = false");
    fails_with(head + "[[test.expect]]\nfact = \"f\"\ncount = 1\npresent = true\n",
               "'present' and 'count' cannot be combined (count = 0 means absent)");
    fails_with(head + "[[test.override]]\nremove = true\n" + tail,
               "t.toml:3:1: error: a [[test.override]] table needs a 'template'");
    fails_with(head + "[[test.override]]\ntemplate = \"c\"\n" + tail,
               "a [[test.override]] table needs one of 'set', 'unset', 'remove'");
    fails_with(head + "[[test.override]]\ntemplate = \"c\"\nremove = true\nunset = \"x\"\n" + tail,
               "a [[test.override]] table takes only one of 'set', 'unset', 'remove'");
}

TEST_CASE("all mistakes of a file are reported, in order", "[kbtest]") {
    const auto p = parse("[[test]]\nname = 1\nfatcs = 2\n[[test.expect]]\nrecommend = 3\n");
    CHECK_FALSE(p.file);
    CHECK(p.sink.error_count() == 3);
    const std::string rendered = p.diagnostics();
    const auto a = rendered.find("t.toml:2:8:");
    const auto b = rendered.find("t.toml:3:1:");
    const auto c = rendered.find("t.toml:5:13:");
    INFO(rendered);
    REQUIRE(a != std::string::npos);
    REQUIRE(b != std::string::npos);
    REQUIRE(c != std::string::npos);
    CHECK(a < b);
    CHECK(b < c);
}

TEST_CASE("columns count code points", "[kbtest]") {
    fails_with("[[test]]\nname = \"o‘zbek\"\nstrategy = \"o‘\"\n" + tail,
               "t.toml:3:12: error: unknown strategy 'o‘'");
    fails_with("[[test]]\nname = \"x\" ; facts = { a = \"o‘\", b = 1 }\n", "t.toml:2:");
    fails_with("[[test]]\nparams = { a = \"o‘\", b = [1] }\nname = \"x\"\n" + tail,
               "t.toml:2:26: error: parameter 'b'");
}
