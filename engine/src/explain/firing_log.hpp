// FiringLog: an EngineObserver that records, for every rule firing, the rule and the ids of
// the facts it matched, so that explanations can follow a derived fact back to the firing
// that made it and on to that firing's own facts.
#pragma once

#include "maslahat/observer.hpp"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace maslahat::explain {

struct FiringRecord {
    std::uint32_t rule_index = 0;
    std::string rule;
    std::vector<std::uint64_t> facts;  ///< in condition order
};

class FiringLog final : public EngineObserver {
public:
    void rule_fired(const FiringEvent& event) override;
    /// The record of firing `firing`, or nullptr when it was not seen.
    const FiringRecord* find(std::uint64_t firing) const;

private:
    std::unordered_map<std::uint64_t, FiringRecord> firings_;
};

}  // namespace maslahat::explain
