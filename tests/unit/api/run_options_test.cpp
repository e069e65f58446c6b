// Engine::run options that save memory (RunOptions::release_facts and keep_fact): the
// loaded facts released by a one-shot run, and a RunResult listing only the facts a report
// reads gives the same reports as the full result.
#include "maslahat/engine.hpp"
#include "output/reports.hpp"
#include "support/catch.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>

using namespace maslahat;

namespace {

const char* const rules = R"(
template item { name: symbol; weight: int }
template heavy { name: symbol }
rule heavy
when
    item(name: ?n, weight > 10)
then
    assert heavy(name: ?n)
end
)";

const char* const items = R"(
[[item]]
name = "a"
weight = 5

[[item]]
name = "b"
weight = 20
)";

/// The shipped knowledge base (rules/ and facts/), loaded.
void load_shipped(Engine& engine) {
    const std::string root = MASLAHAT_SOURCE_DIR;
    REQUIRE(engine.load_rules({root + "/rules"}));
    REQUIRE(engine.load_facts({root + "/facts"}));
}

}  // namespace

TEST_CASE("a run that releases the loaded facts leaves none for the next run", "[api]") {
    Engine engine;
    REQUIRE(engine.load_rules_text("t.rules", rules));
    REQUIRE(engine.load_facts_text("t.toml", items));
    RunOptions keep;
    CHECK(engine.run(keep).stats.facts_final == 3);  // a, b, heavy b
    CHECK(engine.run(keep).stats.facts_final == 3);  // kept for reruns by default

    RunOptions once;
    once.release_facts = true;
    const RunResult first = engine.run(once);
    CHECK(first.stats.facts_final == 3);
    CHECK(first.facts.size() == 3);
    CHECK(engine.run().stats.facts_final == 0);  // released

    REQUIRE(engine.load_facts_text("more.toml", items));  // facts loaded later are kept
    CHECK(engine.run().stats.facts_final == 3);
    CHECK(engine.run().stats.facts_final == 3);
}

TEST_CASE("keep_fact chooses the facts a RunResult lists", "[api]") {
    Engine engine;
    REQUIRE(engine.load_rules_text("t.rules", rules));
    REQUIRE(engine.load_facts_text("t.toml", items));
    RunOptions options;
    options.keep_fact = [](const FactResult& f) { return f.template_name == "heavy"; };
    const RunResult result = engine.run(options);
    CHECK(result.stats.facts_final == 3);
    REQUIRE(result.facts.size() == 1);
    CHECK(result.facts[0].template_name == "heavy");
    CHECK(result.facts[0].id == 3);
    REQUIRE(result.facts[0].slots.size() == 1);
    CHECK(result.facts[0].slots[0].name == "name");
    CHECK(result.facts[0].slots[0].value == Value::symbol("b"));
    CHECK(result.facts[0].origin.kind == FactOrigin::Kind::Rule);
    CHECK(result.facts[0].origin.rule == "heavy");
}

TEST_CASE("may_keep_fact drops facts by their header, before keep_fact", "[api]") {
    Engine engine;
    REQUIRE(engine.load_rules_text("t.rules", rules));
    REQUIRE(engine.load_facts_text("t.toml", items));
    RunOptions options;
    std::set<std::string> asked;  // "id template slots" keep_fact was asked about
    options.may_keep_fact = [](const FactResult& f) {
        CHECK(f.slots.empty());  // the header only
        return f.origin.kind == FactOrigin::Kind::File;
    };
    options.keep_fact = [&](const FactResult& f) {
        asked.insert(std::to_string(f.id) + " " + f.template_name + " " +
                     std::to_string(f.slots.size()));
        return f.slots.at(0).value != Value::symbol("a");
    };
    const RunResult result = engine.run(options);
    CHECK(result.stats.facts_final == 3);
    // the derived fact never reached keep_fact; the file facts did, with their slots
    CHECK(asked == std::set<std::string>{"1 item 2", "2 item 2"});
    REQUIRE(result.facts.size() == 1);
    CHECK(result.facts[0].id == 2);
    CHECK(result.facts[0].slots.at(1).value == Value::integer(20));
    SECTION("without keep_fact it is not used: every fact is listed") {
        RunOptions only_header;
        only_header.may_keep_fact = [](const FactResult&) { return false; };
        Engine again;
        REQUIRE(again.load_rules_text("t.rules", rules));
        REQUIRE(again.load_facts_text("t.toml", items));
        CHECK(again.run(only_header).facts.size() == 3);
    }
}

