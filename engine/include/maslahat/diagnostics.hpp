// Diagnostics as data: every user mistake (rule files, fact files, command line, run-time
// errors) becomes a Diagnostic with a stable code, collected in a DiagnosticSink, sorted and
// de-duplicated, and rendered in one place in the compiler style of spec §8.
#pragma once

#include "maslahat/source.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maslahat {

enum class Severity : std::uint8_t { Note, Warning, Error };

/// Stable diagnostic codes; the single table is engine/src/diag/codes.def.
enum class DiagCode : std::uint16_t {
#define MASLAHAT_DIAG(code, summary) code,
#include "maslahat/codes.def"
#undef MASLAHAT_DIAG
};

/// "E0101" for DiagCode::E0101.
std::string_view code_name(DiagCode code);
/// One-line summary of what the code means (for docs and JSON).
std::string_view code_summary(DiagCode code);

struct DiagnosticNote {
    std::optional<SourceSpan> span;
    std::string message;
};

struct Diagnostic {
    Severity severity = Severity::Error;
    DiagCode code{};
    std::optional<SourceSpan> span;  ///< absent for errors with no source position
    std::string message;
    std::vector<DiagnosticNote> notes;
};

class DiagnosticSink {
public:
    void report(Diagnostic diagnostic);
    /// Reports every diagnostic of `held` (one held back, e.g. by another thread), in order.
    void report_all(const DiagnosticSink& held);
    void error(DiagCode code, std::optional<SourceSpan> span, std::string message);
    void warning(DiagCode code, std::optional<SourceSpan> span, std::string message);

    bool has_errors() const {
        return errors_ > 0;
    }
    std::size_t error_count() const {
        return errors_;
    }
    std::size_t warning_count() const {
        return warnings_;
    }
    bool empty() const {
        return diagnostics_.empty();
    }
    const std::vector<Diagnostic>& all() const {
        return diagnostics_;
    }
    /// Sorted by (file, offset, severity, message) with exact duplicates removed;
    /// diagnostics without a span come first.
    std::vector<Diagnostic> sorted() const;
    void clear();

private:
    std::vector<Diagnostic> diagnostics_;
    std::size_t errors_ = 0;
    std::size_t warnings_ = 0;
};

/// Renders diagnostics as spec §8: `path:line:col: severity: message`, the source line and a
/// caret line (`^~~~` under the span, column in code points, tabs kept). Without a span:
/// `maslahat: severity: message`.
std::string render_text(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources);

}  // namespace maslahat
