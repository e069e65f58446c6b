// Engine::assert_fact and Engine::run: builds the network once, runs a fresh Session over the
// loaded facts and converts the session's records into the public RunResult.
#include "api/engine_impl.hpp"
#include "facts/slot_domain.hpp"
#include "rete/builder.hpp"
#include "runtime/session.hpp"
#include "support/did_you_mean.hpp"

#include <algorithm>
#include <chrono>
#include <unordered_set>

namespace maslahat {
namespace {

/// Converts a value given from code to the slot's type, or says why it cannot.
std::optional<Value> convert_for_slot(const ir::SlotType& type, const Value& v, std::string& why) {
    const auto scalar = [&](const Value& x) -> std::optional<Value> {
        switch (type.base) {
            case ir::BaseType::Int:
                if (x.kind() == ValueKind::Int) {
                    return x;
                }
                break;
            case ir::BaseType::Number:
                if (x.is_numeric()) {
                    return Value::number(x.as_number());
                }
                break;
            case ir::BaseType::Bool:
                if (x.kind() == ValueKind::Bool) {
                    return x;
                }
                break;
            case ir::BaseType::String:
                if (x.is_text()) {
                    return Value::string_atom(x.atom());
                }
                break;
            case ir::BaseType::Symbol:
                if (x.is_text()) {
                    return Value::symbol_atom(x.atom());
                }
                break;
        }
        why = "expected " + facts::element_type_name(type) + ", got '" + x.to_string() + "'";
        return std::nullopt;
    };
    const auto checked = [&](const Value& x) -> std::optional<Value> {
        auto converted = scalar(x);
        if (converted) {
            if (auto violation = facts::domain_violation(type, *converted)) {
                why = *violation;
                return std::nullopt;
            }
        }
        return converted;
    };
    if (!type.list) {
        return checked(v);
    }
    if (v.kind() != ValueKind::List) {
        why = "expected a list";
        return std::nullopt;
    }
    std::vector<Value> items;
    for (const auto& item : v.items()) {
        auto converted = checked(item);
        if (!converted) {
            return std::nullopt;
        }
        items.push_back(std::move(*converted));
    }
    return Value::list(std::move(items));
}

/// Where the previous fact-file fact was: facts are read in id order, which is file order
/// for the facts of one file, so the next one's line is found from there.
struct LineCursor {
    FileId file{};
    std::uint32_t line = 1;
};

/// Fills `out` (assigning into its strings, so a reused one allocates nothing).
void public_origin(const runtime::FactOrigin& origin,
                   const std::vector<std::optional<Provenance>>& provenance,
                   const ir::Program& program, const SourceManager& sources, FactOrigin& out,
                   LineCursor& cursor) {
    out.kind = FactOrigin::Kind::Api;
    out.file.clear();
    out.line = 0;
    out.provenance = false;
    out.rule.clear();
    out.firing = 0;
    if (origin.rule) {
        out.kind = FactOrigin::Kind::Rule;
        out.rule = program.rules.at(*origin.rule).name;
        out.firing = origin.firing;
    } else if (origin.span && static_cast<std::size_t>(origin.span->file) < sources.file_count()) {
        out.kind = FactOrigin::Kind::File;
        out.file = sources.path(origin.span->file);
        const FileId file = origin.span->file;
        out.line = sources.line(file, origin.span->begin, cursor.file == file ? cursor.line : 1);
        cursor = LineCursor{file, out.line};
        out.provenance = std::any_of(provenance.begin(), provenance.end(),
                                     [](const auto& p) { return p.has_value(); });
    }
}

/// Makes `fact`'s id, template name and origin those of a working-memory fact, with no
/// slots yet (public_slots), reusing its storage.
void public_header(std::uint32_t id, const rete::Fact& record, const runtime::FactOrigin& origin,
                   const std::vector<std::optional<Provenance>>& provenance,
                   const ir::Program& program, const SourceManager& sources, FactResult& fact,
                   LineCursor& cursor) {
    fact.id = id;
    fact.template_name = program.templates.at(record.template_index).name;
    fact.slots.clear();  // (keeps the capacity for public_slots)
    public_origin(origin, provenance, program, sources, fact.origin, cursor);
}

/// Makes `fact`'s slots those of a working-memory fact, reusing their storage.
void public_slots(const rete::Fact& record,
                  const std::vector<std::optional<Provenance>>& provenance,
                  const ir::Program& program, FactResult& fact) {
    const ir::Template& tmpl = program.templates.at(record.template_index);
    const std::size_t n = std::min(tmpl.slots.size(), record.slots.size());
    fact.slots.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        SlotResult& slot = fact.slots[i];
        slot.name = tmpl.slots[i].name;
        slot.value = record.slots[i];
        if (i < provenance.size() && provenance[i]) {
            slot.provenance = std::make_shared<const Provenance>(*provenance[i]);
        } else {
            slot.provenance.reset();
        }
    }
}

}  // namespace

