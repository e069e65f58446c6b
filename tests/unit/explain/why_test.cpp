#include "explain/why.hpp"

#include "explain/render.hpp"
#include "fixture.hpp"
#include "support/catch.hpp"

#include <nlohmann/json.hpp>

using namespace maslahat;
using namespace maslahat::explain;

TEST_CASE("why: supports combine as MYCIN and reach the fact file", "[explain]") {
    test::Fixture f;
    REQUIRE(f.result.errors.empty());
    std::string error;
    const auto why = build_why(f.view(), "A", "Alpha", error);
    REQUIRE(why);
    CHECK(error.empty());
    REQUIRE(why->supports.size() == 2);
    CHECK(why->confidence == Approx(0.8));
    REQUIRE(why->combined.size() == 2);
    CHECK(why->combined.back() == Approx(0.8));
    // Support a1 matched a derived finding; its premise is the country from the fact file.
    const SupportNode& a1 = why->supports[0].rule == "a1" ? why->supports[0] : why->supports[1];
    REQUIRE(a1.facts.size() == 1);
    const FactNode& finding = a1.facts[0];
    CHECK(finding.origin.kind == FactOrigin::Kind::Rule);
    CHECK(finding.origin.rule == "o3");
    REQUIRE(finding.premises.size() == 1);
    const FactNode& country = finding.premises[0];
    CHECK(country.origin.kind == FactOrigin::Kind::File);
    CHECK(country.origin.file == "facts.toml");
    bool cited = false;
    for (const auto& slot : country.slots) {
        if (slot.name == "remittances_gdp_pct") {
            REQUIRE(slot.provenance);
            CHECK(slot.provenance->year == 2023);
            CHECK(slot.provenance->source == "World Bank");
            cited = true;
        }
    }
    CHECK(cited);
    const std::string text = render_why_text(*why);
    CHECK(text.find("facts.toml:") != std::string::npos);
    CHECK(text.find("24.5 (2023, World Bank)") != std::string::npos);
}

TEST_CASE("why: JSON is valid and keeps numbers as numbers", "[explain]") {
    test::Fixture f;
    std::string error;
    const auto why = build_why(f.view(), "A", "Alpha", error);
    REQUIRE(why);
    const auto j = nlohmann::json::parse(render_why_json(*why));
    CHECK(j["id"] == "A");
    CHECK(j["support"].size() == 2);
    const auto& premise = j["support"][0]["facts"][0]["premises"][0];
    CHECK(premise["slots"]["remittances_gdp_pct"]["value"].is_number());
}

TEST_CASE("why: unknown id or subject is an error with a suggestion", "[explain]") {
    test::Fixture f;
    std::string error;
    CHECK_FALSE(build_why(f.view(), "a", "Alpha", error));
    CHECK(error.find("did you mean 'A'") != std::string::npos);
    error.clear();
    CHECK_FALSE(build_why(f.view(), "A", "Alpa", error));
    CHECK(error.find("did you mean 'Alpha'") != std::string::npos);
    error.clear();
    CHECK_FALSE(build_why(f.view(), "B", "Alpha", error));
    CHECK(error.find("--why-not B") != std::string::npos);
}

TEST_CASE("why: the only subject is taken when none is given", "[explain]") {
    test::Fixture f;
    std::string error;
    const auto why = build_why(f.view(), "A", "", error);
    REQUIRE(why);
    CHECK(why->subject == "Alpha");
}
