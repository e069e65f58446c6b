#include "facts/preflight.hpp"

#include "support/utf8.hpp"

#include <fmt/format.h>

#include <string_view>

namespace maslahat::facts {

bool preflight_fact_bytes(const SourceManager& sources, FileId file, DiagnosticSink& sink) {
    const std::string_view text = sources.text(file);
    bool ok = true;
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        const auto at = static_cast<std::uint32_t>(nul);
        sink.error(DiagCode::E0108, SourceSpan{file, at, at + 1},
                   "NUL byte in a fact file (binary content?)");
        ok = false;
    }
    if (const auto bad = support::find_invalid_utf8(text)) {
        const auto at = static_cast<std::uint32_t>(*bad);
        sink.error(
            DiagCode::E0101, SourceSpan{file, at, at + 1},
            fmt::format("invalid UTF-8 (byte 0x{:02X})", static_cast<unsigned char>(text[*bad])));
        ok = false;
    }
    return ok;
}

}  // namespace maslahat::facts
