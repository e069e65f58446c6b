#include "explain/firing_log.hpp"

namespace maslahat::explain {

void FiringLog::rule_fired(const FiringEvent& event) {
    FiringRecord record{event.rule_index, std::string(event.rule),
                        std::vector<std::uint64_t>(event.facts.begin(), event.facts.end())};
    firings_[event.firing] = std::move(record);
}

const FiringRecord* FiringLog::find(std::uint64_t firing) const {
    const auto it = firings_.find(firing);
    return it == firings_.end() ? nullptr : &it->second;
}

}  // namespace maslahat::explain
