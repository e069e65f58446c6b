#include "explain/why.hpp"

#include "explain/describe.hpp"
#include "support/did_you_mean.hpp"

#include <map>
#include <set>

namespace maslahat::explain {
namespace {

constexpr int max_depth = 16;

class TreeBuilder {
public:
    explicit TreeBuilder(const RunView& run) : run_(run) {
        for (const auto& fact : run.result.facts) {
            by_id_[fact.id] = &fact;
        }
    }

    /// The fact `id` as matched at token `token` of `rule` (nullptr: show every slot).
    FactNode node(std::uint64_t id, const ir::Rule* rule, std::size_t token, int depth) {
        FactNode out;
        out.id = id;
        const auto it = by_id_.find(id);
        if (it == by_id_.end()) {
            out.missing = true;
            return out;
        }
        const FactResult& fact = *it->second;
        out.template_name = fact.template_name;
        out.origin = fact.origin;
        std::set<ir::SlotIndex> read;
        const auto tmpl = run_.program.find_template(fact.template_name);
        if (rule != nullptr && tmpl && fact.origin.kind != FactOrigin::Kind::Rule) {
            read = slots_read(*rule, static_cast<ir::TokenIndex>(token), *tmpl);
        }
        for (std::size_t i = 0; i < fact.slots.size(); ++i) {
            const SlotResult& slot = fact.slots[i];
            const bool wanted =
                read.empty() ? !slot.value.is_nil() : read.count(static_cast<ir::SlotIndex>(i)) > 0;
            if (wanted) {
                out.slots.push_back(ShownSlot{
                    slot.name,
                    slot.value.is_nil() ? std::string("(absent)") : slot.value.to_string(),
                    slot.provenance ? std::optional<Provenance>(*slot.provenance) : std::nullopt,
                    slot.value});
            }
        }
        if (fact.origin.kind != FactOrigin::Kind::Rule) {
            return out;
        }
        if (!shown_.insert(id).second || depth >= max_depth) {
            out.repeated = true;
            return out;
        }
        if (const FiringRecord* firing = run_.firings.find(fact.origin.firing)) {
            out.premises = premises(*firing, depth + 1);
        }
        return out;
    }

    std::vector<FactNode> premises(const FiringRecord& firing, int depth) {
        const ir::Rule* rule = firing.rule_index < run_.program.rules.size()
                                   ? &run_.program.rules[firing.rule_index]
                                   : nullptr;
        std::vector<FactNode> out;
        for (std::size_t i = 0; i < firing.facts.size(); ++i) {
            out.push_back(node(firing.facts[i], rule, i, depth));
        }
        return out;
    }

private:
    const RunView& run_;
    std::map<std::uint64_t, const FactResult*> by_id_;
    std::set<std::uint64_t> shown_;
};

const ir::Rule* find_rule(const ir::Program& program, const std::string& name) {
    for (const auto& rule : program.rules) {
        if (rule.name == name) {
            return &rule;
        }
    }
    return nullptr;
}

}  // namespace

std::optional<std::string> resolve_target(const RunView& run, std::string_view id,
                                          std::string_view subject, std::string& error) {
    if (!run.program.find_recommendation(id)) {
        std::vector<std::string_view> ids;
        for (const auto& r : run.program.recommendations) {
            ids.emplace_back(r.id);
        }
        error = "unknown recommendation '" + std::string(id) + "'" + support::did_you_mean(id, ids);
        return std::nullopt;
    }
    std::set<std::string> subjects;
    std::set<std::string> made_for;
    for (const auto& rec : run.result.recommendations) {
        subjects.insert(rec.subject);
        if (rec.id == id) {
            made_for.insert(rec.subject);
        }
    }
    for (const auto& fact : run.result.facts) {
        for (const auto& slot : fact.slots) {
            if (slot.value.kind() == ValueKind::String) {
                subjects.emplace(slot.value.text());
            }
        }
    }
    if (subject.empty()) {
        if (made_for.size() == 1) {
            return *made_for.begin();
        }
        error = "explain needs --subject S (no [meta] subject given)";
        return std::nullopt;
    }
    if (subjects.count(std::string(subject)) == 0) {
        std::vector<std::string_view> names(subjects.begin(), subjects.end());
        error = "unknown subject '" + std::string(subject) + "'" +
                support::did_you_mean(subject, names);
        return std::nullopt;
    }
    return std::string(subject);
}

std::optional<WhyExplanation> build_why(const RunView& run, std::string_view id,
                                        std::string_view subject, std::string& error) {
    const auto target = resolve_target(run, id, subject, error);
    if (!target) {
        return std::nullopt;
    }
    const RecommendationResult* rec = nullptr;
    for (const auto& r : run.result.recommendations) {
        if (r.id == id && r.subject == *target) {
            rec = &r;
        }
    }
    if (rec == nullptr) {
        error = "'" + std::string(id) + "' is not recommended for " + *target + "; try --why-not " +
                std::string(id);
        return std::nullopt;
    }
    WhyExplanation out{rec->id, rec->title, rec->subject, rec->confidence, {}, {}};
    TreeBuilder builder(run);
    double cf = 0.0;
    for (const auto& support : rec->support) {
        SupportNode node{support.rule, support.confidence, support.because, support.firing, {}};
        const ir::Rule* rule = find_rule(run.program, support.rule);
        for (std::size_t i = 0; i < support.facts.size(); ++i) {
            node.facts.push_back(builder.node(support.facts[i], rule, i, 0));
        }
        cf = out.combined.empty() ? support.confidence : combine(cf, support.confidence);
        out.combined.push_back(cf);
        out.supports.push_back(std::move(node));
    }
    return out;
}

}  // namespace maslahat::explain
