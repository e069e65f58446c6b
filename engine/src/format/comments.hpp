// The comments of a rule file (`#` or `//` to end of line, outside strings and their
// `{EXPR}` interpolations), with what the formatter needs to put them back: whether the
// comment has a line of its own and whether a blank line follows it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace maslahat::format {

struct Comment {
    std::uint32_t begin = 0;   ///< byte offset of `#` or `//`
    std::uint32_t end = 0;     ///< offset of the line end after it
    std::string text;          ///< as written, trailing white space removed
    bool own_line = false;     ///< only white space before it on its line
    bool blank_after = false;  ///< the next line is blank
};

/// Every comment of `text`, in source order.
std::vector<Comment> scan_comments(std::string_view text);

}  // namespace maslahat::format
