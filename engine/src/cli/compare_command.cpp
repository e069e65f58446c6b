#include "cli/compare_command.hpp"

#include "api/source_loader.hpp"
#include "cli/output_check.hpp"
#include "cli/report_io.hpp"
#include "cli/watchdog.hpp"
#include "maslahat/engine.hpp"
#include "output/comparison.hpp"
#include "support/did_you_mean.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>

namespace maslahat::cli {
namespace {

namespace fs = std::filesystem;

/// "cannot read 'facts/germny.toml': no such file or directory (did you mean ...?)" for each
/// path that does not exist; the suggestion comes from the entries of its folder.
bool check_paths(const std::vector<std::string>& paths) {
    bool ok = true;
    for (const auto& path : paths) {
        std::error_code ec;
        if (fs::exists(path, ec)) {
            continue;
        }
        const fs::path parent = fs::path(path).parent_path();
        std::vector<std::string> names;
        for (fs::directory_iterator it(parent.empty() ? fs::path(".") : parent, ec), end;
             !ec && it != end; it.increment(ec)) {
            names.push_back(parent.empty() ? it->path().filename().generic_string()
                                           : (parent / it->path().filename()).generic_string());
        }
        std::sort(names.begin(), names.end());
        const std::vector<std::string_view> candidates(names.begin(), names.end());
        std::cerr << "maslahat: error: cannot read '" << path << "': no such file or directory"
                  << support::did_you_mean(path, candidates) << '\n';
        ok = false;
    }
    return ok;
}

std::vector<std::string> shared_paths(const CliOptions& options) {
    if (options.facts_given) {
        return options.facts;
    }
    std::error_code ec;
    return fs::is_directory("facts", ec) ? std::vector<std::string>{"facts"}
                                         : std::vector<std::string>{};
}

/// The shared fact files, folders expanded, without those of `own` (already loaded).
std::vector<std::string> shared_files(const CliOptions& options, const std::string& own) {
    DiagnosticSink ignored;  // missing shared paths are reported by load_facts
    const auto own_files = api::expand_paths({own}, ".toml", ignored);
    std::set<fs::path> loaded;
    for (const auto& f : own_files) {
        std::error_code ec;
        loaded.insert(fs::weakly_canonical(f, ec));
    }
    std::vector<std::string> out;
    for (const auto& path : shared_paths(options)) {
        std::error_code ec;
        if (!fs::exists(path, ec)) {
            out.push_back(path);
            continue;
        }
        for (const auto& f : api::expand_paths({path}, ".toml", ignored)) {
            if (loaded.insert(fs::weakly_canonical(f, ec)).second) {
                out.push_back(f);
            }
        }
    }
    return out;
}

/// Exit code of a failed load: 3 for a limit (input size E0110, nesting E0102), else 1.
int load_failure(const Engine& engine) {
    std::cerr << engine.render_diagnostics();
    for (const auto& d : engine.diagnostics().sorted()) {
        if (d.severity == Severity::Error &&
            (d.code == DiagCode::E0110 || d.code == DiagCode::E0102)) {
            return 3;
        }
    }
    return 1;
}

/// One column: the engine with its facts loaded, and the subject it analyses.
struct Column {
    output::CompareColumn heading;
    RunResult result;
};

/// Compiles the rules and applies --param into a fresh engine; an exit code on failure.
std::optional<int> start_engine(Engine& engine, const CliOptions& options) {
    engine.set_max_source_bytes(options.max_input_bytes);
    engine.set_max_nesting(options.max_nesting);
    if (!engine.load_rules(options.rules)) {
        return load_failure(engine);
    }
    for (const auto& assignment : options.params) {
        const auto eq = assignment.find('=');
        if (eq == std::string::npos || eq == 0) {
            std::cerr << "maslahat: error: --param expects NAME=VALUE, got '" << assignment
                      << "'\n";
            return 2;
        }
        if (!engine.set_param(assignment.substr(0, eq), assignment.substr(eq + 1))) {
            std::cerr << engine.render_diagnostics();
            return 2;
        }
    }
    return std::nullopt;
}

/// The subject a fact file or folder names: its [meta] subject, else the first text slot of
/// its first fact (found by a run over that file alone).
std::optional<std::string> subject_of_file(Engine& engine, const CliOptions& options,
                                           const std::string& path) {
    const auto it = engine.meta().find("subject");
    if (it != engine.meta().end() && !it->second.empty()) {
        return it->second;
    }
    const RunResult probe = engine.run(run_options_from(options));
    for (const auto& fact : probe.facts) {
        if (fact.origin.kind != FactOrigin::Kind::File) {
            continue;
        }
        for (const auto& slot : fact.slots) {
            if (slot.value.kind() == ValueKind::String && !slot.value.text().empty()) {
                return std::string(slot.value.text());
            }
        }
    }
    std::cerr << "maslahat: error: cannot tell which subject '" << path
              << "' is about: give it a [meta] subject, or use --subject\n";
    return std::nullopt;
}

/// Sets `param subject` (when declared), runs, and checks the subject occurs in the facts:
/// an exit code on failure, -1 for an unknown subject (reported; the other columns go on).
std::optional<int> analyse(Engine& engine, const CliOptions& options, Column& column) {
    const auto params = engine.summary().params;
    if (std::find(params.begin(), params.end(), "subject") != params.end() &&
        !engine.set_param("subject", column.heading.subject)) {
        std::cerr << engine.render_diagnostics();
        return 2;
    }
    column.result = engine.run(run_options_from(options));
    if (!column.result.errors.empty()) {
        std::cerr << render_text(column.result.errors, engine.sources());
        return column.result.status == RunStatus::LimitReached ? 3 : 1;
    }
    std::set<std::string> names;
    for (const auto& fact : column.result.facts) {
        for (const auto& slot : fact.slots) {
            if (fact.origin.kind == FactOrigin::Kind::File &&
                slot.value.kind() == ValueKind::String) {
                names.emplace(slot.value.text());
            }
        }
    }
    if (names.count(column.heading.subject) == 0) {
        const std::vector<std::string_view> candidates(names.begin(), names.end());
        std::cerr << "maslahat: error: unknown subject '" << column.heading.subject
                  << "': no fact names it"
                  << support::did_you_mean(column.heading.subject, candidates) << '\n';
        return -1;
    }
    return std::nullopt;
}

}  // namespace

int run_compare(const CliOptions& options) {
    const Watchdog watchdog(options.timeout_seconds);
    if (options.compare_facts.empty() && options.compare_subjects.empty()) {
        std::cerr << "maslahat: error: compare needs fact files (one per subject) or "
                     "--subject S\n";
        return 2;
    }
    if (!check_paths(options.compare_facts)) {
        return 1;
    }
    // -o must not replace a FACTS argument either (the shared ones are checked while parsing).
    CliOptions inputs = options;
    inputs.facts = options.compare_facts;
    inputs.facts_given = true;
    if (const auto problem = output_problem(inputs)) {
        std::cerr << "maslahat: error: " << *problem << '\n';
        return 2;
    }
    std::vector<Column> columns;
    std::vector<std::pair<std::string, std::string>> declared;
    int failed = 0;
    bool warned = false;
    const auto run_column = [&](const std::string& own, const std::string& subject) {
        Engine engine;
        if (const auto code = start_engine(engine, options)) {
            return *code;
        }
        Column column;
        column.heading.facts = own;
        if (!own.empty()) {
            if (!engine.load_facts({own})) {
                return load_failure(engine);
            }
            const auto named = subject_of_file(engine, options, own);
            if (!named) {
                return 1;
            }
            column.heading.subject = *named;
        } else {
            column.heading.subject = subject;
        }
        column.heading.label = column.heading.subject;
        if (!engine.load_facts(shared_files(options, own))) {
            return load_failure(engine);
        }
        if (!warned) {  // warnings of a clean load (e.g. W0003), once
            std::cerr << engine.render_diagnostics();
            warned = true;
        }
        if (const auto code = analyse(engine, options, column)) {
            return *code;  // -1: unknown subject, reported
        }
        declared = engine.summary().recommendations;
        columns.push_back(std::move(column));
        return 0;
    };
    // Input errors stop at once (they would repeat for every column), except unknown
    // subjects: each is reported, then exit 1.
    for (const auto& path : options.compare_facts) {
        if (const int code = run_column(path, ""); code > 0) {
            return code;
        } else if (code < 0) {
            failed = 1;
        }
    }
    for (const auto& subject : options.compare_subjects) {
        if (const int code = run_column("", subject); code > 0) {
            return code;
        } else if (code < 0) {
            failed = 1;
        }
    }
    if (failed != 0) {
        return failed;
    }
    output::Comparison comparison = output::make_comparison(declared);
    for (const auto& column : columns) {
        output::add_column(comparison, column.heading, column.result);
    }
    output::disambiguate_labels(comparison);
    if (options.format == "json") {
        return emit_report(options, output::render_compare_json(comparison));
    }
    if (options.format == "markdown") {
        return emit_report(options, output::render_compare_markdown(comparison));
    }
    if (options.format == "html") {
        return emit_report(options, output::render_compare_html(comparison));
    }
    return emit_report(options, output::render_compare_text(comparison));
}

}  // namespace maslahat::cli
