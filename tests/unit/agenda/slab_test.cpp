// The agenda's storage: slots of removed activations are reused, a pending activation keeps
// its address while others come and go, a key already pending is ignored, and the agenda
// fills `recency` itself when the strategy compares it.
#include "agenda/agenda.hpp"
#include "support/catch.hpp"

using namespace maslahat::agenda;

namespace {
maslahat::rete::TokenId tok(std::uint64_t serial) {
    return maslahat::rete::make_id<maslahat::rete::TokenId>(serial);
}
Activation act(std::uint64_t serial, std::uint64_t timetag, std::vector<std::uint32_t> facts) {
    Activation a;
    a.serial = serial;
    a.token = tok(serial);
    a.timetag = timetag;
    a.facts.assign(facts.begin(), facts.end());
    a.first = facts.empty() ? -1 : facts.front();
    return a;
}
}  // namespace

TEST_CASE("removed slots are reused and pending activations stay put", "[agenda]") {
    Agenda agenda;
    agenda.add(act(1, 1, {1}));
    const Activation* kept = agenda.find(tok(1), 1);
    REQUIRE(kept != nullptr);
    for (std::uint64_t i = 2; i < 2000; ++i) {
        agenda.add(act(i, i, {static_cast<std::uint32_t>(i)}));
        if (i % 3 != 0) {
            CHECK(agenda.erase(tok(i), i));
        }
    }
    CHECK(agenda.find(tok(1), 1) == kept);
    CHECK(kept->serial == 1);
    CHECK(agenda.size() == 1 + 1998 / 3);
    const Activation* reused = agenda.find(tok(1998), 1998);
    REQUIRE(reused != nullptr);
    CHECK(agenda.erase(tok(1998), 1998));
    agenda.add(act(5000, 5000, {7, 8}));
    CHECK(agenda.find(tok(5000), 5000) == reused);  // the freed slot, not a new one
    CHECK(agenda.find(tok(1998), 1998) == nullptr);
    CHECK(agenda.top()->serial == 5000);  // depth: newest first
    CHECK((agenda.find(tok(5000), 5000)->facts == FactIds{7, 8}));
}

TEST_CASE("a key already pending is ignored", "[agenda]") {
    Agenda agenda;
    agenda.add(act(1, 1, {1}));
    agenda.add(act(1, 9, {2}));
    CHECK(agenda.size() == 1);
    CHECK(agenda.top()->timetag == 1);
    const auto removed = agenda.remove(tok(1), 1);
    REQUIRE(removed.has_value());
    CHECK((removed->facts == FactIds{1}));
    CHECK(agenda.empty());
    CHECK(agenda.top() == nullptr);
    CHECK_FALSE(agenda.pop().has_value());
}

TEST_CASE("recency is filled for lex and mea, on add and on a switch", "[agenda]") {
    Agenda agenda;
    agenda.add(act(1, 1, {2, 5, 3}));
    CHECK(agenda.find(tok(1), 1)->recency.empty());  // depth does not compare it
    agenda.set_strategy(Strategy::Lex);
    CHECK((agenda.find(tok(1), 1)->recency == FactIds{5, 3, 2}));
    agenda.add(act(2, 2, {4, 6}));
    CHECK((agenda.find(tok(2), 2)->recency == FactIds{6, 4}));
    CHECK(agenda.top()->serial == 2);  // lex: [6,4] before [5,3,2]
    agenda.set_strategy(Strategy::Mea);
    CHECK(agenda.top()->serial == 2);  // mea: first fact 4 before 2
    agenda.set_strategy(Strategy::Breadth);
    CHECK(agenda.top()->serial == 1);
}

TEST_CASE("a renewed activation keeps its slot and is ordered by its new timetag", "[agenda]") {
    Agenda agenda;
    agenda.add(act(1, 1, {1}));
    agenda.add(act(2, 2, {2}));
    agenda.add(act(3, 3, {3}));
    agenda.add(act(4, 4, {4}));
    CHECK(agenda.pop()->serial == 4);  // 1..3 were scanned: the next pop sorts them
    agenda.add(act(5, 5, {5}));
    CHECK(agenda.pop()->serial == 5);  // 1..3 are in the tree now
    const Activation* kept = agenda.find(tok(1), 1);
    CHECK(agenda.renew(tok(1), 1, 6) == kept);  // from the tree
    CHECK(kept->timetag == 6);
    CHECK(agenda.top() == kept);
    CHECK(agenda.renew(tok(2), 2, 7) == agenda.find(tok(2), 2));  // from the inbox
    CHECK(agenda.renew(tok(9), 9, 8) == nullptr);
    CHECK(agenda.renew(tok(4), 4, 8) == nullptr);  // fired: not pending
    CHECK(agenda.size() == 3);
    std::vector<std::uint64_t> order;
    while (auto a = agenda.pop()) {
        order.push_back(a->serial);
    }
    CHECK(order == std::vector<std::uint64_t>{2, 1, 3});
}

TEST_CASE("activations sharing a token are found and removed by key", "[agenda]") {
    Agenda agenda;
    for (std::uint64_t key = 1; key <= 3; ++key) {  // three rules on one token
        Activation a = act(key, key, {1});
        a.token = tok(4);
        agenda.add(a);
    }
    Activation same_key = act(2, 9, {1});
    same_key.token = tok(4);
    agenda.add(same_key);  // already pending: ignored
    CHECK(agenda.size() == 3);
    CHECK(agenda.find(tok(4), 2)->timetag == 2);
    CHECK(agenda.find(tok(5), 2) == nullptr);  // another token
    CHECK(agenda.erase(tok(4), 2));
    CHECK_FALSE(agenda.erase(tok(4), 2));
    CHECK(agenda.find(tok(4), 1) != nullptr);
    CHECK(agenda.find(tok(4), 3) != nullptr);
    CHECK(agenda.pop()->serial == 3);  // depth: newest timetag first
    CHECK(agenda.find(tok(4), 3) == nullptr);
    CHECK(agenda.size() == 1);
    CHECK(agenda.remove(tok(4), 1).has_value());
    CHECK(agenda.empty());
}
