// Aggregates (spec §4.1): count/sum/min/max/avg over matching facts, maintained
// incrementally on assert and retract; "over no facts: sum 0, the others nil (and the
// condition fails for min/max/avg)"; count over no facts is 0 ("0 allowed").
#include "../runtime/engine_fixture.hpp"
#include "maslahat/observer.hpp"
#include "support/catch.hpp"

using namespace maslahat;
using namespace maslahat::test;
using Lines = std::vector<std::string>;

namespace {
std::string rules_for(const std::string& agg) {
    return R"(
template region { name: string }
template city { region: string  pop: int  share: number }
rule r
when
    region(name: ?r)
    ?v = )" +
           agg + R"(
then
    print "{?r} {?v}"
end
)";
}
}  // namespace

TEST_CASE("aggregates over matching facts", "[rete]") {
    struct Case {
        std::string agg;
        std::string with_facts;
        std::string empty;  // "" = the condition fails
    };
    const auto c = GENERATE(values<Case>({
        {"count city(region: ?r)", "R 3", "R 0"},
        {"sum(?p) over city(region: ?r, pop: ?p)", "R 60", "R 0"},
        {"min(?p) over city(region: ?r, pop: ?p)", "R 10", ""},
        {"max(?p) over city(region: ?r, pop: ?p)", "R 30", ""},
        {"avg(?p) over city(region: ?r, pop: ?p)", "R 20", ""},
        {"sum(?s) over city(region: ?r, share: ?s)", "R 0.75", "R 0"},
    }));
    CAPTURE(c.agg);
    Engine e(rules_for(c.agg));
    e.fact("region", {{"name", str("R")}});
    SECTION("with facts") {
        e.fact("city", {{"region", str("R")}, {"pop", integer(10)}, {"share", num(0.25)}});
        e.fact("city", {{"region", str("R")}, {"pop", integer(20)}, {"share", num(0.25)}});
        e.fact("city", {{"region", str("R")}, {"pop", integer(30)}, {"share", num(0.25)}});
        e.fact("city", {{"region", str("S")}, {"pop", integer(99)}, {"share", num(0.5)}});
        e.run();
        CHECK(e.output() == Lines{c.with_facts});
    }
    SECTION("over no facts") {
        e.fact("city", {{"region", str("S")}, {"pop", integer(99)}, {"share", num(0.5)}});
        e.run();
        CHECK(e.output() == (c.empty.empty() ? Lines{} : Lines{c.empty}));
    }
}

TEST_CASE("aggregates update incrementally on assert and retract", "[rete]") {
    Engine e(R"(
template region { name: string }
template city { region: string  pop: int }
rule total when region(name: ?r) ?t = sum(?p) over city(region: ?r, pop: ?p) then print "sum {?t}" end
rule biggest when region(name: ?r) ?m = max(?p) over city(region: ?r, pop: ?p) then print "max {?m}" end
rule n when region(name: ?r) ?c = count city(region: ?r) then print "count {?c}" end
)");
    e.fact("region", {{"name", str("R")}});
    const auto a = e.fact("city", {{"region", str("R")}, {"pop", integer(10)}});
    const auto b = e.fact("city", {{"region", str("R")}, {"pop", integer(30)}});
    e.run();
    auto sorted = [](Lines l) {
        std::sort(l.begin(), l.end());
        return l;
    };
    CHECK(sorted(e.output()) == Lines{"count 2", "max 30", "sum 40"});
    e.retract(b);
    e.run();
    CHECK(sorted(e.output()) ==
          Lines{"count 1", "count 2", "max 10", "max 30", "sum 10", "sum 40"});
    e.retract(a);
    e.run();
    // count and sum of nothing still match (0); max of nothing fails
    CHECK(sorted(e.output()) ==
          Lines{"count 0", "count 1", "count 2", "max 10", "max 30", "sum 0", "sum 10", "sum 40"});
    CHECK(e.session->agenda().empty());
}

TEST_CASE("an aggregate at the start of a rule counts the whole template", "[rete]") {
    Engine e(R"(
template city { pop: int }
rule n when ?c = count city() test ?c >= 2 then print "at least two: {?c}" end
)");
    e.fact("city", {{"pop", integer(1)}});
    SECTION("does not hold with one") {
        e.run();
        CHECK(e.output().empty());
    }
    SECTION("holds with two") {
        e.fact("city", {{"pop", integer(2)}});
        e.run();
        CHECK(e.output() == Lines{"at least two: 2"});
    }
}

TEST_CASE("a token made while a fact is retracted is not counted down for it", "[rete]") {
    // retracting b(1) deletes the not { } group's match, which passes a(1) on to the count
    // below while b(1) is already out of its memory: that count must not go down for b(1)
    Engine e(R"(
template a { x: int }
template b { x: int  w: int }
template c { x: int }
rule r when a(x: ?x) not { b(x: ?x, w: 1) c(x: ?x) } ?k = count b(x: ?x) ?s = sum(?w) over b(x: ?x, w: ?w)
then print "{?x}: {?k} {?s}" end
)");
    e.fact("a", {{"x", integer(1)}});
    e.fact("c", {{"x", integer(1)}});
    e.fact("b", {{"x", integer(1)}, {"w", integer(5)}});
    const auto blocker = e.fact("b", {{"x", integer(1)}, {"w", integer(1)}});
    e.run();
    CHECK(e.output().empty());
    e.retract(blocker);
    e.run();
    CHECK(e.output() == Lines{"1: 1 5"});
}

