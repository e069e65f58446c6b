// Actions (spec §4.3) and the recognise-act cycle (spec §5): assert, retract, modify,
// bind, print with interpolation, log, halt, refraction, duplicate facts, run-time errors
// and the firing limit.
#include "engine_fixture.hpp"
#include "maslahat/observer.hpp"
#include "support/catch.hpp"

using namespace maslahat;
using namespace maslahat::test;
using Lines = std::vector<std::string>;

// CLIPS 6.30 gives "inc 0; inc 1; inc 2; seen 3" for tests/unit/runtime/clips/refraction.clp.
TEST_CASE("modify makes a new fact that re-activates rules; refraction otherwise", "[runtime]") {
    Engine e(R"(
template counter { n: int }
rule inc when ?c <- counter(n: ?n, n < 3) then modify ?c(n: ?n + 1) print "inc {?n}" end
rule seen when counter(n: ?n) then print "seen {?n}" end
)");
    const auto first = e.fact("counter", {{"n", integer(0)}});
    const auto out = e.run();
    CHECK(out.status == runtime::RunStatus::Done);
    CHECK(e.output() == Lines{"inc 0", "inc 1", "inc 2", "seen 3"});
    const auto facts = e.session->facts();
    REQUIRE(facts.size() == 1);
    CHECK(facts[0].id > first);  // spec: modify gives a new fact id
    // refraction: running again fires nothing
    e.run();
    CHECK(e.output().size() == 4);
}

TEST_CASE("an activation fires once even when unrelated facts change", "[runtime]") {
    Engine e(R"(
template a { x: int }
template b { x: int }
rule r when a(x: ?x) then print "r {?x}" assert b(x: ?x) end
)");
    e.fact("a", {{"x", integer(1)}});
    e.run();
    e.fact("b", {{"x", integer(5)}});
    e.run();
    CHECK(e.output() == Lines{"r 1"});
}

TEST_CASE("asserting a fact equal to a live one does nothing", "[runtime]") {
    Engine e(R"(
template a { x: int }
template b { x: int }
rule r when a(x: ?x) then assert b(x: 1) end
rule count_b when b(x: ?x) then print "b {?x}" end
)");
    e.fact("a", {{"x", integer(1)}});
    e.fact("a", {{"x", integer(2)}});
    CHECK(e.fact("a", {{"x", integer(2)}}) == 0);
    e.run();
    CHECK(e.output() == Lines{"b 1"});
    CHECK(e.facts("b").size() == 1);
    CHECK(e.facts("a").size() == 2);
}

TEST_CASE("retract removes a fact and its activations", "[runtime]") {
    Engine e(R"(
template task { name: string  done: bool = false }
rule finish salience 10 when ?t <- task(name: "b") then retract ?t end
rule show when task(name: ?n) then print "task {?n}" end
)");
    e.fact("task", {{"name", str("a")}});
    e.fact("task", {{"name", str("b")}});
    e.run();
    CHECK(e.output() == Lines{"task a"});
    CHECK(e.facts("task") == Lines{"task(name: a, done: false)"});
}

// §4.3 "`halt` stop after this firing": the firing's remaining actions still run (CLIPS).
TEST_CASE("halt stops after the current firing", "[runtime]") {
    Engine e(R"(
template a { x: int }
rule stop salience 5 when a(x: 2) then print "stopping" halt print "still this firing" end
rule show when a(x: ?x) then print "a {?x}" end
)");
    e.fact("a", {{"x", integer(1)}});
    SECTION("halts") {
        e.fact("a", {{"x", integer(2)}});
        const auto out = e.run();
        CHECK(out.status == runtime::RunStatus::Halted);
        CHECK(e.output() == Lines{"stopping", "still this firing"});
        CHECK(e.session->agenda().size() == 2);
    }
    SECTION("does not halt when the rule does not fire") {
        const auto out = e.run();
        CHECK(out.status == runtime::RunStatus::Done);
        CHECK(e.output() == Lines{"a 1"});
    }
}

