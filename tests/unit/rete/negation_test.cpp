// `not`, `not { }`, `exists`, `exists { }` (spec §4.1): "no fact (no combination of
// facts) matches, given the bindings so far"; exists "fires once, not once per match".
#include "../runtime/engine_fixture.hpp"
#include "rete/network.hpp"
#include "support/catch.hpp"

using namespace maslahat;
using namespace maslahat::test;
using Lines = std::vector<std::string>;

TEST_CASE("not with a variable bound earlier", "[rete]") {
    Engine e(R"(
template country { name: string }
template programme { country: string  kind: symbol }
rule missing
when
    country(name: ?n)
    not programme(country: ?n, kind: integration)
then
    print "no programme in {?n}"
end
)");
    e.fact("country", {{"name", str("A")}});
    e.fact("country", {{"name", str("B")}});
    e.fact("programme", {{"country", str("B")}, {"kind", sym("integration")}});
    e.fact("programme", {{"country", str("A")}, {"kind", sym("labour")}});
    SECTION("holds only where no matching fact exists") {
        e.run();
        CHECK(e.output() == Lines{"no programme in A"});
    }
    SECTION("a blocking fact asserted later removes the activation") {
        e.fact("programme", {{"country", str("A")}, {"kind", sym("integration")}});
        e.run();
        CHECK(e.output().empty());
    }
}

TEST_CASE("retracting the last blocker re-activates a not", "[rete]") {
    Engine e(R"(
template a { x: int }
template b { x: int }
rule r when a(x: ?x) not b(x: ?x) then print "free {?x}" end
)");
    e.fact("a", {{"x", integer(1)}});
    const auto b1 = e.fact("b", {{"x", integer(1)}});
    const auto b2 = e.fact("b", {
                                    {"x", integer(1)},
                                });
    CHECK(b2 == 0);  // duplicate of b1: ignored
    e.run();
    CHECK(e.output().empty());
    e.retract(b1);
    e.run();
    CHECK(e.output() == Lines{"free 1"});
}

TEST_CASE("a token made while a fact is retracted was never blocked by it", "[rete]") {
    // retracting b(1) deletes the not { } group's match, which passes a(1) on to the
    // single-pattern not below while b(1) is already out of its memory: that not must not
    // count b(1) off for it, or b(1) asserted again would no longer block the rule
    Engine e(R"(
template a { x: int }
template b { x: int }
template c { x: int }
rule r when a(x: ?x) not { b(x: ?x) c(x: ?x) } not b(x: ?x) then print "free {?x}" end
)");
    e.fact("a", {{"x", integer(1)}});
    const auto c = e.fact("c", {{"x", integer(1)}});
    const auto b = e.fact("b", {{"x", integer(1)}});
    e.run();
    CHECK(e.output().empty());
    e.retract(b);
    SECTION("the rule matches once b is gone") {
        e.run();
        CHECK(e.output() == Lines{"free 1"});
    }
    SECTION("b asserted again blocks it again (through the single-pattern not only)") {
        e.retract(c);
        e.fact("b", {{"x", integer(1)}});
        e.run();
        CHECK(e.output().empty());
    }
}

TEST_CASE("not { } over a conjunction", "[rete]") {
    Engine e(R"(
template country { name: string }
template agreement { country: string  partner: string }
template partner { name: string  kind: symbol }
rule no_labour_partner
when
    country(name: ?n)
    not {
        agreement(country: ?n, partner: ?p)
        partner(name: ?p, kind: labour)
    }
then
    print "{?n} has no labour partner"
end
)");
    e.fact("country", {{"name", str("A")}});
    e.fact("country", {{"name", str("B")}});
    e.fact("agreement", {{"country", str("A")}, {"partner", str("Russia")}});
    e.fact("agreement", {{"country", str("B")}, {"partner", str("Korea")}});
    SECTION("only one half of the group present: the not holds") {
        e.fact("partner", {{"name", str("Russia")}, {"kind", sym("trade")}});
        e.run();
        CHECK(e.output() == Lines{"B has no labour partner", "A has no labour partner"});
    }
    SECTION("the whole group matches for A: the not fails for A only") {
        const auto p = e.fact("partner", {{"name", str("Russia")}, {"kind", sym("labour")}});
        e.run();
        CHECK(e.output() == Lines{"B has no labour partner"});
        SECTION("retracting a group fact brings A back") {
            e.retract(p);
            e.run();
            CHECK(e.output() == Lines{"B has no labour partner", "A has no labour partner"});
        }
    }
}

TEST_CASE("a rule that starts with not matches an empty working memory", "[rete]") {
    Engine e(R"(
template a { x: int }
rule empty when not a() then print "empty" end
)");
    SECTION("holds") {
        e.run();
        CHECK(e.output() == Lines{"empty"});
    }
    SECTION("does not hold") {
        e.fact("a", {{"x", integer(1)}});
        e.run();
        CHECK(e.output().empty());
    }
}

