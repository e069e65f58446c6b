// Working-memory facts as the network sees them: template + slot values, addressed by
// FactId. Ids grow for the whole session (spec §5) but storage does not: a retracted fact's
// record is reused once the firing in progress is over (reclaim()), and the id -> record
// map is paged so pages whose facts are all gone are freed. Live facts are hashed by
// template + slots so an assert of an equal fact can be detected (spec §5).
#pragma once

#include "ir/program.hpp"
#include "maslahat/value.hpp"
#include "rete/ids.hpp"
#include "support/reserved_vector.hpp"

#include <boost/container/small_vector.hpp>

#include <absl/container/flat_hash_set.h>
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace maslahat::rete {

using AlphaIds = boost::container::small_vector<AlphaId, 2>;

struct Fact {
    ir::TemplateIndex template_index = 0;
    FactId id = no_fact;
    bool live = false;
    std::size_t hash = 0;
    std::vector<Value> slots;
    TokenId holders = no_token;  ///< newest token adding this fact (list kept by the Memory)
    /// alpha memories holding it (kept by the Memory); a fact is in few, so they are kept
    /// inline: no allocation per fact
    AlphaIds alphas;
};

class FactTable {
public:
    FactTable();
    // the content index's hash and equality point back at this table
    FactTable(const FactTable&) = delete;
    FactTable& operator=(const FactTable&) = delete;

    /// Adds a live fact with the next id.
    /// A reused record keeps its slot storage: the values move into it and `slots` keeps its
    /// buffer for the caller's next fact (no allocation per modify); a new record takes the
    /// buffer (`slots` is left empty).
    FactId add(ir::TemplateIndex template_index, std::vector<Value>&& slots) {
        const std::size_t hash = content_hash(template_index, slots);
        return add(template_index, std::move(slots), hash);
    }
    /// The same, `hash` being content_hash(template_index, slots) (a caller that checked for
    /// an equal fact first hashes once).
    FactId add(ir::TemplateIndex template_index, std::vector<Value>&& slots, std::size_t hash);
    /// What the duplicate check hashes: template and slot values.
    static std::size_t content_hash(ir::TemplateIndex template_index,
                                    const std::vector<Value>& slots);
    /// Marks a fact dead; it stays readable until the next reclaim().
    void kill(FactId id);
    /// Makes the records of facts killed since the last call reusable.
    void reclaim();
    /// Forgets every fact's tokens and alpha memories (Memory::release_matches).
    void drop_match_links();
    /// A live fact with the same template and slot values, or no_fact.
    FactId find_equal(ir::TemplateIndex template_index, const std::vector<Value>& slots) const {
        return find_equal(template_index, slots, content_hash(template_index, slots));
    }
    FactId find_equal(ir::TemplateIndex template_index, const std::vector<Value>& slots,
                      std::size_t hash) const;

    /// A live fact, or one killed since the last reclaim().
    const Fact& get(FactId id) const {
        return records_[slot_of(id)];
    }
    Fact& get(FactId id) {
        return records_[slot_of(id)];
    }
    bool live(FactId id) const {
        const std::uint32_t s = find_slot(id);
        return s != no_slot && records_[s].live;
    }
    /// The record a live (or just killed) fact is stored in: a dense index below
    /// record_count(), reused after reclaim(), for tables kept beside this one.
    std::uint32_t record_index(FactId id) const {
        return slot_of(id);
    }
    std::size_t record_count() const {
        return records_.size();
    }
    /// One past the largest id handed out.
    std::size_t end_id() const {
        return next_id_;
    }
    std::size_t live_count() const {
        return live_count_;
    }
    /// Calls fn(const Fact&) for every live fact in id order.
    template <typename Fn>
    void for_each_live(Fn&& fn) const {
        for (std::size_t p = 0; p < pages_.size(); ++p) {
            if (!pages_[p]) {
                continue;
            }
            for (const std::uint32_t s : pages_[p]->slots) {
                if (s != no_slot && records_[s].live) {
                    fn(records_[s]);
                }
            }
        }
    }

private:
    static constexpr std::uint32_t no_slot = 0xffffffffU;
    static constexpr std::size_t page_bits = 10;
    static constexpr std::size_t page_size = std::size_t{1} << page_bits;
    struct Page {
        Page() {
            slots.fill(no_slot);
        }
        std::array<std::uint32_t, page_size> slots;
        std::uint32_t used = 0;  ///< ids of this page with a record
    };

    std::uint32_t find_slot(FactId id) const {
        const std::size_t i = index(id);
        const std::size_t p = i >> page_bits;
        if (p >= pages_.size() || !pages_[p]) {
            return no_slot;
        }
        return pages_[p]->slots[i & (page_size - 1)];
    }
    std::uint32_t slot_of(FactId id) const {
        return pages_[index(id) >> page_bits]->slots[index(id) & (page_size - 1)];
    }

    /// Live facts by content (no two live facts are equal, so a set of ids is enough):
    /// looked up with a (template, slots) key without building a fact.
    struct ContentKey {
        ir::TemplateIndex template_index;
        const std::vector<Value>* slots;
        std::size_t hash;
    };
    struct ContentHash {
        using is_transparent = void;
        const FactTable* table;
        std::size_t operator()(FactId id) const {
            return spread(table->get(id).hash);
        }
        std::size_t operator()(const ContentKey& k) const {
            return spread(k.hash);
        }
        /// finishes the hash (murmur3 fmix64): every bit depends on every input bit
        static std::size_t spread(std::size_t h) {
            h ^= h >> 33;
            h *= 0xff51afd7ed558ccdULL;
            h ^= h >> 33;
            return h;
        }
    };
    struct ContentEq {
        using is_transparent = void;
        const FactTable* table;
        bool operator()(FactId a, FactId b) const {
            return a == b;
        }
        bool operator()(const ContentKey& k, FactId id) const {
            const Fact& f = table->get(id);
            return f.hash == k.hash && f.template_index == k.template_index && f.slots == *k.slots;
        }
        bool operator()(FactId id, const ContentKey& k) const {
            return (*this)(k, id);
        }
    };

    support::ReservedVector<Fact> records_;
    std::vector<std::uint32_t> free_;  ///< reusable records
    std::vector<FactId> killed_;       ///< dead, still readable until reclaim()
    std::vector<std::unique_ptr<Page>> pages_;
    absl::flat_hash_set<FactId, ContentHash, ContentEq> by_content_;
    std::uint32_t next_id_ = 1;
    std::size_t live_count_ = 0;
};

}  // namespace maslahat::rete
