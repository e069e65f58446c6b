#include "explain/why_not.hpp"

#include "explain/render.hpp"
#include "fixture.hpp"
#include "support/catch.hpp"

#include <nlohmann/json.hpp>

using namespace maslahat;
using namespace maslahat::explain;

namespace {

const RuleFailure& rule_named(const WhyNotExplanation& w, const std::string& name) {
    for (const auto& r : w.rules) {
        if (r.rule == name) {
            return r;
        }
    }
    FAIL("no rule " << name);
    return w.rules.front();
}

}  // namespace

TEST_CASE("why-not: a threshold below the figure, through the deriving rule", "[explain]") {
    test::Fixture f;
    std::string error;
    const auto w = build_why_not(f.view(), f.engine.sources(), "A", "Beta", error);
    REQUIRE(w);
    CHECK_FALSE(w->recommended);
    CHECK(w->rules.size() == 2);
    const RuleFailure& a1 = rule_named(*w, "a1");
    CHECK(a1.condition == 1);
    CHECK(a1.reason.find("no `finding` fact with country = Beta, item = O3") != std::string::npos);
    REQUIRE(a1.causes.size() == 1);
    CHECK(a1.causes[0].rule == "o3");
    CHECK(a1.causes[0].reason.find("`remittances_gdp_pct` = 14 (2024, World Bank)") !=
          std::string::npos);
    CHECK(a1.causes[0].reason.find("is not > $high_remittances = 20") != std::string::npos);
    REQUIRE_FALSE(a1.causes[0].to_change.empty());
    CHECK(a1.causes[0].to_change[0].find("--param high_remittances") != std::string::npos);
}

TEST_CASE("why-not: a failing test shows both sides and the variables", "[explain]") {
    test::Fixture f;
    std::string error;
    const auto w = build_why_not(f.view(), f.engine.sources(), "A", "Beta", error);
    REQUIRE(w);
    const RuleFailure& a2 = rule_named(*w, "a2");
    CHECK(a2.condition == 2);
    CHECK(a2.reason.find("is not > 15") != std::string::npos);
    CHECK(a2.reason.find("?r = 14 (2024, World Bank)") != std::string::npos);
}

TEST_CASE("why-not: an absent figure is named", "[explain]") {
    test::Fixture f;
    std::string error;
    const auto w = build_why_not(f.view(), f.engine.sources(), "B", "Alpha", error);
    REQUIRE(w);
    const RuleFailure& b1 = rule_named(*w, "b1");
    REQUIRE(b1.causes.size() == 1);
    CHECK(b1.causes[0].reason.find("`mipex` is absent") != std::string::npos);
}

TEST_CASE("why-not: a param override changes the answer", "[explain]") {
    test::Fixture f("high_remittances=10");
    std::string error;
    const auto w = build_why_not(f.view(), f.engine.sources(), "A", "Beta", error);
    REQUIRE(w);
    CHECK(w->recommended);
    CHECK(rule_named(*w, "a1").matched);
}

TEST_CASE("why-not: JSON is valid; unknown id is an error", "[explain]") {
    test::Fixture f;
    std::string error;
    const auto w = build_why_not(f.view(), f.engine.sources(), "B", "Alpha", error);
    REQUIRE(w);
    const auto j = nlohmann::json::parse(render_why_not_json(*w));
    CHECK(j["rules"][0]["not_derived_because"].is_array());
    CHECK_FALSE(build_why_not(f.view(), f.engine.sources(), "C", "Alpha", error));
    CHECK(error.find("unknown recommendation 'C'") != std::string::npos);
}
