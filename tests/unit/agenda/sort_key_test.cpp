// The agenda's inline sort keys order activations exactly as fires_before does (spec §5),
// including ties past the inlined fact ids, and the agenda's order is fires_before's order
// after random adds, removals and strategy switches.
#include "agenda/sort_key.hpp"

#include "agenda/agenda.hpp"
#include "support/catch.hpp"

#include <algorithm>
#include <random>

using namespace maslahat::agenda;

namespace {

/// Few distinct values per field so that every tie-break is reached, and fact lists up to
/// twice the inlined length that often share long prefixes.
Activation random_activation(std::mt19937& rng, std::uint64_t serial) {
    auto pick = [&](std::uint32_t n) { return static_cast<std::uint32_t>(rng() % n); };
    Activation a;
    a.serial = serial;
    a.token = maslahat::rete::make_id<maslahat::rete::TokenId>(serial % 7);  // shared tokens
    a.rule = pick(2);
    a.salience = static_cast<std::int32_t>(pick(3)) - 1;
    a.timetag = pick(2) == 0 ? pick(3) : (std::uint64_t{1} << 32U) + pick(2);
    const std::uint32_t n = pick(2 * SortKey::inline_facts + 1);
    for (std::uint32_t i = 0; i < n; ++i) {
        a.facts.push_back(i < SortKey::inline_facts + 1 ? 1 + pick(2) : pick(3));
    }
    a.recency = a.facts;
    std::sort(a.recency.begin(), a.recency.end(), std::greater<>());
    a.first = a.facts.empty() ? -1 : a.facts.front();
    return a;
}

const Strategy all_strategies[] = {Strategy::Depth, Strategy::Breadth, Strategy::Lex,
                                   Strategy::Mea};

}  // namespace

TEST_CASE("sort keys order pairs as fires_before does", "[agenda]") {
    std::mt19937 rng(7);
    std::vector<Activation> acts;
    for (std::uint64_t i = 0; i < 300; ++i) {
        acts.push_back(random_activation(rng, i));
    }
    for (const Strategy s : all_strategies) {
        const SortKeyOrder order{s};
        std::size_t mismatches = 0;
        std::size_t deep_ties = 0;  // equal up to the inlined ids, decided further on
        for (const auto& a : acts) {
            const SortKey ka = make_sort_key(a, s);
            for (const auto& b : acts) {
                const SortKey kb = make_sort_key(b, s);
                if (order(ka, kb) != fires_before(a, b, s)) {
                    ++mismatches;
                }
                if (a.serial != b.serial && a.salience == b.salience && a.rule == b.rule &&
                    a.timetag == b.timetag && a.facts.size() > SortKey::inline_facts &&
                    b.facts.size() > SortKey::inline_facts &&
                    std::equal(a.facts.begin(), a.facts.begin() + SortKey::inline_facts,
                               b.facts.begin())) {
                    ++deep_ties;
                }
            }
        }
        CHECK(mismatches == 0);
        CHECK(deep_ties > 0);
    }
}

TEST_CASE("salience and timetag keep their full range in the key", "[agenda]") {
    Activation low;
    low.salience = -2'000'000'000;
    low.timetag = ~std::uint64_t{0};
    Activation high = low;
    high.serial = 1;
    high.salience = 2'000'000'000;
    high.timetag = 0;
    for (const Strategy s : all_strategies) {
        CHECK(SortKeyOrder{s}(make_sort_key(high, s), make_sort_key(low, s)));
        CHECK_FALSE(SortKeyOrder{s}(make_sort_key(low, s), make_sort_key(high, s)));
    }
    Activation newer = low;
    newer.serial = 2;
    newer.timetag = low.timetag - (std::uint64_t{1} << 32U);  // differs in the upper half only
    CHECK(SortKeyOrder{Strategy::Depth}(make_sort_key(low, Strategy::Depth),
                                        make_sort_key(newer, Strategy::Depth)));
    CHECK(SortKeyOrder{Strategy::Breadth}(make_sort_key(newer, Strategy::Breadth),
                                          make_sort_key(low, Strategy::Breadth)));
}

TEST_CASE("agenda order is fires_before order after adds, removals and switches", "[agenda]") {
    std::mt19937 rng(11);
    Agenda agenda;
    std::vector<Activation> model;  // what should be pending
    std::uint64_t next = 0;
    Strategy s = Strategy::Depth;
    for (int step = 0; step < 3000; ++step) {
        const auto r = rng() % 100;
        if (r < 55 || model.empty()) {
            Activation a = random_activation(rng, next++);
            model.push_back(a);
            agenda.add(std::move(a));
        } else if (r < 90) {
            const std::size_t i = rng() % model.size();
            CHECK(agenda.erase(model[i].token, model[i].serial));
            CHECK_FALSE(agenda.erase(model[i].token, model[i].serial));
            model.erase(model.begin() + static_cast<std::ptrdiff_t>(i));
        } else if (r < 97) {
            const auto it = std::min_element(
                model.begin(), model.end(),
                [&](const auto& a, const auto& b) { return fires_before(a, b, s); });
            const auto popped = agenda.pop();
            REQUIRE(popped.has_value());
            CHECK(popped->serial == it->serial);
            CHECK(popped->facts == it->facts);
            model.erase(it);
        } else {
            s = all_strategies[rng() % 4];
            agenda.set_strategy(s);
        }
        REQUIRE(agenda.size() == model.size());
    }
    for (const Strategy strategy : all_strategies) {
        agenda.set_strategy(strategy);
        std::sort(model.begin(), model.end(),
                  [&](const auto& a, const auto& b) { return fires_before(a, b, strategy); });
        std::vector<std::uint64_t> expected;
        for (const auto& a : model) {
            expected.push_back(a.serial);
        }
        std::vector<std::uint64_t> actual;
        for (const auto* a : agenda.in_order()) {
            actual.push_back(a->serial);
        }
        CHECK(actual == expected);
        REQUIRE(agenda.top() != nullptr);
        CHECK(agenda.top()->serial == expected.front());
    }
}