TEST_CASE("exists fires once, not once per match", "[rete]") {
    Engine e(R"(
template country { name: string }
template agreement { country: string  partner: string }
rule has_agreement
when
    country(name: ?n)
    exists agreement(country: ?n)
then
    print "{?n} has agreements"
end
)");
    e.fact("country", {{"name", str("A")}});
    e.fact("country", {{"name", str("B")}});
    SECTION("three matches, one firing") {
        e.fact("agreement", {{"country", str("A")}, {"partner", str("X")}});
        e.fact("agreement", {{"country", str("A")}, {"partner", str("Y")}});
        e.fact("agreement", {{"country", str("A")}, {"partner", str("Z")}});
        e.run();
        CHECK(e.output() == Lines{"A has agreements"});
    }
    SECTION("no match, no firing") {
        e.fact("agreement", {{"country", str("C")}, {"partner", str("X")}});
        e.run();
        CHECK(e.output().empty());
    }
    SECTION("the activation goes only when the last match goes") {
        const auto x = e.fact("agreement", {{"country", str("A")}, {"partner", str("X")}});
        const auto y = e.fact("agreement", {{"country", str("A")}, {"partner", str("Y")}});
        CHECK(e.session->agenda().size() == 1);
        e.retract(x);
        CHECK(e.session->agenda().size() == 1);
        e.retract(y);
        CHECK(e.session->agenda().empty());
    }
}

TEST_CASE("exists { } over a conjunction fires once", "[rete]") {
    Engine e(R"(
template country { name: string }
template agreement { country: string  partner: string }
template partner { name: string  kind: symbol }
rule has_labour
when
    country(name: ?n)
    exists {
        agreement(country: ?n, partner: ?p)
        partner(name: ?p, kind: labour)
    }
then
    print "{?n} has a labour partner"
end
)");
    e.fact("country", {{"name", str("A")}});
    e.fact("agreement", {{"country", str("A")}, {"partner", str("Russia")}});
    e.fact("agreement", {{"country", str("A")}, {"partner", str("Korea")}});
    SECTION("two matching combinations, one firing") {
        e.fact("partner", {{"name", str("Russia")}, {"kind", sym("labour")}});
        e.fact("partner", {{"name", str("Korea")}, {"kind", sym("labour")}});
        e.run();
        CHECK(e.output() == Lines{"A has a labour partner"});
    }
    SECTION("no full combination, no firing") {
        e.fact("partner", {{"name", str("Russia")}, {"kind", sym("trade")}});
        e.run();
        CHECK(e.output().empty());
    }
}

// §4.1 "`test EXPR` boolean expression over variables bound earlier".
TEST_CASE("test conditions", "[rete]") {
    Engine e(R"(
template c { name: string  pop: int  area: int }
rule dense when c(name: ?n, pop: ?p, area: ?a) test ?p / ?a > 100 then print "dense {?n}" end
)");
    e.fact("c", {{"name", str("A")}, {"pop", integer(1000)}, {"area", integer(5)}});
    e.fact("c", {{"name", str("B")}, {"pop", integer(1000)}, {"area", integer(50)}});
    e.run();
    CHECK(e.output() == Lines{"dense A"});
}

TEST_CASE("a not { } subnetwork shared with another rule's main path", "[rete]") {
    Engine e(R"(
template a { x: int }
template b { x: int  y: int }
template c { y: int }
rule joined when a(x: ?x) b(x: ?x, y: ?y) c(y: ?y) then print "joined {?x}" end
rule never when a(x: ?x) not { b(x: ?x, y: ?y) c(y: ?y) } then print "never {?x}" end
rule twice when a(x: ?x) not { b(x: ?x, y: ?y) c(y: ?y) } then print "twice {?x}" end
)");
    const rete::Network& net = e.compiled->network;
    std::size_t nccs = 0, joins = 0;
    for (std::size_t i = 0; i < net.node_count(); ++i) {
        const auto kind = net.node(rete::make_id<rete::NodeId>(i)).kind;
        nccs += kind == rete::NodeKind::Ncc ? 1 : 0;
        joins += kind == rete::NodeKind::Join ? 1 : 0;
    }
    CHECK(nccs == 1);   // shared by `never` and `twice`
    CHECK(joins == 3);  // a, b, c: the subnetwork is the main path of `joined`
    e.fact("a", {{"x", integer(1)}});
    e.fact("a", {{"x", integer(2)}});
    e.fact("b", {{"x", integer(1)}, {"y", integer(5)}});
    const auto c = e.fact("c", {{"y", integer(5)}});
    e.run();
    CHECK(e.output() == Lines{"joined 1", "never 2", "twice 2"});
    e.retract(c);
    e.run();
    CHECK(e.output() == Lines{"joined 1", "never 2", "twice 2", "never 1", "twice 1"});
}

TEST_CASE("nested negation: not { a not b }", "[rete]") {
    Engine e(R"(
template k { x: int }
template a { x: int }
template b { x: int }
rule all_covered when k(x: ?x) not { a(x: ?x) not b(x: ?x) } then print "covered {?x}" end
)");
    e.fact("k", {{"x", integer(1)}});
    SECTION("no a: covered") {
        e.run();
        CHECK(e.output() == Lines{"covered 1"});
    }
    SECTION("an a without b: not covered") {
        e.fact("a", {{"x", integer(1)}});
        e.run();
        CHECK(e.output().empty());
        SECTION("its b arrives: covered") {
            e.fact("b", {{"x", integer(1)}});
            e.run();
            CHECK(e.output() == Lines{"covered 1"});
        }
    }
}
