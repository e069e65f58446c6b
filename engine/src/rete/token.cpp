#include "rete/token.hpp"

namespace maslahat::rete {

TokenId TokenStore::make(TokenId parent, NodeId node, FactId fact, bool has_position, Value value) {
    TokenId id;
    if (!free_.empty()) {
        id = free_.back();
        free_.pop_back();
    } else {
        id = make_id<TokenId>(tokens_.size());
        tokens_.emplace_back();
    }
    Token& t = tokens_[index(id)];
    t.parent = parent;
    t.fact = fact;
    t.node = node;
    const std::uint16_t base = parent == no_token ? 0 : tokens_[index(parent)].positions;
    t.positions = static_cast<std::uint16_t>(base + (has_position ? 1 : 0));
    t.has_position = has_position;
    t.dying = false;
    t.serial = next_serial_++;
    if (!value.is_nil()) {
        values_.insert_or_assign(id, std::move(value));
    }
    t.first_child = no_token;
    t.prev_sibling = no_token;
    t.next_sibling = no_token;
    t.next_holder = no_token;
    t.prev_holder = no_token;
    t.gate = GateState{};
    if (parent != no_token) {
        Token& p = tokens_[index(parent)];
        t.next_sibling = p.first_child;
        if (p.first_child != no_token) {
            tokens_[index(p.first_child)].prev_sibling = id;
        }
        p.first_child = id;
    }
    return id;
}

void TokenStore::free(TokenId id) {
    Token& t = tokens_[index(id)];
    if (t.prev_sibling != no_token) {
        tokens_[index(t.prev_sibling)].next_sibling = t.next_sibling;
    } else if (t.parent != no_token) {
        tokens_[index(t.parent)].first_child = t.next_sibling;
    }
    if (t.next_sibling != no_token) {
        tokens_[index(t.next_sibling)].prev_sibling = t.prev_sibling;
    }
    t.serial = 0;
    if (t.has_position && t.fact == no_fact && !values_.empty()) {
        values_.erase(id);
    }
    free_.push_back(id);
}

TokenId TokenStore::find_position(TokenId id, ir::TokenIndex pos) const {
    const std::uint32_t wanted = static_cast<std::uint32_t>(pos) + 1;
    while (id != no_token) {
        const Token& t = tokens_[index(id)];
        if (t.positions < wanted) {
            return no_token;
        }
        if (t.has_position && t.positions == wanted) {
            return id;
        }
        id = t.parent;
    }
    return no_token;
}

}  // namespace maslahat::rete
