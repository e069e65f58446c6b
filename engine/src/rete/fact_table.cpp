#include "rete/fact_table.hpp"

#include <iterator>

namespace maslahat::rete {

FactTable::FactTable() : by_content_(0, ContentHash{this}, ContentEq{this}) {}

std::size_t FactTable::content_hash(ir::TemplateIndex template_index,
                                    const std::vector<Value>& slots) {
    std::size_t h = template_index * 0x9e3779b97f4a7c15ULL;
    for (const auto& v : slots) {
        h = (h ^ v.hash()) * 0x100000001b3ULL;
    }
    return h;
}

FactId FactTable::add(ir::TemplateIndex template_index, std::vector<Value>&& slots,
                      std::size_t hash) {
    const auto id = make_id<FactId>(next_id_++);
    std::uint32_t slot = 0;
    if (!free_.empty()) {
        slot = free_.back();
        free_.pop_back();
    } else {
        slot = static_cast<std::uint32_t>(records_.size());
        records_.emplace_back();
    }
    const std::size_t p = index(id) >> page_bits;
    if (p >= pages_.size()) {
        pages_.resize(p + 1);
    }
    if (!pages_[p]) {
        pages_[p] = std::make_unique<Page>();
    }
    pages_[p]->slots[index(id) & (page_size - 1)] = slot;
    ++pages_[p]->used;

    Fact& f = records_[slot];
    f.template_index = template_index;
    f.id = id;
    f.live = true;
    f.hash = hash;
    if (f.slots.capacity() != 0 && f.slots.capacity() >= slots.size()) {
        f.slots.assign(std::make_move_iterator(slots.begin()),
                       std::make_move_iterator(slots.end()));
    } else {
        f.slots = std::move(slots);
    }
    f.holders = no_token;
    f.alphas.clear();
    by_content_.insert(id);
    ++live_count_;
    return id;
}

void FactTable::kill(FactId id) {
    Fact& fact = get(id);
    if (!fact.live) {
        return;
    }
    fact.live = false;
    --live_count_;
    by_content_.erase(id);
    killed_.push_back(id);
}

void FactTable::reclaim() {
    for (const FactId id : killed_) {
        const std::size_t p = index(id) >> page_bits;
        auto& slot = pages_[p]->slots[index(id) & (page_size - 1)];
        free_.push_back(slot);
        slot = no_slot;
        // a page whose ids were all handed out and are all gone is freed
        if (--pages_[p]->used == 0 && (p + 1) * page_size <= next_id_) {
            pages_[p].reset();
        }
    }
    killed_.clear();
}

void FactTable::drop_match_links() {
    for (std::size_t i = 0; i < records_.size(); ++i) {
        records_[i].holders = no_token;
        AlphaIds().swap(records_[i].alphas);
    }
}

FactId FactTable::find_equal(ir::TemplateIndex template_index, const std::vector<Value>& slots,
                             std::size_t hash) const {
    auto it = by_content_.find(ContentKey{template_index, &slots, hash});
    return it == by_content_.end() ? no_fact : *it;
}

}  // namespace maslahat::rete
