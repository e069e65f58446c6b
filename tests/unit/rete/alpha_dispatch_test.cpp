// AlphaDispatch: an asserted fact is tested only against the alphas its values can pass
// (`slot == literal` alphas indexed by the literal), in the network's order.
#include "rete/alpha_dispatch.hpp"

#include "../runtime/engine_fixture.hpp"
#include "support/catch.hpp"

using namespace maslahat;
using namespace maslahat::test;

TEST_CASE("alpha dispatch offers keyed alphas only for matching literals", "[rete]") {
    auto c = compile(R"(
template t { k: symbol  n: int }
rule a when t(k: x) then print "a" end
rule b when t(k: y, n > 1) then print "b" end
rule c when t(n: 1) then print "c" end
rule d when t(n > 0) then print "d" end
)");
    const rete::Network& net = c->network;
    // the template's index in the program (0 is the built-in `recommended`)
    ir::TemplateIndex t = 0;
    while (c->program.templates[t].name != "t") {
        ++t;
    }
    const auto& all = net.alphas_of(t);
    REQUIRE(all.size() == 4);  // a, b, c, d in rule order
    rete::AlphaDispatch d(net);
    const auto of = [&](const std::vector<Value>& slots) {
        std::vector<rete::AlphaId> out;
        d.for_each_candidate(t, slots, [&](rete::AlphaId a) { out.push_back(a); });
        return out;
    };
    CHECK(of({sym("x"), integer(1)}) == std::vector{all[0], all[2], all[3]});
    CHECK(of({sym("z"), integer(5)}) == std::vector{all[3]});
    // 1.0 == 1: a number finds the alpha keyed on the integer literal
    CHECK(of({sym("y"), num(1.0)}) == std::vector{all[1], all[2], all[3]});
    // a missing slot value (nil) matches no literal
    CHECK(of({}) == std::vector{all[3]});
}
