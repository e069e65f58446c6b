// Bookkeeping of logical support (spec §5 derive/recommend): which facts and
// recommendations each matched token supports, how many supports a derived fact has, and
// the state of every recommendation (its supports, MYCIN confidence, `recommended` fact).
#pragma once

#include "runtime/records.hpp"

#include <cstdint>
#include <deque>
#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

namespace maslahat::runtime {

/// What one token (by serial) holds up.
struct TokenSupports {
    std::vector<std::uint32_t> derived;        ///< fact ids (a fact may appear twice)
    std::vector<std::size_t> recommendations;  ///< indexes into TruthMaintenance::recs
};

struct RecommendationState {
    ir::RecommendationIndex id = 0;
    std::string subject;
    struct Support {
        std::uint64_t serial = 0;
        SupportRecord record;
    };
    std::vector<Support> supports;
    double confidence = 0.0;
    std::uint32_t fact = 0;  ///< live `recommended` fact, 0 when none
};

/// MYCIN combination 1 - prod(1 - cf_i), folded in ascending cf order so the result does
/// not depend on the order supports arrived in.
double combine_confidence(std::vector<double> cfs);

struct TruthMaintenance {
    std::unordered_map<std::uint64_t, TokenSupports> by_token;
    std::unordered_map<std::uint32_t, std::uint32_t> derived_count;  ///< logical facts
    std::vector<RecommendationState> recs;
    std::map<std::pair<ir::RecommendationIndex, std::string>, std::size_t> rec_index;
    std::deque<std::pair<std::uint64_t, TokenSupports>> pending;  ///< withdrawn, to process

    /// The token went away: queue what it supported.
    void token_gone(std::uint64_t serial);
    std::size_t recommendation(ir::RecommendationIndex id, const std::string& subject);
};

}  // namespace maslahat::runtime
