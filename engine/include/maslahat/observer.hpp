// EngineObserver: the one instrumentation interface of the engine (Clara listener, CLIPS
// watch). The runtime notifies it of working-memory changes, agenda changes, firings,
// truth-maintenance supports and `log` records; --trace, explanations and statistics are
// observers. Every callback has a no-op default; the engine core never formats log text.
#pragma once

#include "maslahat/value.hpp"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace maslahat {

struct FactEvent {
    std::uint64_t id = 0;
    std::uint32_t template_index = 0;
    std::string_view template_name;
    std::span<const Value> slots;
    std::uint64_t firing = 0;  ///< the firing that caused it; 0 outside rule actions
};

struct ActivationEvent {
    std::uint32_t rule_index = 0;
    std::string_view rule;
    std::int32_t salience = 0;
    std::span<const std::uint32_t> facts;  ///< fact ids of the match, in condition order
};

struct FiringEvent {
    std::uint64_t firing = 0;  ///< 1-based firing number
    std::uint32_t rule_index = 0;
    std::string_view rule;
    std::span<const std::uint32_t> facts;
};

/// A logical support: a firing of `rule` that holds up a derived fact or a recommendation.
struct SupportEvent {
    enum class Kind : std::uint8_t { Fact, Recommendation } kind = Kind::Fact;
    std::uint64_t fact_id = 0;        ///< Fact: the derived fact
    std::string_view recommendation;  ///< Recommendation: its id
    std::string_view subject;         ///< Recommendation: its subject
    std::string_view rule;
    std::uint64_t firing = 0;
    double confidence = 1.0;  ///< Recommendation: this support's cf
    double combined = 1.0;    ///< Recommendation: the cf after the change (0: withdrawn)
    std::span<const std::uint32_t> facts;  ///< facts of the supporting match
};

enum class LogLevel : std::uint8_t { Trace, Debug, Info, Warn, Error };

struct LogEvent {
    LogLevel level = LogLevel::Info;
    std::string_view text;
    std::string_view rule;
    std::uint64_t firing = 0;
};

class EngineObserver {
public:
    virtual ~EngineObserver() = default;
    virtual void fact_asserted(const FactEvent&) {}
    virtual void fact_retracted(const FactEvent&) {}
    virtual void activation_added(const ActivationEvent&) {}
    virtual void activation_removed(const ActivationEvent&) {}
    virtual void rule_fired(const FiringEvent&) {}
    virtual void support_added(const SupportEvent&) {}
    virtual void support_withdrawn(const SupportEvent&) {}
    virtual void log_record(const LogEvent&) {}
    /// Whether it wants the match and working-memory events (every call above but
    /// log_record): for an observer that does not, the engine builds no event at all (a
    /// trace that is off costs nothing). log_record events always come.
    virtual bool traces() const {
        return true;
    }
};

/// Forwards every event to several observers, in the order they were added.
class FanOutObserver final : public EngineObserver {
public:
    void add(EngineObserver& observer) {
        observers_.push_back(&observer);
    }
    void fact_asserted(const FactEvent& e) override {
        for (auto* o : observers_)
            o->fact_asserted(e);
    }
    void fact_retracted(const FactEvent& e) override {
        for (auto* o : observers_)
            o->fact_retracted(e);
    }
    void activation_added(const ActivationEvent& e) override {
        for (auto* o : observers_)
            o->activation_added(e);
    }
    void activation_removed(const ActivationEvent& e) override {
        for (auto* o : observers_)
            o->activation_removed(e);
    }
    void rule_fired(const FiringEvent& e) override {
        for (auto* o : observers_)
            o->rule_fired(e);
    }
    void support_added(const SupportEvent& e) override {
        for (auto* o : observers_)
            o->support_added(e);
    }
    void support_withdrawn(const SupportEvent& e) override {
        for (auto* o : observers_)
            o->support_withdrawn(e);
    }
    void log_record(const LogEvent& e) override {
        for (auto* o : observers_)
            o->log_record(e);
    }
    bool traces() const override {
        for (auto* o : observers_)
            if (o->traces())
                return true;
        return false;
    }

private:
    std::vector<EngineObserver*> observers_;
};

}  // namespace maslahat
