#include "explain/describe.hpp"

#include "support/catch.hpp"

using namespace maslahat;
using namespace maslahat::explain;

TEST_CASE("number_text prints the shortest form", "[explain]") {
    CHECK(number_text(0.94) == "0.94");
    CHECK(number_text(1.0) == "1");
    CHECK(number_text(0.88480001) == "0.8848");
    CHECK(number_text(0.0) == "0");
}

TEST_CASE("figure_text adds year and source when known", "[explain]") {
    CHECK(figure_text("14", Provenance{2024, "World Bank"}) == "14 (2024, World Bank)");
    CHECK(figure_text("14", Provenance{std::nullopt, "World Bank"}) == "14 (World Bank)");
    CHECK(figure_text("14", std::nullopt) == "14");
}

TEST_CASE("combine is MYCIN's 1-(1-a)(1-b)", "[explain]") {
    CHECK(combine(0.5, 0.4) == Approx(0.7));
    CHECK(combine(combine(0.5, 0.4), 0.5) == Approx(0.85));
    CHECK(combine(0.0, 0.3) == Approx(0.3));
}

TEST_CASE("origin_text names a file line or a firing", "[explain]") {
    FactOrigin file;
    file.kind = FactOrigin::Kind::File;
    file.file = "facts/x.toml";
    file.line = 4;
    CHECK(origin_text(file) == "facts/x.toml:4");
    FactOrigin rule;
    rule.kind = FactOrigin::Kind::Rule;
    rule.rule = "o3";
    rule.firing = 7;
    CHECK(origin_text(rule) == "rule o3 (firing 7)");
}
