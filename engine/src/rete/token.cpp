#include "rete/token.hpp"

#include <algorithm>

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
    t.value = std::move(value);
    t.children.clear();
    if (parent != no_token) {
        tokens_[index(parent)].children.push_back(id);
    }
    return id;
}

void TokenStore::free(TokenId id) {
    Token& t = tokens_[index(id)];
    if (t.parent != no_token) {
        auto& siblings = tokens_[index(t.parent)].children;
        if (auto it = std::find(siblings.rbegin(), siblings.rend(), id); it != siblings.rend()) {
            *it = siblings.back();
            siblings.pop_back();
        }
    }
    t.serial = 0;
    t.value = Value();
    t.children.clear();
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
