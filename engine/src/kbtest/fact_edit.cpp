// Applies `[[test.override]]` edits to the TOML trees of fact files.
#include "kbtest/fact_edit.hpp"

#include <algorithm>

namespace maslahat::kbtest {
namespace {

const TomlNode& plain_value(const TomlNode& node) {
    if (node.is_table()) {
        if (const TomlEntry* value = node.find("value")) {
            return value->value;
        }
    }
    return node;
}

void edit_fact(const Override& edit, TomlNode& fact) {
    if (edit.action == Override::Action::Set) {
        for (const auto& slot : edit.set) {
            if (TomlEntry* existing = fact.find(slot.key)) {
                existing->value = slot.value;
                existing->value.span = fact.span;
            } else {
                TomlEntry added = slot;
                added.value.span = fact.span;
                fact.entries.push_back(std::move(added));
            }
        }
    } else if (edit.action == Override::Action::Unset) {
        std::erase_if(fact.entries, [&edit](const TomlEntry& e) {
            return std::find(edit.unset.begin(), edit.unset.end(), e.key) != edit.unset.end();
        });
    }
}

// Applies one override to one document; returns the number of facts it touched.
std::size_t apply(const Override& edit, TomlNode& document) {
    std::size_t count = 0;
    auto entry = std::find_if(document.entries.begin(), document.entries.end(),
                              [&edit](const TomlEntry& e) { return e.key == edit.template_name; });
    if (entry == document.entries.end()) {
        return 0;
    }
    TomlNode& value = entry->value;
    if (value.is_table()) {
        if (!fact_matches(value, edit.match)) {
            return 0;
        }
        if (edit.action == Override::Action::Remove) {
            document.entries.erase(entry);
        } else {
            edit_fact(edit, value);
        }
        return 1;
    }
    if (!value.is_array()) {
        return 0;
    }
    for (auto item = value.items.begin(); item != value.items.end();) {
        if (!item->is_table() || !fact_matches(*item, edit.match)) {
            ++item;
            continue;
        }
        ++count;
        if (edit.action == Override::Action::Remove) {
            item = value.items.erase(item);
        } else {
            edit_fact(edit, *item);
            ++item;
        }
    }
    if (value.items.empty()) {
        document.entries.erase(entry);
    }
    return count;
}

}  // namespace

bool fact_matches(const TomlNode& fact, const std::vector<TomlEntry>& match) {
    return std::all_of(match.begin(), match.end(), [&fact](const TomlEntry& wanted) {
        const TomlEntry* slot = fact.find(wanted.key);
        return slot != nullptr && same_value(plain_value(slot->value), wanted.value);
    });
}

EditResult apply_overrides(const std::vector<Override>& overrides,
                           std::vector<TomlNode>& documents) {
    EditResult result;
    result.changed.assign(documents.size(), false);
    for (const auto& edit : overrides) {
        std::size_t total = 0;
        for (std::size_t i = 0; i < documents.size(); ++i) {
            const std::size_t n = apply(edit, documents[i]);
            total += n;
            if (n > 0) {
                result.changed[i] = true;
            }
        }
        result.matches.push_back(total);
    }
    return result;
}

}  // namespace maslahat::kbtest
