#include "format/comments.hpp"

namespace maslahat::format {
namespace {

/// Offset just after the string literal starting at `i` (at its opening quote); strings end
/// at their closing quote or, if unterminated, at the line end.
std::size_t skip_string(std::string_view text, std::size_t i, bool allow_interpolation) {
    std::size_t j = i + 1;
    while (j < text.size()) {
        const char c = text[j];
        if (c == '\\') {
            j += 2;
        } else if (c == '"') {
            return j + 1;
        } else if (c == '\n') {
            return j;
        } else if (c == '{' && allow_interpolation) {
            ++j;
            int depth = 1;
            while (j < text.size() && depth > 0 && text[j] != '\n') {
                if (text[j] == '"') {
                    j = skip_string(text, j, false);
                    continue;
                }
                depth += text[j] == '{' ? 1 : text[j] == '}' ? -1 : 0;
                ++j;
            }
        } else {
            ++j;
        }
    }
    return j;
}

bool blank_from(std::string_view text, std::size_t i) {
    for (; i < text.size() && text[i] != '\n'; ++i) {
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') {
            return false;
        }
    }
    return true;
}

}  // namespace

std::vector<Comment> scan_comments(std::string_view text) {
    std::vector<Comment> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"') {
            i = skip_string(text, i, true);
            continue;
        }
        if (c != '#' && !(c == '/' && i + 1 < text.size() && text[i + 1] == '/')) {
            ++i;
            continue;
        }
        std::size_t end = text.find('\n', i);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        Comment comment;
        comment.begin = static_cast<std::uint32_t>(i);
        comment.end = static_cast<std::uint32_t>(end);
        std::string_view body = text.substr(i, end - i);
        while (!body.empty() &&
               (body.back() == ' ' || body.back() == '\t' || body.back() == '\r')) {
            body.remove_suffix(1);
        }
        comment.text = std::string(body);
        std::size_t line_start = text.rfind('\n', i == 0 ? 0 : i - 1);
        line_start = (line_start == std::string_view::npos || i == 0) ? 0 : line_start + 1;
        comment.own_line = blank_from(text.substr(0, i), line_start);
        comment.blank_after =
            end < text.size() && end + 1 < text.size() && blank_from(text, end + 1);
        out.push_back(std::move(comment));
        i = end;
    }
    return out;
}

}  // namespace maslahat::format
