// The Agenda on hand-made activations: salience buckets, each strategy's comparator
// (crstrtgy.c meanings), the spec §5 tie-breaks, removal by key, re-sorting on a change of
// strategy.
#include "agenda/agenda.hpp"

#include "support/catch.hpp"

using namespace maslahat::agenda;

namespace {
Activation act(std::uint64_t key, std::uint32_t rule, std::uint64_t timetag,
               std::vector<std::uint32_t> facts, std::int32_t salience = 0) {
    Activation a;
    a.serial = key;
    a.token = maslahat::rete::make_id<maslahat::rete::TokenId>(key);
    a.rule = rule;
    a.timetag = timetag;
    a.salience = salience;
    a.facts.assign(facts.begin(), facts.end());
    a.recency.assign(facts.begin(), facts.end());
    std::sort(a.recency.begin(), a.recency.end(), std::greater<>());
    a.first = facts.empty() ? -1 : facts.front();
    return a;
}
std::vector<std::uint64_t> order(const Agenda& agenda) {
    std::vector<std::uint64_t> keys;
    for (const auto* a : agenda.in_order()) {
        keys.push_back(a->serial);
    }
    return keys;
}
using Keys = std::vector<std::uint64_t>;
}  // namespace

TEST_CASE("agenda order per strategy", "[agenda]") {
    Agenda agenda;
    agenda.add(act(1, 0, 1, {1}));
    agenda.add(act(2, 1, 2, {2, 5}));  // first fact 2, most recent 5
    agenda.add(act(3, 2, 3, {4}));
    agenda.add(act(4, 3, 3, {3, 1}, 5));       // higher salience always first
    CHECK(order(agenda) == Keys{4, 3, 2, 1});  // depth: newest timetag first
    agenda.set_strategy(Strategy::Breadth);
    CHECK(order(agenda) == Keys{4, 1, 2, 3});
    agenda.set_strategy(Strategy::Lex);  // [5,2] > [4] > [1]
    CHECK(order(agenda) == Keys{4, 2, 3, 1});
    agenda.set_strategy(Strategy::Mea);  // first facts: 2, 4, 1
    CHECK(order(agenda) == Keys{4, 3, 2, 1});
}

TEST_CASE("lex prefers the longer list when one is a prefix", "[agenda]") {
    CHECK(fires_before(act(1, 1, 1, {3, 2}), act(2, 0, 1, {3}), Strategy::Lex));
    CHECK_FALSE(fires_before(act(2, 0, 1, {3}), act(1, 1, 1, {3, 2}), Strategy::Lex));
}

TEST_CASE("ties: declaration order, then fact ids", "[agenda]") {
    const auto s =
        GENERATE(values({Strategy::Depth, Strategy::Breadth, Strategy::Lex, Strategy::Mea}));
    Agenda agenda(s);
    agenda.add(act(1, 1, 7, {2}));
    agenda.add(act(2, 0, 7, {2}));
    agenda.add(act(3, 0, 7, {1, 2}));
    agenda.add(act(4, 0, 7, {2, 1}));
    if (s == Strategy::Depth) {
        // same timetag: rule 0 first; then the newest facts first (fact-id lists compared
        // lexicographically, larger first), as CLIPS' depth does for one change
        CHECK(order(agenda) == Keys{4, 2, 3, 1});
    } else if (s == Strategy::Breadth) {
        // same timetag: rule 0 first; then the oldest facts first
        CHECK(order(agenda) == Keys{3, 2, 4, 1});
    } else {
        // lex/mea see [2,1] before [2]; mea first looks at the first fact (1 < 2)
        CHECK(order(agenda) == (s == Strategy::Lex ? Keys{3, 4, 2, 1} : Keys{4, 2, 1, 3}));
    }
}

TEST_CASE("removal and pop", "[agenda]") {
    Agenda agenda;
    agenda.add(act(1, 0, 1, {1}));
    agenda.add(act(2, 0, 2, {2}));
    CHECK(agenda.remove(maslahat::rete::make_id<maslahat::rete::TokenId>(2), 2).has_value());
    CHECK_FALSE(agenda.remove(maslahat::rete::make_id<maslahat::rete::TokenId>(2), 2).has_value());
    CHECK(agenda.size() == 1);
    CHECK(agenda.pop()->serial == 1);
    CHECK(agenda.empty());
    CHECK_FALSE(agenda.pop().has_value());
}
