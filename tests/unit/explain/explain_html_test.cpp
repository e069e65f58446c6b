// explain --format html (issue 6): a self-contained page of the support tree (--why) and of
// the first failing conditions (--why-not).
#include "output/explain_html.hpp"

#include "explain/why.hpp"
#include "explain/why_not.hpp"
#include "fixture.hpp"
#include "support/catch.hpp"

using namespace maslahat;

namespace {

void check_self_contained(const std::string& html) {
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<style>") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http://") == std::string::npos);
    CHECK(html.find("https://") == std::string::npos);
    CHECK(explain::test::occurrences(html, "<div") == explain::test::occurrences(html, "</div>"));
    CHECK(explain::test::occurrences(html, "<section") ==
          explain::test::occurrences(html, "</section>"));
    CHECK(html.find("internal error") == std::string::npos);
}

}  // namespace

TEST_CASE("explain html: --why shows each support, the tree and the figures' sources",
          "[explain]") {
    explain::test::Fixture f;
    std::string error;
    const auto why = explain::build_why(f.view(), "A", "Alpha", error);
    REQUIRE(why);
    const std::string html = output::render_why_html(*why);
    check_self_contained(html);
    CHECK(html.find("<h1>Why A for Alpha</h1>") != std::string::npos);
    CHECK(explain::test::occurrences(html, "<h2>") == why->supports.size());
    CHECK(html.find("Rule <code>a1</code>") != std::string::npos);
    CHECK(html.find("1 \u2212 (1 \u2212 0.6)(1 \u2212 0.5)") != std::string::npos);
    CHECK(html.find("style=\"width: 80%\"") != std::string::npos);
    // The finding a1 matched is derived; its premise, the country, is indented below it.
    CHECK(html.find("derived by rule o3 (firing") != std::string::npos);
    CHECK(html.find("style=\"margin-left: 24px\"") != std::string::npos);
    CHECK(html.find("from facts.toml:") != std::string::npos);
    CHECK(html.find("remittances_gdp_pct = 24.5 (2023, World Bank)") != std::string::npos);
}

TEST_CASE("explain html: --why-not shows the failing condition and what to change", "[explain]") {
    explain::test::Fixture f;
    std::string error;
    const auto why_not = explain::build_why_not(f.view(), f.engine.sources(), "B", "Alpha", error);
    REQUIRE(why_not);
    REQUIRE_FALSE(why_not->rules.empty());
    const std::string html = output::render_why_not_html(*why_not);
    check_self_contained(html);
    CHECK(html.find("<h1>Why not B for Alpha</h1>") != std::string::npos);
    CHECK(explain::test::occurrences(html, "<h2>") == why_not->rules.size());
    CHECK(html.find("fails at condition 1:") != std::string::npos);
    CHECK(html.find("why: ") != std::string::npos);
    CHECK(html.find("No rule derived the fact it needs") != std::string::npos);
}

TEST_CASE("explain html escapes text from rules and facts", "[explain]") {
    explain::WhyExplanation why;
    why.id = "A";
    why.title = "<b>bold</b> & co";
    why.subject = "S";
    why.supports.push_back(explain::SupportNode{"r", 0.5, "x < y", 1, {}});
    why.combined = {0.5};
    const std::string html = output::render_why_html(why);
    CHECK(html.find("<b>bold</b>") == std::string::npos);
    CHECK(html.find("&lt;b&gt;bold&lt;/b&gt; &amp; co") != std::string::npos);
    CHECK(html.find("x &lt; y") != std::string::npos);
    CHECK(html.find("one support") != std::string::npos);
}
