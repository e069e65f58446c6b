#include "explain/why_not.hpp"

#include "explain/describe.hpp"
#include "rete/eval.hpp"
#include "rete/fact_table.hpp"

#include <algorithm>
#include <functional>
#include <map>

namespace maslahat::explain {
namespace {

constexpr int max_depth = 3;           ///< levels of "which rule would have derived it"
constexpr std::size_t max_causes = 4;  ///< deriving rules explained per missing fact

using Bindings = std::vector<rete::Binding>;
/// Called on a complete match; true stops the search.
using OnMatch = std::function<bool(Bindings&)>;

/// A fact a failing pattern needed: its template and the slot values it asked for.
struct Wanted {
    ir::TemplateIndex template_index = 0;
    std::vector<std::pair<ir::SlotIndex, Value>> slots;
};

struct Best {
    bool set = false;
    std::size_t depth = 0;  ///< failing condition index; n: matched other subject; n+1: matched
    RuleFailure failure;
    std::optional<Wanted> wanted;  ///< the failing condition is a pattern needing this fact
};

std::string op_text(ir::Op op) {
    switch (op) {
        case ir::Op::Eq:
            return "=";
        case ir::Op::Ne:
            return "!=";
        case ir::Op::Lt:
            return "<";
        case ir::Op::Le:
            return "<=";
        case ir::Op::Gt:
            return ">";
        case ir::Op::Ge:
            return ">=";
        case ir::Op::In:
            return "in";
        case ir::Op::NotIn:
            return "not in";
        case ir::Op::Contains:
            return "contains";
        default:
            return "?";
    }
}

bool is_comparison(ir::Op op) {
    switch (op) {
        case ir::Op::Eq:
        case ir::Op::Ne:
        case ir::Op::Lt:
        case ir::Op::Le:
        case ir::Op::Gt:
        case ir::Op::Ge:
        case ir::Op::In:
        case ir::Op::NotIn:
        case ir::Op::Contains:
            return true;
        default:
            return false;
    }
}

bool refers_to_other_token(const ir::Expr& e, ir::TokenIndex self) {
    if ((e.kind == ir::ExprKind::SlotRef || e.kind == ir::ExprKind::FactRef ||
         e.kind == ir::ExprKind::Aggregate) &&
        e.token != self) {
        return true;
    }
    return std::any_of(e.args.begin(), e.args.end(),
                       [&](const ir::Expr& a) { return refers_to_other_token(a, self); });
}

std::size_t max_token(const std::vector<ir::Condition>& conditions) {
    std::size_t m = 0;
    for (const auto& c : conditions) {
        m = std::max<std::size_t>(m, c.pattern.token);
        m = std::max<std::size_t>(m, c.result_token);
        m = std::max(m, max_token(c.group));
    }
    return m;
}

class Matcher {
public:
    Matcher(const RunView& run, const SourceManager& sources) : run_(run), sources_(sources) {
        for (const auto& p : run.program.params) {
            params_.push_back(p.value);
        }
        for (const auto& fact : run.result.facts) {
            const auto tmpl = run.program.find_template(fact.template_name);
            if (!tmpl) {
                continue;
            }
            std::vector<Value> slots;
            for (const auto& s : fact.slots) {
                slots.push_back(s.value);
            }
            const rete::FactId id = table_.add(*tmpl, std::move(slots));
            by_template_[*tmpl].push_back(id);
            results_[rete::index(id)] = &fact;
        }
    }

    RuleFailure explain_rule(const ir::Rule& rule, const ir::Action& action,
                             const std::string& subject) {
        std::vector<Restriction> restrictions;
        if (const ir::Pattern* p = top_pattern(rule, action.subject)) {
            restrictions.push_back({p, action.subject.slot, Value::string(subject)});
        }
        const Target target = [&](Bindings& full, std::string& other) {
            std::optional<rete::EvalError> error;
            const Value who = rete::evaluate(action.subject, frame(full), error);
            if (who.is_text() && who.text() == subject) {
                return true;
            }
            other = "every condition holds, but for " +
                    (who.is_text() ? std::string(who.text()) : who.to_string()) + ", not " +
                    subject;
            return false;
        };
        return explain(rule, std::move(restrictions), target, "recommends it", 0);
    }

private:
    /// Only facts whose `slot` equals `value` are tried for `pattern` (the subject, or a
    /// value a later rule needs derived).
    struct Restriction {
        const ir::Pattern* pattern = nullptr;
        ir::SlotIndex slot = 0;
        Value value;
    };
    /// True when a complete match is the one asked about; else says why not in `other`.
    using Target = std::function<bool(Bindings&, std::string& other)>;

