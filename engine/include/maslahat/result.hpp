// What a run produces, as plain data for reporters and embedders: recommendations with their
// supports, the final working memory with origins and provenance, printed lines, statistics
// and run-time errors (spec §7 JSON shape).
#pragma once

#include "maslahat/diagnostics.hpp"
#include "maslahat/fact.hpp"
#include "maslahat/value.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace maslahat {

/// One rule firing that supports a recommendation.
struct SupportResult {
    std::string rule;
    double confidence = 1.0;
    std::string because;
    std::vector<std::uint64_t> facts;  ///< ids of the facts the rule matched
    std::uint64_t firing = 0;
};

struct RecommendationResult {
    std::string id;
    std::string title;
    std::string subject;
    double confidence = 1.0;  ///< MYCIN combination of the supports (spec §5)
    std::vector<SupportResult> support;
};

/// A fact's origin: a fact-file location, a rule firing, or the embedding API.
struct FactOrigin {
    enum class Kind : std::uint8_t { File, Rule, Api } kind = Kind::Api;
    std::string file;        ///< File: path as given
    std::uint32_t line = 0;  ///< File: 1-based line of the table
    /// File: some slot carries a `{ value, year, source }` provenance (set in the header
    /// RunOptions::may_keep_fact sees, before the slots are filled in)
    bool provenance = false;
    std::string rule;  ///< Rule: the rule whose firing made it
    std::uint64_t firing = 0;
};

struct SlotResult {
    std::string name;
    Value value;
    /// The figure's year and source; null when it has none. Shared and immutable: most slots
    /// have none, and a result may hold hundreds of thousands of slots.
    std::shared_ptr<const Provenance> provenance;
};

struct FactResult {
    std::uint64_t id = 0;
    std::string template_name;
    std::vector<SlotResult> slots;
    FactOrigin origin;
};

enum class RunStatus : std::uint8_t { Done, Halted, Error, LimitReached };

struct RunStats {
    std::size_t rules = 0;
    std::uint64_t firings = 0;
    std::size_t facts_final = 0;
    double elapsed_ms = 0.0;
};

struct RunResult {
    RunStatus status = RunStatus::Done;
    std::vector<RecommendationResult> recommendations;  ///< confidence desc, then declaration
    std::vector<FactResult> facts;                      ///< working memory at the end, by id
    std::vector<std::string> output;                    ///< lines printed by `print`
    RunStats stats;
    std::vector<Diagnostic> errors;  ///< run-time errors (E09xx), rendered like any diagnostic
};

}  // namespace maslahat
