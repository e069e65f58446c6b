#include "dsl/preflight.hpp"

#include "support/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

namespace maslahat::dsl::detail {
namespace {

// What each byte means to the scanner; one table lookup per byte instead of a chain of
// comparisons (the scan covers every rule file).
enum class ByteClass : std::uint8_t {
    Other,  // punctuation, operators, non-ASCII: ends a run of prefix operators
    Blank,  // space, \t \n \r: changes nothing
    Ident,  // letter, digit, '_'
    Sigil,  // '?' or '$': starts a word like a letter, but does not continue one
    Hash,   // '#': comment to the end of the line
    Slash,  // '/': comment when doubled
    Quote,  // '"'
    Open,   // ( [ {
    Close,  // ) ] }
    Minus,  // '-': prefix operator
};

constexpr std::array<ByteClass, 256> make_byte_classes() {
    std::array<ByteClass, 256> table{};  // Other
    for (int c = 'a'; c <= 'z'; ++c) {
        table[static_cast<std::size_t>(c)] = ByteClass::Ident;
        table[static_cast<std::size_t>(c - 'a' + 'A')] = ByteClass::Ident;
    }
    for (int c = '0'; c <= '9'; ++c) {
        table[static_cast<std::size_t>(c)] = ByteClass::Ident;
    }
    table['_'] = ByteClass::Ident;
    for (const char c : {' ', '\t', '\n', '\r'}) {
        table[static_cast<std::size_t>(c)] = ByteClass::Blank;
    }
    table['?'] = ByteClass::Sigil;
    table['$'] = ByteClass::Sigil;
    table['#'] = ByteClass::Hash;
    table['/'] = ByteClass::Slash;
    table['"'] = ByteClass::Quote;
    for (const char c : {'(', '[', '{'}) {
        table[static_cast<std::size_t>(c)] = ByteClass::Open;
    }
    for (const char c : {')', ']', '}'}) {
        table[static_cast<std::size_t>(c)] = ByteClass::Close;
    }
    table['-'] = ByteClass::Minus;
    return table;
}

constexpr std::array<ByteClass, 256> byte_classes = make_byte_classes();

// Bytes that end a run of plain string text: '"' '\\' '{' and the line ends.
constexpr std::array<bool, 256> make_string_stops() {
    std::array<bool, 256> table{};
    for (const char c : {'"', '\\', '{', '\n', '\r'}) {
        table[static_cast<std::size_t>(c)] = true;
    }
    return table;
}

constexpr std::array<bool, 256> string_stops = make_string_stops();

ByteClass class_of(char c) {
    return byte_classes[static_cast<unsigned char>(c)];
}

// Scans like the grammar's lexer: comments and strings (with `{...}` interpolations holding
// inner strings) are skipped; strings never span lines.
class NestingScanner {
public:
    /// The deepest nesting seen so far (brackets + open prefix operators).
    std::uint32_t max_level() const {
        return max_level_;
    }

    NestingScanner(std::string_view text, FileId file, DiagnosticSink& sink,
                   std::uint32_t max_depth)
        : text_(text),
          file_(file),
          sink_(sink),
          max_depth_(std::min(max_depth, max_nesting_depth)) {}

    bool run(std::uint32_t begin, std::uint32_t end) {
        std::uint32_t i = begin;
        while (i < end) {
            switch (class_of(text_[i])) {
                case ByteClass::Blank:
                    ++i;
                    while (i < end && class_of(text_[i]) == ByteClass::Blank) {
                        ++i;
                    }
                    break;
                case ByteClass::Slash:
                    if (i + 1 >= end || text_[i + 1] != '/') {
                        run_ = 0;
                        ++i;
                        break;
                    }
                    [[fallthrough]];
                case ByteClass::Hash:
                    i = line_end(i, end);
                    break;
                case ByteClass::Quote:
                    run_ = 0;
                    i = skip_string(i + 1, end);
                    break;
                case ByteClass::Open:
                    ++depth_;
                    saved_runs_.push_back(run_);  // prefix operators before a bracket stay open
                    saved_sum_ += run_;
                    run_ = 0;
                    if (!check(i)) {
                        return false;
                    }
                    ++i;
                    break;
                case ByteClass::Close:
                    if (depth_ > 0) {
                        --depth_;
                        saved_sum_ -= saved_runs_.back();
                        saved_runs_.pop_back();
                    }
                    run_ = 0;
                    ++i;
                    break;
                case ByteClass::Minus:
                    ++run_;
                    if (!check(i)) {
                        return false;
                    }
                    ++i;
                    break;
                case ByteClass::Ident:
                case ByteClass::Sigil: {
                    const std::uint32_t start = i;
                    ++i;
                    while (i < end && class_of(text_[i]) == ByteClass::Ident) {
                        ++i;
                    }
                    if (text_.substr(start, i - start) == "not") {
                        ++run_;
                        if (!check(start)) {
                            return false;
                        }
                    } else {
                        run_ = 0;
                    }
                    break;
                }
                case ByteClass::Other:
                    run_ = 0;
                    ++i;
                    break;
            }
        }
        return true;
    }

private:
    // The offset of the newline ending the line that holds `i` (or `end`).
    std::uint32_t line_end(std::uint32_t i, std::uint32_t end) const {
        const void* newline = std::memchr(text_.data() + i, '\n', end - i);
        return newline == nullptr
                   ? end
                   : static_cast<std::uint32_t>(static_cast<const char*>(newline) - text_.data());
    }

