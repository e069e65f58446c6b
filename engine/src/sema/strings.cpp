#include "sema/literals.hpp"
#include "support/utf8.hpp"

namespace maslahat::sema {
namespace {

std::size_t code_point_length(std::string_view raw, std::size_t at) {
    const auto c = static_cast<unsigned char>(raw[at]);
    std::size_t n = 1;
    if (c >= 0xF0U) {
        n = 4;
    } else if (c >= 0xE0U) {
        n = 3;
    } else if (c >= 0xC0U) {
        n = 2;
    }
    return std::min(n, raw.size() - at);
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

class StringDecoder {
public:
    StringDecoder(std::string_view raw, FileId file, std::uint32_t base, DiagnosticSink& sink)
        : raw_(raw), file_(file), base_(base), sink_(sink) {}

    std::optional<std::vector<StringPart>> run(bool interpolate) {
        std::size_t i = 0;
        while (i < raw_.size()) {
            const char c = raw_[i];
            if (c == '\\') {
                if (!escape(i)) {
                    ok_ = false;
                }
            } else if (c == '{' && interpolate) {
                if (!interpolation(i)) {
                    return std::nullopt;  // the rest of the string cannot be split reliably
                }
            } else {  // a run of plain text, appended at once
                std::size_t stop = i + 1;
                while (stop < raw_.size() && raw_[stop] != '\\' &&
                       !(interpolate && raw_[stop] == '{')) {
                    ++stop;
                }
                current_.append(raw_, i, stop - i);
                i = stop;
            }
        }
        flush();
        if (!ok_) {
            return std::nullopt;
        }
        if (parts_.empty()) {
            parts_.push_back(StringPart{});
        }
        return std::move(parts_);
    }

private:
    SourceSpan span(std::size_t from, std::size_t to) const {
        return SourceSpan{file_, base_ + static_cast<std::uint32_t>(from),
                          base_ + static_cast<std::uint32_t>(to)};
    }

    void flush() {
        if (!current_.empty()) {
            parts_.push_back(StringPart{false, std::move(current_), 0, 0});
            current_.clear();
        }
    }

    // Decodes the escape starting at raw_[i] == '\\' and advances i past it.
    bool escape(std::size_t& i) {
        const std::size_t start = i;
        if (i + 1 >= raw_.size()) {
            sink_.error(DiagCode::E0105, span(start, start + 1),
                        "unfinished escape at end of string");
            i = raw_.size();
            return false;
        }
        const char e = raw_[i + 1];
        switch (e) {
            case '"':
            case '\\':
            case '{':
            case '}':  // not in the spec's list, but the natural twin of \{ (docs/language.md)
                current_ += e;
                i += 2;
                return true;
            case 'n':
                current_ += '\n';
                i += 2;
                return true;
            case 't':
                current_ += '\t';
                i += 2;
                return true;
            case 'u':
                return unicode_escape(i);
            default:
                break;
        }
        const std::size_t len = code_point_length(raw_, i + 1);
        sink_.error(DiagCode::E0105, span(start, i + 1 + len),
                    "unknown escape '\\" + std::string(raw_.substr(i + 1, len)) +
                        "' in string (valid escapes: \\\" \\\\ \\n \\t \\{ \\} \\u{HEX})");
        i += 1 + len;
        return false;
    }

    bool unicode_escape(std::size_t& i) {
        const std::size_t start = i;
        std::size_t j = i + 2;
        if (j >= raw_.size() || raw_[j] != '{') {
            sink_.error(DiagCode::E0105, span(start, j),
                        "malformed '\\u' escape: expected '\\u{HEX}' with 1 to 6 hex digits");
            i = j;
            return false;
        }
        ++j;
        std::uint32_t code = 0;
        std::size_t count = 0;
        while (j < raw_.size() && hex_digit(raw_[j]) >= 0) {
            code = code * 16U + static_cast<std::uint32_t>(hex_digit(raw_[j]));
            ++count;
            ++j;
            if (count > 6) {
                break;
            }
        }
        if (count == 0 || count > 6 || j >= raw_.size() || raw_[j] != '}') {
            while (j < raw_.size() && raw_[j] != '}' && raw_[j] != '"' && raw_[j] != ' ') {
                ++j;
            }
            const std::size_t stop = j < raw_.size() && raw_[j] == '}' ? j + 1 : j;
            sink_.error(DiagCode::E0105, span(start, stop),
                        "malformed '\\u' escape: expected '\\u{HEX}' with 1 to 6 hex digits");
            i = stop;
            return false;
        }
        i = j + 1;
        std::string encoded;
        if (!support::append_utf8(encoded, code)) {
            sink_.error(DiagCode::E0105, span(start, i),
                        "'" + std::string(raw_.substr(start, i - start)) +
                            "' is not a valid Unicode code point");
            return false;
        }
        current_ += encoded;
        return true;
    }

    // raw_[i] == '{': finds the matching '}' (skipping nested braces and quoted strings).
    bool interpolation(std::size_t& i) {
        const std::size_t open = i;
        std::size_t depth = 0;
        std::size_t j = i;
        bool in_string = false;
        for (; j < raw_.size(); ++j) {
            const char c = raw_[j];
            if (in_string) {
                if (c == '\\') {
                    ++j;
                } else if (c == '"') {
                    in_string = false;
                }
                continue;
            }
            if (c == '"') {
                in_string = true;
            } else if (c == '{') {
                ++depth;
            } else if (c == '}') {
                if (--depth == 0) {
                    break;
                }
            }
        }
        if (j >= raw_.size()) {
            sink_.error(DiagCode::E0106, span(open, open + 1),
                        "unterminated '{' in string (write '\\{' for a literal brace)");
            ok_ = false;
            return false;
        }
        const std::string_view inside = raw_.substr(open + 1, j - open - 1);
        if (inside.find_first_not_of(" \t\r\n") == std::string_view::npos) {
            sink_.error(DiagCode::E0105, span(open, j + 1),
                        "empty '{}' in string (write '\\{' for a literal brace)");
            ok_ = false;
        } else {
            flush();
            parts_.push_back(StringPart{true, {}, span(open + 1, j).begin, span(open + 1, j).end});
        }
        i = j + 1;
        return true;
    }

    std::string_view raw_;
    FileId file_;
    std::uint32_t base_;
    DiagnosticSink& sink_;
    std::vector<StringPart> parts_;
    std::string current_;
    bool ok_ = true;
};

}  // namespace

std::optional<std::vector<StringPart>> decode_string(std::string_view raw, FileId file,
                                                     std::uint32_t body_begin, bool interpolate,
                                                     DiagnosticSink& sink) {
    return StringDecoder(raw, file, body_begin, sink).run(interpolate);
}

}  // namespace maslahat::sema
