// A Session runs one program over one working memory: parameters, facts from files or
// code, and the recognise-act cycle (spec §5) over a shared, immutable rete::Network.
// It owns the rete::Memory, the agenda and the truth-maintenance state, executes actions
// (spec §4.3), and exposes final facts, recommendations, printed lines and statistics.
#pragma once

#include "agenda/agenda.hpp"
#include "ir/program.hpp"
#include "maslahat/fact.hpp"
#include "maslahat/observer.hpp"
#include "rete/memory.hpp"
#include "rete/network.hpp"
#include "runtime/records.hpp"
#include "runtime/truth_maintenance.hpp"
#include "support/reserved_vector.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace maslahat::runtime {

class Session final : private rete::MatchListener {
public:
    /// `program` and `network` (built from it) must outlive the session.
    Session(const ir::Program& program, const rete::Network& network);
    ~Session() override;
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    /// Overrides a parameter (same type as its default). Only before the first fact or run:
    /// returns false once matching has started.
    bool set_param(ir::ParamIndex param, Value value);
    const std::vector<Value>& params() const {
        return params_;
    }
    /// Observer for facts asserted outside run(); run() uses RunOptions::observer.
    void set_observer(EngineObserver* observer) {
        observe(observer);
    }

    /// Asserts a fact (slots already checked and in slot order). Returns its id, or 0 when
    /// an equal fact is already live (spec §5: nothing happens).
    std::uint32_t assert_fact(const FactInput& fact);
    /// The same, taking the fact's slot values and provenance instead of copying them.
    std::uint32_t assert_fact(FactInput&& fact);
    /// Retracts a live fact from code; false if it is not live.
    bool retract_fact(std::uint32_t id);

    /// Fires activations until the agenda is empty, `halt`, the firing limit or an error.
    RunOutcome run(const RunOptions& options = {});
    /// Frees the match state (tokens, beta memories, agenda) and keeps facts and
    /// recommendations for reading: call once the session will not run again.
    void finish();

    /// Live facts ordered by id.
    std::vector<FactRecord> facts() const;
    /// Calls fn(id, const rete::Fact&, const FactOrigin&, provenance) for every live fact
    /// in id order, without copying them (facts() copies).
    template <typename Fn>
    void for_each_fact(Fn&& fn) const {
        const auto& table = memory_->facts();
        table.for_each_live([&](const rete::Fact& f) {
            const Meta& meta = meta_[table.record_index(f.id)];
            fn(rete::index(f.id), f, meta.origin, meta.provenance);
        });
    }
    std::size_t live_fact_count() const {
        return memory_->facts().live_count();
    }
    /// Live recommendations: confidence desc, then declaration order, then subject.
    std::vector<RecommendationRecord> recommendations() const;
    const std::vector<std::string>& output() const {
        return output_;
    }
    SessionStats stats() const;
    const agenda::Agenda& agenda() const {
        return agenda_;
    }
    const rete::Memory& memory() const {
        return *memory_;
    }
    const ir::Program& program() const {
        return program_;
    }
    /// How many times each rule fired (index = rule).
    const std::vector<std::uint64_t>& fire_counts() const {
        return fire_counts_;
    }

private:
    struct Meta {
        FactOrigin origin;
        std::vector<std::optional<Provenance>> provenance;
    };
    struct Firing;  // the activation being fired (actions.cpp)

    // rete::MatchListener
    void matched(std::uint32_t rule, rete::TokenId token, std::uint64_t serial) override;
    void unmatched(std::uint32_t rule, rete::TokenId token, std::uint64_t token_serial) override;
    bool rematched(std::uint32_t rule, rete::TokenId token, std::uint64_t serial) override;

    // working memory (working_memory.cpp)
    /// `slots` may keep its buffer (FactTable::add): actions pass slot_buffer_
    std::uint32_t assert_internal(ir::TemplateIndex t, std::vector<Value>&& slots, Meta meta,
                                  std::optional<std::uint64_t> logical_serial);
    void retract_internal(std::uint32_t id);
    void after_change();
    void process_pending();
    void refresh_recommendation(std::size_t rec);
    FactEvent fact_event(std::uint32_t id) const;

    // actions (actions.cpp)
    std::optional<Diagnostic> fire(const agenda::Activation& activation);
    std::optional<Diagnostic> execute(Firing& f, const ir::Action& action);
    Diagnostic runtime_error(const Firing& f, DiagCode code, const SourceSpan& span,
                             const std::string& message) const;
    std::optional<Diagnostic> limit_error(std::uint64_t max_firings) const;

    const ir::Program& program_;
    const rete::Network& network_;
    std::vector<Value> params_;
    std::unique_ptr<rete::Memory> memory_;
    agenda::Agenda agenda_;
    TruthMaintenance tms_;
    support::ReservedVector<Meta> meta_;  ///< by fact record (FactTable::record_index)
    std::vector<std::string> output_;
    std::vector<std::uint64_t> fire_counts_;
    EngineObserver* observer_ = nullptr;
    /// observer_ when it traces() (the match and working-memory events), else null: the
    /// event sites test this, so a trace that is off builds no event
    EngineObserver* tracer_ = nullptr;
    void observe(EngineObserver* observer) {
        observer_ = observer;
        tracer_ = observer != nullptr && observer->traces() ? observer : nullptr;
    }
    std::uint64_t clock_ = 0;    ///< working-memory changes (activation timetags)
    std::uint64_t firings_ = 0;  ///< total firings
    std::optional<std::uint32_t> current_rule_;
    std::uint64_t firing_serial_ = 0;  ///< activation key of the firing in progress
    bool firing_token_gone_ = false;   ///< its match went away during its actions
    bool processing_ = false;
    bool current_rule_halted_ = false;         ///< `halt` ran in the firing in progress
    std::optional<Diagnostic> pending_error_;  ///< a match-time error to report
    std::vector<Value> slot_buffer_;  ///< an assert/modify action's slots, kept for the next
    std::vector<rete::Binding> spare_bindings_;  ///< a firing's snapshot buffer, kept for the next
};

}  // namespace maslahat::runtime
