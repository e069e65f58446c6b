// scan_comments: `#` and `//` comments outside strings and interpolations (spec §1).
#include "format/comments.hpp"

#include "support/catch.hpp"

using maslahat::format::scan_comments;

TEST_CASE("comments outside strings are found with their layout", "[format]") {
    const auto c = scan_comments("# head\n\nx: string  // tail\n\"a # not\" # real\n");
    REQUIRE(c.size() == 3);
    CHECK(c[0].text == "# head");
    CHECK(c[0].own_line);
    CHECK(c[0].blank_after);
    CHECK(c[1].text == "// tail");
    CHECK_FALSE(c[1].own_line);
    CHECK(c[2].text == "# real");
}

TEST_CASE("a '#' inside an interpolated string is not a comment", "[format]") {
    const auto c = scan_comments("print \"{concat(\"#\", ?x)} \\\" # still string\"\n");
    CHECK(c.empty());
}
