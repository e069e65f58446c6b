// Facts as they enter working memory from outside the rules: from fact files (spec §6) or
// from code. Values are already checked against the template and in slot order; each slot
// may carry provenance (`{ value, year, source }`) shown by explanations.
#pragma once

#include "maslahat/source.hpp"
#include "maslahat/value.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maslahat {

/// Where a figure comes from: the year and source of a `{ value, year, source }` table.
struct Provenance {
    std::optional<std::int64_t> year;
    std::string source;
};

/// A fact to assert: template index into ir::Program::templates, one value per slot (nil
/// for an absent optional slot), and per-slot provenance (empty when no slot has any, else
/// the same length as `slots`).
struct FactInput {
    std::uint32_t template_index = 0;
    std::vector<Value> slots;
    std::vector<std::optional<Provenance>> provenance;
    std::optional<SourceSpan> span;  ///< the table in the fact file that declared it
};

}  // namespace maslahat
