#include "runtime/session.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

namespace maslahat::runtime {

Session::Session(const ir::Program& program, const rete::Network& network)
    : program_(program),
      network_(network),
      memory_(std::make_unique<rete::Memory>(network, static_cast<rete::MatchListener&>(*this))),
      fire_counts_(program.rules.size(), 0) {
    params_.reserve(program.params.size());
    for (const auto& p : program.params) {
        params_.push_back(p.value);
    }
    memory_->set_params(&params_);
}

Session::~Session() = default;

bool Session::set_param(ir::ParamIndex param, Value value) {
    if (memory_->started() || param >= params_.size()) {
        return false;
    }
    params_[param] = std::move(value);
    return true;
}

std::uint32_t Session::assert_fact(const FactInput& fact) {
    return assert_fact(FactInput(fact));
}

std::uint32_t Session::assert_fact(FactInput&& fact) {
    if (fact.template_index >= program_.templates.size()) {
        return 0;
    }
    Meta meta;
    meta.origin.span = fact.span;
    meta.provenance = std::move(fact.provenance);
    fact.slots.resize(program_.templates[fact.template_index].slots.size());
    return assert_internal(fact.template_index, std::move(fact.slots), std::move(meta),
                           std::nullopt);
}

bool Session::retract_fact(std::uint32_t id) {
    if (!memory_->facts().live(rete::make_id<rete::FactId>(id))) {
        return false;
    }
    retract_internal(id);
    memory_->reclaim();
    return true;
}

namespace {
/// Rules sharing all their conditions share the token that reaches their terminals, so an
/// activation (and the supports it creates) is identified by token serial and rule.
std::uint64_t activation_key(std::uint64_t serial, std::uint32_t rule) {
    return (serial << 20U) ^ rule;
}
}  // namespace

void Session::matched(std::uint32_t rule, rete::TokenId token, std::uint64_t serial) {
    const ir::Rule& r = program_.rules[rule];
    // fact ids in token position order, written back to front (a token links to its parent)
    // in one walk: the token's positions bound their number (aggregate values hold none)
    std::size_t n = memory_->tokens()[token].positions;
    agenda::FactIds facts(n);
    memory_->tokens().for_each_fact(token, [&](rete::FactId f) { facts[--n] = rete::index(f); });
    facts.erase(facts.begin(), facts.begin() + static_cast<std::ptrdiff_t>(n));
    std::int64_t first = -1;
    if (!r.conditions.empty() && r.conditions.front().kind == ir::ConditionKind::Pattern &&
        !facts.empty()) {
        first = facts.front();
    }
    const agenda::Activation* added = agenda_.add(
        agenda::NewActivation{rule, r.salience, clock_, token, activation_key(serial, rule), first,
                              agenda::as_span(facts)});
    if (added != nullptr && tracer_ != nullptr) {
        tracer_->activation_added(
            ActivationEvent{rule, r.name, r.salience, agenda::as_span(added->facts)});
    }
}

void Session::unmatched(std::uint32_t rule, rete::TokenId token, std::uint64_t token_serial) {
    const std::uint64_t serial = activation_key(token_serial, rule);
    if (tracer_ == nullptr) {
        agenda_.erase(token, serial);
    } else {
        agenda_.erase(token, serial, [&](const agenda::Activation& a) {
            const ir::Rule& r = program_.rules[rule];
            tracer_->activation_removed(
                ActivationEvent{rule, r.name, r.salience, agenda::as_span(a.facts)});
        });
    }
    if (serial == firing_serial_) {
        firing_token_gone_ = true;
    }
    tms_.token_gone(serial);
}

bool Session::rematched(std::uint32_t rule, rete::TokenId token, std::uint64_t serial) {
    // Only a pending activation is renewed (a new timetag, as a new match would get): one
    // that fired (or is firing) stays refracted and its supports are withdrawn by
    // unmatched(); a pending one never held supports, so truth maintenance has nothing to do.
    const agenda::Activation* a = agenda_.renew(token, activation_key(serial, rule), clock_);
    if (a == nullptr) {
        return false;
    }
    if (tracer_ != nullptr) {  // the events of unmatched() + matched()
        const ir::Rule& r = program_.rules[rule];
        tracer_->activation_removed(
            ActivationEvent{rule, r.name, r.salience, agenda::as_span(a->facts)});
        tracer_->activation_added(
            ActivationEvent{rule, r.name, r.salience, agenda::as_span(a->facts)});
    }
    return true;
}

std::optional<Diagnostic> Session::limit_error(std::uint64_t max_firings) const {
    std::vector<std::uint32_t> rules;
    for (std::uint32_t r = 0; r < fire_counts_.size(); ++r) {
        if (fire_counts_[r] > 0) {
            rules.push_back(r);
        }
    }
    std::stable_sort(rules.begin(), rules.end(), [&](std::uint32_t a, std::uint32_t b) {
        return fire_counts_[a] > fire_counts_[b];
    });
    if (rules.size() > 3) {
        rules.resize(3);
    }
    std::string most;
    for (const std::uint32_t r : rules) {
        most += fmt::format("{}'{}' ({} firings)", most.empty() ? "" : ", ", program_.rules[r].name,
                            fire_counts_[r]);
    }
    Diagnostic d;
    d.code = DiagCode::E0903;
    d.message = fmt::format("firing limit of {} reached; the rules that fired most: {}",
                            max_firings, most.empty() ? "none" : most);
    if (!rules.empty()) {
        d.notes.push_back(DiagnosticNote{
            program_.rules[rules.front()].span,
            fmt::format("rule '{}' declared here", program_.rules[rules.front()].name)});
    }
    return d;
}

RunOutcome Session::run(const RunOptions& options) {
    RunOutcome out;
    const auto start = std::chrono::steady_clock::now();
    EngineObserver* saved = observer_;
    observe(options.observer != nullptr ? options.observer : observer_);
    memory_->start();
    after_change();
    agenda_.set_strategy(options.strategy);
    while (true) {
        if (pending_error_) {
            out.status = RunStatus::Error;
            out.error = std::move(pending_error_);
            pending_error_.reset();
            break;
        }
        if (agenda_.empty()) {
            break;
        }
        if (out.firings >= options.max_firings) {
            out.status = RunStatus::LimitReached;
            out.error = limit_error(options.max_firings);
            break;
        }
        const auto activation = agenda_.pop();
        ++out.firings;
        auto error = fire(*activation);
        memory_->reclaim();  // the firing is over: retracted facts are no longer read
        if (error) {
            out.status = RunStatus::Error;
            out.error = std::move(error);
            break;
        }
        if (current_rule_halted_) {
            current_rule_halted_ = false;
            out.status = RunStatus::Halted;
            break;
        }
        if (options.max_facts != 0 && memory_->facts().live_count() > options.max_facts) {
            out.status = RunStatus::LimitReached;
            out.error = Diagnostic{
                Severity::Error,
                DiagCode::E0907,
                program_.rules[activation->rule].span,
                fmt::format("fact limit of {} reached ({} live facts) after firing {} of rule '{}'",
                            options.max_facts, memory_->facts().live_count(), firings_,
                            program_.rules[activation->rule].name),
                {}};
            break;
        }
        if (options.timeout_seconds > 0 && out.firings % 64 == 0 &&
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() >
                options.timeout_seconds) {
            out.status = RunStatus::LimitReached;
            out.error = Diagnostic{Severity::Error,
                                   DiagCode::E0908,
                                   std::nullopt,
                                   fmt::format("time limit of {} s reached after {} firings",
                                               options.timeout_seconds, out.firings),
                                   {}};
            break;
        }
    }
    observe(saved);
    return out;
}

void Session::finish() {
    memory_->release_matches();
    agenda_ = agenda::Agenda(agenda_.strategy());
}

std::vector<FactRecord> Session::facts() const {
    std::vector<FactRecord> out;
    out.reserve(live_fact_count());
    for_each_fact([&](std::uint32_t id, const rete::Fact& f, const FactOrigin& origin,
                      const std::vector<std::optional<Provenance>>& provenance) {
        out.push_back(FactRecord{id, f.template_index, f.slots, origin, provenance});
    });
    return out;
}

std::vector<RecommendationRecord> Session::recommendations() const {
    std::vector<RecommendationRecord> out;
    for (const auto& st : tms_.recs) {
        if (st.supports.empty()) {
            continue;
        }
        RecommendationRecord r;
        r.id = st.id;
        r.subject = st.subject;
        r.confidence = st.confidence;
        r.fact_id = st.fact;
        for (const auto& s : st.supports) {
            r.supports.push_back(s.record);
        }
        out.push_back(std::move(r));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        if (a.confidence != b.confidence) {
            return a.confidence > b.confidence;
        }
        if (a.id != b.id) {
            return a.id < b.id;
        }
        return a.subject < b.subject;
    });
    return out;
}

SessionStats Session::stats() const {
    return SessionStats{program_.rules.size(), firings_, memory_->facts().live_count()};
}

}  // namespace maslahat::runtime