    bool check(std::uint32_t at) {
        const std::uint32_t level = depth_ + saved_sum_ + run_;
        if (level <= max_depth_) {
            max_level_ = std::max(max_level_, level);
            return true;
        }
        sink_.error(DiagCode::E0102, SourceSpan{file_, at, at + 1},
                    fmt::format("nesting too deep (more than {} levels of brackets and prefix "
                                "operators)",
                                max_depth_));
        return false;
    }

    // From just after an opening quote; returns the offset after the closing quote (or the
    // line end for an unterminated string, which the grammar reports).
    std::uint32_t skip_string(std::uint32_t i, std::uint32_t end) const {
        bool in_interpolation = false;
        while (i < end) {
            if (!in_interpolation) {  // plain text up to the next byte that matters
                while (i < end && !string_stops[static_cast<unsigned char>(text_[i])]) {
                    ++i;
                }
                if (i >= end) {
                    break;
                }
            }
            const char c = text_[i];
            if (c == '\n' || c == '\r') {
                return i;
            }
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (in_interpolation) {
                if (c == '}') {
                    in_interpolation = false;
                } else if (c == '"') {  // inner string, no interpolation inside
                    ++i;
                    while (i < end && text_[i] != '"' && text_[i] != '\n') {
                        i += text_[i] == '\\' ? 2 : 1;
                    }
                    if (i >= end || text_[i] == '\n') {
                        return i;
                    }
                }
            } else if (c == '{') {
                in_interpolation = true;
            } else if (c == '"') {
                return i + 1;
            }
            ++i;
        }
        return end;
    }

    std::string_view text_;
    FileId file_;
    DiagnosticSink& sink_;
    std::uint32_t depth_ = 0;
    std::uint32_t max_depth_ = max_nesting_depth;
    std::uint32_t run_ = 0;  ///< consecutive prefix operators (`-`, `not`) since the last bracket
    std::uint32_t saved_sum_ = 0;
    std::uint32_t max_level_ = 0;
    std::vector<std::uint32_t> saved_runs_;
};

}  // namespace

std::optional<std::uint32_t> check_nesting(std::string_view text, std::uint32_t begin,
                                           std::uint32_t end, FileId file, DiagnosticSink& sink,
                                           std::uint32_t max_depth) {
    NestingScanner scanner(text, file, sink, max_depth);
    if (!scanner.run(begin, end)) {
        return std::nullopt;
    }
    return scanner.max_level();
}

std::optional<Preflight> preflight(std::string_view text, FileId file, DiagnosticSink& sink,
                                   std::uint32_t max_depth) {
    bool ok = true;
    if (const auto bad = support::find_invalid_utf8(text)) {
        const auto at = static_cast<std::uint32_t>(*bad);
        sink.error(DiagCode::E0101, SourceSpan{file, at, at + 1},
                   fmt::format("invalid UTF-8 (byte 0x{:02X})",
                               static_cast<unsigned>(static_cast<unsigned char>(text[at]))));
        ok = false;
    }
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        const auto at = static_cast<std::uint32_t>(nul);
        sink.error(DiagCode::E0108, SourceSpan{file, at, at + 1}, "NUL byte in a source file");
        ok = false;
    }
    if (!ok) {
        return std::nullopt;
    }
    const std::uint32_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    const auto depth =
        check_nesting(text, start, static_cast<std::uint32_t>(text.size()), file, sink, max_depth);
    if (!depth) {
        return std::nullopt;
    }
    return Preflight{start, *depth};
}

}  // namespace maslahat::dsl::detail
