// The expectation checker: for each kind of expectation, the pass case and the exact words of
// the failure, against hand-made run results.
#include "kbtest/check.hpp"

#include "support/catch.hpp"
#include "unit/kbtest/parse_helpers.hpp"

using maslahat::FactResult;
using maslahat::RecommendationResult;
using maslahat::RunResult;
using maslahat::RunStatus;
using maslahat::SlotResult;
using maslahat::SupportResult;
using maslahat::Value;
using maslahat::kbtest::check_expectation;
using maslahat::kbtest::check_run;
using maslahat::kbtest::Expectation;
using maslahat::kbtest::testing::parse;

namespace {

FactResult fact(std::string name, std::vector<std::pair<std::string, Value>> slots) {
    FactResult f;
    f.template_name = std::move(name);
    for (auto& [slot, value] : slots) {
        f.slots.push_back(SlotResult{slot, value, nullptr});
    }
    return f;
}

RunResult sample() {
    RunResult r;
    RecommendationResult b;
    b.id = "B";
    b.subject = "Uzbekistan";
    b.confidence = 0.76;
    b.support = {SupportResult{"b_integration_problems_rising_flows", 0.6, "", {}, 3},
                 SupportResult{"b_poor_conditions_integration", 0.4, "", {}, 5}};
    RecommendationResult a;
    a.id = "A";
    a.subject = "Uzbekistan";
    a.confidence = 0.5;
    RecommendationResult k;
    k.id = "C";
    k.subject = "Kazakhstan";
    k.confidence = 1.0;
    r.recommendations = {b, a, k};
    r.facts = {
        fact("country", {{"name", Value::string("Uzbekistan")}, {"mipex", Value()}}),
        fact("finding", {{"country", Value::string("Uzbekistan")}, {"item", Value::symbol("T4")}}),
        fact("finding", {{"country", Value::string("Uzbekistan")}, {"item", Value::symbol("O3")}}),
        fact("finding", {{"country", Value::string("Russia")}, {"item", Value::symbol("W2")}}),
        fact("evidence", {{"country", Value::string("Uzbekistan")},
                          {"item", Value::symbol("W1")},
                          {"n", Value::integer(2)}}),
        fact("evidence", {{"country", Value::string("Uzbekistan")},
                          {"item", Value::symbol("W1")},
                          {"n", Value::number(3.5)}})};
    r.output = {"gap: no MIPEX score exists for Uzbekistan", "done"};
    r.stats.firings = 42;
    return r;
}

// Parses one [[test.expect]] body and checks it against sample(); "" when it holds.
std::string outcome(const std::string& expect, const std::string& subject = "Uzbekistan") {
    auto p = parse("[[test]]\nname = \"x\"\n[[test.expect]]\n" + expect);
    INFO(p.diagnostics());
    REQUIRE(p.file);
    const auto result = check_expectation(p.file->tests[0].expectations.at(0), sample(), subject);
    return result.value_or("");
}

}  // namespace

TEST_CASE("recommendation present or absent", "[kbtest]") {
    CHECK(outcome("recommend = \"B\"").empty());
    CHECK(outcome("recommend = \"D\"") ==
          "expected recommendation D for Uzbekistan, got none (recommended: B, A)");
    CHECK(outcome("recommend = \"C\"") ==
          "expected recommendation C for Uzbekistan, got none (recommended: B, A)");
    CHECK(outcome("recommend = \"C\"\nsubject = \"Kazakhstan\"").empty());
    CHECK(outcome("recommend = \"B\"\nsubject = \"Kazakhstan\"") ==
          "expected recommendation B for Kazakhstan, got none (recommended: C)");
    CHECK(outcome("recommend = \"D\"", "Atlantis") ==
          "expected recommendation D for Atlantis, got none");
    CHECK(outcome("recommend = \"C\"", "").empty());  // no subject: any subject
    CHECK(outcome("recommend = \"D\"\npresent = false").empty());
    CHECK(outcome("recommend = \"B\"\npresent = false") ==
          "expected no recommendation B for Uzbekistan, got it with confidence 0.76");
}

TEST_CASE("recommendation confidence", "[kbtest]") {
    CHECK(outcome("recommend = \"B\"\nconfidence = 0.76").empty());
    CHECK(outcome("recommend = \"B\"\nconfidence = 0.7600000001").empty());
    CHECK(outcome("recommend = \"B\"\nconfidence = 0.6") ==
          "expected recommendation B for Uzbekistan with confidence 0.6, got 0.76");
    CHECK(outcome("recommend = \"B\"\nmin_confidence = 0.76\nmax_confidence = 0.76").empty());
    CHECK(outcome("recommend = \"B\"\nmin_confidence = 0.8") ==
          "expected recommendation B for Uzbekistan with confidence >= 0.8, got 0.76");
    CHECK(outcome("recommend = \"B\"\nmax_confidence = 0.5") ==
          "expected recommendation B for Uzbekistan with confidence <= 0.5, got 0.76");
    CHECK(outcome("recommend = \"B\"\nmin_confidence = 0.1\nmax_confidence = 0.5") ==
          "expected recommendation B for Uzbekistan with confidence in [0.1, 0.5], got 0.76");
}

