// compare (issue 6): the side-by-side model built from runs, and its four renderers.
#include "fixture.hpp"
#include "output/comparison.hpp"
#include "support/catch.hpp"

#include <nlohmann/json.hpp>

using namespace maslahat;

namespace {

output::Comparison alpha_beta(const explain::test::Fixture& f) {
    output::Comparison c = output::make_comparison(f.engine.summary().recommendations);
    output::add_column(c, output::CompareColumn{"Alpha", "Alpha", "alpha.toml"}, f.result);
    output::add_column(c, output::CompareColumn{"Beta", "Beta", ""}, f.result);
    return c;
}

}  // namespace

TEST_CASE("compare: SWOT quadrant from the item's first letter", "[explain]") {
    CHECK(output::quadrant_of("S1") == "Strengths");
    CHECK(output::quadrant_of("W4") == "Weaknesses");
    CHECK(output::quadrant_of("O3") == "Opportunities");
    CHECK(output::quadrant_of("T2") == "Threats");
    CHECK(output::quadrant_of("X9") == "Other");
    CHECK(output::quadrant_of("") == "Other");
}

TEST_CASE("compare: one row per declared recommendation, a cell per subject", "[explain]") {
    explain::test::Fixture f;
    const output::Comparison c = alpha_beta(f);
    REQUIRE(c.columns.size() == 2);
    REQUIRE(c.recommendations.size() == 2);
    CHECK(c.recommendations[0].id == "A");
    REQUIRE(c.recommendations[0].confidence.size() == 2);
    REQUIRE(c.recommendations[0].confidence[0]);
    CHECK(*c.recommendations[0].confidence[0] == Approx(0.8));  // 1 - (1 - 0.6)(1 - 0.5)
    CHECK_FALSE(c.recommendations[0].confidence[1]);            // Beta: 14 % is not > 15
    CHECK_FALSE(c.recommendations[1].confidence[0]);
    CHECK_FALSE(c.recommendations[1].confidence[1]);
}

TEST_CASE("compare: findings per subject; a row first seen later is absent before", "[explain]") {
    // Beta gets T4 (weak MIPEX) only when the threshold is raised above its 60.
    explain::test::Fixture f("weak_mipex=65");
    output::Comparison c = output::make_comparison(f.engine.summary().recommendations);
    output::add_column(c, output::CompareColumn{"Alpha", "Alpha", ""}, f.result);
    output::add_column(c, output::CompareColumn{"Beta", "Beta", ""}, f.result);
    REQUIRE(c.findings.size() == 2);
    CHECK(c.findings[0].item == "O3");
    CHECK(c.findings[0].quadrant == "Opportunities");
    CHECK(c.findings[1].item == "T4");
    CHECK(c.findings[1].quadrant == "Threats");
    REQUIRE(c.findings[1].evidence.size() == 2);
    CHECK_FALSE(c.findings[1].evidence[0]);  // Alpha has no MIPEX score
    CHECK(c.findings[1].evidence[1]);
    REQUIRE(c.findings[0].evidence.size() == 2);
    CHECK(c.findings[0].evidence[0]);
    CHECK_FALSE(c.findings[0].evidence[1]);
    REQUIRE(c.recommendations[1].confidence[1]);
    CHECK(*c.recommendations[1].confidence[1] == Approx(0.7));
}

TEST_CASE("compare: a subject heading two columns is told apart by its file", "[explain]") {
    explain::test::Fixture f;
    output::Comparison c = output::make_comparison(f.engine.summary().recommendations);
    output::add_column(c, output::CompareColumn{"Alpha", "Alpha", "a.toml"}, f.result);
    output::add_column(c, output::CompareColumn{"Alpha", "Alpha", ""}, f.result);
    output::add_column(c, output::CompareColumn{"Beta", "Beta", "b.toml"}, f.result);
    output::disambiguate_labels(c);
    CHECK(c.columns[0].label == "Alpha (a.toml)");
    CHECK(c.columns[1].label == "Alpha (--subject)");
    CHECK(c.columns[2].label == "Beta");
}

TEST_CASE("compare: text, JSON, Markdown and HTML show the same cells", "[explain]") {
    explain::test::Fixture f;
    const output::Comparison c = alpha_beta(f);
    const std::string text = output::render_compare_text(c);
    CHECK(text.rfind("Comparison of Alpha, Beta\n", 0) == 0);
    CHECK(text.find("  A   0.8    -\n") != std::string::npos);
    CHECK(text.find("  O3  yes    -\n") != std::string::npos);
    CHECK(text.find("Strengths: none derived\n") != std::string::npos);
    CHECK(text.find("Alpha: facts from alpha.toml\n") != std::string::npos);

    const auto j = nlohmann::json::parse(output::render_compare_json(c));
    CHECK(j["subjects"][1]["facts"].is_null());
    CHECK(j["recommendations"][0]["confidence"]["Alpha"].get<double>() == Approx(0.8));
    CHECK(j["recommendations"][0]["confidence"]["Beta"].is_null());
    CHECK(j["findings"][0]["item"] == "O3");
    CHECK(j["findings"][0]["evidence"]["Beta"].is_null());

    const std::string md = output::render_compare_markdown(c);
    CHECK(md.find("| Recommendation | Alpha | Beta |") != std::string::npos);
    CHECK(md.find("| **A** Cooperate | 0.8 | - |") != std::string::npos);
    CHECK(md.find("| O3 | yes | - |") != std::string::npos);

    const std::string html = output::render_compare_html(c);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(explain::test::occurrences(html, "<tr class=\"quadrant ") == 4);
    CHECK(html.find("style=\"width: 80%\"") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(explain::test::occurrences(html, "<tr") == explain::test::occurrences(html, "</tr>"));
    CHECK(explain::test::occurrences(html, "<div") == explain::test::occurrences(html, "</div>"));
}

TEST_CASE("compare: Markdown cells escape '|', HTML escapes markup", "[explain]") {
    explain::test::Fixture f;
    output::Comparison c = output::make_comparison({{"A", "a | b <i>"}});
    output::add_column(c, output::CompareColumn{"<b>", "Alpha", ""}, f.result);
    const std::string md = output::render_compare_markdown(c);
    CHECK(md.find("| **A** a \\| b <i> |") != std::string::npos);
    const std::string html = output::render_compare_html(c);
    CHECK(html.find("<b>") == std::string::npos);
    CHECK(html.find("&lt;b&gt;") != std::string::npos);
    CHECK(html.find("a | b &lt;i&gt;") != std::string::npos);
}
