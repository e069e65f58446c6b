// Session plumbing: parameter overrides, fact origins and provenance kept from FactInput,
// statistics, and the EngineObserver events (facts, activations, firings, supports).
#include "engine_fixture.hpp"
#include "maslahat/observer.hpp"
#include "support/catch.hpp"

using namespace maslahat;
using namespace maslahat::test;
using Lines = std::vector<std::string>;

namespace {
const char* rules = R"(
template country { name: string  mipex: number }
recommendation B "Integration programmes"
param weak_mipex = 50
rule weak when country(name: ?n, mipex < $weak_mipex) then
    recommend B for ?n confidence 0.5 because "weak"
end
)";
}  // namespace

// §3 "param NAME = literal ... the CLI overrides it with --param NAME=VALUE".
TEST_CASE("parameters take their default unless overridden before matching", "[runtime]") {
    Engine e(rules);
    SECTION("default") {
        e.fact("country", {{"name", str("A")}, {"mipex", num(45)}});
        e.run();
        CHECK(e.recommendations() == Lines{"B A 0.5"});
    }
    SECTION("overridden") {
        REQUIRE(e.session->set_param(0, num(40)));
        e.fact("country", {{"name", str("A")}, {"mipex", num(45)}});
        e.run();
        CHECK(e.recommendations().empty());
        CHECK_FALSE(e.session->set_param(0, num(60)));  // matching has started
    }
}

TEST_CASE("facts keep their file origin and per-slot provenance", "[runtime]") {
    Engine e(rules);
    const auto t = e.compiled->program.find_template("country");
    REQUIRE(t);
    FactInput in;
    in.template_index = *t;
    in.slots = {Value::string("UZ"), Value::number(40)};
    in.provenance = {std::nullopt, Provenance{2020, "MIPEX 2020"}};
    in.span = SourceSpan{FileId{3}, 10, 20};
    const auto id = e.session->assert_fact(in);
    e.run();
    const auto facts = e.session->facts();
    REQUIRE(facts.size() == 2);  // the country and its `recommended` fact
    CHECK(facts[0].id == id);
    REQUIRE(facts[0].origin.span.has_value());
    CHECK(facts[0].origin.span->begin == 10);
    REQUIRE(facts[0].provenance.size() == 2);
    REQUIRE(facts[0].provenance[1].has_value());
    CHECK(facts[0].provenance[1]->source == "MIPEX 2020");
    CHECK(facts[1].origin.rule == 0U);
    CHECK(facts[1].origin.firing == 1);
    const auto stats = e.session->stats();
    CHECK(stats.rules == 1);
    CHECK(stats.firings == 1);
    CHECK(stats.facts_final == 2);
}

TEST_CASE("the observer sees facts, activations, firings and supports", "[runtime]") {
    struct Recorder : EngineObserver {
        Lines events;
        void fact_asserted(const FactEvent& e) override {
            events.push_back(fmt("+fact", e.id, e.template_name));
        }
        void fact_retracted(const FactEvent& e) override {
            events.push_back(fmt("-fact", e.id, e.template_name));
        }
        void activation_added(const ActivationEvent& e) override {
            events.push_back("+act " + std::string(e.rule));
        }
        void activation_removed(const ActivationEvent& e) override {
            events.push_back("-act " + std::string(e.rule));
        }
        void rule_fired(const FiringEvent& e) override {
            events.push_back("fire " + std::to_string(e.firing) + " " + std::string(e.rule));
        }
        void support_added(const SupportEvent& e) override {
            events.push_back("+support " + std::string(e.recommendation) + " " +
                             std::to_string(e.combined));
        }
        void support_withdrawn(const SupportEvent& e) override {
            events.push_back("-support " + std::string(e.recommendation) + " " +
                             std::to_string(e.combined));
        }
        static std::string fmt(const char* what, std::uint64_t id, std::string_view t) {
            return std::string(what) + " " + std::to_string(id) + " " + std::string(t);
        }
    } recorder;
    Engine e(rules);
    e.session->set_observer(&recorder);
    const auto id = e.fact("country", {{"name", str("A")}, {"mipex", num(45)}});
    e.run();
    e.retract(id);
    CHECK(recorder.events == Lines{
                                 "+fact 1 country",
                                 "+act weak",
                                 "fire 1 weak",
                                 "+fact 2 recommended",
                                 "+support B 0.500000",
                                 "-fact 1 country",
                                 "-fact 2 recommended",
                                 "-support B 0.000000",
                             });
}
