// Truth maintenance (spec §4.3 derive/recommend, §5): a derived fact "holds only while the
// rule's match holds; with several supports it stays until the last is gone"; MYCIN
// combination of recommendation supports and recomputation on withdrawal.
#include "engine_fixture.hpp"
#include "support/catch.hpp"

using namespace maslahat;
using namespace maslahat::test;
using Lines = std::vector<std::string>;

namespace {
// Same program as tests/unit/runtime/clips/logical.clp (CLIPS `logical` CEs); the facts
// left after each retraction are the ones CLIPS 6.30 lists.
const char* chain = R"(
template a { x: int }
template s { x: int }
template b { x: int }
template c { x: int }
rule d1 when a(x: ?x) then derive b(x: ?x) end
rule d2 when s(x: ?x) then derive b(x: ?x) end
rule e when b(x: ?x) then derive c(x: ?x) end
)";
}  // namespace

TEST_CASE("retraction cascades through derived facts", "[tms]") {
    Engine e(chain);
    const auto a1 = e.fact("a", {{"x", integer(1)}});
    const auto s1 = e.fact("s", {{"x", integer(1)}});
    const auto a2 = e.fact("a", {{"x", integer(2)}});
    e.run();
    CHECK(e.facts("b") == Lines{"b(x: 2)", "b(x: 1)"});
    CHECK(e.facts("c") == Lines{"c(x: 2)", "c(x: 1)"});
    SECTION("two supports: the fact stays until the last goes") {
        e.retract(a1);
        CHECK(e.facts("b") == Lines{"b(x: 2)", "b(x: 1)"});
        CHECK(e.facts("c") == Lines{"c(x: 2)", "c(x: 1)"});
        e.retract(s1);
        CHECK(e.facts("b") == Lines{"b(x: 2)"});
        CHECK(e.facts("c") == Lines{"c(x: 2)"});
        e.retract(a2);
        CHECK(e.facts("b").empty());
        CHECK(e.facts("c").empty());
        CHECK(e.session->stats().facts_final == 0);
    }
    SECTION("an asserted fact is not withdrawn by truth maintenance") {
        e.fact("b", {{"x", integer(2)}});  // equal to the derived b(2): now unconditional
        e.retract(a2);
        CHECK(e.facts("b") == Lines{"b(x: 2)", "b(x: 1)"});
        CHECK(e.facts("c") == Lines{"c(x: 2)", "c(x: 1)"});
    }
}

TEST_CASE("a derived fact records the firing that made it", "[tms]") {
    Engine e(chain);
    e.fact("a", {{"x", integer(7)}});
    e.run();
    const auto facts = e.session->facts();
    REQUIRE(facts.size() == 3);
    CHECK(!facts[0].origin.rule.has_value());
    REQUIRE(facts[1].origin.rule.has_value());
    CHECK(e.compiled->program.rules[*facts[1].origin.rule].name == "d1");
    CHECK(facts[1].origin.firing == 1);
    CHECK(facts[2].origin.firing == 2);
}

// CLIPS 6.30 does the same with (logical (a (x ?x)) (not (b (x ?x)))) => (assert (b ..)):
// the derived fact removes its own support, is withdrawn, and the rule matches again —
// a loop that only the firing limit stops (clips/self_blocking.clp prints "fired" 5 times
// under (run 5) and keeps no b fact).
TEST_CASE("derive whose match is blocked by its own fact is withdrawn", "[tms]") {
    Engine e(R"(
template a { x: int }
template b { x: int }
rule r when a(x: ?x) not b(x: ?x) then derive b(x: ?x) print "fired" end
)");
    e.fact("a", {{"x", integer(1)}});
    const auto out = e.run(agenda::Strategy::Depth, 5);
    CHECK(out.status == runtime::RunStatus::LimitReached);
    CHECK(e.output() == Lines(5, "fired"));
    CHECK(e.facts("b").empty());
}

namespace {
const char* cf_rules = R"(
template evidence { country: string  kind: symbol }
recommendation B "Integration programmes"
rule weak when evidence(country: ?n, kind: weak) then
    recommend B for ?n confidence 0.6 because "weak policy in {?n}"
end
rule rising when evidence(country: ?n, kind: rising) then
    recommend B for ?n confidence 0.5 because "rising inflows"
end
rule sure when evidence(country: ?n, kind: sure) then
    recommend B for ?n
end
)";
}  // namespace

TEST_CASE("confidence combines as in MYCIN and is recomputed on withdrawal", "[tms]") {
    Engine e(cf_rules);
    const auto w = e.fact("evidence", {{"country", str("UZ")}, {"kind", sym("weak")}});
    e.run();
    CHECK(e.recommendations() == Lines{"B UZ 0.6"});
    const auto r = e.fact("evidence", {{"country", str("UZ")}, {"kind", sym("rising")}});
    e.run();
    // 1 - (1 - 0.6)(1 - 0.5) = 0.8
    CHECK(e.recommendations() == Lines{"B UZ 0.8"});
    const auto recs = e.session->recommendations();
    REQUIRE(recs.size() == 1);
    REQUIRE(recs[0].supports.size() == 2);
    CHECK(recs[0].supports[0].because == "weak policy in UZ");
    CHECK(recs[0].supports[0].facts == std::vector<std::uint32_t>{w});
    CHECK(e.facts("recommended") == Lines{"recommended(id: B, subject: UZ, confidence: 0.8)"});
    SECTION("withdrawing one support recomputes") {
        e.retract(w);
        CHECK(e.recommendations() == Lines{"B UZ 0.5"});
        CHECK(e.facts("recommended") == Lines{"recommended(id: B, subject: UZ, confidence: 0.5)"});
        SECTION("withdrawing the last support withdraws the recommendation") {
            e.retract(r);
            CHECK(e.recommendations().empty());
            CHECK(e.facts("recommended").empty());
        }
    }
    SECTION("default confidence is 1") {
        e.fact("evidence", {{"country", str("UZ")}, {"kind", sym("sure")}});
        e.fact("evidence", {{"country", str("KZ")}, {"kind", sym("rising")}});
        e.run();
        CHECK(e.recommendations() == Lines{"B UZ 1", "B KZ 0.5"});
    }
}

TEST_CASE("rules can match the recommended facts the engine keeps current", "[tms]") {
    Engine e(std::string(cf_rules) + R"(
rule strong when recommended(id: B, subject: ?s, confidence >= 0.75) then print "strong {?s}" end
)");
    e.fact("evidence", {{"country", str("UZ")}, {"kind", sym("weak")}});
    e.run();
    CHECK(e.output().empty());
    e.fact("evidence", {{"country", str("UZ")}, {"kind", sym("rising")}});
    e.run();
    CHECK(e.output() == Lines{"strong UZ"});
}