bool Engine::assert_fact(std::string_view template_name,
                         const std::vector<std::pair<std::string, Value>>& slots) {
    auto& sink = impl_->sink;
    if (!impl_->program) {
        sink.error(DiagCode::E0504, std::nullopt, "assert_fact needs rules: no program is loaded");
        return false;
    }
    const ir::Program& program = *impl_->program;
    const auto index = program.find_template(template_name);
    if (!index || *index == ir::Program::recommended_template) {
        std::vector<std::string_view> names;
        for (const auto& t : program.templates) {
            names.emplace_back(t.name);
        }
        sink.error(DiagCode::E0403, std::nullopt,
                   "unknown template '" + std::string(template_name) + "'" +
                       support::did_you_mean(template_name, names));
        return false;
    }
    const ir::Template& tmpl = program.templates[*index];
    FactInput fact;
    fact.template_index = *index;
    fact.slots.resize(tmpl.slots.size());
    fact.provenance.resize(tmpl.slots.size());
    std::vector<bool> given(tmpl.slots.size(), false);
    bool ok = true;
    for (const auto& [name, value] : slots) {
        const auto slot = tmpl.slot_index(name);
        if (!slot) {
            sink.error(DiagCode::E0404, std::nullopt,
                       "template '" + tmpl.name + "' has no slot '" + name + "'");
            ok = false;
            continue;
        }
        std::string why;
        if (auto converted = convert_for_slot(tmpl.slots[*slot].type, value, why)) {
            fact.slots[*slot] = std::move(*converted);
            given[*slot] = true;
        } else {
            sink.error(DiagCode::E0406, std::nullopt,
                       "slot '" + name + "' of '" + tmpl.name + "': " + why);
            ok = false;
        }
    }
    for (std::size_t i = 0; i < tmpl.slots.size(); ++i) {
        if (given[i]) {
            continue;
        }
        if (tmpl.slots[i].default_value) {
            fact.slots[i] = *tmpl.slots[i].default_value;
        } else if (!tmpl.slots[i].optional) {
            sink.error(
                DiagCode::E0405, std::nullopt,
                "fact '" + tmpl.name + "' misses required slot '" + tmpl.slots[i].name + "'");
            ok = false;
        }
    }
    if (ok) {
        impl_->facts.push_back(std::move(fact));
    }
    return ok;
}

