#include "agenda/compare.hpp"

#include <algorithm>

namespace maslahat::agenda {
namespace {

/// OPS5 lex: compare the recency-sorted time tags pairwise, the larger first; when one
/// list is a prefix of the other, the longer one first. <0: a first, >0: b first.
int lex(const Activation& a, const Activation& b) {
    const std::size_t n = std::min(a.recency.size(), b.recency.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (a.recency[i] != b.recency[i]) {
            return a.recency[i] > b.recency[i] ? -1 : 1;
        }
    }
    if (a.recency.size() != b.recency.size()) {
        return a.recency.size() > b.recency.size() ? -1 : 1;
    }
    return 0;
}

int strategy_order(const Activation& a, const Activation& b, Strategy s) {
    switch (s) {
        case Strategy::Depth:
            return a.timetag == b.timetag ? 0 : (a.timetag > b.timetag ? -1 : 1);
        case Strategy::Breadth:
            return a.timetag == b.timetag ? 0 : (a.timetag < b.timetag ? -1 : 1);
        case Strategy::Lex:
            return lex(a, b);
        case Strategy::Mea:
            if (a.first != b.first) {
                return a.first > b.first ? -1 : 1;
            }
            return lex(a, b);
    }
    return 0;
}

}  // namespace

bool fires_before(const Activation& a, const Activation& b, Strategy s) {
    if (a.salience != b.salience) {
        return a.salience > b.salience;
    }
    if (const int c = strategy_order(a, b, s); c != 0) {
        return c < 0;
    }
    if (a.rule != b.rule) {
        return a.rule < b.rule;
    }
    if (a.facts != b.facts) {
        // depth: newest facts first (what CLIPS' depth strategy yields for same-change
        // activations; Miss Manners relies on it); other strategies: smaller ids first
        return s == Strategy::Depth ? a.facts > b.facts : a.facts < b.facts;
    }
    return a.serial < b.serial;
}

}  // namespace maslahat::agenda