    static const ir::Pattern* top_pattern(const ir::Rule& rule, const ir::Expr& e) {
        if (e.kind != ir::ExprKind::SlotRef) {
            return nullptr;
        }
        for (const auto& c : rule.conditions) {
            if (c.kind == ir::ConditionKind::Pattern && c.pattern.token == e.token) {
                return &c.pattern;
            }
        }
        return nullptr;
    }

    RuleFailure explain(const ir::Rule& rule, std::vector<Restriction> restrictions,
                        const Target& target, const std::string& what, int depth) {
        const ir::Rule* saved_rule = rule_;
        std::vector<Restriction> saved_restrictions = std::move(restrictions_);
        const std::size_t saved_steps = steps_;
        rule_ = &rule;
        restrictions_ = std::move(restrictions);
        steps_ = 0;
        Bindings b(std::max<std::size_t>(max_token(rule.conditions), rule.token_size) + 1);
        Best best;
        const std::size_t n = rule.conditions.size();
        walk(rule.conditions, 0, b, best, [&](Bindings& full) {
            std::string other;
            const bool same = target(full, other);
            if (same || !best.set || best.depth < n) {
                best.set = true;
                best.depth = same ? n + 1 : n;
                best.failure = RuleFailure{};
                best.failure.matched = true;
                best.failure.reason =
                    same ? "every condition holds: " + rule.name + " " + what : other;
                best.failure.bindings = bindings_text(full, n);
                best.wanted.reset();
            }
            return same;
        });
        RuleFailure out = best.failure;
        out.rule = rule.name;
        if (!best.set) {
            out.reason = "no condition could be evaluated";
        }
        rule_ = saved_rule;
        restrictions_ = std::move(saved_restrictions);
        steps_ = saved_steps;
        if (best.wanted && depth < max_depth) {
            out.causes = explain_derivations(*best.wanted, depth + 1);
        }
        return out;
    }

    /// For each rule that could derive the wanted fact: why it did not.
    std::vector<RuleFailure> explain_derivations(const Wanted& wanted, int depth) {
        std::vector<RuleFailure> out;
        for (const auto& rule : run_.program.rules) {
            for (const auto& action : rule.actions) {
                if ((action.kind != ir::ActionKind::Assert &&
                     action.kind != ir::ActionKind::Derive) ||
                    action.template_index != wanted.template_index) {
                    continue;
                }
                bool possible = true;
                std::vector<Restriction> restrictions;
                for (const auto& [slot, value] : wanted.slots) {
                    for (const auto& sv : action.slots) {
                        if (sv.slot != slot) {
                            continue;
                        }
                        if (sv.value.kind == ir::ExprKind::Literal) {
                            possible = possible && sv.value.value == value;
                        } else if (const ir::Pattern* p = top_pattern(rule, sv.value)) {
                            restrictions.push_back({p, sv.value.slot, value});
                        }
                    }
                }
                if (!possible) {
                    continue;
                }
                const Target target = [&](Bindings& full, std::string& other) {
                    for (const auto& [slot, value] : wanted.slots) {
                        for (const auto& sv : action.slots) {
                            std::optional<rete::EvalError> error;
                            if (sv.slot == slot &&
                                !(rete::evaluate(sv.value, frame(full), error) == value)) {
                                other = "every condition holds, but it derives another fact";
                                return false;
                            }
                        }
                    }
                    return true;
                };
                out.push_back(explain(rule, std::move(restrictions), target,
                                      "derives it (the run should have it)", depth));
                break;
            }
            if (out.size() >= max_causes) {
                break;
            }
        }
        return out;
    }

