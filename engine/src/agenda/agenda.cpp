#include "agenda/agenda.hpp"

#include <algorithm>
#include <functional>

namespace maslahat::agenda {
namespace {

bool needs_recency(Strategy s) {
    return s == Strategy::Lex || s == Strategy::Mea;
}

void fill_recency(Activation& a) {
    a.recency = a.facts;
    std::sort(a.recency.begin(), a.recency.end(), std::greater<>());
}

}  // namespace

Agenda::Agenda(Strategy strategy) : strategy_(strategy), tree_(SortKeyOrder{strategy}) {}

SortKey Agenda::key_of(Handle h) const {
    SortKey k = make_sort_key(slots_[h], strategy_);
    k.handle = h;
    return k;
}

void Agenda::set_strategy(Strategy strategy) {
    if (strategy == strategy_) {
        return;
    }
    strategy_ = strategy;
    inbox_.clear();
    scanned_ = 0;
    tree_ = Tree(SortKeyOrder{strategy});
    for (Handle h = 0; h < places_.size(); ++h) {
        if (places_[h] == unused) {
            continue;
        }
        if (needs_recency(strategy)) {
            fill_recency(slots_[h]);
        }
        places_[h] = in_tree;
        tree_.insert(key_of(h));
    }
}

Agenda::Handle Agenda::lookup(rete::TokenId token, std::uint64_t serial) const {
    const std::uint32_t i = rete::index(token);
    Handle h = i < by_token_.size() ? by_token_[i] : none;
    while (h != none && slots_[h].serial != serial) {
        h = next_[h];
    }
    return h;
}

Agenda::Handle Agenda::take(rete::TokenId token, std::uint64_t serial) {
    const std::uint32_t i = rete::index(token);
    if (i >= by_token_.size()) {
        return none;
    }
    for (Handle* link = &by_token_[i]; *link != none; link = &next_[*link]) {
        const Handle h = *link;
        if (slots_[h].serial == serial) {
            *link = next_[h];
            --count_;
            return h;
        }
    }
    return none;
}

const Activation* Agenda::add(const NewActivation& n) {
    if (lookup(n.token, n.serial) != none) {
        return nullptr;
    }
    const bool reuse = !free_.empty();
    const Handle h = reuse ? free_.back() : static_cast<Handle>(slots_.size());
    if (reuse) {
        free_.pop_back();
    } else {
        slots_.emplace_back();
        places_.emplace_back();
        next_.emplace_back();
    }
    const std::uint32_t i = rete::index(n.token);
    if (i >= by_token_.size()) {
        by_token_.resize(std::max<std::size_t>(i + 1, by_token_.size() * 2), none);
    }
    next_[h] = by_token_[i];
    by_token_[i] = h;
    ++count_;
    Activation& a = slots_[h];
    a.rule = n.rule;
    a.salience = n.salience;
    a.timetag = n.timetag;
    a.token = n.token;
    a.serial = n.serial;
    a.facts.clear();
    for (const std::uint32_t f : n.facts) {  // one id at a time: see set_sort_key
        a.facts.push_back(f);
    }
    a.first = n.first;
    if (needs_recency(strategy_)) {
        fill_recency(a);
    } else {
        a.recency.clear();
    }
    places_[h] = static_cast<std::uint32_t>(inbox_.size());
    SortKey& k = inbox_.emplace_back();
    set_sort_key(k, a, n.facts, n.salience, n.timetag, n.rule, strategy_);
    k.handle = h;
    return &a;
}

const Activation* Agenda::find(rete::TokenId token, std::uint64_t serial) const {
    const Handle h = lookup(token, serial);
    return h == none ? nullptr : &slots_[h];
}

void Agenda::move_key(std::size_t from, std::size_t to) {
    inbox_[to] = inbox_[from];
    places_[inbox_[to].handle] = static_cast<std::uint32_t>(to);
}

void Agenda::unlink(Handle h) {
    take_key(h);
    places_[h] = unused;
    free_.push_back(h);
}

void Agenda::take_key(Handle h) {
    const std::uint32_t pos = places_[h];
    if (pos == in_tree) {
        tree_.erase(key_of(h));
    } else {
        std::size_t hole = pos;
        if (hole < scanned_) {  // keep the scanned keys first: fill from the last of them
            --scanned_;
            if (hole != scanned_) {
                move_key(scanned_, hole);
            }
            hole = scanned_;
        }
        if (hole + 1 != inbox_.size()) {
            move_key(inbox_.size() - 1, hole);
        }
        inbox_.pop_back();
    }
}

const Activation* Agenda::renew(rete::TokenId token, std::uint64_t serial, std::uint64_t timetag) {
    const Handle h = lookup(token, serial);
    if (h == none) {
        return nullptr;
    }
    take_key(h);  // then, as add() does, a fresh key at the end of the inbox
    Activation& a = slots_[h];
    a.timetag = timetag;
    places_[h] = static_cast<std::uint32_t>(inbox_.size());
    SortKey& k = inbox_.emplace_back();
    set_sort_key(k, a, as_span(a.facts), a.salience, timetag, a.rule, strategy_);
    k.handle = h;
    return &a;
}

std::optional<Activation> Agenda::remove(rete::TokenId token, std::uint64_t serial) {
    std::optional<Activation> out;
    erase(token, serial, [&](const Activation& a) { out = a; });
    return out;
}

std::optional<Activation> Agenda::pop() {
    if (empty()) {
        return std::nullopt;
    }
    if (scanned_ > 0) {  // unsorted for a whole firing: sort them now
        // in order, each after the one before: a key that belongs right after the last one
        // inserted (one firing's activations are usually adjacent in the order) costs two
        // comparisons instead of a search from the root
        const SortKeyOrder order{strategy_};
        std::sort(inbox_.begin(), inbox_.begin() + static_cast<std::ptrdiff_t>(scanned_), order);
        auto hint = tree_.lower_bound(inbox_[0]);
        for (std::size_t i = 0; i < scanned_; ++i) {
            places_[inbox_[i].handle] = in_tree;
            hint = std::next(tree_.insert(hint, inbox_[i]));
        }
    }
    const std::size_t fresh = inbox_.size() - scanned_;
    for (std::size_t i = 0; i < std::min(scanned_, fresh); ++i) {  // fill their places
        move_key(inbox_.size() - 1 - i, i);
    }
    inbox_.resize(fresh);
    const SortKeyOrder less{strategy_};
    std::size_t best = 0;
    for (std::size_t i = 1; i < inbox_.size(); ++i) {
        if (less(inbox_[i], inbox_[best])) {
            best = i;
        }
    }
    Handle h = 0;
    if (!inbox_.empty() && (tree_.empty() || less(inbox_[best], *tree_.begin()))) {
        h = inbox_[best].handle;
        if (best + 1 != inbox_.size()) {
            move_key(inbox_.size() - 1, best);
        }
        inbox_.pop_back();
    } else {
        h = tree_.begin()->handle;
        tree_.erase(tree_.begin());
    }
    scanned_ = inbox_.size();  // the rest of the inbox has now been scanned once
    take(slots_[h].token, slots_[h].serial);
    places_[h] = unused;
    free_.push_back(h);
    return std::move(slots_[h]);
}

const Activation* Agenda::top() const {
    const SortKeyOrder less{strategy_};
    const SortKey* best = tree_.empty() ? nullptr : &*tree_.begin();
    for (const SortKey& k : inbox_) {
        if (best == nullptr || less(k, *best)) {
            best = &k;
        }
    }
    return best == nullptr ? nullptr : best->activation;
}

std::vector<const Activation*> Agenda::in_order() const {
    std::vector<SortKey> keys(tree_.begin(), tree_.end());
    keys.insert(keys.end(), inbox_.begin(), inbox_.end());
    std::sort(keys.begin(), keys.end(), SortKeyOrder{strategy_});
    std::vector<const Activation*> out;
    out.reserve(keys.size());
    for (const SortKey& k : keys) {
        out.push_back(k.activation);
    }
    return out;
}

}  // namespace maslahat::agenda
