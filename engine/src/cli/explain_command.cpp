#include "cli/explain_command.hpp"

#include "cli/report_io.hpp"
#include "explain/firing_log.hpp"
#include "explain/render.hpp"
#include "explain/why.hpp"
#include "explain/why_not.hpp"
#include "output/explain_html.hpp"

#include <iostream>

namespace maslahat::cli {

int explain_loaded(Engine& engine, const CliOptions& options, const std::string& subject) {
    const ir::Program* program = engine.program();
    if (program == nullptr) {
        std::cerr << "maslahat: error: no rules loaded\n";
        return 1;
    }
    explain::FiringLog firings;
    RunOptions run_options = run_options_from(options);
    run_options.observer = &firings;
    const RunResult result = engine.run(run_options);
    if (!result.errors.empty()) {
        std::cerr << render_text(result.errors, engine.sources());
        return result.status == RunStatus::LimitReached ? 3 : 1;
    }
    const explain::RunView view{*program, result, firings};
    std::string error;
    if (!options.why.empty()) {
        const auto why = explain::build_why(view, options.why, subject, error);
        if (!why) {
            std::cerr << "maslahat: error: " << error << '\n';
            return 1;
        }
        if (options.format == "json") {
            return emit_report(options, explain::render_why_json(*why));
        }
        if (options.format == "markdown") {
            return emit_report(options, explain::render_why_markdown(*why));
        }
        if (options.format == "html") {
            return emit_report(options, output::render_why_html(*why));
        }
        return emit_report(options, explain::render_why_text(*why));
    }
    const auto why_not =
        explain::build_why_not(view, engine.sources(), options.why_not, subject, error);
    if (!why_not) {
        std::cerr << "maslahat: error: " << error << '\n';
        return 1;
    }
    if (options.format == "json") {
        return emit_report(options, explain::render_why_not_json(*why_not));
    }
    if (options.format == "markdown") {
        return emit_report(options, explain::render_why_not_markdown(*why_not));
    }
    if (options.format == "html") {
        return emit_report(options, output::render_why_not_html(*why_not));
    }
    return emit_report(options, explain::render_why_not_text(*why_not));
}

}  // namespace maslahat::cli
