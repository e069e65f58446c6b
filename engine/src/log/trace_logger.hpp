// An EngineObserver that writes what the engine does to a spdlog logger: `--trace` (facts
// added and removed, activations, firings, supports, like CLIPS `watch all`) and the records
// of `log LEVEL "text"` actions. The only place besides the CLI that formats with spdlog.
#pragma once

#include "maslahat/observer.hpp"

#include <spdlog/fwd.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace maslahat::log {

class TraceLogger final : public EngineObserver {
public:
    /// `templates`: template names with slot names by template index (ProgramSummary).
    TraceLogger(std::shared_ptr<spdlog::logger> logger, bool trace,
                std::vector<std::pair<std::string, std::vector<std::string>>> templates);

    void fact_asserted(const FactEvent& e) override;
    void fact_retracted(const FactEvent& e) override;
    void activation_added(const ActivationEvent& e) override;
    void activation_removed(const ActivationEvent& e) override;
    void rule_fired(const FiringEvent& e) override;
    void support_added(const SupportEvent& e) override;
    void support_withdrawn(const SupportEvent& e) override;
    void log_record(const LogEvent& e) override;
    /// Only with `--trace`: otherwise the engine builds no event but log records.
    bool traces() const override {
        return trace_;
    }

private:
    std::string describe(const FactEvent& e) const;

    std::shared_ptr<spdlog::logger> logger_;
    bool trace_;
    std::vector<std::pair<std::string, std::vector<std::string>>> templates_;
};

/// A logger writing to stderr ("maslahat: [level] text"), level from --log-level.
std::shared_ptr<spdlog::logger> make_stderr_logger(const std::string& level);

}  // namespace maslahat::log
