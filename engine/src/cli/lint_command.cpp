#include "cli/lint_command.hpp"

#include "lint/lint_sources.hpp"
#include "maslahat/diagnostics.hpp"

#include <iostream>

namespace maslahat::cli {

int run_lint(const CliOptions& options) {
    SourceManager sources;
    DiagnosticSink sink;
    lint::LintRequest request;
    request.rules = options.rules;
    request.facts = options.facts;
    request.facts_given = options.facts_given;
    const bool ok = lint::lint_paths(request, sources, sink);
    std::cerr << render_text(sink.sorted(), sources);
    if (!ok) {
        return 1;
    }
    return options.error_on_warning && sink.warning_count() > 0 ? 1 : 0;
}

}  // namespace maslahat::cli