    /// The facts a pattern may match: its template's, within the restrictions.
    std::vector<rete::FactId> pool(const ir::Pattern& p) const {
        const auto it = by_template_.find(p.template_index);
        if (it == by_template_.end()) {
            return {};
        }
        std::vector<rete::FactId> out;
        for (const rete::FactId f : it->second) {
            const auto& slots = table_.get(f).slots;
            const bool allowed =
                std::all_of(restrictions_.begin(), restrictions_.end(), [&](const Restriction& r) {
                    return r.pattern != &p || (r.slot < slots.size() && slots[r.slot] == r.value);
                });
            if (allowed) {
                out.push_back(f);
            }
        }
        return out;
    }

    rete::Frame frame(const Bindings& b) const {
        rete::Frame f;
        f.facts = &table_;
        f.flat = &b;
        f.params = &params_;
        return f;
    }

    std::string source_text(const SourceSpan& span) const {
        if (static_cast<std::size_t>(span.file) >= sources_.file_count() ||
            span.end <= span.begin) {
            return "";
        }
        const std::string_view text = sources_.text(span.file);
        if (span.end > text.size()) {
            return "";
        }
        std::string out;
        bool space = false;
        for (const char c : text.substr(span.begin, span.end - span.begin)) {
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                space = !out.empty();
                continue;
            }
            if (space) {
                out += ' ';
                space = false;
            }
            out += c;
        }
        return out;
    }

    const FactResult& result_of(rete::FactId id) const {
        return *results_.at(rete::index(id));
    }

    std::string fact_text(rete::FactId id) const {
        const FactResult& f = result_of(id);
        return fact_label(f) + " (#" + std::to_string(f.id) + ", " + origin_text(f.origin) + ")";
    }

    std::string slot_text(rete::FactId id, ir::SlotIndex slot) const {
        const FactResult& f = result_of(id);
        if (slot >= f.slots.size()) {
            return "?";
        }
        const SlotResult& s = f.slots[slot];
        return figure_text(s.value.to_string(),
                           s.provenance ? std::optional<Provenance>(*s.provenance) : std::nullopt);
    }

    /// "$high_remittances = 20", "?n = \"Uzbekistan\"", or just the literal.
    std::string operand_text(const ir::Expr& e, const Bindings& b) const {
        std::optional<rete::EvalError> error;
        const Value v = rete::evaluate(e, frame(b), error);
        if (e.kind == ir::ExprKind::Literal) {
            return v.to_string();
        }
        std::string value = v.to_string();
        if (e.kind == ir::ExprKind::SlotRef && e.token < b.size() &&
            b[e.token].fact != rete::no_fact) {
            value = slot_text(b[e.token].fact, e.slot);
        }
        if (e.kind == ir::ExprKind::Param && e.param < run_.program.params.size()) {
            return "$" + run_.program.params[e.param].name + " = " + value;
        }
        const std::string src = source_text(e.span);
        return src.empty() ? value : src + " = " + value;
    }

    std::vector<std::string> bindings_text(const Bindings& b, std::size_t before) const {
        std::vector<ir::TokenIndex> bound;
        for (std::size_t i = 0; i < before && i < rule_->conditions.size(); ++i) {
            const auto& c = rule_->conditions[i];
            if (c.kind == ir::ConditionKind::Pattern) {
                bound.push_back(c.pattern.token);
            } else if (c.kind == ir::ConditionKind::Aggregate) {
                bound.push_back(c.result_token);
            }
        }
        std::vector<std::string> out;
        for (const auto& v : rule_->variables) {
            if (std::find(bound.begin(), bound.end(), v.token) == bound.end() ||
                v.token >= b.size()) {
                continue;
            }
            const rete::Binding& at = b[v.token];
            switch (v.kind) {
                case ir::VariableInfo::Kind::Slot:
                    if (at.fact != rete::no_fact) {
                        out.push_back("?" + v.name + " = " + slot_text(at.fact, v.slot));
                    }
                    break;
                case ir::VariableInfo::Kind::Fact:
                    if (at.fact != rete::no_fact) {
                        out.push_back("?" + v.name + " = " + fact_text(at.fact));
                    }
                    break;
                case ir::VariableInfo::Kind::Aggregate:
                    out.push_back("?" + v.name + " = " + at.value.to_string());
                    break;
                case ir::VariableInfo::Kind::Local:
                    break;
            }
        }
        return out;
    }

