// Which alpha memories an asserted fact must be tested against. Alphas that test
// `slot == literal` are indexed by (slot, literal), so a fact is tested only against the
// ones its own values can pass (alpha-node hashing as in Drools); the others are always
// tested. Candidates come out in the network's order, so propagation order is unchanged.
#pragma once

#include "rete/network.hpp"

#include <boost/container/small_vector.hpp>

#include <absl/container/flat_hash_map.h>
#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace maslahat::rete {

class AlphaDispatch {
public:
    explicit AlphaDispatch(const Network& network) : net_(network) {}

    /// Calls fn(AlphaId) for each alpha of the template that the slot values may pass, in
    /// the order of Network::alphas_of (the alpha's own tests still decide).
    template <typename Fn>
    void for_each_candidate(ir::TemplateIndex t, const std::vector<Value>& slots, Fn&& fn) {
        const Entry& e = entry(t);
        if (e.key_slots.empty()) {
            for (const auto& c : e.always) {
                fn(c.alpha);
            }
            return;
        }
        boost::container::small_vector<Candidate, 16> found(e.always.begin(), e.always.end());
        for (const ir::SlotIndex slot : e.key_slots) {
            const Value& v = slot < slots.size() ? slots[slot] : nil_;
            if (auto it = e.by_key.find(std::pair{slot, v.hash()}); it != e.by_key.end()) {
                found.insert(found.end(), it->second.begin(), it->second.end());
            }
        }
        std::sort(found.begin(), found.end(),
                  [](const Candidate& a, const Candidate& b) { return a.order < b.order; });
        for (const auto& c : found) {
            fn(c.alpha);
        }
    }

private:
    struct Candidate {
        std::uint32_t order = 0;  ///< position in Network::alphas_of
        AlphaId alpha{};
    };
    struct Entry {
        bool built = false;
        std::vector<Candidate> always;         ///< no `slot == literal` test
        std::vector<ir::SlotIndex> key_slots;  ///< slots some alpha keys on
        absl::flat_hash_map<std::pair<ir::SlotIndex, std::size_t>, std::vector<Candidate>> by_key;
    };
    const Entry& entry(ir::TemplateIndex t);

    const Network& net_;
    std::vector<Entry> entries_;  ///< by template, built on first use
    Value nil_;
};

}  // namespace maslahat::rete
