#include "lint/lint.hpp"

#include "lint/condition_key.hpp"
#include "lint/never_fires.hpp"

#include <map>
#include <vector>

namespace maslahat::lint {
namespace {

/// The span of the rule's name (the rule's span starts at `rule`).
SourceSpan rule_name_span(const SourceManager& sources, const ir::Rule& rule) {
    const std::string_view text = sources.text(rule.span.file);
    const std::size_t at = text.find(rule.name, rule.span.begin);
    if (at == std::string_view::npos || at >= rule.span.end) {
        return rule.span;
    }
    return {rule.span.file, static_cast<std::uint32_t>(at),
            static_cast<std::uint32_t>(at + rule.name.size())};
}

SourceSpan name_span(const SourceManager& sources, SourceSpan decl, std::string_view keyword,
                     std::string_view name) {
    const std::string_view text = sources.text(decl.file);
    const std::size_t at =
        text.find(name, std::min<std::size_t>(decl.begin + keyword.size(), text.size()));
    if (at == std::string_view::npos || at >= decl.end) {
        return decl;
    }
    return {decl.file, static_cast<std::uint32_t>(at),
            static_cast<std::uint32_t>(at + name.size())};
}

bool touches_token(const ir::Rule& rule, ir::TokenIndex token) {
    for (const auto& a : rule.actions) {
        if ((a.kind == ir::ActionKind::Retract || a.kind == ir::ActionKind::Modify) &&
            a.fact_token == token) {
            return true;
        }
    }
    return false;
}

void mark_templates(const std::vector<ir::Condition>& conditions, std::vector<bool>& used) {
    for (const auto& c : conditions) {
        if (c.kind == ir::ConditionKind::Pattern || c.kind == ir::ConditionKind::Aggregate) {
            used[c.pattern.template_index] = true;
        }
        mark_templates(c.group, used);
    }
}

class Linter {
public:
    Linter(const ir::Program& program, const SourceManager& sources, const LintOptions& options,
           DiagnosticSink& sink)
        : program_(program), sources_(sources), options_(options), sink_(sink) {}

    void run() {
        std::optional<std::set<ir::TemplateIndex>> available;
        if (options_.fact_templates) {
            available = *options_.fact_templates;
            const auto asserted = asserted_templates(program_);
            available->insert(asserted.begin(), asserted.end());
        }
        dead_.assign(program_.rules.size(), false);
        for (std::size_t i = 0; i < program_.rules.size(); ++i) {
            const ir::Rule& rule = program_.rules[i];
            if (auto why = never_fires(program_, rule, sources_, available)) {
                report_never_fires(rule, why->span, why->reason);
                dead_[i] = true;
            }
        }
        duplicates_and_shadows();
        unused_templates();
        recommendations();
    }

private:
    void report_never_fires(const ir::Rule& rule, SourceSpan span, const std::string& reason) {
        Diagnostic d;
        d.severity = Severity::Warning;
        d.code = DiagCode::W0101;
        d.span = span;
        d.message = "rule '" + rule.name + "' can never fire: " + reason + " [never-fires]";
        sink_.report(std::move(d));
    }

    void duplicates_and_shadows() {
        std::map<std::string, std::vector<std::size_t>> by_key;
        for (std::size_t i = 0; i < program_.rules.size(); ++i) {
            by_key[condition_key(program_.rules[i])].push_back(i);
        }
        for (const auto& [key, indices] : by_key) {
            for (std::size_t x = 0; x < indices.size(); ++x) {
                for (std::size_t y = 0; y < indices.size(); ++y) {
                    if (x != y) {
                        compare(indices[x], indices[y]);
                    }
                }
            }
        }
    }

