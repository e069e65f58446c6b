#include "maslahat/diagnostics.hpp"

#include "support/catch.hpp"

using namespace maslahat;

// Spec §8: "path:line:column: severity: message ... the column counted in code points of the
// source line as written; then the source line verbatim and a caret line".
TEST_CASE("diagnostics render compiler style with code-point columns", "[diag]") {
    SourceManager sources;
    const std::string text = "rule r\nwhen\n    ?c <- country(name: ?n, mipx < $weak_mipex)\n";
    const FileId file = sources.add("rules/integration.rules", text);
    const auto begin = static_cast<std::uint32_t>(text.find("mipx"));
    DiagnosticSink sink;
    sink.error(DiagCode::E0203, SourceSpan{file, begin, begin + 4},
               "template 'country' has no slot 'mipx' (did you mean 'mipex'?)");
    CHECK(render_text(sink.sorted(), sources) ==
          "rules/integration.rules:3:29: error: template 'country' has no slot 'mipx' (did you "
          "mean 'mipex'?)\n"
          "    ?c <- country(name: ?n, mipx < $weak_mipex)\n"
          "                            ^~~~\n");
}

TEST_CASE("columns after multi-byte characters and tabs", "[diag]") {
    SourceManager sources;
    const std::string text = "\t\"o‘z\" x\r\n";
    const FileId file = sources.add("a.rules", text);
    const auto begin = static_cast<std::uint32_t>(text.find('x'));
    DiagnosticSink sink;
    sink.error(DiagCode::E0103, SourceSpan{file, begin, begin + 1}, "boom");
    CHECK(render_text(sink.sorted(), sources) ==
          "a.rules:1:8: error: boom\n\t\"o‘z\" x\n\t      ^\n");
}

TEST_CASE("diagnostics are sorted and de-duplicated", "[diag]") {
    SourceManager sources;
    const FileId file = sources.add("a.rules", "abc\ndef\n");
    DiagnosticSink sink;
    sink.error(DiagCode::E0103, SourceSpan{file, 5, 6}, "second");
    sink.error(DiagCode::E0103, SourceSpan{file, 1, 2}, "first");
    sink.error(DiagCode::E0103, SourceSpan{file, 1, 2}, "first");
    const auto sorted = sink.sorted();
    REQUIRE(sorted.size() == 2);
    CHECK(sorted[0].message == "first");
    CHECK(sorted[1].message == "second");
    CHECK(code_name(DiagCode::E0203) == "E0203");
}

TEST_CASE("offset() is the inverse of position(), in code points, past a BOM", "[diag]") {
    SourceManager sources;
    const std::string text = "\xEF\xBB\xBFo‘z x\nab\n";
    const FileId file = sources.add("a.toml", text);
    const auto x = static_cast<std::uint32_t>(text.find('x'));
    CHECK(sources.position(file, x).column == 5);
    CHECK(sources.offset(file, LineColumn{1, 5}) == x);
    CHECK(sources.offset(file, LineColumn{2, 2}) == text.find('b'));
    CHECK(sources.offset(file, LineColumn{2, 99}) == text.rfind('\n'));
    CHECK(sources.offset(file, LineColumn{0, 1}) == 0);
}

// line() is position().line whatever the hint: a hint at or before the offset starts the
// search there (facts read in file order), any other hint is ignored.
TEST_CASE("line() agrees with position() for every offset and hint", "[diag]") {
    SourceManager sources;
    std::string text;
    for (int i = 0; i < 300; ++i) {
        text += std::string(static_cast<std::size_t>(i % 7), 'x') + "\n";  // empty lines too
    }
    text += "last line, no end";
    const FileId file = sources.add("many.toml", text);
    const auto size = static_cast<std::uint32_t>(text.size());
    std::uint32_t cursor = 1;
    for (std::uint32_t offset = 0; offset <= size + 5; ++offset) {
        const std::uint32_t expected = sources.position(file, offset).line;
        CHECK(sources.line(file, offset) == expected);
        cursor = sources.line(file, offset, cursor);  // in increasing order, as the cursor is used
        CHECK(cursor == expected);
        for (const std::uint32_t hint : {0U, 2U, 150U, 301U, 302U, 999U}) {
            CHECK(sources.line(file, offset, hint) == expected);
        }
    }
}
