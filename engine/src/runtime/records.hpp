// Plain records a Session exposes to reporters and explanations: facts with their origin
// and provenance, recommendations with their supports, run options and outcome.
#pragma once

#include "agenda/strategy.hpp"
#include "ir/program.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/fact.hpp"
#include "maslahat/source.hpp"
#include "maslahat/value.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maslahat {
class EngineObserver;
}

namespace maslahat::runtime {

/// Where a fact came from: a fact-file table (span), a rule firing, or code (neither).
struct FactOrigin {
    std::optional<SourceSpan> span;
    std::optional<std::uint32_t> rule;  ///< rule index
    std::uint64_t firing = 0;
};

struct FactRecord {
    std::uint32_t id = 0;
    ir::TemplateIndex template_index = 0;
    std::vector<Value> slots;
    FactOrigin origin;
    std::vector<std::optional<Provenance>> provenance;  ///< per slot (may be empty)
};

struct SupportRecord {
    std::uint32_t rule = 0;
    double confidence = 1.0;
    std::string because;
    std::vector<std::uint32_t> facts;  ///< fact ids of the supporting match
    std::uint64_t firing = 0;
};

struct RecommendationRecord {
    ir::RecommendationIndex id = 0;
    std::string subject;
    double confidence = 0.0;  ///< MYCIN: 1 - prod(1 - cf_i)
    std::vector<SupportRecord> supports;
    std::uint32_t fact_id = 0;  ///< its `recommended` fact
};

struct RunOptions {
    agenda::Strategy strategy = agenda::Strategy::Depth;
    std::uint64_t max_firings = 1'000'000;
    std::uint64_t max_facts = 0;         ///< 0: none; more live facts after a firing is E0907
    double timeout_seconds = 0;          ///< 0: none; running longer is E0908
    EngineObserver* observer = nullptr;  ///< not owned
};

enum class RunStatus : std::uint8_t { Done, Halted, LimitReached, Error };

struct RunOutcome {
    RunStatus status = RunStatus::Done;
    std::optional<Diagnostic> error;  ///< E09xx for Error and LimitReached (E0903/7/8)
    std::uint64_t firings = 0;        ///< firings in this run() call
};

struct SessionStats {
    std::size_t rules = 0;
    std::uint64_t firings = 0;
    std::size_t facts_final = 0;
};

}  // namespace maslahat::runtime
