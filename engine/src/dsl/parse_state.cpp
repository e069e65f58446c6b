#include "dsl/parse_state.hpp"

#include "dsl/keywords.hpp"

#include <fmt/format.h>

#include <array>

namespace maslahat::dsl::detail {
namespace {

bool is_ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

constexpr std::array<std::string_view, 4> declaration_keywords = {"template", "recommendation",
                                                                  "param", "rule"};

}  // namespace

std::uint32_t ParseState::skip_blank(std::uint32_t pos) const {
    if (pos >= text_.size()) {
        return pos;
    }
    return offset(detail::skip_blank(text_.data() + pos, text_.data() + text_.size()));
}

std::uint32_t ParseState::token_end(std::uint32_t pos) const {
    const auto size = static_cast<std::uint32_t>(text_.size());
    if (pos >= size) {
        return pos;
    }
    if (is_ident_char(text_[pos])) {
        while (pos < size && is_ident_char(text_[pos])) {
            ++pos;
        }
        return pos;
    }
    ++pos;  // one code point
    while (pos < size && (static_cast<unsigned char>(text_[pos]) & 0xC0U) == 0x80U) {
        ++pos;
    }
    return pos;
}

// The opening quote of the string that is still open at `pos` (scanning its line like the
// grammar does), or `pos` when none is found.
std::uint32_t ParseState::string_start(std::uint32_t pos) const {
    std::uint32_t line = pos;
    while (line > 0 && text_[line - 1] != '\n') {
        --line;
    }
    std::uint32_t open = pos;
    bool in_string = false;
    bool in_interpolation = false;
    bool in_inner = false;
    for (std::uint32_t i = line; i < pos; ++i) {
        const char c = text_[i];
        if (!in_string) {
            if (c == '#' || (c == '/' && i + 1 < pos && text_[i + 1] == '/')) {
                break;
            }
            if (c == '"') {
                in_string = true;
                open = i;
            }
            continue;
        }
        if (c == '\\') {
            ++i;
        } else if (in_inner) {
            in_inner = c != '"';
        } else if (in_interpolation) {
            if (c == '"') {
                in_inner = true;
            } else if (c == '}') {
                in_interpolation = false;
            }
        } else if (c == '{') {
            in_interpolation = true;
        } else if (c == '"') {
            in_string = false;
            open = pos;
        }
    }
    return open;
}

void ParseState::report(DiagCode code, std::uint32_t begin, std::uint32_t end,
                        std::string message) {
    ++errors_;
    sink_.error(code, SourceSpan{file_, begin, end}, std::move(message));
}

void ParseState::report_expected(const char* where, std::string_view what) {
    const std::uint32_t at = offset(where);
    if (what == "'\"' closing the string") {
        const std::uint32_t open = string_start(at);
        report(DiagCode::E0106, open, at > open ? at : open + 1, "unterminated string");
        return;
    }
    if (what == "'}' closing the interpolation") {
        report(DiagCode::E0106, at, token_end(at),
               "unterminated interpolation: expected '}' before the end of the string");
        return;
    }
    if (what == "end of the number") {
        // Back to the start of the literal: digits/letters/'_', a fraction's '.', not a range's.
        std::uint32_t begin = at;
        while (true) {
            while (begin > 0 && is_ident_char(text_[begin - 1])) {
                --begin;
            }
            const bool fraction_dot = begin >= 2 && text_[begin - 1] == '.' &&
                                      text_[begin - 2] >= '0' && text_[begin - 2] <= '9';
            if (!fraction_dot) {
                break;
            }
            --begin;
        }
        const auto is_operand_end = [this](std::uint32_t i) {
            const char c = text_[i];
            return is_ident_char(c) || c == ')' || c == ']' || c == '"';
        };
        if (begin > 0 && (text_[begin - 1] == '-' || text_[begin - 1] == '+') &&
            (begin < 2 || !is_operand_end(begin - 2))) {
            --begin;
        }
        const std::uint32_t end = token_end(at);
        report(DiagCode::E0104, begin, end,
               fmt::format("malformed number literal '{}'", text_.substr(begin, end - begin)));
        return;
    }
    // The offending token; at the end of input, right after the last token instead of on an
    // empty last line.
    std::uint32_t pos = skip_blank(at);
    if (pos >= text_.size()) {
        pos = at;
    }
    const std::uint32_t end = token_end(pos);
    const std::string_view token = text_.substr(pos, end - pos);
    // Where a name was wanted and a keyword stands, say so (E0109).
    std::string_view name_kind;
    if (what == "slot declaration or '}'") {
        name_kind = "slot name";
    } else if ((what.size() >= 4 && what.substr(what.size() - 4) == "name") ||
               what == "recommendation id" || what == "log level") {
        name_kind = what;
    }
    if (!name_kind.empty() && is_keyword(token)) {
        report(DiagCode::E0109, pos, end,
               fmt::format("'{}' is a keyword and cannot be used as a {}", token, name_kind));
        return;
    }
    report(DiagCode::E0103, pos, end, fmt::format("expected {}", what));
}

const char* ParseState::next_declaration(const char* where, const char* item_start) const {
    const auto size = static_cast<std::uint32_t>(text_.size());
    const auto starts_declaration = [&](std::uint32_t p) {
        for (const std::string_view kw : declaration_keywords) {
            if (text_.substr(p, kw.size()) == kw &&
                (p + kw.size() >= size || !is_ident_char(text_[p + kw.size()]))) {
                return true;
            }
        }
        return false;
    };
    const auto first_token_of_line = [&](std::uint32_t p) {
        while (p < size && (text_[p] == ' ' || text_[p] == '\t')) {
            ++p;
        }
        return p;
    };
    // The error may sit right on the next declaration (a rule missing its `end`).
    const std::uint32_t here = skip_blank(offset(where));
    if (here > skip_blank(offset(item_start)) && here < size) {
        std::uint32_t line = here;
        while (line > 0 && text_[line - 1] != '\n') {
            --line;
        }
        if (first_token_of_line(line) == here && starts_declaration(here)) {
            return text_.data() + here;
        }
    }
    std::uint32_t p = offset(where);
    while (true) {
        while (p < size && text_[p] != '\n') {
            ++p;
        }
        if (p >= size) {
            return text_.data() + size;
        }
        const std::uint32_t token = first_token_of_line(p + 1);
        if (token < size && starts_declaration(token)) {
            return text_.data() + token;
        }
        p = token;
    }
}

}  // namespace maslahat::dsl::detail
