// A hand-built program schema for the fact-loader tests (the checker is tested elsewhere) and
// a helper that loads a TOML text and renders its diagnostics exactly as the CLI would.
#pragma once

#include "facts/load_facts.hpp"
#include "ir/program.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/fact.hpp"
#include "maslahat/source.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace maslahat::facts::testing {

/// The schema, written as rules would declare it:
///   template country {
///       name: string
///       iso3: string ?
///       role: [symbol in {origin, transit, destination}] ?
///       mipex: number in 0..100 ?
///       inflow_trend: symbol in {falling, stable, rising} = stable
///       population: int
///       eu_member: bool = false
///       tags: [string] ?
///   }
///   template agreement {
///       country: string
///       partner: string
///       kind: symbol in {labour, readmission, visa}
///       year: int in 1990..2030 ?
///   }
///   template indicator { name: symbol; value: number; share: [number in 0..1] ? }
/// plus the built-in `recommended` at index 0.
ir::Program fact_schema();

inline constexpr ir::TemplateIndex country = 1;
inline constexpr ir::TemplateIndex agreement = 2;
inline constexpr ir::TemplateIndex indicator = 3;

struct Loaded {
    bool ok = false;
    std::vector<FactInput> facts;
    FactFileMeta meta;
    std::string diagnostics;  ///< render_text(sink.sorted(), sources)
    std::size_t errors = 0;
};

/// Loads `text` as the fact file `path` against fact_schema(). `out` may already hold facts
/// (to check that a failed load appends nothing).
Loaded load(std::string_view text, std::vector<FactInput> out = {},
            const std::string& path = "facts/test.toml");

}  // namespace maslahat::facts::testing