// The header may_keep_fact sees tells whether a fact-file fact carries a provenance, so the
// reports' filter drops, before copying their slots, the facts that cannot name a source.
TEST_CASE("a fact-file fact's header says whether a slot has a provenance", "[api]") {
    const char* const sourced_rules = R"(
template figure { x: int }
template note { text: string; source: string ? }
)";
    const char* const sourced_facts = R"(
[[figure]]
x = 1
[[figure]]
x = { value = 2, year = 2020, source = "S" }
[[note]]
text = "no source given"
)";
    Engine engine;
    REQUIRE(engine.load_rules_text("s.rules", sourced_rules));
    REQUIRE(engine.load_facts_text("s.toml", sourced_facts));
    const auto report_header = output::report_may_read_fact_of(engine.summary().templates);
    std::set<std::string> headers;  // "id provenance report-may-read"
    RunOptions options;
    options.may_keep_fact = [&](const FactResult& f) {
        CHECK(f.slots.empty());
        headers.insert(std::to_string(f.id) + " " + std::to_string(f.origin.provenance) + " " +
                       std::to_string(report_header(f)));
        return true;
    };
    options.keep_fact = [](const FactResult&) { return true; };
    const RunResult result = engine.run(options);
    // figure 1: nothing to cite; figure 2: a provenance; the note: its template has a `source`
    CHECK(headers == std::set<std::string>{"1 0 0", "2 1 1", "3 0 1"});
    REQUIRE(result.facts.size() == 3);
    CHECK(result.facts[1].origin.provenance);  // in the full result too
    CHECK_FALSE(result.facts[0].origin.provenance);
    for (const auto& fact : result.facts) {  // never false for a fact the report reads
        FactResult header = fact;
        header.slots.clear();
        CHECK((report_header(header) || !output::report_reads_fact(fact)));
    }
}

TEST_CASE("reports of a result with only the facts they read are unchanged", "[api]") {
    ::setenv("SOURCE_DATE_EPOCH", "1790000000", 1);
    Engine full_engine;
    load_shipped(full_engine);
    const RunResult full = full_engine.run();

    Engine lean_engine;
    load_shipped(lean_engine);
    RunOptions options;
    options.release_facts = true;
    options.keep_fact = output::report_reads_fact;
    // as the CLI sets them
    options.may_keep_fact = output::report_may_read_fact_of(lean_engine.summary().templates);
    const RunResult lean = lean_engine.run(options);

    REQUIRE(full.errors.empty());
    REQUIRE(!full.recommendations.empty());
    CHECK(lean.stats.facts_final == full.stats.facts_final);
    CHECK(lean.facts.size() < full.facts.size());  // the test needs facts to leave out
    CHECK(lean.recommendations.size() == full.recommendations.size());
    // every fact a support cites is listed, filter or not
    std::set<std::uint64_t> listed;
    for (const auto& f : lean.facts) {
        listed.insert(f.id);
    }
    for (const auto& rec : lean.recommendations) {
        for (const auto& s : rec.support) {
            for (const auto id : s.facts) {
                CHECK(listed.count(id) == 1);
            }
        }
    }
    for (const std::string subject : {"", "Germany", "Uzbekistan"}) {
        const output::ReportContext context{subject};
        CHECK(output::render_text_report(lean, context) ==
              output::render_text_report(full, context));
        CHECK(output::render_markdown_report(lean, context) ==
              output::render_markdown_report(full, context));
        CHECK(output::render_html_report(lean, context) ==
              output::render_html_report(full, context));
    }
    ::unsetenv("SOURCE_DATE_EPOCH");
}