// A changed result of a pending match is applied in place (Memory::renew_output) when the
// aggregate's only child is a rule's terminal: the firings must be those of deleting the
// match and making a new one — a new timetag for the strategies, refraction for one that
// fired already, the same observer events.
namespace {
const char* const count_and_items = R"(
template item { n: int }
template other { n: int }
rule total when ?k = count item() then print "count {?k}" end
rule each when item(n: ?n) then print "item {?n}" end
)";
}  // namespace

TEST_CASE("a changed aggregate result orders its activation as a new match", "[rete]") {
    struct Case {
        agenda::Strategy strategy;
        Lines fired;
    };
    const auto c = GENERATE(values<Case>({
        // the count's activation has the timetag of the last item (3), as each(3) has; the
        // tie goes to the rule declared first
        {agenda::Strategy::Depth, {"count 3", "item 3", "item 2", "item 1"}},
        {agenda::Strategy::Breadth, {"item 1", "item 2", "count 3", "item 3"}},
        {agenda::Strategy::Lex, {"item 3", "item 2", "item 1", "count 3"}},
        {agenda::Strategy::Mea, {"item 3", "item 2", "item 1", "count 3"}},
    }));
    Engine e(count_and_items);
    e.fact("item", {{"n", integer(1)}});
    e.fact("item", {{"n", integer(2)}});
    e.fact("other", {{"n", integer(9)}});
    e.fact("item", {{"n", integer(3)}});
    e.run(c.strategy);
    CHECK(e.output() == c.fired);
}

TEST_CASE("a changed aggregate result after its firing makes a new activation", "[rete]") {
    Engine e(count_and_items);
    const auto one = e.fact("item", {{"n", integer(1)}});
    e.run();
    CHECK(e.output() == Lines{"count 1", "item 1"});
    e.fact("other", {{"n", integer(2)}});  // the count is unchanged: nothing fires
    e.run();
    CHECK(e.output().size() == 2);
    e.fact("item", {{"n", integer(2)}});
    e.fact("item", {{"n", integer(3)}});
    e.retract(one);  // 3 then 2 while pending: one activation, with the last result
    e.run();
    CHECK(e.output() == Lines{"count 1", "item 1", "count 2", "item 3", "item 2"});
    CHECK(e.session->agenda().empty());
}

TEST_CASE("rules sharing an aggregate both see its new result", "[rete]") {
    Engine e(R"(
template item { n: int }
rule a when ?k = count item() then print "a {?k}" end
rule b when ?k = count item() then print "b {?k}" end
rule c when ?k = count item() test ?k > 1 then print "c {?k}" end
)");
    e.fact("item", {{"n", integer(1)}});
    e.fact("item", {{"n", integer(2)}});
    e.run();
    CHECK(e.output() == Lines{"a 2", "b 2", "c 2"});
}

TEST_CASE("a changed aggregate result shows the observer a removed and an added activation",
          "[rete]") {
    struct Recorder : EngineObserver {
        Lines events;
        void fact_asserted(const FactEvent& e) override {
            events.push_back("+fact " + std::to_string(e.id));
        }
        void activation_added(const ActivationEvent& e) override {
            events.push_back("+act " + std::string(e.rule) + facts(e));
        }
        void activation_removed(const ActivationEvent& e) override {
            events.push_back("-act " + std::string(e.rule) + facts(e));
        }
        void rule_fired(const FiringEvent& e) override {
            events.push_back("fire " + std::string(e.rule));
        }
        static std::string facts(const ActivationEvent& e) {
            std::string out;
            for (const std::uint32_t f : e.facts) {
                out += " " + std::to_string(f);
            }
            return out;
        }
    } recorder;
    Engine e(R"(
template group { g: int }
template item { g: int  n: int }
rule total when group(g: ?g) ?k = count item(g: ?g) then print "{?g}: {?k}" end
)");
    e.session->set_observer(&recorder);
    e.fact("group", {{"g", integer(1)}});
    e.fact("item", {{"g", integer(1)}, {"n", integer(1)}});
    e.run();
    e.fact("item", {{"g", integer(1)}, {"n", integer(2)}});
    e.fact("item", {{"g", integer(1)}, {"n", integer(3)}});
    e.run();
    CHECK(recorder.events == Lines{
                                 "+fact 1",
                                 "+act total 1",
                                 "+fact 2",
                                 "-act total 1",
                                 "+act total 1",
                                 "fire total",
                                 "+fact 3",  // fired: a new activation, nothing to remove
                                 "+act total 1",
                                 "+fact 4",
                                 "-act total 1",
                                 "+act total 1",
                                 "fire total",
                             });
    CHECK(e.output() == Lines{"1: 1", "1: 3"});
}

TEST_CASE("a result that changes while its group is being retracted is not renewed", "[rete]") {
    // `move` will retract the group: the count's new result is not built meanwhile (a
    // doomed match), and once the group is gone nothing of it is left
    Engine e(R"(
template group { g: int }
template item { g: int  n: int }
template go { g: int }
rule total when group(g: ?g) ?k = count item(g: ?g) then print "{?g}: {?k}" end
rule move salience 10 when go(g: ?g) ?p <- group(g: ?g)
then assert item(g: ?g, n: 9) retract ?p end
)");
    e.fact("group", {{"g", integer(1)}});
    e.fact("group", {{"g", integer(2)}});
    e.fact("item", {{"g", integer(1)}, {"n", integer(1)}});
    e.fact("item", {{"g", integer(2)}, {"n", integer(1)}});
    e.fact("go", {{"g", integer(1)}});
    e.run();
    CHECK(e.output() == Lines{"2: 1"});
    CHECK(e.session->agenda().empty());
}
