#include "log/trace_logger.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace maslahat::log {
namespace {

std::string fact_ids(std::span<const std::uint32_t> facts) {
    std::string out;
    for (const auto id : facts) {
        out += out.empty() ? "" : ",";
        out += "f-" + std::to_string(id);
    }
    return out;
}

spdlog::level::level_enum to_spdlog(LogLevel level) {
    switch (level) {
        case LogLevel::Trace:
            return spdlog::level::trace;
        case LogLevel::Debug:
            return spdlog::level::debug;
        case LogLevel::Info:
            return spdlog::level::info;
        case LogLevel::Warn:
            return spdlog::level::warn;
        case LogLevel::Error:
            return spdlog::level::err;
    }
    return spdlog::level::info;
}

}  // namespace

TraceLogger::TraceLogger(std::shared_ptr<spdlog::logger> logger, bool trace,
                         std::vector<std::pair<std::string, std::vector<std::string>>> templates)
    : logger_(std::move(logger)), trace_(trace), templates_(std::move(templates)) {}

std::string TraceLogger::describe(const FactEvent& e) const {
    std::string out = fmt::format("f-{} {}(", e.id, e.template_name);
    const std::vector<std::string>* names =
        e.template_index < templates_.size() ? &templates_[e.template_index].second : nullptr;
    for (std::size_t i = 0; i < e.slots.size(); ++i) {
        if (i > 0) {
            out += ", ";
        }
        if (names != nullptr && i < names->size()) {
            out += (*names)[i] + ": ";
        }
        out += e.slots[i].to_string();
    }
    return out + ")";
}

void TraceLogger::fact_asserted(const FactEvent& e) {
    if (trace_) {
        logger_->info("==> {}", describe(e));
    }
}
void TraceLogger::fact_retracted(const FactEvent& e) {
    if (trace_) {
        logger_->info("<== {}", describe(e));
    }
}
void TraceLogger::activation_added(const ActivationEvent& e) {
    if (trace_) {
        logger_->info("==> Activation {} {}: {}", e.salience, e.rule, fact_ids(e.facts));
    }
}
void TraceLogger::activation_removed(const ActivationEvent& e) {
    if (trace_) {
        logger_->info("<== Activation {} {}: {}", e.salience, e.rule, fact_ids(e.facts));
    }
}
void TraceLogger::rule_fired(const FiringEvent& e) {
    if (trace_) {
        logger_->info("FIRE {} {}: {}", e.firing, e.rule, fact_ids(e.facts));
    }
}
void TraceLogger::support_added(const SupportEvent& e) {
    if (!trace_) {
        return;
    }
    if (e.kind == SupportEvent::Kind::Recommendation) {
        logger_->info("+support {} for {} by {} (cf {}) -> {}", e.recommendation, e.subject, e.rule,
                      e.confidence, e.combined);
    } else {
        logger_->info("+support f-{} by {} (firing {})", e.fact_id, e.rule, e.firing);
    }
}
void TraceLogger::support_withdrawn(const SupportEvent& e) {
    if (!trace_) {
        return;
    }
    if (e.kind == SupportEvent::Kind::Recommendation) {
        logger_->info("-support {} for {} by {} -> {}", e.recommendation, e.subject, e.rule,
                      e.combined);
    } else {
        logger_->info("-support f-{} by {} (firing {})", e.fact_id, e.rule, e.firing);
    }
}
void TraceLogger::log_record(const LogEvent& e) {
    logger_->log(to_spdlog(e.level), "{}", e.text);
}

std::shared_ptr<spdlog::logger> make_stderr_logger(const std::string& level) {
    auto logger = std::make_shared<spdlog::logger>(
        "maslahat", std::make_shared<spdlog::sinks::stderr_sink_st>());
    logger->set_pattern("maslahat: [%l] %v");
    logger->set_level(spdlog::level::from_str(level));
    return logger;
}

}  // namespace maslahat::log
