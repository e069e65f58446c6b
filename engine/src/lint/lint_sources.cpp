#include "lint/lint_sources.hpp"

#include "api/source_loader.hpp"
#include "dsl/parse.hpp"
#include "facts/load_facts.hpp"
#include "lint/lint.hpp"
#include "sema/analyze.hpp"

namespace maslahat::lint {
namespace {

/// Copies diagnostics, appending ` [check-name]` to the checker's lint-like warnings.
void forward(const DiagnosticSink& from, DiagnosticSink& to) {
    for (Diagnostic d : from.all()) {
        const std::string_view name = check_name(d.code);
        if (!name.empty() && d.message.find('[') == std::string::npos) {
            d.message += " [" + std::string(name) + "]";
        }
        to.report(std::move(d));
    }
}

std::optional<ir::Program> check(const SourceManager& sources, const std::vector<FileId>& files,
                                 DiagnosticSink& sink) {
    std::vector<sema::ParsedFile> parsed;
    for (FileId f : files) {
        if (auto ast = dsl::parse_file(sources, f, sink)) {
            parsed.push_back({f, std::move(*ast)});
        }
    }
    if (sink.has_errors()) {
        return std::nullopt;
    }
    return sema::analyze(sources, parsed, sink);
}

}  // namespace

std::optional<ir::Program> lint_sources(
    const SourceManager& sources, const std::vector<FileId>& files,
    const std::optional<std::set<ir::TemplateIndex>>& fact_templates, DiagnosticSink& sink) {
    DiagnosticSink local;
    auto program = check(sources, files, local);
    forward(local, sink);
    if (!program || local.has_errors()) {
        return std::nullopt;
    }
    LintOptions options;
    options.fact_templates = fact_templates;
    lint_program(*program, sources, options, sink);
    return program;
}

bool lint_paths(const LintRequest& request, SourceManager& sources, DiagnosticSink& sink) {
    const auto paths = api::expand_paths(request.rules, ".rules", sink);
    std::vector<FileId> files;
    for (const auto& p : paths) {
        if (auto id = api::read_source(sources, p, sink)) {
            files.push_back(*id);
        }
    }
    if (files.empty() && !sink.has_errors()) {
        sink.error(DiagCode::E0504, std::nullopt, "no rule files found");
    }
    if (sink.has_errors()) {
        return false;
    }
    // Check first (without lint) to get the program for the fact files.
    DiagnosticSink checked;
    auto program = check(sources, files, checked);
    if (!program || checked.has_errors()) {
        forward(checked, sink);
        return false;
    }
    std::optional<std::set<ir::TemplateIndex>> fact_templates;
    if (request.facts_given) {
        fact_templates.emplace();
        std::vector<FactInput> facts;
        for (const auto& p : api::expand_paths(request.facts, ".toml", sink)) {
            facts::load_fact_path(*program, sources, p, sink, facts);
        }
        for (const auto& f : facts) {
            fact_templates->insert(f.template_index);
        }
    }
    forward(checked, sink);
    LintOptions options;
    options.fact_templates = fact_templates;
    lint_program(*program, sources, options, sink);
    return !sink.has_errors();
}

}  // namespace maslahat::lint
