#include "lint/lint_sources.hpp"

#include "api/source_loader.hpp"
#include "dsl/ast_access.hpp"
#include "dsl/parse.hpp"
#include "facts/load_facts.hpp"
#include "lint/lint.hpp"
#include "sema/analyze.hpp"

#include <algorithm>
#include <map>

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

using dsl::ast::located;
using dsl::ast::unwrap;

bool inside(const dsl::ast::Located& node, std::uint32_t offset) {
    return node.begin <= offset && offset < node.end;
}

/// True when a failing constraint at `offset` inside `c` stops the rule from ever matching:
/// a positive pattern, or a pattern inside `exists` (not inside `not` or an aggregate).
bool blocks_rule(const dsl::ast::Condition& c, std::uint32_t offset) {
    if (boost::get<dsl::ast::Pattern>(&c) != nullptr) {
        return true;
    }
    if (const auto* g = boost::get<boost::spirit::x3::forward_ast<dsl::ast::GroupCond>>(&c)) {
        if (g->get().kind != "exists") {
            return false;
        }
        for (const auto& inner : g->get().conditions) {
            if (inside(located(inner), offset)) {
                return blocks_rule(inner, offset);
            }
        }
    }
    return false;
}

struct Checked {
    std::optional<ir::Program> program;
    DroppedRules dropped;
};

void collect_templates(const std::vector<dsl::ast::Condition>& conditions,
                       std::set<std::string>& out) {
    for (const auto& c : conditions) {
        if (const auto* p = boost::get<dsl::ast::Pattern>(&c)) {
            out.insert(p->template_name.text);
        } else if (const auto* a = boost::get<dsl::ast::AggregateCond>(&c)) {
            out.insert(a->pattern.template_name.text);
        } else if (const auto* g =
                       boost::get<boost::spirit::x3::forward_ast<dsl::ast::GroupCond>>(&c)) {
            collect_templates(g->get().conditions, out);
        }
    }
}

/// Records what a rule left out of the program uses, so lint does not call it unused.
void record_dropped(const dsl::ast::RuleDecl& rule, bool dead, DroppedRules& out) {
    collect_templates(rule.conditions, out.templates);
    for (const auto& a : rule.actions) {
        if (const auto* rec = boost::get<dsl::ast::RecommendAction>(&a)) {
            (dead ? out.dead_recommendations : out.live_recommendations).insert(rec->id.text);
        } else if (const auto* as = boost::get<dsl::ast::AssertAction>(&a)) {
            out.templates.insert(as->template_name.text);
        }
    }
}

/// Parses and checks. When the only errors are constants outside a slot's range or
/// enumeration (E0304) inside rule conditions, those rules can never fire: each gets a
/// never-fires warning, and the program without them is checked again so that the other
/// lint checks still run (the E0304 errors are kept).
Checked check(const SourceManager& sources, const std::vector<FileId>& files,
              DiagnosticSink& sink) {
    Checked out;
    std::vector<sema::ParsedFile> parsed;
    DiagnosticSink first;
    for (FileId f : files) {
        if (auto ast = dsl::parse_file(sources, f, first)) {
            parsed.push_back({f, std::move(*ast)});
        }
    }
    if (first.has_errors()) {
        forward(first, sink);
        return out;
    }
    out.program = sema::analyze(sources, parsed, first);
    forward(first, sink);
    if (!first.has_errors()) {
        return out;
    }
    out.program.reset();
    std::map<const dsl::ast::RuleDecl*, bool> dropped;  // rule -> can never fire
    for (const auto& d : first.all()) {
        if (d.severity != Severity::Error) {
            continue;
        }
        const dsl::ast::RuleDecl* rule = nullptr;
        const dsl::ast::Condition* condition = nullptr;
        for (const auto& file : parsed) {
            if (!d.span || file.file != d.span->file) {
                continue;
            }
            for (const auto& decl : file.ast.declarations) {
                const auto* r = boost::get<dsl::ast::RuleDecl>(&decl);
                if (r == nullptr || !inside(*r, d.span->begin)) {
                    continue;
                }
                rule = r;
                for (const auto& c : r->conditions) {
                    condition = inside(located(c), d.span->begin) ? &c : condition;
                }
            }
        }
        if (d.code != DiagCode::E0304 || rule == nullptr || condition == nullptr) {
            return out;  // an error lint cannot see past
        }
        const bool dead = blocks_rule(*condition, d.span->begin);
        const bool known = dropped.count(rule) > 0;
        const bool was_dead = known && dropped[rule];
        dropped[rule] = was_dead || dead;
        if (dead && !was_dead) {
            const auto& at = located(*condition);
            sink.warning(
                DiagCode::W0101, SourceSpan{d.span->file, at.begin, at.end},
                "rule '" + rule->name.text + "' can never fire: " + d.message + " [never-fires]");
        }
    }
    for (auto& file : parsed) {
        auto& decls = file.ast.declarations;
        decls.erase(std::remove_if(decls.begin(), decls.end(),
                                   [&](const dsl::ast::Declaration& decl) {
                                       const auto* r = boost::get<dsl::ast::RuleDecl>(&decl);
                                       if (r == nullptr || dropped.count(r) == 0) {
                                           return false;
                                       }
                                       record_dropped(*r, dropped[r], out.dropped);
                                       return true;
                                   }),
                    decls.end());
    }
    DiagnosticSink second;
    out.program = sema::analyze(sources, parsed, second);
    if (second.has_errors()) {
        out.program.reset();
    }
    return out;
}

}  // namespace

std::optional<ir::Program> lint_sources(
    const SourceManager& sources, const std::vector<FileId>& files,
    const std::optional<std::set<ir::TemplateIndex>>& fact_templates, DiagnosticSink& sink) {
    Checked checked = check(sources, files, sink);
    if (!checked.program) {
        return std::nullopt;
    }
    LintOptions options;
    options.fact_templates = fact_templates;
    options.dropped = std::move(checked.dropped);
    lint_program(*checked.program, sources, options, sink);
    return std::move(checked.program);
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
        sink.error(DiagCode::E0504, std::nullopt, api::no_files_message("rule", request.rules));
    }
    if (sink.has_errors()) {
        return false;
    }
    Checked checked = check(sources, files, sink);
    if (!checked.program) {
        return false;
    }
    std::optional<std::set<ir::TemplateIndex>> fact_templates;
    if (request.facts_given) {
        fact_templates.emplace();
        std::vector<FactInput> facts;
        for (const auto& p : api::expand_paths(request.facts, ".toml", sink)) {
            facts::load_fact_path(*checked.program, sources, p, sink, facts);
        }
        for (const auto& f : facts) {
            fact_templates->insert(f.template_index);
        }
    }
    LintOptions options;
    options.fact_templates = fact_templates;
    options.dropped = std::move(checked.dropped);
    lint_program(*checked.program, sources, options, sink);
    return !sink.has_errors();
}

}  // namespace maslahat::lint
