// Positive patterns and joins (spec §4.1): `slot: ?x` binds on first appearance and joins
// afterwards; constraints against earlier variables; incremental retraction.
#include "../runtime/engine_fixture.hpp"
#include "support/catch.hpp"

using namespace maslahat;
using namespace maslahat::test;
using Lines = std::vector<std::string>;

namespace {
const char* chain = R"(
template person { name: string  city: string }
template city { name: string  country: string }
template country { name: string  continent: symbol }
rule where
when
    person(name: ?p, city: ?c)
    city(name: ?c, country: ?k)
    country(name: ?k, continent: ?cont)
then
    print "{?p} lives in {?cont}"
end
)";
}  // namespace

// §4.1 "`slot: ?x` binds ?x on its first appearance in the rule; afterwards means
// slot == ?x (a join)".
TEST_CASE("a variable joins three patterns", "[rete]") {
    Engine e(chain);
    e.fact("person", {{"name", str("Ali")}, {"city", str("Tashkent")}});
    e.fact("person", {{"name", str("Olga")}, {"city", str("Almaty")}});
    e.fact("city", {{"name", str("Tashkent")}, {"country", str("Uzbekistan")}});
    e.fact("city", {{"name", str("Almaty")}, {"country", str("Kazakhstan")}});
    SECTION("holds when every link matches") {
        e.fact("country", {{"name", str("Uzbekistan")}, {"continent", sym("asia")}});
        e.run();
        CHECK(e.output() == Lines{"Ali lives in asia"});
    }
    SECTION("does not hold when one link is missing") {
        e.fact("country", {{"name", str("Russia")}, {"continent", sym("europe")}});
        e.run();
        CHECK(e.output().empty());
    }
}

TEST_CASE("facts arriving in any order give the same joins", "[rete]") {
    Engine e(chain);
    e.fact("country", {{"name", str("Uzbekistan")}, {"continent", sym("asia")}});
    e.fact("city", {{"name", str("Tashkent")}, {"country", str("Uzbekistan")}});
    e.fact("person", {{"name", str("Ali")}, {"city", str("Tashkent")}});
    e.fact("person", {{"name", str("Aziz")}, {"city", str("Tashkent")}});
    e.run();
    CHECK(e.output() == Lines{"Aziz lives in asia", "Ali lives in asia"});
}

TEST_CASE("retracting a joined fact removes the match", "[rete]") {
    Engine e(chain);
    e.fact("person", {{"name", str("Ali")}, {"city", str("Tashkent")}});
    const auto city = e.fact("city", {{"name", str("Tashkent")}, {"country", str("Uzbekistan")}});
    e.fact("country", {{"name", str("Uzbekistan")}, {"continent", sym("asia")}});
    CHECK(e.session->agenda().size() == 1);
    CHECK(e.retract(city));
    CHECK(e.session->agenda().empty());
    e.run();
    CHECK(e.output().empty());
}

// §4.1 "`slot OP EXPR` ... EXPR may use variables bound to the left or in earlier conditions".
TEST_CASE("comparison against an earlier variable is a join test", "[rete]") {
    Engine e(R"(
template country { name: string  mipex: number }
rule better
when
    country(name: ?a, mipex: ?m)
    country(name: ?b, mipex > ?m + 10)
then
    print "{?b} > {?a}"
end
)");
    e.fact("country", {{"name", str("A")}, {"mipex", num(40)}});
    e.fact("country", {{"name", str("B")}, {"mipex", num(55)}});
    e.fact("country", {{"name", str("C")}, {"mipex", num(45)}});
    e.run();
    CHECK(e.output() == Lines{"B > A"});
}

// §4.1 "`T()` (no constraints) matches every fact of T. Several constraints may name the
// same slot."
TEST_CASE("empty patterns and several constraints on one slot", "[rete]") {
    Engine e(R"(
template n { v: int }
rule all salience 1 when n() then print "any" end
rule band when n(v: ?v, v > 2, v < 5) then print "band {?v}" end
)");
    e.fact("n", {{"v", integer(3)}});
    e.fact("n", {{"v", integer(7)}});
    e.run();
    CHECK(e.output() == Lines{"any", "any", "band 3"});
}

// §4.1 "Comparing a nil slot with < <= > >= is false; slot == nil tests absence."
TEST_CASE("nil slots in comparisons", "[rete]") {
    Engine e(R"(
template c { name: string  mipex: number ? }
rule low when c(name: ?n, mipex < 50) then print "low {?n}" end
rule high when c(name: ?n, mipex >= 50) then print "high {?n}" end
rule unknown when c(name: ?n, mipex == nil) then print "unknown {?n}" end
rule known when c(name: ?n, mipex != nil) then print "known {?n}" end
)");
    e.fact("c", {{"name", str("A")}});
    e.run();
    CHECK(e.output() == Lines{"unknown A"});
    e.fact("c", {{"name", str("B")}, {"mipex", num(40)}});
    e.run();
    CHECK(e.output() == Lines{"unknown A", "low B", "known B"});
}

