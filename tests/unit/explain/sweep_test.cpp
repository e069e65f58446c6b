// sweep (issue 6): switch points between neighbouring values and the three renderers.
#include "output/sweep.hpp"

#include "support/catch.hpp"

using namespace maslahat;

namespace {

output::Sweep three_points() {
    output::Sweep s;
    s.param = "high_remittances";
    s.subject = "Alpha";
    s.ids = {"A", "B"};
    s.points.push_back({"10", {{"A", 0.8}, {"B", 0.7}}, {"O3", "T4"}});
    s.points.push_back({"15", {{"A", 0.6}, {"B", 0.7}}, {"O3", "T4"}});
    s.points.push_back({"20", {{"B", 0.7}}, {"T4", "W1"}});
    return s;
}

}  // namespace

TEST_CASE("sweep: switches on, off and confidence changes, in value order", "[explain]") {
    const auto switches = output::sweep_switches(three_points());
    REQUIRE(switches.size() == 4);
    CHECK(switches[0].what == "recommendation A");
    CHECK(switches[0].change == "changes confidence from 0.8 to 0.6");
    CHECK(switches[0].from == "10");
    CHECK(switches[0].to == "15");
    CHECK(switches[1].what == "recommendation A");
    CHECK(switches[1].change == "switches off");
    CHECK(switches[1].from == "15");
    CHECK(switches[2].what == "finding O3");
    CHECK(switches[2].change == "switches off");
    CHECK(switches[3].what == "finding W1");
    CHECK(switches[3].change == "switches on");
    CHECK(switches[3].to == "20");
}

TEST_CASE("sweep: nothing switches when every value gives the same answer", "[explain]") {
    output::Sweep s = three_points();
    s.points.resize(1);
    s.points.push_back(s.points[0]);
    CHECK(output::sweep_switches(s).empty());
    CHECK(output::render_sweep_text(s).find("  nothing switches in this range\n") !=
          std::string::npos);
}

TEST_CASE("sweep: text, Markdown and HTML carry the same table", "[explain]") {
    const output::Sweep s = three_points();
    const std::string text = output::render_sweep_text(s);
    CHECK(text.rfind("Sweep of high_remittances from 10 to 20 for Alpha\n", 0) == 0);
    CHECK(text.find("20                -        0.7      T4 W1\n") != std::string::npos);
    CHECK(text.find("  finding W1 switches on between high_remittances = 15 and 20\n") !=
          std::string::npos);
    const std::string md = output::render_sweep_markdown(s);
    CHECK(md.find("| high_remittances | A | B | findings |") != std::string::npos);
    CHECK(md.find("| 15 | 0.6 | 0.7 | O3 T4 |") != std::string::npos);
    CHECK(md.find("- recommendation A switches off between high_remittances = 15 and 20") !=
          std::string::npos);
    const std::string html = output::render_sweep_html(s);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<h1>Sweep of high_remittances from 10 to 20 for Alpha</h1>") !=
          std::string::npos);
    CHECK(html.find("style=\"width: 60%\"") != std::string::npos);
    CHECK(html.find("<li>finding O3 switches off between high_remittances = 15 and 20</li>") !=
          std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
}
