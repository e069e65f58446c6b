#include <fmt/format.h>

#include "output/reports.hpp"

namespace maslahat::output {
namespace {

std::string percent(double confidence) {
    return fmt::format("{:.0f}%", confidence * 100.0);
}

void render_recommendation(std::string& out, std::size_t rank, const RecommendationResult& rec,
                           bool show_subject) {
    out += fmt::format("  {}. [{}] {}", rank, rec.id, rec.title);
    if (show_subject) {
        out += fmt::format(" — for {}", rec.subject);
    }
    out += fmt::format("  (confidence {})\n", Value::number(rec.confidence).to_string());
    for (const auto& s : rec.support) {
        out += fmt::format("       · {} ({})", s.rule, percent(s.confidence));
        if (!s.because.empty()) {
            out += ": " + s.because;
        }
        out += '\n';
    }
}

}  // namespace

std::string render_text_report(const RunResult& result, const ReportContext& context) {
    std::string out;
    const bool filtered = !context.subject.empty();
    out += filtered ? fmt::format("Recommendations for {}\n", context.subject)
                    : std::string("Recommendations\n");
    std::size_t rank = 0;
    std::size_t others = 0;
    for (const auto& rec : result.recommendations) {
        if (filtered && rec.subject != context.subject) {
            ++others;
            continue;
        }
        render_recommendation(out, ++rank, rec, !filtered);
    }
    if (rank == 0) {
        out += "  (none)\n";
    }
    if (others > 0) {
        out += fmt::format("  ({} more for other subjects: see --format json)\n", others);
    }
    if (!result.output.empty()) {
        out += "\nOutput\n";
        for (const auto& line : result.output) {
            out += line + "\n";
        }
    }
    out += fmt::format("\n{} rules, {} firings, {} facts at the end\n", result.stats.rules,
                       result.stats.firings, result.stats.facts_final);
    return out;
}

}  // namespace maslahat::output