    /// The slot values `p` asks for: its equality tests and restrictions, evaluated.
    Wanted wanted_of(const ir::Pattern& p, const Bindings& b) const {
        Wanted w{p.template_index, {}};
        for (const auto& r : restrictions_) {
            if (r.pattern == &p) {
                w.slots.emplace_back(r.slot, r.value);
            }
        }
        for (const auto& c : p.constraints) {
            if (c.op == ir::Op::Eq &&
                (c.rhs.kind == ir::ExprKind::Literal || refers_to_other_token(c.rhs, p.token))) {
                std::optional<rete::EvalError> error;
                w.slots.emplace_back(c.slot, rete::evaluate(c.rhs, frame(b), error));
            }
        }
        return w;
    }

    /// Keeps the deepest failure (the first one found at that depth); true when kept.
    bool record(Best& best, std::size_t depth, const ir::Condition& c, std::string reason,
                std::vector<std::string> to_change, const Bindings& b) {
        if (best.set && best.depth >= depth) {
            return false;
        }
        best.wanted.reset();
        best.set = true;
        best.depth = depth;
        best.failure = RuleFailure{};
        best.failure.condition = depth + 1;
        best.failure.condition_text = source_text(c.span);
        best.failure.reason = std::move(reason);
        best.failure.to_change = std::move(to_change);
        best.failure.bindings = bindings_text(b, depth);
        return true;
    }

    bool walk(const std::vector<ir::Condition>& conds, std::size_t i, Bindings& b, Best& best,
              const OnMatch& on_match) {
        if (++steps_ > 200'000) {
            return true;
        }
        if (i == conds.size()) {
            return on_match(b);
        }
        const ir::Condition& c = conds[i];
        switch (c.kind) {
            case ir::ConditionKind::Pattern: {
                const auto passing = candidates(c.pattern, b);
                if (passing.empty()) {
                    auto [reason, change] = pattern_failure(c.pattern, b);
                    if (record(best, i, c, std::move(reason), std::move(change), b)) {
                        best.wanted = wanted_of(c.pattern, b);
                    }
                    return false;
                }
                for (const rete::FactId f : passing) {
                    b[c.pattern.token] = rete::Binding{f, Value()};
                    if (walk(conds, i + 1, b, best, on_match)) {
                        return true;
                    }
                }
                return false;
            }
            case ir::ConditionKind::Test: {
                std::optional<rete::EvalError> error;
                if (rete::truthy(rete::evaluate(c.test, frame(b), error)) && !error) {
                    return walk(conds, i + 1, b, best, on_match);
                }
                auto [reason, change] = test_failure(c.test, b, error);
                record(best, i, c, std::move(reason), std::move(change), b);
                return false;
            }
            case ir::ConditionKind::Not: {
                Best inner;
                std::vector<rete::FactId> witness;
                Bindings copy = b;
                const bool found = walk(c.group, 0, copy, inner, [&](Bindings& full) {
                    for (const auto& g : c.group) {
                        if (g.kind == ir::ConditionKind::Pattern) {
                            witness.push_back(full[g.pattern.token].fact);
                        }
                    }
                    return true;
                });
                if (!found) {
                    return walk(conds, i + 1, b, best, on_match);
                }
                std::string reason = "a fact it excludes exists:";
                std::vector<std::string> change;
                for (const rete::FactId f : witness) {
                    reason += " " + fact_text(f);
                    change.push_back("remove or change " + fact_text(f));
                }
                record(best, i, c, std::move(reason), std::move(change), b);
                return false;
            }
            case ir::ConditionKind::Exists: {
                Best inner;
                Bindings copy = b;
                const bool found = walk(c.group, 0, copy, inner, [](Bindings&) { return true; });
                if (found) {
                    return walk(conds, i + 1, b, best, on_match);
                }
                record(best, i, c, "nothing matches: " + inner.failure.reason,
                       inner.failure.to_change, b);
                return false;
            }
            case ir::ConditionKind::Aggregate: {
                std::vector<Value> values;
                std::int64_t count = 0;
                for (const rete::FactId f : candidates(c.pattern, b)) {
                    b[c.pattern.token] = rete::Binding{f, Value()};
                    ++count;
                    if (c.argument) {
                        std::optional<rete::EvalError> error;
                        Value v = rete::evaluate(*c.argument, frame(b), error);
                        if (!v.is_nil()) {
                            values.push_back(std::move(v));
                        }
                    }
                }
                const auto value = aggregate(c.function, count, values);
                if (!value) {
                    record(best, i, c,
                           "no `" + run_.program.templates[c.pattern.template_index].name +
                               "` fact to aggregate over",
                           {"add a `" + run_.program.templates[c.pattern.template_index].name +
                            "` fact"},
                           b);
                    return false;
                }
                b[c.result_token] = rete::Binding{rete::no_fact, *value};
                return walk(conds, i + 1, b, best, on_match);
            }
        }
        return false;
    }

