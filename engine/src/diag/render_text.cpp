#include "maslahat/diagnostics.hpp"
#include "support/utf8.hpp"

#include <fmt/format.h>

#include <vector>

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

/// One column of a quoted source line: the bytes of a code point (or of one bad byte), what
/// to show for it, and whether it is a tab.
struct Glyph {
    std::size_t offset = 0;  ///< byte offset in the line
    std::string shown;
    bool tab = false;
};

// Splits a source line into the columns the diagnostic counts (code points, as
// SourceManager::position does). What cannot be shown safely in a terminal becomes U+FFFD:
// invalid UTF-8 bytes and control characters other than tab.
std::vector<Glyph> glyphs_of(std::string_view line) {
    std::vector<Glyph> out;
    std::size_t i = 0;
    while (i < line.size()) {
        const auto c = static_cast<unsigned char>(line[i]);
        std::size_t len = 1;
        if (c >= 0xC0U) {
            len = c >= 0xF0U ? 4 : (c >= 0xE0U ? 3 : 2);
        }
        if ((c & 0xC0U) == 0x80U) {
            // A stray continuation byte counts no column: fold it into the previous one.
            if (!out.empty()) {
                out.back().shown = "\xEF\xBF\xBD";
            }
            ++i;
            continue;
        }
        Glyph g{i, std::string(line.substr(i, std::min(len, line.size() - i))), c == '\t'};
        if (len > 1 && (i + len > line.size() || support::find_invalid_utf8(g.shown))) {
            g.shown = "\xEF\xBF\xBD";
            len = 1;
        } else if (len == 1 && ((c < 0x20U && c != '\t') || c == 0x7FU)) {
            g.shown = "\xEF\xBF\xBD";
        }
        out.push_back(std::move(g));
        i += len;
    }
    return out;
}

/// Longest quoted line, in columns; longer (pathological) lines are cut around the caret.
constexpr std::size_t max_quoted_columns = 512;

// Appends the source line (made safe, cut to a window around the span) and the caret line:
// the line's prefix with every non-tab column replaced by a space, then '^' and '~' for the
// rest of the span on that line.
void quote_line(std::string& out, std::string_view line, std::size_t begin_in_line,
                std::size_t end_in_line) {
    const std::vector<Glyph> glyphs = glyphs_of(line);
    std::size_t caret = glyphs.size();
    std::size_t caret_end = glyphs.size();
    for (std::size_t k = 0; k < glyphs.size(); ++k) {
        if (caret == glyphs.size() && glyphs[k].offset >= begin_in_line) {
            caret = k;
        }
        if (caret_end == glyphs.size() && glyphs[k].offset >= end_in_line) {
            caret_end = k;
        }
    }
    std::size_t first = 0;
    std::size_t last = glyphs.size();
    if (glyphs.size() > max_quoted_columns) {
        first = caret > max_quoted_columns / 2 ? caret - max_quoted_columns / 2 : 0;
        last = std::min(glyphs.size(), first + max_quoted_columns);
    }
    std::string text;
    std::string marks;
    if (first > 0) {
        text += "...";
        marks += "   ";
    }
    for (std::size_t k = first; k < last; ++k) {
        text += glyphs[k].shown;
        if (k < caret) {
            marks += glyphs[k].tab ? '\t' : ' ';
        }
    }
    if (last < glyphs.size()) {
        text += "...";
    }
    marks += '^';
    const std::size_t stop = std::min(caret_end, last);
    if (stop > caret + 1) {
        marks.append(stop - caret - 1, '~');
    }
    out += text;
    out += '\n';
    out += marks;
    out += '\n';
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
    const std::size_t begin_in_line = span->begin - start;
    const std::size_t end_in_line = span->end > span->begin ? span->end - start : begin_in_line + 1;
    quote_line(out, line, begin_in_line, end_in_line);
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
