// The network builder: node sharing between rules (build_or_share_*), alpha memories
// shared by equal tests, hash-join keys for equalities on bound variables.
#include "rete/builder.hpp"

#include "../runtime/engine_fixture.hpp"
#include "support/catch.hpp"

using namespace maslahat;
using namespace maslahat::test;
using rete::NodeKind;

namespace {
std::size_t count_kind(const rete::Network& net, NodeKind kind) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < net.node_count(); ++i) {
        n += net.node(rete::make_id<rete::NodeId>(i)).kind == kind ? 1 : 0;
    }
    return n;
}
const char* two_rules = R"(
template a { x: int  y: int }
template b { x: int }
template c { x: int }
rule r1 when a(x: ?x, y: 1) b(x: ?x) c(x: ?x) then print "r1" end
rule r2 when a(x: ?x, y: 1) b(x: ?x) not c(x: ?x) then print "r2" end
)";
}  // namespace

TEST_CASE("two rules with a common prefix share their nodes", "[rete]") {
    auto c = compile(two_rules);
    const rete::Network& net = c->network;
    // root + join a + join b (shared) + join c + negative c + 2 terminals
    CHECK(count_kind(net, NodeKind::Join) == 3);
    CHECK(count_kind(net, NodeKind::Negative) == 1);
    CHECK(count_kind(net, NodeKind::Terminal) == 2);
    CHECK(net.node_count() == 7);
    const auto& t1 = net.node(net.terminals()[0]);
    const auto& t2 = net.node(net.terminals()[1]);
    // the parents of c-join and not-c are the same shared b-join
    CHECK(net.node(t1.parent).parent == net.node(t2.parent).parent);
    CHECK(net.alpha_count() == 3);  // a(y == 1), b, c — c's memory shared by join and not
}

TEST_CASE("rules with different tests do not share", "[rete]") {
    auto c = compile(R"(
template a { x: int  y: int }
rule r1 when a(x: ?x, y: 1) then print "r1" end
rule r2 when a(x: ?x, y: 2) then print "r2" end
)");
    CHECK(count_kind(c->network, NodeKind::Join) == 2);
    CHECK(c->network.alpha_count() == 2);
}

TEST_CASE("equality on a bound variable becomes a hash-join key", "[rete]") {
    auto c = compile(R"(
template a { x: int }
template b { x: int  y: int }
rule r when a(x: ?x) b(x: ?x, y > ?x) then print "r" end
)");
    const rete::Network& net = c->network;
    const auto& join_b = net.node(net.node(net.terminals()[0]).parent);
    REQUIRE(join_b.kind == NodeKind::Join);
    const rete::JoinSpec& spec = net.join(join_b).spec;
    REQUIRE(spec.keys.size() == 1);
    CHECK(spec.keys[0].left_token == 0);
    CHECK(spec.tests.size() == 1);  // y > ?x is a generic join test
}

TEST_CASE("constant and intra-fact tests are alpha tests", "[rete]") {
    auto c = compile(R"(
template a { x: int  y: int }
param limit = 3
rule r when a(x: ?x, y: ?x, x > $limit) then print "r" end
)");
    const rete::Network& net = c->network;
    REQUIRE(net.alpha_count() == 1);
    CHECK(net.alpha(rete::AlphaId{0}).tests.size() == 2);
    const auto& join = net.node(net.node(net.terminals()[0]).parent);
    CHECK(net.join(join).spec.keys.empty());
    CHECK(net.join(join).spec.tests.empty());
    Engine e(R"(
template a { x: int  y: int }
param limit = 3
rule r when a(x: ?x, y: ?x, x > $limit) then print "r {?x}" end
)");
    e.fact("a", {{"x", integer(5)}, {"y", integer(5)}});
    e.fact("a", {{"x", integer(6)}, {"y", integer(7)}});
    e.fact("a", {{"x", integer(2)}, {"y", integer(2)}});
    e.run();
    CHECK(e.output() == std::vector<std::string>{"r 5"});
}

TEST_CASE("one network serves several sessions with separate memories", "[rete]") {
    auto c = compile(two_rules);
    runtime::Session s1(c->program, c->network);
    runtime::Session s2(c->program, c->network);
    FactInput a{1, {Value::integer(1), Value::integer(1)}, {}, std::nullopt};
    const auto ta = c->program.find_template("a");
    const auto tb = c->program.find_template("b");
    REQUIRE(ta);
    REQUIRE(tb);
    a.template_index = *ta;
    FactInput b{*tb, {Value::integer(1)}, {}, std::nullopt};
    s1.assert_fact(a);
    s1.assert_fact(b);
    s2.assert_fact(a);
    s1.run();
    s2.run();
    CHECK(s1.output() == std::vector<std::string>{"r2"});
    CHECK(s2.output().empty());
    CHECK(s1.memory().live_tokens() > s2.memory().live_tokens());
}

