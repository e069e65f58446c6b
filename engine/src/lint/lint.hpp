// The rule linter (`maslahat lint`, issue 9): finds rules that can never fire, duplicate
// rules, and declarations nothing uses, on the checked IR. Every warning's message ends with
// a stable check name in brackets, e.g. `[never-fires]`; codes W0101-W0105 (codes.def).
#pragma once

#include "ir/program.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace maslahat::lint {

struct DroppedRules {
    std::set<std::string> templates;             ///< matched or asserted by a dropped rule
    std::set<std::string> dead_recommendations;  ///< recommended by a rule that can never fire
    std::set<std::string> live_recommendations;  ///< recommended by another dropped rule
};

struct LintOptions {
    /// Templates that the fact files hold at least one fact of; nullopt when no fact files
    /// were given (then "no fact ever asserts T" is not checked).
    std::optional<std::set<ir::TemplateIndex>> fact_templates;
    /// What the rules left out of `program` use (rules whose conditions hold a constant
    /// outside a slot's domain, E0304), so that lint does not call it unused.
    DroppedRules dropped;
};

/// Runs every lint check over a program that compiled without error.
void lint_program(const ir::Program& program, const SourceManager& sources,
                  const LintOptions& options, DiagnosticSink& sink);

/// The check name shown in brackets for a warning code ("never-fires" for W0101,
/// "unused-variable" for the checker's W0001, ...); empty for codes that are not lint checks.
std::string_view check_name(DiagCode code);

}  // namespace maslahat::lint
