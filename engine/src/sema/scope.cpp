#include "sema/scope.hpp"

namespace maslahat::sema {

unsigned RuleScope::open(std::string kind) {
    const unsigned id = next_group_++;
    open_.emplace_back(id, std::move(kind));
    return id;
}

void RuleScope::close(unsigned group) {
    for (auto& e : entries_) {
        if (e.group == group) {
            e.closed = true;
        }
    }
    if (!open_.empty() && open_.back().first == group) {
        open_.pop_back();
    }
}

Lookup RuleScope::find(std::string_view name) {
    Lookup out;
    for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
        if (it->name != name) {
            continue;
        }
        if (!it->closed) {
            out.visible = &*it;
            return out;
        }
        if (out.closed == nullptr) {
            out.closed = &*it;
        }
    }
    return out;
}

VarEntry& RuleScope::bind(VarEntry entry) {
    if (!open_.empty()) {
        entry.group = open_.back().first;
        entry.group_kind = open_.back().second;
    }
    entries_.push_back(std::move(entry));
    return entries_.back();
}

std::vector<std::string> RuleScope::visible_names() const {
    std::vector<std::string> out;
    for (const auto& e : entries_) {
        if (!e.closed) {
            out.push_back("?" + e.name);
        }
    }
    return out;
}

}  // namespace maslahat::sema