    static std::optional<Value> aggregate(ir::AggregateFunction fn, std::int64_t count,
                                          std::vector<Value>& values) {
        std::sort(values.begin(), values.end(),
                  [](const Value& x, const Value& y) { return Value::compare(x, y) < 0; });
        switch (fn) {
            case ir::AggregateFunction::Count:
                return Value::integer(count);
            case ir::AggregateFunction::Min:
                return values.empty() ? std::nullopt : std::optional<Value>(values.front());
            case ir::AggregateFunction::Max:
                return values.empty() ? std::nullopt : std::optional<Value>(values.back());
            case ir::AggregateFunction::Sum:
            case ir::AggregateFunction::Avg: {
                if (fn == ir::AggregateFunction::Avg && values.empty()) {
                    return std::nullopt;
                }
                bool all_int = true;
                std::int64_t isum = 0;
                double dsum = 0;
                for (const auto& v : values) {
                    all_int = all_int && v.kind() == ValueKind::Int;
                    if (v.kind() == ValueKind::Int) {
                        isum += v.as_int();
                    }
                    dsum += v.is_numeric() ? v.as_number() : 0.0;
                }
                if (fn == ir::AggregateFunction::Avg) {
                    return Value::number(dsum / static_cast<double>(values.size()));
                }
                return all_int ? Value::integer(isum) : Value::number(dsum);
            }
        }
        return std::nullopt;
    }

    bool passes(const ir::Constraint& c, rete::FactId f, const Bindings& b) const {
        std::optional<rete::EvalError> error;
        const auto& slots = table_.get(f).slots;
        const Value& v = c.slot < slots.size() ? slots[c.slot] : nil_;
        return rete::test_constraint(c, v, frame(b), error) && !error;
    }

    std::vector<rete::FactId> candidates(const ir::Pattern& p, Bindings& b) const {
        std::vector<rete::FactId> out;
        for (const rete::FactId f : pool(p)) {
            b[p.token] = rete::Binding{f, Value()};
            if (std::all_of(p.constraints.begin(), p.constraints.end(),
                            [&](const ir::Constraint& c) { return passes(c, f, b); })) {
                out.push_back(f);
            }
        }
        return out;
    }

