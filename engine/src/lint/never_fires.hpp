// The never-fires analysis of one rule: contradictory constant constraints on one slot, a
// constant outside the slot's range or enumeration, a `test` that is constant false, a
// pattern on a template no fact file and no rule action asserts, or a rule shadowed by one
// with the same conditions and higher salience that retracts or modifies the matched fact.
#pragma once

#include "ir/program.hpp"
#include "maslahat/source.hpp"

#include <optional>
#include <set>
#include <string>

namespace maslahat::lint {

struct NeverFires {
    std::string reason;  ///< e.g. "mipex < 30 and mipex > 60 cannot both hold"
    SourceSpan span;     ///< the condition at fault
};

/// Templates some rule action creates facts of (`assert`, `derive`).
std::set<ir::TemplateIndex> asserted_templates(const ir::Program& program);

/// Why `rule` can never fire, judged from its own conditions; nullopt when it may fire.
/// `available` lists templates that can have facts (nullopt: all of them).
std::optional<NeverFires> never_fires(const ir::Program& program, const ir::Rule& rule,
                                      const SourceManager& sources,
                                      const std::optional<std::set<ir::TemplateIndex>>& available);

/// Source text of a span with runs of white space collapsed to one space.
std::string span_text(const SourceManager& sources, SourceSpan span);

}  // namespace maslahat::lint
