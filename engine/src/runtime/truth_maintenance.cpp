#include "runtime/truth_maintenance.hpp"

#include <algorithm>
#include <cmath>

namespace maslahat::runtime {

double combine_confidence(std::vector<double> cfs) {
    // cf := cf + cf_i (1 - cf) is the same product, exact for a single support
    std::sort(cfs.begin(), cfs.end());
    double combined = 0.0;
    for (const double cf : cfs) {
        combined += cf * (1.0 - combined);
    }
    // Rounded to 12 decimals so that 1 - (1 - 0.8)(1 - 0.6) reports 0.92, not 0.9199999999999999.
    return std::round(combined * 1e12) / 1e12;
}

void TruthMaintenance::token_gone(std::uint64_t serial) {
    auto it = by_token.find(serial);
    if (it == by_token.end()) {
        return;
    }
    pending.emplace_back(serial, std::move(it->second));
    by_token.erase(it);
}

std::size_t TruthMaintenance::recommendation(ir::RecommendationIndex id,
                                             const std::string& subject) {
    auto [it, inserted] = rec_index.emplace(std::make_pair(id, subject), recs.size());
    if (inserted) {
        RecommendationState st;
        st.id = id;
        st.subject = subject;
        recs.push_back(std::move(st));
    }
    return it->second;
}

}  // namespace maslahat::runtime
