// Edits of loaded fact files for a rule test (`[[test.override]]`): set or drop slots of the
// facts of one template that match given slot values, or remove those facts. Works on the
// TOML tree of each fact file before it is given to the engine, so the engine sees ordinary
// fact files and the knowledge base is tested exactly as it runs.
#pragma once

#include "kbtest/test_file.hpp"
#include "kbtest/toml_doc.hpp"

#include <cstddef>
#include <vector>

namespace maslahat::kbtest {

struct EditResult {
    std::vector<std::size_t> matches;  ///< per override: facts it changed (0 = a mistake)
    std::vector<bool> changed;         ///< per document: edited at all
};

/// Applies `overrides` in order to the fact documents (top-level TOML tables).
EditResult apply_overrides(const std::vector<Override>& overrides,
                           std::vector<TomlNode>& documents);

/// True when a fact table has every slot of `match` with an equal value (a provenance table
/// `{ value = ..., year = ... }` compares by its value).
bool fact_matches(const TomlNode& fact, const std::vector<TomlEntry>& match);

}  // namespace maslahat::kbtest
