#include "facts/toml_chunks.hpp"

#include <algorithm>
#include <map>
#include <string>

namespace maslahat::facts {
namespace {

bool bare_key_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

/// Tracks where a TOML value scan is: inside a multi-line string, or nested in [ ] / { }.
struct ScanState {
    enum class String : std::uint8_t { None, MultiBasic, MultiLiteral } string = String::None;
    int depth = 0;
    bool top_level() const {
        return string == String::None && depth == 0;
    }
};

/// Scans one line that is not a header; returns false on something it cannot follow.
bool scan_line(std::string_view line, ScanState& st) {
    std::size_t i = 0;
    const auto starts = [&](std::string_view s) { return line.substr(i, s.size()) == s; };
    while (i < line.size()) {
        if (st.string == ScanState::String::MultiBasic) {
            if (line[i] == '\\') {
                i += 2;
            } else if (starts("\"\"\"")) {
                i += 3;
                while (i < line.size() && line[i] == '"') {
                    ++i;  // up to two quotes may end the content
                }
                st.string = ScanState::String::None;
            } else {
                ++i;
            }
            continue;
        }
        if (st.string == ScanState::String::MultiLiteral) {
            if (starts("'''")) {
                i += 3;
                while (i < line.size() && line[i] == '\'') {
                    ++i;
                }
                st.string = ScanState::String::None;
            } else {
                ++i;
            }
            continue;
        }
        const char c = line[i];
        if (c != '#' && c != '"' && c != '\'' && c != '[' && c != ']' && c != '{' && c != '}') {
            ++i;  // most bytes: keys, numbers, spaces
            continue;
        }
        if (c == '#') {
            return true;  // comment to the end of the line
        }
        if (starts("\"\"\"")) {
            st.string = ScanState::String::MultiBasic;
            i += 3;
        } else if (starts("'''")) {
            st.string = ScanState::String::MultiLiteral;
            i += 3;
        } else if (c == '"') {
            for (++i; i < line.size() && line[i] != '"'; ++i) {
                if (line[i] == '\\') {
                    ++i;
                }
            }
            if (i >= line.size()) {
                return false;  // unterminated: let toml++ report it
            }
            ++i;
        } else if (c == '\'') {
            const std::size_t close = line.find('\'', i + 1);
            if (close == std::string_view::npos) {
                return false;
            }
            i = close + 1;
        } else {
            if (c == '[' || c == '{') {
                ++st.depth;
            } else if (c == ']' || c == '}') {
                if (--st.depth < 0) {
                    return false;
                }
            }
            ++i;
        }
    }
    return true;
}

struct Header {
    std::string_view name;  ///< in the text
    bool array = false;
};

/// A plain header line `[name]` / `[[name]]` (optionally followed by a comment); false if the
/// line is a header of another shape (dotted or quoted names).
bool parse_header(std::string_view line, Header& out) {
    const bool array = line.substr(0, 2) == "[[";
    std::size_t i = array ? 2 : 1;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
        ++i;
    }
    const std::size_t begin = i;
    while (i < line.size() && bare_key_char(line[i])) {
        ++i;
    }
    if (i == begin) {
        return false;
    }
    out.name = line.substr(begin, i - begin);
    out.array = array;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
        ++i;
    }
    const std::string_view close = array ? "]]" : "]";
    if (line.substr(i, close.size()) != close) {
        return false;
    }
    i += close.size();
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) {
        ++i;
    }
    return i == line.size() || line[i] == '#';
}

}  // namespace

std::vector<TomlChunk> split_toml(std::string_view text, std::size_t target_bytes) {
    const std::vector<TomlChunk> whole{TomlChunk{0, text.size(), 0}};
    if (text.size() <= target_bytes) {
        return whole;
    }
    std::vector<TomlChunk> chunks{TomlChunk{0, 0, 0}};
    // per header name: the chunks it appears in -> whether it is an array header ([[name]])
    std::map<std::string, std::map<std::size_t, bool>, std::less<>> array_in;
    Header last;  // the previous header, recorded in chunk `last_chunk`
    std::size_t last_chunk = std::string_view::npos;
    std::size_t first_header = std::string_view::npos;
    ScanState st;
    std::uint32_t line_no = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        const std::size_t next = eol == std::string_view::npos ? text.size() : eol + 1;
        std::string_view line = text.substr(pos, next - pos);
        std::size_t indent = 0;
        while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t')) {
            ++indent;
        }
        const std::string_view body = line.substr(indent);
        if (st.top_level() && !body.empty() && body[0] == '[') {
            Header h;
            std::string_view trimmed = body;
            while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == '\r')) {
                trimmed.remove_suffix(1);
            }
            if (!parse_header(trimmed, h)) {
                return whole;
            }
            if (first_header == std::string_view::npos) {
                first_header = pos;
            }
            if (h.array && pos - chunks.back().begin >= target_bytes) {
                chunks.back().end = pos;
                chunks.push_back(TomlChunk{pos, 0, line_no});
            }
            const std::size_t c = chunks.size() - 1;
            if (c == last_chunk && h.array && last.array && h.name == last.name) {
                // [[obs]] after [[obs]] in the same piece: already recorded
            } else {
                auto found = array_in.find(h.name);
                if (found == array_in.end()) {
                    found =
                        array_in.emplace(std::string(h.name), std::map<std::size_t, bool>{}).first;
                }
                auto [it, fresh] = found->second.emplace(c, h.array);
                if (!fresh && (it->second != h.array)) {
                    return whole;  // [name] and [[name]] mixed: toml++ decides
                }
                last = h;
                last_chunk = c;
            }
        } else if (!scan_line(line, st)) {
            return whole;
        }
        ++line_no;
        pos = next;
    }
    if (!st.top_level()) {
        return whole;  // unterminated string or bracket: toml++ reports it
    }
    chunks.back().end = text.size();
    for (const auto& [name, in] : array_in) {
        if (in.size() < 2) {
            continue;
        }
        for (const auto& [c, array] : in) {
            if (!array) {
                return whole;  // a table defined in several pieces: an error toml++ reports
            }
        }
    }
    // root-level keys all come before the first header (chunk 0); one that reuses the name
    // of a table from a later chunk would be a redefinition: be conservative, any mention
    const std::string_view root = text.substr(0, std::min(first_header, text.size()));
    for (const auto& [name, in] : array_in) {
        if ((in.size() > 1 || in.begin()->first != 0) &&
            root.find(name) != std::string_view::npos) {
            return whole;
        }
    }
    return chunks;
}

}  // namespace maslahat::facts
