#include "rete/token.hpp"

namespace maslahat::rete {

TokenId TokenStore::make(TokenId parent, NodeId node, FactId fact, bool has_position,
                         const Value& value) {
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
        values_.insert_or_assign(id, value);
    }
    t.first_child = no_token;
    t.next_holder = no_token;
    t.prev_holder = no_token;
    t.gate = GateState{};
    if (parent != no_token) {
        link_front<&Token::next_sibling, &Token::prev_sibling>(tokens_[index(parent)].first_child,
                                                               id);
    } else {
        t.next_sibling = t.prev_sibling = no_token;
    }
    return id;
}

void TokenStore::free(TokenId id) {
    Token& t = tokens_[index(id)];
    if (t.parent != no_token) {
        unlink<&Token::next_sibling, &Token::prev_sibling>(tokens_[index(t.parent)].first_child,
                                                           id);
    }
    t.serial = 0;
    if (t.has_position && t.fact == no_fact && !values_.empty()) {
        values_.erase(id);
    }
    free_.push_back(id);
}

void TokenStore::renew(TokenId id, Value* stored, Value value) {
    const Token& t = tokens_[index(id)];
    if (value.is_nil()) {
        values_.erase(id);
    } else if (stored != nullptr) {
        *stored = std::move(value);
    } else {
        values_.insert_or_assign(id, std::move(value));
    }
    if (t.parent != no_token) {
        TokenId& head = tokens_[index(t.parent)].first_child;
        if (head != id) {
            unlink<&Token::next_sibling, &Token::prev_sibling>(head, id);
            link_front<&Token::next_sibling, &Token::prev_sibling>(head, id);
        }
    }
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