TEST_CASE("bind, interpolation and value printing", "[runtime]") {
    Engine e(R"(
template c { name: string  mipex: number  pop: int  role: [symbol] }
rule r when ?c <- c(name: ?n, mipex: ?m, pop: ?p) then
    bind ?half = ?m / 2
    bind ?big = ?p * 1000
    print "{?n}: {?half} {?big} {?c.role} {upper(?n)} {len(?c.role)} {round(2.5)} {?m > 10}"
end
)");
    e.fact("c", {{"name", str("uz")},
                 {"mipex", num(41)},
                 {"pop", integer(36)},
                 {"role", Value::list({sym("origin"), sym("transit")})}});
    e.run();
    CHECK(e.output() == Lines{"uz: 20.5 36000 [origin, transit] UZ 2 3 true"});
}

TEST_CASE("assert fills defaults and log goes to the observer", "[runtime]") {
    struct Recorder : EngineObserver {
        Lines lines;
        void log_record(const LogEvent& e) override {
            lines.push_back(std::string(e.rule) + ": " + std::string(e.text));
        }
        void rule_fired(const FiringEvent& e) override {
            lines.push_back("fire " + std::string(e.rule));
        }
    } recorder;
    Engine e(R"(
template a { x: int }
template b { x: int  kind: symbol in {p, q} = q  note: string ? }
rule r when a(x: ?x) then assert b(x: ?x) log warn "made b {?x}" end
)");
    e.fact("a", {{"x", integer(3)}});
    runtime::RunOptions options;
    options.observer = &recorder;
    e.session->run(options);
    CHECK(e.facts("b") == Lines{"b(x: 3, kind: q, note: nil)"});
    CHECK(recorder.lines == Lines{"fire r", "r: made b 3"});
}

// An observer that does not trace (TraceLogger without --trace) gets the log records only:
// no event of the match or the working memory is even built for it.
TEST_CASE("an observer that does not trace gets log records only", "[runtime]") {
    struct Recorder : EngineObserver {
        bool tracing = true;
        Lines lines;
        void log_record(const LogEvent& e) override {
            lines.push_back("log " + std::string(e.text));
        }
        void rule_fired(const FiringEvent& e) override {
            lines.push_back("fire " + std::string(e.rule));
        }
        void fact_asserted(const FactEvent& e) override {
            lines.push_back("assert " + std::string(e.template_name));
        }
        void fact_retracted(const FactEvent& e) override {
            lines.push_back("retract " + std::string(e.template_name));
        }
        void activation_added(const ActivationEvent& e) override {
            lines.push_back("activate " + std::string(e.rule));
        }
        void activation_removed(const ActivationEvent& e) override {
            lines.push_back("deactivate " + std::string(e.rule));
        }
        bool traces() const override {
            return tracing;
        }
    } recorder;
    Engine e(R"(
template a { x: int }
template b { x: int }
rule r when ?f <- a(x: ?x) then assert b(x: ?x) retract ?f log info "made b {?x}" end
)");
    e.fact("a", {{"x", integer(3)}});
    runtime::RunOptions options;
    options.observer = &recorder;
    SECTION("tracing: every event") {
        e.session->run(options);
        CHECK(recorder.lines == Lines{"fire r", "assert b", "retract a", "log made b 3"});
    }
    SECTION("not tracing: the log record alone") {
        recorder.tracing = false;
        e.session->run(options);
        CHECK(recorder.lines == Lines{"log made b 3"});
    }
    CHECK(e.facts("b") == Lines{"b(x: 3)"});
}

