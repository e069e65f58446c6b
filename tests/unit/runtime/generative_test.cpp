// Generative test (Clara style): the same facts asserted in many random orders (fixed
// seed), and asserted-then-partly-retracted, must leave the same recommendations and
// derived facts — the network's incremental maintenance must not depend on arrival order.
#include "engine_fixture.hpp"
#include "support/catch.hpp"

#include <algorithm>
#include <random>

using namespace maslahat;
using namespace maslahat::test;
using Lines = std::vector<std::string>;

namespace {
const char* program = R"(
template country { name: string  mipex: number ?  trend: symbol in {falling, stable, rising} = stable }
template programme { country: string  kind: symbol }
template agreement { country: string  partner: string }
template partner { name: string  kind: symbol }
template weak { country: string }
recommendation A "Labour agreements"
recommendation B "Integration programmes"
param weak_mipex = 50
rule weak_policy when country(name: ?n, mipex < $weak_mipex) then derive weak(country: ?n) end
rule b_weak_rising when weak(country: ?n) country(name: ?n, trend: rising)
    not programme(country: ?n, kind: integration)
then recommend B for ?n confidence 0.6 because "weak and rising" end
rule b_few_programmes when country(name: ?n) ?k = count programme(country: ?n) test ?k < 2
then recommend B for ?n confidence 0.3 because "{?k} programmes" end
rule a_partners when country(name: ?n)
    exists { agreement(country: ?n, partner: ?p) partner(name: ?p, kind: labour) }
    ?m = count agreement(country: ?n)
then recommend A for ?n confidence 0.4 because "{?m} agreements" end
rule a_total when ?t = sum(?x) over country(mipex: ?x) test ?t > 100
then recommend A for "all" confidence 0.25 because "total {?t}" end
)";

struct FactSpec {
    std::string tmpl;
    Slots slots;
};

std::vector<FactSpec> all_facts() {
    return {
        {"country", {{"name", str("UZ")}, {"mipex", num(40)}, {"trend", sym("rising")}}},
        {"country", {{"name", str("KZ")}, {"mipex", num(45)}, {"trend", sym("rising")}}},
        {"country", {{"name", str("NO")}, {"mipex", num(70)}, {"trend", sym("stable")}}},
        {"country", {{"name", str("XX")}, {"trend", sym("rising")}}},
        {"programme", {{"country", str("KZ")}, {"kind", sym("integration")}}},
        {"programme", {{"country", str("NO")}, {"kind", sym("labour")}}},
        {"programme", {{"country", str("NO")}, {"kind", sym("integration")}}},
        {"agreement", {{"country", str("UZ")}, {"partner", str("RU")}}},
        {"agreement", {{"country", str("UZ")}, {"partner", str("KR")}}},
        {"agreement", {{"country", str("KZ")}, {"partner", str("TR")}}},
        {"partner", {{"name", str("RU")}, {"kind", sym("labour")}}},
        {"partner", {{"name", str("KR")}, {"kind", sym("labour")}}},
        {"partner", {{"name", str("TR")}, {"kind", sym("trade")}}},
    };
}

struct Result {
    Lines recommendations;
    Lines supports;
    Lines weak;
    bool operator==(const Result&) const = default;
};

Result outcome(Engine& e) {
    Result r;
    r.recommendations = e.recommendations();
    for (const auto& rec : e.session->recommendations()) {
        for (const auto& s : rec.supports) {
            r.supports.push_back(e.compiled->program.recommendations[rec.id].id + " " +
                                 rec.subject + " " + e.compiled->program.rules[s.rule].name + " " +
                                 s.because);
        }
    }
    std::sort(r.supports.begin(), r.supports.end());
    r.weak = e.facts("weak");
    std::sort(r.weak.begin(), r.weak.end());
    return r;
}

Result run_in_order(const std::vector<FactSpec>& facts, agenda::Strategy s) {
    Engine e(program);
    for (const auto& f : facts) {
        e.fact(f.tmpl, f.slots);
    }
    e.run(s);
    return outcome(e);
}
}  // namespace

TEST_CASE("random insertion orders give the same recommendations", "[runtime][generative]") {
    const auto facts = all_facts();
    const Result expected = run_in_order(facts, agenda::Strategy::Depth);
    CHECK(expected.recommendations ==
          Lines{"B UZ 0.72", "A UZ 0.4", "B KZ 0.3", "B XX 0.3", "A all 0.25"});
    CHECK(expected.weak == Lines{"weak(country: KZ)", "weak(country: UZ)"});
    std::mt19937 rng(20261127);
    for (int round = 0; round < 40; ++round) {
        auto shuffled = facts;
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        const auto s = static_cast<agenda::Strategy>(round % 4);
        CAPTURE(round);
        CHECK(run_in_order(shuffled, s) == expected);
    }
}

TEST_CASE("assert all then retract some equals asserting only the rest", "[runtime][generative]") {
    const auto facts = all_facts();
    std::mt19937 rng(7);
    for (int round = 0; round < 25; ++round) {
        CAPTURE(round);
        std::vector<std::size_t> order(facts.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            order[i] = i;
        }
        std::shuffle(order.begin(), order.end(), rng);
        const std::size_t keep = 1 + rng() % (facts.size() - 1);
        Engine e(program);
        std::vector<std::uint32_t> ids(facts.size());
        for (const std::size_t i : order) {
            ids[i] = e.fact(facts[i].tmpl, facts[i].slots);
        }
        e.run();
        // retract the facts beyond `keep` (in shuffled order), running between retractions
        std::vector<FactSpec> rest;
        for (std::size_t k = 0; k < order.size(); ++k) {
            if (k < keep) {
                rest.push_back(facts[order[k]]);
            } else {
                CHECK(e.retract(ids[order[k]]));
                if (k % 2 == 0) {
                    e.run();
                }
            }
        }
        e.run();
        CHECK(outcome(e) == run_in_order(rest, agenda::Strategy::Depth));
    }
}
