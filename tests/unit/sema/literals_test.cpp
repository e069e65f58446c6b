// Decoding of number and string literals (spec §2 lexical elements).
#include "sema/literals.hpp"

#include "support/catch.hpp"

using namespace maslahat;
using maslahat::sema::decode_number;
using maslahat::sema::decode_string;

namespace {
SourceSpan at(std::uint32_t b, std::uint32_t e) {
    return SourceSpan{FileId{0}, b, e};
}
}  // namespace

// Spec §2: number = decimal, optional sign, fraction, exponent, `_` separators.
TEST_CASE("numbers decode to int without fraction or exponent, else number", "[sema]") {
    DiagnosticSink sink;
    const auto [text, kind, value] = GENERATE(table<std::string, ValueKind, double>({
        {"42", ValueKind::Int, 42},
        {"-3.5", ValueKind::Number, -3.5},
        {"1_000_000", ValueKind::Int, 1000000},
        {"2e6", ValueKind::Number, 2e6},
        {"+7", ValueKind::Int, 7},
        {"0.5", ValueKind::Number, 0.5},
        {"-9223372036854775808", ValueKind::Int, -9223372036854775808.0},
        {"1_0.2_5", ValueKind::Number, 10.25},
    }));
    CAPTURE(text);
    const auto v = decode_number(text, at(0, 1), sink);
    REQUIRE(v);
    CHECK(v->kind() == kind);
    CHECK(v->as_number() == value);
    CHECK(sink.empty());
}

TEST_CASE("int overflow and misplaced '_' are E0104", "[sema]") {
    const auto text =
        GENERATE(as<std::string>{}, "9223372036854775808", "1__0", "_1", "1_", "1e999");
    CAPTURE(text);
    DiagnosticSink sink;
    CHECK_FALSE(decode_number(text, at(3, 9), sink));
    REQUIRE(sink.all().size() == 1);
    CHECK(sink.all()[0].code == DiagCode::E0104);
    CHECK(sink.all()[0].span->begin == 3);
}

// Spec §2: string escapes \" \\ \n \t \{ \u{41}.
TEST_CASE("string escapes decode", "[sema]") {
    DiagnosticSink sink;
    const auto parts =
        decode_string(R"(a\"b\\c\nd\te\{f\u{41}\u{1F600}o‘)", FileId{0}, 0, true, sink);
    REQUIRE(parts);
    REQUIRE(parts->size() == 1);
    CHECK(parts->front().text == "a\"b\\c\nd\te{fA\xF0\x9F\x98\x80o‘");
    CHECK(sink.empty());
}

// Not in the spec's list, accepted as the twin of \{ (docs/language.md): "\{x\}" is "{x}".
TEST_CASE("an escaped closing brace is a literal brace", "[sema]") {
    DiagnosticSink sink;
    const auto parts = decode_string(R"(\{x\} and {?y})", FileId{0}, 0, true, sink);
    REQUIRE(parts);
    REQUIRE_FALSE(parts->empty());
    CHECK(parts->front().text == "{x} and ");
    CHECK(sink.empty());
}

TEST_CASE("bad escapes are E0105 at the escape's bytes", "[sema]") {
    const auto [raw, begin, end] = GENERATE(table<std::string, std::uint32_t, std::uint32_t>({
        {R"(ab\q)", 12, 14},
        {R"(\u{D800}x)", 10, 18},
        {R"(\u{}x)", 10, 14},
        {R"(x\u41)", 11, 13},
        {R"(é\é)", 12, 15},
    }));
    CAPTURE(raw);
    DiagnosticSink sink;
    CHECK_FALSE(decode_string(raw, FileId{0}, 10, false, sink));
    REQUIRE(sink.all().size() == 1);
    CHECK(sink.all()[0].code == DiagCode::E0105);
    CHECK(sink.all()[0].span->begin == begin);
    CHECK(sink.all()[0].span->end == end);
}

// Spec §4.3: strings in actions interpolate {EXPR}.
TEST_CASE("interpolation splits literal text and expression ranges", "[sema]") {
    DiagnosticSink sink;
    const std::string raw = R"({?n} has MIPEX {?c.mipex}\{x} {concat("}", 1)}!)";
    const auto parts = decode_string(raw, FileId{0}, 100, true, sink);
    REQUIRE(parts);
    REQUIRE(parts->size() == 6);
    CHECK(parts->at(0).is_expr);
    CHECK(parts->at(0).begin == 101);
    CHECK(parts->at(0).end == 103);
    CHECK(parts->at(1).text == " has MIPEX ");
    CHECK(raw.substr(parts->at(2).begin - 100, parts->at(2).end - parts->at(2).begin) ==
          "?c.mipex");
    CHECK(parts->at(3).text == "{x} ");
    CHECK(raw.substr(parts->at(4).begin - 100, parts->at(4).end - parts->at(4).begin) ==
          R"(concat("}", 1))");
    CHECK(parts->at(5).text == "!");
}

TEST_CASE("declaration strings do not interpolate", "[sema]") {
    DiagnosticSink sink;
    const auto parts = decode_string("a {b} c", FileId{0}, 0, false, sink);
    REQUIRE(parts);
    REQUIRE(parts->size() == 1);
    CHECK(parts->front().text == "a {b} c");
}

TEST_CASE("unterminated and empty interpolation are reported", "[sema]") {
    DiagnosticSink sink;
    CHECK_FALSE(decode_string("a {?x", FileId{0}, 0, true, sink));
    CHECK_FALSE(decode_string("a {} b", FileId{0}, 0, true, sink));
    REQUIRE(sink.all().size() == 2);
    CHECK(sink.all()[0].code == DiagCode::E0106);
    CHECK(sink.all()[1].code == DiagCode::E0105);
}