TEST_CASE("recommendation supports", "[kbtest]") {
    CHECK(outcome("recommend = \"B\"\nsupported_by = \"b_poor_conditions_integration\"").empty());
    CHECK(outcome("recommend = \"B\"\nsupported_by = [\"b_poor_conditions_integration\", "
                  "\"b_no_mipex\"]") ==
          "expected recommendation B for Uzbekistan to be supported by rule 'b_no_mipex', its "
          "supports are: b_integration_problems_rising_flows, b_poor_conditions_integration");
    CHECK(outcome("recommend = \"B\"\nnot_supported_by = \"b_no_mipex\"").empty());
    CHECK(outcome("recommend = \"B\"\nnot_supported_by = \"b_poor_conditions_integration\"") ==
          "expected recommendation B for Uzbekistan not to be supported by rule "
          "'b_poor_conditions_integration', but it is");
}

TEST_CASE("finding present or absent", "[kbtest]") {
    CHECK(outcome("finding = \"T4\"").empty());
    CHECK(outcome("finding = \"W2\"") ==
          "expected finding W2 for Uzbekistan, got none (findings: O3, T4)");
    CHECK(outcome("finding = \"W2\"\nsubject = \"Russia\"").empty());
    CHECK(outcome("finding = \"S1\"\nsubject = \"Atlantis\"") ==
          "expected finding S1 for Atlantis, got none");
    CHECK(outcome("finding = \"W2\"\npresent = false").empty());
    CHECK(outcome("finding = \"T4\"\npresent = false") ==
          "expected no finding T4 for Uzbekistan, got it");
}

TEST_CASE("generic fact present, absent, counted", "[kbtest]") {
    CHECK(outcome("fact = \"country\"").empty());
    CHECK(outcome("fact = \"country\"\nslots = { name = \"Uzbekistan\" }").empty());
    CHECK(outcome("fact = \"evidence\"\nslots = { item = \"W1\", n = 2.0 }").empty());
    CHECK(outcome("fact = \"evidence\"\nslots = { item = \"W1\", n = 3 }") ==
          "expected a fact evidence(item: \"W1\", n: 3), got none");
    CHECK(outcome("fact = \"evidence\"\nslots = { nope = 1 }") ==
          "expected a fact evidence(nope: 1), got none");
    CHECK(outcome("fact = \"signal\"") == "expected a fact signal(), got none");
    CHECK(outcome("fact = \"signal\"\npresent = false").empty());
    CHECK(outcome("fact = \"finding\"\nslots = { item = \"T4\" }\npresent = false") ==
          "expected no fact finding(item: \"T4\"), got 1");
    CHECK(outcome("fact = \"evidence\"\nslots = { item = \"W1\" }\ncount = 2").empty());
    CHECK(outcome("fact = \"evidence\"\nslots = { item = \"W1\" }\ncount = 1") ==
          "expected 1 fact evidence(item: \"W1\"), got 2");
    CHECK(outcome("fact = \"finding\"\ncount = 0") == "expected 0 facts finding(), got 3");
}

TEST_CASE("output lines", "[kbtest]") {
    CHECK(outcome("output = \"no MIPEX score\"").empty());
    CHECK(outcome("output = \"gap_remittances\"") ==
          "expected an output line containing 'gap_remittances', got none");
    CHECK(outcome("output = \"gap_remittances\"\npresent = false").empty());
    CHECK(outcome("output = \"MIPEX\"\npresent = false") ==
          "expected no output line containing 'MIPEX', got 'gap: no MIPEX score exists for "
          "Uzbekistan'");
}

TEST_CASE("firing bound", "[kbtest]") {
    CHECK(outcome("max_firings = 42").empty());
    CHECK(outcome("max_firings = 41") == "expected at most 41 firings, got 42");
}

TEST_CASE("a run that stopped with an error fails the test", "[kbtest]") {
    RunResult r = sample();
    CHECK_FALSE(check_run(r));
    r.status = RunStatus::Halted;
    CHECK_FALSE(check_run(r));
    r.status = RunStatus::LimitReached;
    CHECK(check_run(r) == "the run reached the firing limit after 42 firings");
    r.status = RunStatus::Error;
    CHECK(check_run(r) == "the run stopped with an error");
    r.errors.push_back(maslahat::Diagnostic{maslahat::Severity::Error,
                                            maslahat::DiagCode::E0901,
                                            std::nullopt,
                                            "division by zero in rule 'r'",
                                            {}});
    CHECK(check_run(r) == "the run stopped with an error: division by zero in rule 'r'");
}
