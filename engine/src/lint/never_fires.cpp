#include "lint/never_fires.hpp"

#include "lint/satisfiable.hpp"
#include "maslahat/value.hpp"
#include "rete/eval.hpp"

#include <algorithm>
#include <map>
#include <vector>

namespace maslahat::lint {
namespace {

std::string describe_domain(const ir::Slot& slot) {
    if (!slot.type.symbols.empty()) {
        std::string out = "{";
        for (std::size_t i = 0; i < slot.type.symbols.size(); ++i) {
            out += (i > 0 ? ", " : "") + std::string(atom_text(slot.type.symbols[i]));
        }
        return "enumeration " + out + "}";
    }
    if (slot.type.low || slot.type.high) {
        const auto bound = [](const std::optional<double>& b) {
            return b ? Value::number(*b).to_string() : std::string();
        };
        return "range " + bound(slot.type.low) + ".." + bound(slot.type.high);
    }
    return "type";
}

struct SlotTest {
    ConstantTest test;
    SourceSpan span;
};

/// Why no fact can meet the constant constraints of `pattern`, or nullopt.
std::optional<std::string> unsatisfiable_pattern(const ir::Program& program,
                                                 const ir::Pattern& pattern,
                                                 const SourceManager& sources) {
    const ir::Template& tmpl = program.templates[pattern.template_index];
    std::map<ir::SlotIndex, std::vector<SlotTest>> by_slot;
    for (const auto& c : pattern.constraints) {
        if (auto v = constant_value(c.rhs, program)) {
            by_slot[c.slot].push_back({{c.op, std::move(*v)}, c.span});
        }
    }
    for (const auto& entry : by_slot) {  // no structured binding: clang 14 cannot capture one
        const auto& tests = entry.second;
        const ir::Slot& slot = tmpl.slots[entry.first];
        const auto subset = [&](std::initializer_list<std::size_t> picks) {
            std::vector<ConstantTest> out;
            for (std::size_t p : picks) {
                out.push_back(tests[p].test);
            }
            return out;
        };
        for (std::size_t i = 0; i < tests.size(); ++i) {
            if (!satisfiable(slot, subset({i}))) {
                return span_text(sources, tests[i].span) + " is outside the " +
                       describe_domain(slot) + " of slot '" + tmpl.name + "." + slot.name + "'";
            }
        }
        for (std::size_t i = 0; i < tests.size(); ++i) {
            for (std::size_t j = i + 1; j < tests.size(); ++j) {
                if (!satisfiable(slot, subset({i, j}))) {
                    return span_text(sources, tests[i].span) + " and " +
                           span_text(sources, tests[j].span) + " cannot both hold";
                }
            }
        }
        std::vector<ConstantTest> all;
        std::string joined;
        for (const auto& t : tests) {
            all.push_back(t.test);
            joined += (joined.empty() ? "" : " and ") + span_text(sources, t.span);
        }
        if (!satisfiable(slot, all)) {
            return joined + " cannot all hold";
        }
    }
    return std::nullopt;
}

/// Conditions that must match for the rule to fire: top-level patterns and tests, and the
/// inside of `exists` (not `not`, and not aggregates: `count` of nothing is 0).
void collect_required(const std::vector<ir::Condition>& conditions,
                      std::vector<const ir::Condition*>& out) {
    for (const auto& c : conditions) {
        if (c.kind == ir::ConditionKind::Exists) {
            collect_required(c.group, out);
        } else if (c.kind == ir::ConditionKind::Pattern || c.kind == ir::ConditionKind::Test) {
            out.push_back(&c);
        }
    }
}

void collect_actions(const ir::Program& program, std::set<ir::TemplateIndex>& out) {
    for (const auto& rule : program.rules) {
        for (const auto& a : rule.actions) {
            if (a.kind == ir::ActionKind::Assert || a.kind == ir::ActionKind::Derive) {
                out.insert(a.template_index);
            }
        }
    }
}

/// A test that is false whatever the facts: a false constant, an `and` with an always-false
/// operand, an `or` whose operands are all always false.
bool always_false(const ir::Program& program, const ir::Expr& e) {
    if (const auto v = constant_value(e, program)) {
        return !rete::truthy(*v);
    }
    if (e.kind == ir::ExprKind::Binary && e.op == ir::Op::And) {
        return std::any_of(e.args.begin(), e.args.end(),
                           [&](const ir::Expr& a) { return always_false(program, a); });
    }
    if (e.kind == ir::ExprKind::Binary && e.op == ir::Op::Or) {
        return std::all_of(e.args.begin(), e.args.end(),
                           [&](const ir::Expr& a) { return always_false(program, a); });
    }
    return false;
}

}  // namespace

std::string span_text(const SourceManager& sources, SourceSpan span) {
    const std::string_view text = sources.text(span.file);
    const std::size_t begin = std::min<std::size_t>(span.begin, text.size());
    const std::size_t end = std::min<std::size_t>(std::max(span.end, span.begin), text.size());
    std::string out;
    bool space = false;
    for (char ch : text.substr(begin, end - begin)) {
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += ch;
    }
    return out;
}

std::set<ir::TemplateIndex> asserted_templates(const ir::Program& program) {
    std::set<ir::TemplateIndex> out;
    collect_actions(program, out);
    return out;
}

std::optional<NeverFires> never_fires(const ir::Program& program, const ir::Rule& rule,
                                      const SourceManager& sources,
                                      const std::optional<std::set<ir::TemplateIndex>>& available) {
    std::vector<const ir::Condition*> required;
    collect_required(rule.conditions, required);
    for (const ir::Condition* c : required) {
        if (c->kind == ir::ConditionKind::Test) {
            if (always_false(program, c->test)) {
                return NeverFires{span_text(sources, c->span) + " is always false", c->span};
            }
            continue;
        }
        const ir::Pattern& p = c->pattern;
        if (available && p.template_index != ir::Program::recommended_template &&
            available->count(p.template_index) == 0) {
            return NeverFires{"no fact file and no rule action asserts a '" +
                                  program.templates[p.template_index].name + "' fact",
                              c->span};
        }
        if (auto why = unsatisfiable_pattern(program, p, sources)) {
            return NeverFires{std::move(*why), c->span};
        }
    }
    return std::nullopt;
}

}  // namespace maslahat::lint
