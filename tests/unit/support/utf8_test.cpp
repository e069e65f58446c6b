#include "support/utf8.hpp"

#include "support/catch.hpp"

using namespace maslahat::support;

TEST_CASE("invalid UTF-8 is found at its first byte", "[support]") {
    CHECK_FALSE(find_invalid_utf8("plain ascii").has_value());
    CHECK_FALSE(find_invalid_utf8("o‘zbek Ўзбек").has_value());
    CHECK(find_invalid_utf8("ab\xff"
                            "cd") == 2U);
    CHECK(find_invalid_utf8("ab\xc3") == 2U);         // truncated sequence
    CHECK(find_invalid_utf8("\xc0\xaf") == 0U);       // overlong
    CHECK(find_invalid_utf8("x\xed\xa0\x80") == 1U);  // surrogate
}

TEST_CASE("code points are counted, not bytes", "[support]") {
    CHECK(count_code_points("abc") == 3);
    CHECK(count_code_points("o‘z") == 3);
    std::string s;
    CHECK(append_utf8(s, 0x41));
    CHECK(append_utf8(s, 0x2018));
    CHECK(s == "A‘");
    CHECK_FALSE(append_utf8(s, 0xD800));
}