TEST_CASE("run-time errors stop the run and name the rule, firing and facts", "[runtime]") {
    Engine e(R"(
template a { x: int  y: int }
rule ok salience 1 when a(x: ?x) then print "ok {?x}" end
rule div when a(x: ?x, y: ?y) then print "{?x / ?y}" end
rule big when a(x: ?x, y: 7) then bind ?z = ?x * ?x print "{?z}" end
)");
    SECTION("division by zero") {
        const auto id = e.fact("a", {{"x", integer(1)}, {"y", integer(0)}});
        const auto out = e.run();
        REQUIRE(out.status == runtime::RunStatus::Error);
        REQUIRE(out.error.has_value());
        CHECK(out.error->code == DiagCode::E0901);
        CHECK(out.error->message == "division by zero in rule 'div' (firing 2, matched facts: " +
                                        std::to_string(id) + ")");
        CHECK(e.output() == Lines{"ok 1"});
    }
    SECTION("integer overflow") {
        e.fact("a", {{"x", integer(4'000'000'000)}, {"y", integer(7)}});
        const auto out = e.run();
        REQUIRE(out.status == runtime::RunStatus::Error);
        CHECK(out.error->code == DiagCode::E0902);
        CHECK(out.error->message.find("rule 'big'") != std::string::npos);
    }
    SECTION("no error") {
        e.fact("a", {{"x", integer(6)}, {"y", integer(3)}});
        const auto out = e.run();
        CHECK(out.status == runtime::RunStatus::Done);
        CHECK(e.output() == Lines{"ok 6", "2"});
    }
}

TEST_CASE("the firing limit is an error naming the rules that fired most", "[runtime]") {
    Engine e(R"(
template n { v: int }
rule grow when ?f <- n(v: ?v) then modify ?f(v: ?v + 1) end
)");
    e.fact("n", {{"v", integer(0)}});
    SECTION("reached") {
        const auto out = e.run(agenda::Strategy::Depth, 50);
        REQUIRE(out.status == runtime::RunStatus::LimitReached);
        CHECK(out.firings == 50);
        CHECK(out.error->code == DiagCode::E0903);
        CHECK(out.error->message ==
              "firing limit of 50 reached; the rules that fired most: 'grow' (50 firings)");
    }
}

TEST_CASE("a program that finishes within the limit is not an error", "[runtime]") {
    Engine e(R"(
template n { v: int }
rule grow when ?f <- n(v: ?v, v < 10) then modify ?f(v: ?v + 1) end
)");
    e.fact("n", {{"v", integer(0)}});
    const auto out = e.run(agenda::Strategy::Depth, 10);
    CHECK(out.status == runtime::RunStatus::Done);
    CHECK(e.facts("n") == Lines{"n(v: 10)"});
    CHECK(e.session->stats().firings == 10);
}

TEST_CASE("fact and time limits stop a run", "[runtime]") {
    Engine e(R"(
template n { v: int }
rule grow when n(v: ?v) then assert n(v: ?v + 1) end
)");
    e.fact("n", {{"v", integer(0)}});
    runtime::RunOptions options;
    SECTION("fact limit") {
        options.max_facts = 10;
        const auto out = e.session->run(options);
        REQUIRE(out.status == runtime::RunStatus::LimitReached);
        CHECK(out.error->code == DiagCode::E0907);
        CHECK(e.session->stats().facts_final == 11);
    }
    SECTION("time limit") {
        options.timeout_seconds = 0.05;
        const auto out = e.session->run(options);
        REQUIRE(out.status == runtime::RunStatus::LimitReached);
        CHECK(out.error->code == DiagCode::E0908);
    }
    SECTION("the firing limit still applies") {
        options.max_facts = 10;
        options.max_firings = 5;
        const auto out = e.session->run(options);
        CHECK(out.error->code == DiagCode::E0903);
    }
}

TEST_CASE("a run-time error while matching stops the run naming the rule", "[runtime]") {
    Engine e(R"(
template a { x: int  y: int }
rule ratio when a(x: ?x, y: ?y) test ?x / ?y > 1 then print "big {?x}" end
)");
    e.fact("a", {{"x", integer(4)}, {"y", integer(2)}});
    SECTION("holds") {
        const auto out = e.run();
        CHECK(out.status == runtime::RunStatus::Done);
        CHECK(e.output() == Lines{"big 4"});
    }
    SECTION("division by zero in the test") {
        e.fact("a", {{"x", integer(4)}, {"y", integer(0)}});
        const auto out = e.run();
        REQUIRE(out.status == runtime::RunStatus::Error);
        CHECK(out.error->code == DiagCode::E0901);
        CHECK(out.error->message == "division by zero while matching rule 'ratio'");
        CHECK(e.output().empty());
    }
}

// A firing that will retract or modify a fact does not build the matches that would hold
// it meanwhile (they could never fire): the results are the same, the transient activations
// are simply never made.
TEST_CASE("matches a firing is about to retract are not built", "[runtime]") {
    struct Recorder : EngineObserver {
        Lines added;
        void activation_added(const ActivationEvent& e) override {
            added.emplace_back(e.rule);
        }
    } recorder;
    Engine e(R"(
template ctx { s: symbol }
template item { n: int }
template note { n: int }
rule step when ?c <- ctx(s: go) item(n: ?n) then assert note(n: ?n) modify ?c(s: done) end
rule watch when ctx(s: go) note(n: ?n) then print "watch {?n}" end
rule after when ctx(s: done) note(n: ?n) then print "after {?n}" end
)");
    e.fact("ctx", {{"s", sym("go")}});
    e.fact("item", {{"n", integer(1)}});
    runtime::RunOptions options;
    options.observer = &recorder;
    const auto out = e.session->run(options);
    CHECK(out.status == runtime::RunStatus::Done);
    CHECK(e.output() == Lines{"after 1"});
    // (step's activation was made before the run, without the observer); `watch` (ctx go
    // + the new note) would have lived only until the modify of ctx
    CHECK(recorder.added == Lines{"after"});
}

// A new fact is not joined at all with the matches above it while all of them hold a fact
// the firing will retract; with one fact of that pattern not doomed, it meets that one.
TEST_CASE("a fact asserted while only some facts of a pattern are doomed meets the others",
          "[runtime]") {
    Engine e(R"(
template ctx { s: symbol  k: int }
template item { n: int }
template note { n: int }
rule step when ?c <- ctx(s: go, k: 1) item(n: ?n) then assert note(n: ?n) modify ?c(s: done) end
rule watch when ctx(s: go, k: ?k) note(n: ?n) then print "watch {?k} {?n}" end
)");
    e.fact("ctx", {{"s", sym("go")}, {"k", integer(1)}});
    SECTION("the only ctx of the pattern is doomed: the note meets nothing") {
        e.fact("item", {{"n", integer(7)}});
        const auto out = e.run();
        CHECK(out.status == runtime::RunStatus::Done);
        CHECK(e.output().empty());
    }
    SECTION("a second ctx of the pattern is not doomed: the note meets it") {
        e.fact("ctx", {{"s", sym("go")}, {"k", integer(2)}});
        e.fact("item", {{"n", integer(7)}});
        const auto out = e.run();
        CHECK(out.status == runtime::RunStatus::Done);
        CHECK(e.output() == Lines{"watch 2 7"});
    }
    SECTION("the second ctx went away before: the note meets nothing") {
        e.fact("ctx", {{"s", sym("stop")}, {"k", integer(2)}});
        e.fact("item", {{"n", integer(7)}});
        const auto out = e.run();
        CHECK(out.status == runtime::RunStatus::Done);
        CHECK(e.output().empty());
    }
}

TEST_CASE("a firing that fails before its retract keeps the matches it did not build",
          "[runtime]") {
    Engine e(R"(
template ctx { s: symbol }
template item { n: int }
template note { n: int }
rule step when ?c <- ctx(s: go) item(n: ?n)
then
    assert note(n: ?n)
    print "{?n / 0}"
    modify ?c(s: done)
end
rule watch salience -1 when ctx(s: go) note(n: ?n) then print "watch {?n}" end
)");
    e.fact("ctx", {{"s", sym("go")}});
    e.fact("item", {{"n", integer(1)}});
    const auto first = e.run();
    REQUIRE(first.status == runtime::RunStatus::Error);
    CHECK(e.output().empty());
    // ctx was not modified: `watch` matches ctx and the note, and `step` stays fired
    const auto second = e.run();
    CHECK(second.status == runtime::RunStatus::Done);
    CHECK(e.output() == Lines{"watch 1"});
}
