// detail::skip_blank: what the grammar skips between tokens (white space, `#` and `//`
// comments to the end of the line), also used to place diagnostics after blanks.
#include "dsl/parse_state.hpp"
#include "support/catch.hpp"

#include <string_view>

using maslahat::dsl::detail::skip_blank;

namespace {

// Offset of the first byte skip_blank stops at in `text`.
std::size_t stop(std::string_view text) {
    return static_cast<std::size_t>(skip_blank(text.data(), text.data() + text.size()) -
                                    text.data());
}

}  // namespace

TEST_CASE("skip_blank skips white space and comments up to the next token", "[dsl]") {
    CHECK(stop("") == 0);
    CHECK(stop("x") == 0);
    CHECK(stop(" \t\r\n\v\fx") == 6);
    CHECK(stop("# comment\nx") == 10);
    CHECK(stop("// comment\n  // again\n\tx") == 23);
    CHECK(stop("  # to the end") == 14);  // a comment without a newline ends the text
    CHECK(stop("/ x") == 0);              // one slash is an operator
    CHECK(stop("  /") == 2);
    CHECK(stop("\xC2\xA0x") == 0);  // no-break space is not ASCII white space
}