TEST_CASE("a test right after a pattern is checked by that pattern's join", "[rete]") {
    auto c = compile(R"(
template a { x: int }
template b { x: int }
rule folded when a(x: ?x) test ?x > 1 b(x: ?y) test ?y > ?x test ?y < 10 then print "f" end
rule first when test 1 < 2 a(x: ?x) then print "t" end
)");
    const rete::Network& net = c->network;
    // `folded`: `?x > 1` and `?y < 10` read only their own pattern's fact and become alpha
    // tests; `?y > ?x` is a check of b's join. `first`: its test has no pattern before it and
    // stays a node of its own.
    CHECK(count_kind(net, NodeKind::Test) == 1);
    std::size_t checks = 0;
    for (std::size_t i = 0; i < net.node_count(); ++i) {
        const auto& n = net.node(rete::make_id<rete::NodeId>(i));
        if (n.kind == NodeKind::Join && net.spec(n) != nullptr) {
            checks += net.spec(n)->checks.size();
        }
    }
    CHECK(checks == 1);
    CHECK(net.alpha_count() == 3);  // a(x > 1), b(x < 10), and a for `first`
}

TEST_CASE("folded tests see the new fact and earlier ones, and report errors", "[rete]") {
    const char* rules = R"(
template a { x: int }
template b { x: int }
rule r when a(x: ?x) test ?x > 1 b(x: ?y) test ?y > ?x test 10 / (?y - 5) > 0 then
    print "{?x} {?y}"
end
)";
    SECTION("only pairs passing every test match, whatever the order of facts") {
        Engine e(rules);
        e.fact("b", {{"x", integer(7)}});
        e.fact("a", {{"x", integer(1)}});  // fails ?x > 1
        e.fact("a", {{"x", integer(3)}});
        e.fact("b", {{"x", integer(2)}});  // fails ?y > ?x
        e.fact("b", {{"x", integer(4)}});  // 10 / -1 > 0 fails
        e.run();
        CHECK(e.output() == std::vector<std::string>{"3 7"});
    }
    SECTION("an error in a folded test stops the run with the rule named") {
        Engine e(rules);
        e.fact("a", {{"x", integer(3)}});
        e.fact("b", {{"x", integer(5)}});  // 10 / 0
        const auto outcome = e.run();
        REQUIRE(outcome.error);
        CHECK(outcome.error->code == DiagCode::E0901);
        CHECK(outcome.error->message.find("rule 'r'") != std::string::npos);
    }
}

TEST_CASE("the first join of a rule keeps no right memory", "[rete]") {
    auto c = compile(R"(
template a { x: int }
template b { x: int }
rule r when a(x: ?x) b(x: ?x) then print "{?x}" end
)");
    runtime::Session s(c->program, c->network);
    const auto ta = c->program.find_template("a");
    const auto tb = c->program.find_template("b");
    REQUIRE(ta);
    REQUIRE(tb);
    for (int i = 0; i < 3; ++i) {
        s.assert_fact(FactInput{*ta, {Value::integer(i)}, {}, std::nullopt});
        s.assert_fact(FactInput{*tb, {Value::integer(i)}, {}, std::nullopt});
    }
    const rete::Network& net = c->network;
    const auto& second = net.node(net.node(net.terminals()[0]).parent);
    const auto& first = net.node(second.parent);
    CHECK(s.memory().right_count(second.parent) == 0);  // a's join, under the root
    CHECK(s.memory().right_count(first.children[0]) == 3);
    s.run();
    CHECK(s.output().size() == 3);
}

TEST_CASE("join keys and tests know how many tokens up their position is", "[rete]") {
    // tokens: a (join), not b (gate, no position), ?n = count (a value), test (no position),
    // then e's join keys reach back to a and to ?n across those tokens
    Engine e(R"(
template a { x: int  y: int }
template b { x: int }
template d { x: int  k: int }
template e { x: int  n: int  y: int }
rule r
when
    a(x: ?x, y: ?y)
    not b(x: ?x)
    ?n = count d(x: ?x)
    test ?n >= 0 or ?x > 0
    e(x: ?x, n: ?n, y > ?y)
then
    print "{?x} {?n}"
end
)");
    const rete::Network& net = e.compiled->network;
    const rete::Node& join_e = net.node(net.node(net.terminals()[0]).parent);
    REQUIRE(join_e.kind == NodeKind::Join);
    const rete::JoinSpec& spec = net.join(join_e).spec;
    // ?x is a hash-join key; `n: ?n` (an aggregate value) and `y > ?y` are join tests
    REQUIRE(spec.keys.size() == 1);
    REQUIRE(spec.tests.size() == 2);
    REQUIRE(spec.test_hops.size() == 2);
    // the left token is the test node's; above it the aggregate's, the gate's, a's
    CHECK(spec.keys[0].left_hops == 3);  // ?x: a
    for (std::size_t i = 0; i < spec.tests.size(); ++i) {
        CAPTURE(i);
        // `y > ?y` reads a slot of a in place, 3 tokens up; `n: ?n` is evaluated
        CHECK(spec.test_hops[i] == (spec.tests[i].slot == 2 ? 3 : rete::JoinSpec::no_hops));
    }
    // and the run agrees: of the e facts, only (1, 2, 6) matches a(1, 5) with two d(x: 1)
    e.fact("a", {{"x", integer(1)}, {"y", integer(5)}});
    e.fact("d", {{"x", integer(1)}, {"k", integer(1)}});
    e.fact("d", {{"x", integer(1)}, {"k", integer(2)}});
    e.fact("e", {{"x", integer(1)}, {"n", integer(2)}, {"y", integer(6)}});
    e.fact("e", {{"x", integer(1)}, {"n", integer(1)}, {"y", integer(6)}});
    e.fact("e", {{"x", integer(1)}, {"n", integer(2)}, {"y", integer(4)}});
    e.run();
    CHECK(e.output() == std::vector<std::string>{"1 2"});
}