    std::pair<std::string, std::vector<std::string>> pattern_failure(const ir::Pattern& p,
                                                                     Bindings& b) const {
        const std::string& name = run_.program.templates[p.template_index].name;
        const std::vector<rete::FactId> facts = pool(p);
        if (facts.empty()) {
            const std::string wanted = selectors(p, b);
            const std::string with = wanted.empty() ? "" : " with " + wanted;
            return {
                "there is no `" + name + "` fact" + with,
                {(derived_only(p.template_index) ? "a rule would have to derive a `" : "add a `") +
                 name + "` fact" + with}};
        }
        // The candidate that satisfies the most constraints, joins (to earlier bindings) first.
        rete::FactId best = rete::no_fact;
        long best_score = -1;
        for (const rete::FactId f : facts) {
            b[p.token] = rete::Binding{f, Value()};
            long score = 0;
            for (const auto& c : p.constraints) {
                if (passes(c, f, b)) {
                    score += refers_to_other_token(c.rhs, p.token) ? 1000 : 1;
                }
            }
            if (score > best_score) {
                best_score = score;
                best = f;
            }
        }
        b[p.token] = rete::Binding{best, Value()};
        const ir::Template& tmpl = run_.program.templates[p.template_index];
        for (const auto& c : p.constraints) {
            if (passes(c, best, b)) {
                continue;
            }
            const std::string slot = c.slot < tmpl.slots.size() ? tmpl.slots[c.slot].name : "?";
            const std::string rhs = operand_text(c.rhs, b);
            if (refers_to_other_token(c.rhs, p.token)) {
                const std::string wanted = selectors(p, b);
                return {"there is no `" + name + "` fact with " + wanted,
                        {(derived_only(p.template_index) ? "a rule would have to derive a `"
                                                         : "add a `") +
                         name + "` fact with " + wanted}};
            }
            const Value& actual = table_.get(best).slots[c.slot];
            if (!actual.is_nil() && (c.op == ir::Op::Eq || c.op == ir::Op::In) &&
                c.rhs.kind == ir::ExprKind::Literal && !c.rhs.value.is_nil()) {
                const std::string wanted = selectors(p, b);
                return {"there is no `" + name + "` fact with " + wanted,
                        {(derived_only(p.template_index) ? "a rule would have to derive a `"
                                                         : "add a `") +
                         name + "` fact with " + wanted}};
            }
            std::vector<std::string> change{"`" + slot + "` of " + fact_text(best)};
            if (c.rhs.kind == ir::ExprKind::Param) {
                change.back() += ", or --param " + run_.program.params[c.rhs.param].name;
            }
            const std::string label = fact_label(result_of(best));
            if (actual.is_nil()) {
                return {"`" + slot + "` is absent (no " + slot + " for " + label + ")", change};
            }
            return {"`" + slot + "` = " + slot_text(best, c.slot) + " of " + label + " is not " +
                        op_text(c.op) + " " + rhs,
                    change};
        }
        return {"no `" + name + "` fact matches", {"add a `" + name + "` fact"}};
    }

    /// "country = ?n = Kazakhstan, item = W1": the pattern's equality tests, as wanted.
    std::string selectors(const ir::Pattern& p, const Bindings& b) const {
        const ir::Template& tmpl = run_.program.templates[p.template_index];
        std::string out;
        for (const auto& c : p.constraints) {
            const bool literal = c.rhs.kind == ir::ExprKind::Literal && !c.rhs.value.is_nil();
            if ((c.op != ir::Op::Eq && c.op != ir::Op::In) ||
                (!literal && !refers_to_other_token(c.rhs, p.token))) {
                continue;
            }
            out += (out.empty() ? "" : ", ") + tmpl.slots[c.slot].name + " " + op_text(c.op) + " " +
                   operand_text(c.rhs, b);
        }
        std::string restricted;
        for (const auto& r : restrictions_) {
            if (r.pattern == &p && r.slot < tmpl.slots.size()) {
                restricted += tmpl.slots[r.slot].name + " = " + r.value.to_string() + ", ";
            }
        }
        out = restricted + out;
        if (out.size() >= 2 && out.compare(out.size() - 2, 2, ", ") == 0) {
            out.resize(out.size() - 2);
        }
        return out;
    }

    /// True when every fact of the template was derived by a rule (none from a file).
    bool derived_only(ir::TemplateIndex t) const {
        const auto it = by_template_.find(t);
        return it != by_template_.end() &&
               std::all_of(it->second.begin(), it->second.end(), [&](rete::FactId f) {
                   return result_of(f).origin.kind == FactOrigin::Kind::Rule;
               });
    }

