// Parse -> check -> lint over source buffers, shared by `maslahat lint` and the language
// server: the checker's diagnostics plus the lint warnings, with the check name appended to
// the checker's own lint-like warnings (W0001 `[unused-variable]`, W0002 `[unused-param]`).
#pragma once

#include "ir/program.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace maslahat::lint {

/// Parses and checks `files` as one program and lints it. When the only errors are constants
/// outside a slot's range or enumeration (E0304) in rule conditions, those rules get a
/// never-fires warning and the rest of the program is linted (the errors are kept).
/// `fact_templates` as in LintOptions. Returns the program when it compiled.
std::optional<ir::Program> lint_sources(
    const SourceManager& sources, const std::vector<FileId>& files,
    const std::optional<std::set<ir::TemplateIndex>>& fact_templates, DiagnosticSink& sink);

struct LintRequest {
    std::vector<std::string> rules;  ///< files and folders (folders: `*.rules` below)
    std::vector<std::string> facts;  ///< fact files and folders; used when facts_given
    bool facts_given = false;
};

/// Reads the files from disk into `sources` and lints them; fact files (when given) are
/// loaded to learn which templates have facts. False when an error was reported.
bool lint_paths(const LintRequest& request, SourceManager& sources, DiagnosticSink& sink);

}  // namespace maslahat::lint