    /// `later` against `other`, both with identical conditions.
    void compare(std::size_t later, std::size_t other) {
        const ir::Rule& b = program_.rules[later];
        const ir::Rule& a = program_.rules[other];
        if (!dead_[later] && a.salience > b.salience) {
            for (ir::TokenIndex t = 0; t < a.token_size; ++t) {
                if (touches_token(a, t)) {
                    dead_[later] = true;
                    report_never_fires(b, rule_name_span(sources_, b),
                                       "rule '" + a.name +
                                           "' has the same conditions and a higher salience and "
                                           "retracts or modifies the fact it matches");
                    return;
                }
            }
        }
        if (other < later) {
            for (const auto& act_b : b.actions) {
                if (act_b.kind != ir::ActionKind::Recommend) {
                    continue;
                }
                for (const auto& act_a : a.actions) {
                    if (act_a.kind == ir::ActionKind::Recommend &&
                        act_a.recommendation == act_b.recommendation) {
                        const auto& id = program_.recommendations[act_b.recommendation].id;
                        sink_.warning(DiagCode::W0102, rule_name_span(sources_, b),
                                      "rule '" + b.name + "' recommends '" + id +
                                          "' from the same conditions as rule '" + a.name +
                                          "' [duplicate-rule]");
                        return;
                    }
                }
            }
        }
    }

    void unused_templates() {
        std::vector<bool> used(program_.templates.size(), false);
        for (const auto& rule : program_.rules) {
            mark_templates(rule.conditions, used);
            for (const auto& a : rule.actions) {
                if (a.kind == ir::ActionKind::Assert || a.kind == ir::ActionKind::Derive) {
                    used[a.template_index] = true;
                }
            }
        }
        for (std::size_t i = 0; i < program_.templates.size(); ++i) {
            const ir::Template& t = program_.templates[i];
            if (!used[i] && !t.builtin && options_.dropped.templates.count(t.name) == 0) {
                sink_.warning(DiagCode::W0103, name_span(sources_, t.span, "template", t.name),
                              "template '" + t.name +
                                  "' is declared but no rule matches or asserts it "
                                  "[unused-template]");
            }
        }
    }

    void recommendations() {
        std::vector<int> recommenders(program_.recommendations.size(), 0);
        std::vector<int> live(program_.recommendations.size(), 0);
        for (std::size_t i = 0; i < program_.rules.size(); ++i) {
            for (const auto& a : program_.rules[i].actions) {
                if (a.kind == ir::ActionKind::Recommend) {
                    ++recommenders[a.recommendation];
                    live[a.recommendation] += dead_[i] ? 0 : 1;
                }
            }
        }
        for (std::size_t i = 0; i < program_.recommendations.size(); ++i) {
            const ir::Recommendation& r = program_.recommendations[i];
            const SourceSpan span = name_span(sources_, r.span, "recommendation", r.id);
            if (options_.dropped.live_recommendations.count(r.id) > 0) {
                continue;
            }
            if (recommenders[i] == 0 && options_.dropped.dead_recommendations.count(r.id) == 0) {
                sink_.warning(DiagCode::W0104, span,
                              "recommendation '" + r.id +
                                  "' is declared but no rule recommends it "
                                  "[unused-recommendation]");
            } else if (live[i] == 0) {
                sink_.warning(DiagCode::W0105, span,
                              "recommendation '" + r.id +
                                  "' can never be made: every rule that recommends it can never "
                                  "fire [unproducible-recommendation]");
            }
        }
    }

    const ir::Program& program_;
    const SourceManager& sources_;
    const LintOptions& options_;
    DiagnosticSink& sink_;
    std::vector<bool> dead_;
};

}  // namespace

void lint_program(const ir::Program& program, const SourceManager& sources,
                  const LintOptions& options, DiagnosticSink& sink) {
    Linter(program, sources, options, sink).run();
}

std::string_view check_name(DiagCode code) {
    switch (code) {
        case DiagCode::W0001:
            return "unused-variable";
        case DiagCode::W0002:
            return "unused-param";
        case DiagCode::W0101:
            return "never-fires";
        case DiagCode::W0102:
            return "duplicate-rule";
        case DiagCode::W0103:
            return "unused-template";
        case DiagCode::W0104:
            return "unused-recommendation";
        case DiagCode::W0105:
            return "unproducible-recommendation";
        default:
            return {};
    }
}

}  // namespace maslahat::lint
