// Reading well-formed rule-test files: every key of docs/testing-rules.md lands in the model.
#include "support/catch.hpp"
#include "unit/kbtest/parse_helpers.hpp"

using maslahat::Value;
using maslahat::kbtest::Expectation;
using maslahat::kbtest::Override;
using maslahat::kbtest::testing::parse;

TEST_CASE("a test with every scenario key", "[kbtest]") {
    const auto p = parse(R"(# scenario
[[test]]
name = "weak_mipex_flips_b"
description = "ignored text"
facts = ["facts/uzbekistan.toml", "facts/russia.toml"]
facts_inline = '''
[[programme]]
country = "Uzbekistan"
'''
params = { weak_mipex = 60, subject = "Kazakhstan", peer_min_confidence = 0.5, flag = true }
strategy = "breadth"

[[test.expect]]
recommend = "B"
)");
    INFO(p.diagnostics());
    REQUIRE(p.file);
    REQUIRE(p.file->tests.size() == 1);
    const auto& t = p.file->tests[0];
    CHECK(p.file->path == "t.toml");
    CHECK(t.name == "weak_mipex_flips_b");
    CHECK(t.line == 2);
    CHECK(t.facts == std::vector<std::string>{"facts/uzbekistan.toml", "facts/russia.toml"});
    CHECK(t.facts_inline == "[[programme]]\ncountry = \"Uzbekistan\"\n");
    CHECK(t.facts_inline_line == 6);
    REQUIRE(t.params.size() == 4);
    CHECK(t.params[0] == std::pair<std::string, std::string>{"weak_mipex", "60"});
    CHECK(t.params[1] == std::pair<std::string, std::string>{"subject", "Kazakhstan"});
    CHECK(t.params[2] == std::pair<std::string, std::string>{"peer_min_confidence", "0.5"});
    CHECK(t.params[3] == std::pair<std::string, std::string>{"flag", "true"});
    CHECK(t.subject == "Kazakhstan");  // from the subject parameter
    CHECK(t.strategy == "breadth");
    REQUIRE(t.expectations.size() == 1);
    CHECK(t.expectations[0].line == 13);
}

TEST_CASE("a single fact file may be a plain string", "[kbtest]") {
    const auto p = parse(
        "[[test]]\nname = \"x\"\nfacts = \"facts/\"\n[[test.expect]]\n"
        "max_firings = 10\n");
    REQUIRE(p.file);
    CHECK(p.file->tests[0].facts == std::vector<std::string>{"facts/"});
}

TEST_CASE("defaults apply to every test and the test's own keys win", "[kbtest]") {
    const auto p = parse(R"([defaults]
facts = ["facts/uzbekistan.toml"]
params = { weak_mipex = 49, sharp_change_pct = 25 }
subject = "Uzbekistan"
strategy = "lex"

[[test]]
name = "plain"
[[test.expect]]
max_firings = 1

[[test]]
name = "own"
facts = ["facts/russia.toml"]
params = { weak_mipex = 60 }
subject = "Russia"
strategy = "mea"
[[test.expect]]
max_firings = 1
)");
    INFO(p.diagnostics());
    REQUIRE(p.file);
    REQUIRE(p.file->tests.size() == 2);
    const auto& plain = p.file->tests[0];
    CHECK(plain.facts == std::vector<std::string>{"facts/uzbekistan.toml"});
    CHECK(plain.params.size() == 2);
    CHECK(plain.subject == "Uzbekistan");
    CHECK(plain.strategy == "lex");
    const auto& own = p.file->tests[1];
    CHECK(own.line == 12);
    CHECK(own.facts == std::vector<std::string>{"facts/russia.toml"});
    REQUIRE(own.params.size() == 2);
    CHECK(own.params[0] == std::pair<std::string, std::string>{"weak_mipex", "60"});
    CHECK(own.params[1] == std::pair<std::string, std::string>{"sharp_change_pct", "25"});
    CHECK(own.subject == "Russia");
    CHECK(own.strategy == "mea");
}

