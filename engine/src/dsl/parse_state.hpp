// State shared by the X3 grammar's handlers during one parse: the source buffer (to turn
// iterators into byte offsets), the diagnostic sink, and the recovery logic that finds the next
// top-level declaration. Kept free of Spirit types so it compiles outside grammar.cpp.
#pragma once

#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace maslahat::dsl::detail {

/// The first byte at or after `first` that is neither white space (ASCII space, \t \n \v \f
/// \r) nor inside a comment (`#` or `//` to the end of the line): what the grammar skips
/// between tokens. `last` when only blanks and comments are left. Inline: the skipper runs
/// before every token the grammar tries, and mostly finds nothing to skip.
inline const char* skip_blank(const char* first, const char* last) {
    while (first != last) {
        const char c = *first;
        if (c == ' ' || (c >= '\t' && c <= '\r')) {  // \t \n \v \f \r
            ++first;
        } else if (c == '#' || (c == '/' && last - first > 1 && first[1] == '/')) {
            const void* newline = std::memchr(first, '\n', static_cast<std::size_t>(last - first));
            first = newline != nullptr ? static_cast<const char*>(newline) : last;
        } else {
            break;
        }
    }
    return first;
}

class ParseState {
public:
    ParseState(std::string_view text, FileId file, DiagnosticSink& sink)
        : text_(text), file_(file), sink_(sink) {}

    const char* base() const {
        return text_.data();
    }
    std::uint32_t offset(const char* p) const {
        return static_cast<std::uint32_t>(p - text_.data());
    }
    FileId file() const {
        return file_;
    }
    std::size_t errors() const {
        return errors_;
    }

    /// Reports "expected <what>" (E0103, or E0106/E0109 where they fit) at the first token at or
    /// after `where` (white space and comments skipped).
    void report_expected(const char* where, std::string_view what);
    /// Start of the next line after `where` whose first token is template, recommendation,
    /// param or rule (or `where` itself when it starts such a line after `item_start`); the end
    /// of the buffer if there is none.
    const char* next_declaration(const char* where, const char* item_start) const;
    /// Reports an error with a ready message at a byte span.
    void report(DiagCode code, std::uint32_t begin, std::uint32_t end, std::string message);

private:
    std::uint32_t skip_blank(std::uint32_t pos) const;
    std::uint32_t token_end(std::uint32_t pos) const;
    std::uint32_t string_start(std::uint32_t pos) const;

    std::string_view text_;
    FileId file_;
    DiagnosticSink& sink_;
    std::size_t errors_ = 0;
};

}  // namespace maslahat::dsl::detail
