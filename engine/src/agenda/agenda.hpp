// The agenda: every pending activation, ordered by salience and the current strategy
// (re-sorted when the strategy changes). Activations are found by their token and key
// (token serial and rule) so a match that goes away removes its activation (refraction: a
// fired activation is gone; only a new token makes a new one). The index is by token id: a
// vector giving each token's first pending activation, chained to the others of the same
// token (rules sharing all their conditions share the token), so a lookup reads memory near
// what the token's recent neighbours used rather than a hash table.
//
// Most activations go away before they could fire (a firing changes what the others
// matched), so ordering is lazy: activations live in a slab of reused slots; their inline
// sort keys (sort_key.hpp) wait unsorted in `inbox_`, and a pop takes the smallest of the
// inbox and of the B-tree of older keys. Keys that stay in the inbox through one pop (it
// scanned them) enter the tree at the next. Adding, and removing a key still in the inbox,
// costs O(1) and no allocation once the slab has grown.
#pragma once

#include "agenda/activation.hpp"
#include "agenda/sort_key.hpp"
#include "agenda/strategy.hpp"
#include "support/reserved_vector.hpp"

#include <absl/container/btree_set.h>
#include <optional>
#include <utility>
#include <vector>

namespace maslahat::agenda {

class Agenda {
public:
    explicit Agenda(Strategy strategy = Strategy::Depth);
    Agenda(const Agenda&) = delete;  // sort keys point into this agenda's slots
    Agenda& operator=(const Agenda&) = delete;
    Agenda(Agenda&&) = default;  // slots stay where they are
    Agenda& operator=(Agenda&&) = default;
    ~Agenda() = default;

    void set_strategy(Strategy strategy);
    Strategy strategy() const {
        return strategy_;
    }
    /// Adds an activation unless one with its key is pending (then returns null). Fills
    /// `recency` when the strategy compares it (lex, mea).
    const Activation* add(const NewActivation& n);
    void add(const Activation& a) {
        add(NewActivation{a.rule, a.salience, a.timetag, a.token, a.serial, a.first,
                          as_span(a.facts)});
    }
    /// The pending activation of a token and key, or null; valid until the agenda next
    /// changes.
    const Activation* find(rete::TokenId token, std::uint64_t serial) const;
    /// Removes the activation of a token and key, first showing it to `before_erase`; false
    /// if none was pending.
    template <typename Fn>
    bool erase(rete::TokenId token, std::uint64_t serial, Fn&& before_erase) {
        const Handle h = take(token, serial);
        if (h == none) {
            return false;
        }
        std::forward<Fn>(before_erase)(std::as_const(slots_[h]));
        unlink(h);
        return true;
    }
    bool erase(rete::TokenId token, std::uint64_t serial) {
        return erase(token, serial, [](const Activation&) {});
    }
    /// Removes the activation of a token and key; returns it if it was pending.
    std::optional<Activation> remove(rete::TokenId token, std::uint64_t serial);
    /// The pending activation of (token, serial) now stands for a new match of the same rule
    /// and facts (an aggregate's result changed in place): it takes the timetag `timetag` and
    /// is ordered as erase() followed by add() would order it, without leaving its slot.
    /// Returns it, or null (and changes nothing) if none was pending.
    const Activation* renew(rete::TokenId token, std::uint64_t serial, std::uint64_t timetag);
    /// Takes the activation that fires next.
    std::optional<Activation> pop();
    /// The activation that fires next, or null (linear in the unsorted keys).
    const Activation* top() const;
    bool empty() const {
        return count_ == 0;
    }
    std::size_t size() const {
        return count_;
    }
    /// Pending activations in firing order (for tests and --trace).
    std::vector<const Activation*> in_order() const;

private:
    using Handle = std::uint32_t;
    using Tree = absl::btree_set<SortKey, SortKeyOrder>;
    static constexpr std::uint32_t in_tree = ~std::uint32_t{0};
    static constexpr std::uint32_t unused = in_tree - 1;  ///< places_ of a free slot
    static constexpr Handle none = ~Handle{0};

    SortKey key_of(Handle h) const;
    /// The pending activation of (token, serial), or none.
    Handle lookup(rete::TokenId token, std::uint64_t serial) const;
    /// Takes the pending activation of (token, serial) out of the token index (none if
    /// there is none); its key stays in the order until unlink().
    Handle take(rete::TokenId token, std::uint64_t serial);
    /// Takes a pending activation's key out of the order and frees its slot.
    void unlink(Handle h);
    /// Takes a pending activation's key out of the order (the tree or the inbox).
    void take_key(Handle h);
    /// Moves the key at `from` of inbox_ to `to`.
    void move_key(std::size_t from, std::size_t to);

    Strategy strategy_;
    /// Reserved: an activation never moves while pending, so sort keys can point at it.
    support::ReservedVector<Activation> slots_;
    std::vector<std::uint32_t> places_;  ///< by slot: position in inbox_, in_tree or unused
    std::vector<Handle> free_;
    std::vector<Handle> by_token_;  ///< by token id: its first pending activation, or none
    std::vector<Handle> next_;      ///< by slot: the next pending activation of its token
    std::size_t count_ = 0;         ///< pending activations
    /// Keys not yet sorted: [0, scanned_) were there at the last pop, the rest came since.
    std::vector<SortKey> inbox_;
    std::size_t scanned_ = 0;
    Tree tree_;
};

}  // namespace maslahat::agenda
