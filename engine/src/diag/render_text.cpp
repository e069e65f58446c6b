#include <fmt/format.h>

#include "maslahat/diagnostics.hpp"
#include "support/utf8.hpp"

namespace maslahat {
namespace {

std::string_view severity_name(Severity severity) {
    switch (severity) {
        case Severity::Error:
            return "error";
        case Severity::Warning:
            return "warning";
        case Severity::Note:
            return "note";
    }
    return "error";
}

// The caret line: the line's prefix with every non-tab code point replaced by a space,
// then '^' and '~' for the rest of the span on that line.
std::string caret_line(std::string_view line, std::size_t begin_in_line, std::size_t end_in_line) {
    std::string out;
    for (std::size_t i = 0; i < begin_in_line && i < line.size(); ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        if (c == '\t') {
            out += '\t';
        } else if ((c & 0xC0U) != 0x80U) {
            out += ' ';
        }
    }
    out += '^';
    const std::size_t stop = std::min(end_in_line, line.size());
    if (stop > begin_in_line + 1) {
        const auto extra =
            support::count_code_points(line.substr(begin_in_line, stop - begin_in_line));
        out.append(extra > 0 ? extra - 1 : 0, '~');
    }
    return out;
}

void render_one(std::string& out, Severity severity, const std::optional<SourceSpan>& span,
                const std::string& message, const SourceManager& sources) {
    if (!span || static_cast<std::size_t>(span->file) >= sources.file_count()) {
        out += fmt::format("maslahat: {}: {}\n", severity_name(severity), message);
        return;
    }
    const auto pos = sources.position(span->file, span->begin);
    out += fmt::format("{}:{}:{}: {}: {}\n", sources.path(span->file), pos.line, pos.column,
                       severity_name(severity), message);
    const std::string_view line = sources.line_text(span->file, pos.line);
    const std::uint32_t start = sources.line_start(span->file, pos.line);
    out += line;
    out += '\n';
    const std::size_t begin_in_line = span->begin - start;
    const std::size_t end_in_line = span->end > span->begin ? span->end - start : begin_in_line + 1;
    out += caret_line(line, begin_in_line, end_in_line);
    out += '\n';
}

}  // namespace

std::string render_text(const std::vector<Diagnostic>& diagnostics, const SourceManager& sources) {
    std::string out;
    for (const auto& d : diagnostics) {
        render_one(out, d.severity, d.span, d.message, sources);
        for (const auto& note : d.notes) {
            render_one(out, Severity::Note, note.span, note.message, sources);
        }
    }
    return out;
}

}  // namespace maslahat
