#include "maslahat/diagnostics.hpp"

#include <algorithm>
#include <array>
#include <tuple>

namespace maslahat {
namespace {
struct CodeInfo {
    std::string_view name;
    std::string_view summary;
};
constexpr std::array code_table{
#define MASLAHAT_DIAG(code, summary) CodeInfo{#code, summary},
#include "maslahat/codes.def"
#undef MASLAHAT_DIAG
};

auto sort_key(const Diagnostic& d) {
    const bool located = d.span.has_value();
    const auto file = located ? static_cast<std::uint32_t>(d.span->file) : 0U;
    const auto begin = located ? d.span->begin : 0U;
    const auto end = located ? d.span->end : 0U;
    // Errors before warnings at the same place.
    const int rank = -static_cast<int>(d.severity);
    return std::make_tuple(located, file, begin, rank, end, d.message);
}
}  // namespace

std::string_view code_name(DiagCode code) {
    return code_table.at(static_cast<std::size_t>(code)).name;
}

std::string_view code_summary(DiagCode code) {
    return code_table.at(static_cast<std::size_t>(code)).summary;
}

void DiagnosticSink::report(Diagnostic diagnostic) {
    if (diagnostic.severity == Severity::Error) {
        ++errors_;
    } else if (diagnostic.severity == Severity::Warning) {
        ++warnings_;
    }
    diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticSink::report_all(const DiagnosticSink& held) {
    for (const Diagnostic& d : held.diagnostics_) {
        report(d);
    }
}

void DiagnosticSink::error(DiagCode code, std::optional<SourceSpan> span, std::string message) {
    report(Diagnostic{Severity::Error, code, span, std::move(message), {}});
}

void DiagnosticSink::warning(DiagCode code, std::optional<SourceSpan> span, std::string message) {
    report(Diagnostic{Severity::Warning, code, span, std::move(message), {}});
}

std::vector<Diagnostic> DiagnosticSink::sorted() const {
    std::vector<Diagnostic> out = diagnostics_;
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return sort_key(a) < sort_key(b);
    });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const Diagnostic& a, const Diagnostic& b) {
                              return sort_key(a) == sort_key(b) && a.code == b.code;
                          }),
              out.end());
    return out;
}

void DiagnosticSink::clear() {
    diagnostics_.clear();
    errors_ = 0;
    warnings_ = 0;
}

}  // namespace maslahat
