// Agenda order (spec §5): salience first; among equal salience the strategy (depth,
// breadth, lex, mea); remaining ties by rule declaration order, then fact ids.
#include "engine_fixture.hpp"
#include "support/catch.hpp"

using namespace maslahat;
using namespace maslahat::test;
using agenda::Strategy;
using Lines = std::vector<std::string>;

namespace {
// The CLIPS 6.30 equivalent (tests/unit/runtime/clips/strategies.clp, run with
// `clips -f2`) is the same three rules with (set-strategy S) and the same four asserts.
const char* three_rules = R"(
template a { x: int }
template b { x: int }
rule r1 when a(x: ?x) then print "r1 {?x}" end
rule r2 when a(x: ?x) b(x: ?x) then print "r2 {?x}" end
rule r3 when b(x: ?x) then print "r3 {?x}" end
)";

Lines run_with(Strategy s) {
    Engine e(three_rules);
    e.fact("a", {{"x", integer(1)}});
    e.fact("b", {{"x", integer(2)}});
    e.fact("a", {{"x", integer(2)}});
    e.fact("b", {{"x", integer(1)}});
    e.run(s);
    return e.output();
}
}  // namespace

TEST_CASE("every strategy orders the same program differently", "[agenda]") {
    // depth, lex and mea: the order CLIPS 6.30 prints for tests/unit/runtime/clips/strategies.clp.
    CHECK(run_with(Strategy::Depth) == Lines{"r2 1", "r3 1", "r1 2", "r2 2", "r3 2", "r1 1"});
    CHECK(run_with(Strategy::Lex) == Lines{"r2 1", "r3 1", "r2 2", "r1 2", "r3 2", "r1 1"});
    CHECK(run_with(Strategy::Mea) == Lines{"r3 1", "r2 2", "r1 2", "r3 2", "r2 1", "r1 1"});
    // breadth: events in the order CLIPS gives; two activations created by the same assert
    // are ordered by rule declaration order (spec §5), where CLIPS uses the order its join
    // network happened to create them ("r2 2; r1 2" and "r3 1; r2 1").
    CHECK(run_with(Strategy::Breadth) == Lines{"r1 1", "r3 2", "r1 2", "r2 2", "r2 1", "r3 1"});
}

TEST_CASE("depth and breadth without ties agree with CLIPS", "[agenda]") {
    // CLIPS 6.30 (clips/depth_breadth.clp): depth "r2 4; r1 3; r2 2; r1 1",
    // breadth "r1 1; r2 2; r1 3; r2 4".
    const char* rules = R"(
template a { x: int }
template b { x: int }
rule r1 when a(x: ?x) then print "r1 {?x}" end
rule r2 when b(x: ?x) then print "r2 {?x}" end
)";
    for (const auto s : {Strategy::Depth, Strategy::Breadth}) {
        Engine e(rules);
        e.fact("a", {{"x", integer(1)}});
        e.fact("b", {{"x", integer(2)}});
        e.fact("a", {{"x", integer(3)}});
        e.fact("b", {{"x", integer(4)}});
        e.run(s);
        CHECK(e.output() == (s == Strategy::Depth ? Lines{"r2 4", "r1 3", "r2 2", "r1 1"}
                                                  : Lines{"r1 1", "r2 2", "r1 3", "r2 4"}));
    }
}

TEST_CASE("salience beats every strategy", "[agenda]") {
    const auto s =
        GENERATE(values({Strategy::Depth, Strategy::Breadth, Strategy::Lex, Strategy::Mea}));
    Engine e(R"(
template a { x: int }
rule low salience -5 when a(x: ?x) then print "low {?x}" end
rule mid when a(x: ?x) then print "mid {?x}" end
rule high salience 10 when a(x: ?x) then print "high {?x}" end
)");
    e.fact("a", {{"x", integer(1)}});
    e.run(s);
    CHECK(e.output() == Lines{"high 1", "mid 1", "low 1"});
}

TEST_CASE("ties fall back to declaration order, then fact ids", "[agenda]") {
    const auto s =
        GENERATE(values({Strategy::Depth, Strategy::Breadth, Strategy::Lex, Strategy::Mea}));
    Engine e(R"(
template a { x: int }
template go { }
rule second when go() a(x: ?x) then print "second {?x}" end
rule first when go() a(x: ?x) then print "first {?x}" end
)");
    e.fact("a", {{"x", integer(1)}});
    e.fact("a", {{"x", integer(2)}});
    e.fact("go");
    e.run(s);
    if (s == Strategy::Depth) {
        // all four activations come from asserting go: rule order, then the newest facts first
        // (CLIPS 6.30's depth also fires "2" before "1" here; it does not order by rule first)
        CHECK(e.output() == Lines{"second 2", "second 1", "first 2", "first 1"});
    } else if (s == Strategy::Breadth) {
        // rule order, then the oldest facts first
        CHECK(e.output() == Lines{"second 1", "second 2", "first 1", "first 2"});
    } else {
        // lex/mea: the more recent a (id 2) first
        CHECK(e.output() == Lines{"second 2", "first 2", "second 1", "first 1"});
    }
}

TEST_CASE("the same run twice gives the same output", "[agenda]") {
    const auto s =
        GENERATE(values({Strategy::Depth, Strategy::Breadth, Strategy::Lex, Strategy::Mea}));
    CHECK(run_with(s) == run_with(s));
}