// §4.1 "`slot in [v1, v2]` / `slot not in [...]` membership; `slot contains EXPR` list
// slot holds the value."
TEST_CASE("membership and contains", "[rete]") {
    Engine e(R"(
template c { name: string  role: [symbol]  trend: symbol }
rule transit when c(name: ?n, role contains transit) then print "transit {?n}" end
rule moving when c(name: ?n, trend in [rising, falling]) then print "moving {?n}" end
rule still when c(name: ?n, trend not in [rising, falling]) then print "still {?n}" end
)");
    e.fact("c", {{"name", str("A")},
                 {"role", Value::list({sym("origin"), sym("transit")})},
                 {"trend", sym("rising")}});
    e.fact("c",
           {{"name", str("B")}, {"role", Value::list({sym("origin")})}, {"trend", sym("stable")}});
    e.run();
    auto out = e.output();
    std::sort(out.begin(), out.end());
    CHECK(out == Lines{"moving A", "still B", "transit A"});
}

// Left memories remove a token in O(1) through its stored bucket position; a key-less join
// (no shared variable) keeps every left token in one bucket. Retracting in an order unlike
// the order of arrival must still leave exactly the right matches.
TEST_CASE("a key-less join keeps the right matches through scattered retractions", "[rete]") {
    Engine e(R"(
template a { n: int }
template b { n: int }
rule pair
when
    a(n: ?x)
    b(n: ?y)
    test ?x + ?y == 1000
then
    print "{?x} {?y}"
end
)");
    std::vector<std::uint32_t> as;
    for (int i = 0; i < 200; ++i) {
        as.push_back(e.fact("a", {{"n", Value::integer(i)}}));
    }
    // retract every third `a`, from the middle outwards
    std::vector<int> gone;
    for (int i = 99, j = 100; i >= 0 || j < 200; --i, ++j) {
        for (const int k : {i, j}) {
            if (k >= 0 && k < 200 && k % 3 == 0) {
                CHECK(e.retract(as[static_cast<std::size_t>(k)]));
                gone.push_back(k);
            }
        }
    }
    for (int i = 0; i < 200; ++i) {
        e.fact("b", {{"n", Value::integer(1000 - i)}});
    }
    e.run();
    CHECK(e.output().size() == 200 - gone.size());
    for (const auto& line : e.output()) {
        const int x = std::stoi(line.substr(0, line.find(' ')));
        CHECK(x % 3 != 0);
    }
}

TEST_CASE("test ?var OP literal compares the bound slot", "[rete]") {
    Engine e(R"(
template a { n: int  s: string  x: number }
rule ge when a(n: ?n) test ?n >= 2 then print "ge {?n}" end
rule eq when a(n: ?n, x: ?x) test ?x == 2 then print "eq {?n}" end
rule ne when a(n: ?n, s: ?s) test ?s != "b" then print "ne {?n}" end
rule member when a(n: ?n) test ?n in [1, 3] then print "in {?n}" end
)");
    e.fact("a", {{"n", integer(1)}, {"s", str("a")}, {"x", num(2.0)}});
    e.fact("a", {{"n", integer(2)}, {"s", str("b")}, {"x", num(2.5)}});
    e.fact("a", {{"n", integer(3)}, {"s", str("b")}, {"x", num(1.0)}});
    e.run();
    auto out = e.output();
    std::sort(out.begin(), out.end());
    CHECK(out == std::vector<std::string>{"eq 1", "ge 2", "ge 3", "in 1", "in 3", "ne 1"});
}

TEST_CASE("a join test `slot OP ?var` compares against the earlier fact's slot", "[rete]") {
    Engine e(R"(
template a { x: int }
template b { id: int  y: number  s: symbol }
template c { s: symbol }
rule r when a(x: ?x) c(s: ?s) b(id: ?i, y > ?x, s != ?s) then print "{?x} {?i}" end
)");
    e.fact("a", {{"x", integer(2)}});
    e.fact("c", {{"s", sym("p")}});
    e.fact("b", {{"id", integer(1)}, {"y", num(2.0)}, {"s", sym("q")}});  // not > 2
    e.fact("b", {{"id", integer(2)}, {"y", num(2.5)}, {"s", sym("q")}});  // passes
    e.fact("b", {{"id", integer(3)}, {"y", num(3.0)}, {"s", sym("p")}});  // s == ?s
    e.run();
    CHECK(e.output() == Lines{"2 2"});
}