    void collect(const ir::Expr& e, const Bindings& b, std::vector<std::string>& vars,
                 std::vector<std::string>& change) const {
        if (e.kind == ir::ExprKind::SlotRef && e.token < b.size() &&
            b[e.token].fact != rete::no_fact) {
            for (const auto& v : rule_->variables) {
                if (v.kind == ir::VariableInfo::Kind::Slot && v.token == e.token &&
                    v.slot == e.slot) {
                    std::string text = "?" + v.name + " = " + slot_text(b[e.token].fact, e.slot);
                    if (std::find(vars.begin(), vars.end(), text) == vars.end()) {
                        vars.push_back(text);
                        const ir::Template& tmpl =
                            run_.program.templates[table_.get(b[e.token].fact).template_index];
                        change.push_back("`" + tmpl.slots[e.slot].name + "` of " +
                                         fact_text(b[e.token].fact));
                    }
                    break;
                }
            }
        }
        if (e.kind == ir::ExprKind::Param && e.param < run_.program.params.size()) {
            const std::string text = "--param " + run_.program.params[e.param].name;
            if (std::find(change.begin(), change.end(), "or " + text) == change.end()) {
                change.push_back("or " + text);
            }
        }
        for (const auto& a : e.args) {
            collect(a, b, vars, change);
        }
    }

    std::pair<std::string, std::vector<std::string>> test_failure(
        const ir::Expr& test, const Bindings& b,
        const std::optional<rete::EvalError>& error) const {
        std::string reason;
        if (error) {
            reason = "`" + source_text(test.span) + "` fails: " + error->message;
        } else if (test.kind == ir::ExprKind::Binary && is_comparison(test.op) &&
                   test.args.size() == 2) {
            const auto side = [&](const ir::Expr& e) {
                if (e.kind == ir::ExprKind::Param || e.kind == ir::ExprKind::Literal) {
                    return operand_text(e, b);
                }
                std::optional<rete::EvalError> ignored;
                const Value v = rete::evaluate(e, frame(b), ignored);
                return "`" + source_text(e.span) + "` = " + v.to_string();
            };
            reason = side(test.args[0]) + " is not " + op_text(test.op) + " " + side(test.args[1]);
        } else {
            reason = "`" + source_text(test.span) + "` is false";
        }
        std::vector<std::string> vars;
        std::vector<std::string> change;
        collect(test, b, vars, change);
        if (!vars.empty()) {
            reason += " (with ";
            for (std::size_t i = 0; i < vars.size(); ++i) {
                reason += (i > 0 ? ", " : "") + vars[i];
            }
            reason += ")";
        }
        return {reason, change};
    }

    const RunView& run_;
    const SourceManager& sources_;
    rete::FactTable table_;
    std::map<ir::TemplateIndex, std::vector<rete::FactId>> by_template_;
    std::map<std::uint32_t, const FactResult*> results_;
    std::vector<Value> params_;
    const ir::Rule* rule_ = nullptr;
    std::vector<Restriction> restrictions_;
    std::size_t steps_ = 0;
    Value nil_;
};

}  // namespace

std::optional<WhyNotExplanation> build_why_not(const RunView& run, const SourceManager& sources,
                                               std::string_view id, std::string_view subject,
                                               std::string& error) {
    const auto target = resolve_target(run, id, subject, error);
    if (!target) {
        return std::nullopt;
    }
    const auto index = *run.program.find_recommendation(id);
    const ir::Recommendation& rec = run.program.recommendations[index];
    WhyNotExplanation out;
    out.id = rec.id;
    out.title = rec.title;
    out.subject = *target;
    for (const auto& r : run.result.recommendations) {
        if (r.id == id && r.subject == *target) {
            out.recommended = true;
            out.confidence = r.confidence;
        }
    }
    Matcher matcher(run, sources);
    for (const auto& rule : run.program.rules) {
        for (const auto& action : rule.actions) {
            if (action.kind == ir::ActionKind::Recommend && action.recommendation == index) {
                out.rules.push_back(matcher.explain_rule(rule, action, *target));
                break;
            }
        }
    }
    return out;
}

}  // namespace maslahat::explain
