// Working-memory facts as the network sees them: template + slot values, addressed by
// FactId. Retracted facts stay readable (explanations and the firing in progress may still
// look at them) but are marked dead. Live facts are hashed by template + slots so an assert
// of an equal fact can be detected (spec §5).
#pragma once

#include "ir/program.hpp"
#include "maslahat/value.hpp"
#include "rete/ids.hpp"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace maslahat::rete {

struct Fact {
    ir::TemplateIndex template_index = 0;
    std::vector<Value> slots;
    bool live = false;
};

class FactTable {
public:
    FactTable();

    /// Adds a live fact with the next id.
    FactId add(ir::TemplateIndex template_index, std::vector<Value> slots);
    /// Marks a fact dead (it stays readable).
    void kill(FactId id);
    /// A live fact with the same template and slot values, or no_fact.
    FactId find_equal(ir::TemplateIndex template_index, const std::vector<Value>& slots) const;

    const Fact& get(FactId id) const {
        return facts_[index(id)];
    }
    bool live(FactId id) const {
        return index(id) < facts_.size() && facts_[index(id)].live;
    }
    /// One past the largest id handed out.
    std::size_t end_id() const {
        return facts_.size();
    }
    std::size_t live_count() const {
        return live_count_;
    }

private:
    static std::size_t hash_of(ir::TemplateIndex template_index, const std::vector<Value>& slots);
    std::vector<Fact> facts_;
    std::unordered_multimap<std::size_t, FactId> by_content_;
    std::size_t live_count_ = 0;
};

}  // namespace maslahat::rete