RunResult Engine::run(const RunOptions& options) {
    RunResult result;
    if (!impl_->program) {
        result.status = RunStatus::Error;
        result.errors.push_back(
            Diagnostic{Severity::Error, DiagCode::E0504, std::nullopt, "no rules loaded", {}});
        return result;
    }
    const ir::Program& program = *impl_->program;
    const auto start = std::chrono::steady_clock::now();
    if (!impl_->network) {
        impl_->network = std::make_unique<rete::Network>(rete::build_network(program));
    }
    if (options.max_facts != 0 && impl_->facts.size() > options.max_facts) {
        // The runtime checks the limit during the run; facts loaded beyond it stop here.
        result.status = RunStatus::LimitReached;
        result.errors.push_back(Diagnostic{Severity::Error,
                                           DiagCode::E0907,
                                           std::nullopt,
                                           "fact limit of " + std::to_string(options.max_facts) +
                                               " reached: " + std::to_string(impl_->facts.size()) +
                                               " facts loaded (--max-facts)",
                                           {}});
        return result;
    }
    runtime::Session session(program, *impl_->network);
    session.set_observer(options.observer);
    for (auto& fact : impl_->facts) {
        if (options.release_facts) {
            session.assert_fact(std::move(fact));  // its values move into working memory
            fact = FactInput{};
        } else {
            session.assert_fact(fact);
        }
    }
    if (options.release_facts) {
        std::vector<FactInput>().swap(impl_->facts);
    }
    runtime::RunOptions run_options;
    run_options.strategy = static_cast<agenda::Strategy>(options.strategy);
    run_options.max_firings = options.max_firings;
    run_options.max_facts = options.max_facts;
    run_options.timeout_seconds = options.timeout_seconds;
    run_options.observer = options.observer;
    const runtime::RunOutcome outcome = session.run(run_options);

    switch (outcome.status) {
        case runtime::RunStatus::Done:
            result.status = RunStatus::Done;
            break;
        case runtime::RunStatus::Halted:
            result.status = RunStatus::Halted;
            break;
        case runtime::RunStatus::LimitReached:
            result.status = RunStatus::LimitReached;
            break;
        case runtime::RunStatus::Error:
            result.status = RunStatus::Error;
            break;
    }
    if (outcome.error) {
        result.errors.push_back(*outcome.error);
    }
    // the match state is no longer needed: free it before the final facts are copied out,
    // so the peak memory is not the sum of both
    session.finish();
    const std::vector<runtime::RecommendationRecord> recommendations = session.recommendations();
    // with a filter, the facts the supports cite are listed whatever the filter says
    std::unordered_set<std::uint32_t> cited;
    if (options.keep_fact) {
        for (const auto& record : recommendations) {
            for (const auto& s : record.supports) {
                cited.insert(s.facts.begin(), s.facts.end());
            }
        }
    } else {
        result.facts.reserve(session.live_fact_count());
    }
    FactResult fact;  // reused while the filter rejects facts: no allocation for those
    LineCursor cursor;
    session.for_each_fact([&](std::uint32_t id, const rete::Fact& record,
                              const runtime::FactOrigin& origin,
                              const std::vector<std::optional<Provenance>>& provenance) {
        public_header(id, record, origin, provenance, program, impl_->sources, fact, cursor);
        const bool filtered = options.keep_fact && (cited.empty() || !cited.contains(id));
        if (filtered && options.may_keep_fact && !options.may_keep_fact(fact)) {
            return;  // decided by the header: the slots are never built
        }
        public_slots(record, provenance, program, fact);
        if (filtered && !options.keep_fact(fact)) {
            return;
        }
        result.facts.push_back(std::move(fact));
        fact = FactResult{};
    });
    for (const auto& record : recommendations) {
        const ir::Recommendation& rec = program.recommendations.at(record.id);
        RecommendationResult out{rec.id, rec.title, record.subject, record.confidence, {}};
        for (const auto& s : record.supports) {
            out.support.push_back(SupportResult{program.rules.at(s.rule).name,
                                                s.confidence,
                                                s.because,
                                                {s.facts.begin(), s.facts.end()},
                                                s.firing});
        }
        result.recommendations.push_back(std::move(out));
    }
    result.output = session.output();
    const auto stats = session.stats();
    result.stats.rules = stats.rules;
    result.stats.firings = stats.firings;
    result.stats.facts_final = stats.facts_final;
    result.stats.elapsed_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace maslahat
