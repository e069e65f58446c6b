#include "fixture.hpp"
#include "output/reports.hpp"
#include "support/catch.hpp"

#include <cstdlib>

using namespace maslahat;

TEST_CASE("markdown report: tables of recommendations, supports and SWOT", "[explain]") {
    explain::test::Fixture f;
    const std::string md = output::render_markdown_report(f.result, output::ReportContext{"Alpha"});
    CHECK(md.find("# Recommendations for Alpha") != std::string::npos);
    CHECK(md.find("| 1 | A | Cooperate | 0.8 |") != std::string::npos);
    CHECK(md.find("| `a1` | 0.6 | O3 in Alpha |") != std::string::npos);
    CHECK(md.find("| Opportunities | O3 |") != std::string::npos);
    CHECK(md.find("| Strengths | - | (none derived) |") != std::string::npos);
    CHECK(md.find("- World Bank (2023)") != std::string::npos);
    CHECK(md.find("Beta") == std::string::npos);  // another subject's findings stay out
}

TEST_CASE("html report: self-contained, four quadrants, bars, dated", "[explain]") {
    explain::test::Fixture f;
    ::setenv("SOURCE_DATE_EPOCH", "1790000000", 1);
    const std::string html = output::render_html_report(f.result, output::ReportContext{"Alpha"});
    ::unsetenv("SOURCE_DATE_EPOCH");
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("2026-09-21") != std::string::npos);
    CHECK(explain::test::occurrences(html, "class=\"quadrant ") == 4);
    for (const char* q : {"Strengths", "Weaknesses", "Opportunities", "Threats"}) {
        CHECK(html.find(std::string("<h3>") + q + "</h3>") != std::string::npos);
    }
    CHECK(html.find("style=\"width: 80%\"") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http://") == std::string::npos);
    CHECK(html.find("https://") == std::string::npos);
    CHECK(explain::test::occurrences(html, "<div") == explain::test::occurrences(html, "</div>"));
}

TEST_CASE("html report escapes text from facts", "[explain]") {
    Engine engine;
    REQUIRE(engine.load_rules_text("kb.rules", explain::test::rules_text));
    REQUIRE(engine.load_facts_text("f.toml", R"([[country]]
name = "<b>&Co</b>"
remittances_gdp_pct = 30
)"));
    const RunResult result = engine.run();
    const std::string html =
        output::render_html_report(result, output::ReportContext{"<b>&Co</b>"});
    CHECK(html.find("<b>&Co</b>") == std::string::npos);
    CHECK(html.find("&lt;b&gt;&amp;Co&lt;/b&gt;") != std::string::npos);
}
