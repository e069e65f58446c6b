#include "facts/nesting_guard.hpp"

#include <fmt/format.h>

#include <string_view>
#include <vector>

namespace maslahat::facts {
namespace {

// Scans the text outside strings and comments, tracking an upper bound of the table depth:
// the dots of the current table header, the levels opened by `{` / `[` (each adding the dots
// of the key it is the value of, plus one), and the dots of the key being read.
class NestingScanner {
public:
    explicit NestingScanner(std::string_view text) : text_(text) {}

    /// Offset where the limit is exceeded, or npos.
    std::size_t scan() {
        bool line_start = true;
        for (std::size_t i = 0; i < text_.size(); ++i) {
            const char c = text_[i];
            switch (c) {
                case '#':
                    i = skip_to_line_end(i);
                    --i;  // let the newline be seen
                    break;
                case '"':
                case '\'':
                    i = skip_string(i) - 1;
                    line_start = false;
                    break;
                case '\n':
                    if (open_.empty()) {
                        key_dots_ = 0;
                        value_key_dots_ = 0;
                    }
                    in_header_ = false;
                    line_start = true;
                    break;
                case ' ':
                case '\t':
                case '\r':
                    break;
                case '.':
                    ++(in_header_ ? header_dots_ : key_dots_);
                    line_start = false;
                    break;
                case '=':
                    value_key_dots_ = key_dots_;
                    key_dots_ = 0;
                    line_start = false;
                    break;
                case ',':
                    key_dots_ = 0;
                    value_key_dots_ = 0;
                    line_start = false;
                    break;
                case '[':
                    if (line_start && open_.empty()) {
                        in_header_ = true;
                        header_dots_ = 0;
                        key_dots_ = 0;
                        line_start = false;  // a second `[` of `[[` stays in the header
                        break;
                    }
                    if (in_header_) {
                        break;
                    }
                    [[fallthrough]];
                case '{':
                    open_.push_back(value_key_dots_ + 1);
                    opened_ += value_key_dots_ + 1;
                    key_dots_ = 0;
                    value_key_dots_ = 0;
                    line_start = false;
                    break;
                case ']':
                    if (in_header_) {
                        break;
                    }
                    [[fallthrough]];
                case '}':
                    if (!open_.empty()) {
                        opened_ -= open_.back();
                        open_.pop_back();
                    }
                    key_dots_ = 0;
                    value_key_dots_ = 0;
                    line_start = false;
                    break;
                default:
                    line_start = false;
                    break;
            }
            if (header_dots_ + opened_ + key_dots_ > max_toml_nesting) {
                return i;
            }
        }
        return std::string_view::npos;
    }

private:
    std::size_t skip_to_line_end(std::size_t i) const {
        const auto end = text_.find('\n', i);
        return end == std::string_view::npos ? text_.size() : end;
    }

    // From an opening quote; returns the offset just after the closing quote (or the end of
    // the line / text for an unterminated string, which toml++ reports).
    std::size_t skip_string(std::size_t i) const {
        const char quote = text_[i];
        const bool basic = quote == '"';
        const std::string_view triple = basic ? "\"\"\"" : "'''";
        if (text_.substr(i, 3) == triple) {
            std::size_t j = i + 3;
            while (j < text_.size()) {
                if (basic && text_[j] == '\\') {
                    j += 2;
                    continue;
                }
                if (text_.substr(j, 3) == triple) {
                    j += 3;
                    while (j < text_.size() && text_[j] == quote) {
                        ++j;  // up to two quotes may end the body: `""""` and `"""""`
                    }
                    return j;
                }
                ++j;
            }
            return text_.size();
        }
        std::size_t j = i + 1;
        while (j < text_.size() && text_[j] != '\n') {
            if (basic && text_[j] == '\\') {
                j += 2;
                continue;
            }
            if (text_[j] == quote) {
                return j + 1;
            }
            ++j;
        }
        return std::min(j, text_.size());
    }

    std::string_view text_;
    std::vector<std::uint32_t> open_;   // levels added by each open `{` / `[`
    std::uint32_t opened_ = 0;          // sum of open_
    std::uint32_t header_dots_ = 0;     // dots of the current [table] header
    std::uint32_t key_dots_ = 0;        // dots of the key (or value) being read
    std::uint32_t value_key_dots_ = 0;  // dots of the key whose value is being read
    bool in_header_ = false;
};

}  // namespace

bool check_toml_nesting(const SourceManager& sources, FileId file, DiagnosticSink& sink) {
    const std::size_t at = NestingScanner(sources.text(file)).scan();
    if (at == std::string_view::npos) {
        return true;
    }
    const auto offset = static_cast<std::uint32_t>(at);
    sink.error(DiagCode::E0102, SourceSpan{file, offset, offset + 1},
               fmt::format("nesting too deep (more than {} levels of tables, dotted keys and "
                           "arrays)",
                           max_toml_nesting));
    return false;
}

}  // namespace maslahat::facts
