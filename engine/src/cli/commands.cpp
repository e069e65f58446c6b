#include "cli/commands.hpp"

#include "cli/explain_command.hpp"
#include "cli/report_io.hpp"
#include "cli/watchdog.hpp"
#include "log/trace_logger.hpp"
#include "maslahat/engine.hpp"
#include "output/reports.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>

namespace maslahat::cli {
namespace {

void print_diagnostics(const Engine& engine) {
    std::cerr << engine.render_diagnostics();
}

std::vector<std::string> fact_paths(const CliOptions& options) {
    if (options.facts_given) {
        return options.facts;
    }
    std::error_code ec;
    if (std::filesystem::is_directory("facts", ec)) {
        return {"facts"};
    }
    return {};
}

/// Applies `--param NAME=VALUE`; prints the problem and returns false on a bad one.
bool apply_params(Engine& engine, const CliOptions& options) {
    for (const auto& assignment : options.params) {
        const auto eq = assignment.find('=');
        if (eq == std::string::npos || eq == 0) {
            std::cerr << "maslahat: error: --param expects NAME=VALUE, got '" << assignment
                      << "'\n";
            return false;
        }
        if (!engine.set_param(assignment.substr(0, eq), assignment.substr(eq + 1))) {
            print_diagnostics(engine);
            return false;
        }
    }
    return true;
}

/// The analysis subject: --subject, else `--param subject=...`, else [meta] subject.
std::string subject_of(const Engine& engine, const CliOptions& options) {
    if (!options.subject.empty()) {
        return options.subject;
    }
    for (const auto& assignment : options.params) {
        if (assignment.starts_with("subject=")) {
            return assignment.substr(8);
        }
    }
    const auto& meta = engine.meta();
    const auto it = meta.find("subject");
    return it == meta.end() ? std::string() : it->second;
}

/// A program that declares `param subject` analyses the subject chosen on the command line
/// or in [meta] (unless `--param subject=...` already set it).
bool apply_subject(Engine& engine, const CliOptions& options) {
    const auto params = engine.summary().params;
    if (std::find(params.begin(), params.end(), "subject") == params.end()) {
        return true;
    }
    const std::string subject = subject_of(engine, options);
    if (subject.empty()) {
        return true;
    }
    if (!engine.set_param("subject", subject)) {
        print_diagnostics(engine);
        return false;
    }
    return true;
}

/// Exit code of a failed load: 3 when a limit was reached (input size E0110, nesting depth
/// E0102; spec §7, issue 8), else 1.
int load_failure_code(const Engine& engine) {
    for (const auto& d : engine.diagnostics().sorted()) {
        if (d.severity == Severity::Error &&
            (d.code == DiagCode::E0110 || d.code == DiagCode::E0102)) {
            return 3;
        }
    }
    return 1;
}

/// Loads rules, params and facts for run/explain; returns an exit code on failure.
std::optional<int> prepare(Engine& engine, const CliOptions& options) {
    engine.set_max_source_bytes(options.max_input_bytes);
    engine.set_max_nesting(options.max_nesting);
    engine.prefetch_facts(fact_paths(options));  // parsed while the rules are
    if (!engine.load_rules(options.rules)) {
        print_diagnostics(engine);
        return load_failure_code(engine);
    }
    if (!apply_params(engine, options)) {
        return 2;
    }
    if (!engine.load_facts(fact_paths(options))) {
        print_diagnostics(engine);
        return load_failure_code(engine);
    }
    if (!apply_subject(engine, options)) {
        return 2;
    }
    // Warnings of a clean load (e.g. unused variables) go to stderr too.
    print_diagnostics(engine);
    return std::nullopt;
}

}  // namespace

int run_check(const CliOptions& options) {
    Engine engine;
    engine.set_max_source_bytes(options.max_input_bytes);
    engine.set_max_nesting(options.max_nesting);
    bool ok = engine.load_rules(options.rules);
    if (ok && options.facts_given) {
        ok = engine.load_facts(options.facts);
    }
    if (options.format == "json") {
        std::cout << output::render_json_diagnostics(engine.diagnostics().sorted(),
                                                     engine.sources());
    } else {
        print_diagnostics(engine);
    }
    return ok ? 0 : load_failure_code(engine);
}

int run_run(const CliOptions& options) {
    const Watchdog watchdog(options.timeout_seconds);
    Engine engine;
    if (const auto failed = prepare(engine, options)) {
        return *failed;
    }
    RunOptions run_options = run_options_from(options);
    const std::string level =
        options.trace && options.log_level != "trace" && options.log_level != "debug"
            ? std::string("info")
            : options.log_level;
    log::TraceLogger tracer(log::make_stderr_logger(level), options.trace,
                            engine.summary().templates);
    run_options.observer = &tracer;
    run_options.release_facts = true;  // one run per process: no second copy of the facts
    if (options.format != "json") {
        run_options.keep_fact = output::report_reads_fact;  // only JSON lists every fact
        run_options.may_keep_fact = output::report_may_read_fact_of(engine.summary().templates);
    }
    const RunResult result = engine.run(run_options);
    if (!result.errors.empty()) {
        std::cerr << render_text(result.errors, engine.sources());
        return result.status == RunStatus::LimitReached ? 3 : 1;
    }
    const output::ReportContext context{subject_of(engine, options)};
    if (options.format == "json") {
        return emit_report(options, output::render_json_report(result, context));
    }
    if (options.format == "markdown") {
        return emit_report(options, output::render_markdown_report(result, context));
    }
    if (options.format == "html") {
        return emit_report(options, output::render_html_report(result, context));
    }
    return emit_report(options, output::render_text_report(result, context));
}

int run_explain(const CliOptions& options) {
    const Watchdog watchdog(options.timeout_seconds);
    Engine engine;
    if (const auto failed = prepare(engine, options)) {
        return *failed;
    }
    return explain_loaded(engine, options, subject_of(engine, options));
}

}  // namespace maslahat::cli