TEST_CASE("the three kinds of override", "[kbtest]") {
    const auto p = parse(R"([[test]]
name = "edits"

[[test.override]]
template = "country"
match = { name = "Uzbekistan" }
set = { mipex = 30, mean_age = 31.5 }

[[test.override]]
template = "country"
match = { name = "Uzbekistan" }
unset = ["median_age", "mean_age"]

[[test.override]]
template = "agreement"
match = { partner = "Russia", kind = "organised_recruitment" }
remove = true

[[test.override]]
template = "risk"
unset = "place"

[[test.expect]]
max_firings = 5
)");
    INFO(p.diagnostics());
    REQUIRE(p.file);
    const auto& o = p.file->tests[0].overrides;
    REQUIRE(o.size() == 4);
    CHECK(o[0].line == 4);
    CHECK(o[0].template_name == "country");
    CHECK(o[0].action == Override::Action::Set);
    REQUIRE(o[0].match.size() == 1);
    CHECK(o[0].match[0].key == "name");
    CHECK(o[0].match[0].value.text == "Uzbekistan");
    REQUIRE(o[0].set.size() == 2);
    CHECK(o[0].set[0].key == "mipex");
    CHECK(o[0].set[0].value.integer == 30);
    CHECK(o[0].set[1].value.floating == 31.5);
    CHECK(o[1].action == Override::Action::Unset);
    CHECK(o[1].unset == std::vector<std::string>{"median_age", "mean_age"});
    CHECK(o[2].action == Override::Action::Remove);
    CHECK(o[2].match.size() == 2);
    CHECK(o[3].match.empty());
    CHECK(o[3].unset == std::vector<std::string>{"place"});
}

TEST_CASE("every kind of expectation", "[kbtest]") {
    const auto p = parse(R"([[test]]
name = "expectations"
subject = "Uzbekistan"

[[test.expect]]
recommend = "B"
subject = "Kazakhstan"
min_confidence = 0.5
max_confidence = 1
supported_by = ["b_rule_one", "b_rule_two"]
not_supported_by = "b_rule_three"

[[test.expect]]
recommend = "C"
present = false

[[test.expect]]
recommend = "D"
confidence = 0.76

[[test.expect]]
finding = "T4"

[[test.expect]]
finding = "W2"
present = false

[[test.expect]]
fact = "signal"
slots = { country = "Uzbekistan", kind = "large_emigration", n = 2, x = 1.5, ok = true }

[[test.expect]]
fact = "evidence"
slots = { item = "W1" }
count = 2

[[test.expect]]
output = "no MIPEX score"
present = false

[[test.expect]]
max_firings = 500
)");
    INFO(p.diagnostics());
    REQUIRE(p.file);
    const auto& e = p.file->tests[0].expectations;
    REQUIRE(e.size() == 9);
    CHECK(e[0].kind == Expectation::Kind::Recommendation);
    CHECK(e[0].line == 5);
    CHECK(e[0].name == "B");
    CHECK(e[0].subject == "Kazakhstan");
    CHECK(e[0].present);
    CHECK(e[0].min_confidence == 0.5);
    CHECK(e[0].max_confidence == 1.0);
    CHECK_FALSE(e[0].confidence);
    CHECK(e[0].supported_by == std::vector<std::string>{"b_rule_one", "b_rule_two"});
    CHECK(e[0].not_supported_by == std::vector<std::string>{"b_rule_three"});
    CHECK_FALSE(e[1].present);
    CHECK(e[1].subject.empty());
    CHECK(e[2].confidence == 0.76);
    CHECK(e[3].kind == Expectation::Kind::Finding);
    CHECK(e[3].name == "T4");
    CHECK(e[4].kind == Expectation::Kind::Finding);
    CHECK_FALSE(e[4].present);
    CHECK(e[5].kind == Expectation::Kind::Fact);
    CHECK(e[5].name == "signal");
    REQUIRE(e[5].slots.size() == 5);
    CHECK(e[5].slots[0].first == "country");
    CHECK(e[5].slots[0].second == Value::symbol("Uzbekistan"));
    CHECK(e[5].slots[2].second == Value::integer(2));
    CHECK(e[5].slots[3].second == Value::number(1.5));
    CHECK(e[5].slots[4].second == Value::boolean(true));
    CHECK_FALSE(e[5].count);
    CHECK(e[6].count == 2u);
    CHECK(e[7].kind == Expectation::Kind::Output);
    CHECK(e[7].name == "no MIPEX score");
    CHECK_FALSE(e[7].present);
    CHECK(e[8].kind == Expectation::Kind::MaxFirings);
    CHECK(e[8].max_firings == 500u);
}

TEST_CASE("several tests keep their order and lines", "[kbtest]") {
    const auto p = parse(
        "[[test]]\nname = \"a\"\n[[test.expect]]\nmax_firings = 1\n\n"
        "[[test]]\nname = \"b\"\n[[test.expect]]\nmax_firings = 2\n");
    REQUIRE(p.file);
    REQUIRE(p.file->tests.size() == 2);
    CHECK(p.file->tests[0].name == "a");
    CHECK(p.file->tests[1].name == "b");
    CHECK(p.file->tests[1].line == 6);
    CHECK(p.file->tests[1].expectations[0].line == 8);
}
