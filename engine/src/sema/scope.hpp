// The variables of one rule while it is being checked: where each is bound (token position
// and slot, fact, aggregate result or action local), its static type, whether it is still
// visible (variables bound inside not/exists/aggregate close with their group) and whether
// it was used (for the W0001 warning).
#pragma once

#include "ir/program.hpp"
#include "sema/types.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maslahat::sema {

struct VarEntry {
    std::string name;  ///< without '?'
    ir::VariableInfo::Kind kind = ir::VariableInfo::Kind::Slot;
    ir::TokenIndex token = 0;
    ir::SlotIndex slot = 0;
    std::uint16_t local = 0;
    std::optional<ir::TemplateIndex> fact_template;  ///< Fact: the template (none if unknown)
    Type type;
    SourceSpan span;
    unsigned group = 0;      ///< id of the group that binds it (0: the rule itself)
    std::string group_kind;  ///< "not", "exists", "aggregate" ("" for the rule)
    bool closed = false;     ///< its group has ended: no longer visible
    bool used = false;
};

struct Lookup {
    VarEntry* visible = nullptr;  ///< the binding in scope
    VarEntry* closed = nullptr;   ///< else the latest binding whose group has ended
};

class RuleScope {
public:
    /// Opens a not/exists/aggregate group; returns its id for close().
    unsigned open(std::string kind);
    void close(unsigned group);
    bool nested() const {
        return !open_.empty();
    }

    Lookup find(std::string_view name);
    /// Adds a binding in the innermost open group.
    VarEntry& bind(VarEntry entry);
    std::uint16_t new_local() {
        return local_count_++;
    }
    std::uint16_t local_count() const {
        return local_count_;
    }

    /// Names (with '?') of the variables in scope, for did-you-mean.
    std::vector<std::string> visible_names() const;
    std::vector<VarEntry>& entries() {
        return entries_;
    }

private:
    std::vector<VarEntry> entries_;
    std::vector<std::pair<unsigned, std::string>> open_;
    unsigned next_group_ = 1;
    std::uint16_t local_count_ = 0;
};

}  // namespace maslahat::sema
