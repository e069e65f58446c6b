// Fact files that fail: every rule of spec §6 with its exact diagnostic (spec §8 format),
// all errors of a file reported, nothing loaded from a file with an error.
#include "fact_schema.hpp"
#include "support/catch.hpp"

using namespace maslahat;
using namespace maslahat::facts::testing;

namespace {

// Loads `text`, expecting failure with exactly the rendered diagnostics `expected`.
void fails_with(std::string_view text, std::string_view expected) {
    INFO("fact file:\n" << text);
    const auto r = load(text);
    CHECK_FALSE(r.ok);
    CHECK(r.facts.empty());
    CHECK(r.diagnostics == expected);
}

}  // namespace

// §6: "A key outside any table ... is an error with the file's path, line and column."
TEST_CASE("E0402 a key outside any table", "[facts]") {
    fails_with("title = \"x\"\n[country]\nname = \"A\"\npopulation = 1\n",
               "facts/test.toml:1:1: error: key 'title' is outside any table (facts are written "
               "as [template] tables)\n"
               "title = \"x\"\n"
               "^~~~~\n");
    fails_with("numbers = [1, 2]\n",
               "facts/test.toml:1:1: error: key 'numbers' is outside any table (facts are "
               "written as [template] tables)\n"
               "numbers = [1, 2]\n"
               "^~~~~~~\n");
}

// §6: "an unknown template ... is an error"
TEST_CASE("E0403 an unknown template, reported once per name", "[facts]") {
    fails_with("[contry]\nname = \"A\"\n",
               "facts/test.toml:1:2: error: unknown template 'contry' (did you mean "
               "'country'?)\n"
               "[contry]\n"
               " ^~~~~~\n");
    fails_with("[[treaty]]\nname = \"A\"\n[[treaty]]\nname = \"B\"\n",
               "facts/test.toml:1:3: error: unknown template 'treaty'\n"
               "[[treaty]]\n"
               "  ^~~~~~\n");
    fails_with("[mta]\ntitle = \"t\"\n",
               "facts/test.toml:1:2: error: unknown template 'mta' (did you mean 'meta'?)\n"
               "[mta]\n"
               " ^~~\n");
}

// §3: the built-in `recommended` is "matchable by rules, not assertable by them".
TEST_CASE("E0208 the built-in template cannot be asserted from a fact file", "[facts]") {
    fails_with("[recommended]\nid = \"B\"\nsubject = \"A\"\nconfidence = 1.0\n",
               "facts/test.toml:1:2: error: the built-in template 'recommended' cannot be "
               "asserted from a fact file\n"
               "[recommended]\n"
               " ^~~~~~~~~~~\n");
}

TEST_CASE("E0406 [meta] must be one table", "[facts]") {
    fails_with("[[meta]]\ntitle = \"a\"\n",
               "facts/test.toml:1:3: error: 'meta' must be a single table [meta], found array\n"
               "[[meta]]\n"
               "  ^~~~\n");
    fails_with("meta = \"x\"\n",
               "facts/test.toml:1:1: error: 'meta' must be a single table [meta], found string\n"
               "meta = \"x\"\n"
               "^~~~\n");
}

// §6: "an unknown slot ... is an error"
TEST_CASE("E0404 an unknown slot", "[facts]") {
    fails_with("[country]\nname = \"A\"\npopulation = 1\nmipx = 40\n",
               "facts/test.toml:4:1: error: template 'country' has no slot 'mipx' (did you mean "
               "'mipex'?)\n"
               "mipx = 40\n"
               "^~~~\n");
    fails_with("[country]\nname = \"A\"\npopulation = 1\n  capital = \"Tashkent\"\n",
               "facts/test.toml:4:3: error: template 'country' has no slot 'capital'\n"
               "  capital = \"Tashkent\"\n"
               "  ^~~~~~~\n");
}

// §6: "a missing required slot ... is an error" (pointing at the table's header)
TEST_CASE("E0405 a missing required slot", "[facts]") {
    fails_with("[country]\nname = \"A\"\n",
               "facts/test.toml:1:1: error: missing required slot 'population' of template "
               "'country'\n"
               "[country]\n"
               "^~~~~~~~~\n");
    fails_with(
        "[[agreement]]\ncountry = \"A\"\npartner = \"B\"\nkind = \"visa\"\n"
        "[[agreement]]\ncountry = \"A\"\npartner = \"B\"\n",
        "facts/test.toml:5:1: error: missing required slot 'kind' of template "
        "'agreement'\n"
        "[[agreement]]\n"
        "^~~~~~~~~~~~~\n");
    fails_with("country = { name = \"A\" }\n",
               "facts/test.toml:1:11: error: missing required slot 'population' of template "
               "'country'\n"
               "country = { name = \"A\" }\n"
               "          ^~~~~~~~~~~~~~\n");
}

// §6: "a wrong type ... is an error"
TEST_CASE("E0406 a wrong type", "[facts]") {
    auto [line, message, caret] = GENERATE(table<std::string, std::string, std::string>({
        {"population = 3.5", "slot 'population' of template 'country' expects int, found float",
         "             ^~~"},
        {"population = 3.0", "slot 'population' of template 'country' expects int, found float",
         "             ^~~"},
        {"population = \"many\"",
         "slot 'population' of template 'country' expects int, found string",
         "             ^~~~~~"},
        {"population = inf", "slot 'population' of template 'country' expects int, found float",
         "             ^~~"},
        {"population = nan", "slot 'population' of template 'country' expects int, found float",
         "             ^~~"},
        {"mipex = nan", "slot 'mipex' of template 'country' expects number, found nan",
         "        ^~~"},
        {"mipex = \"40\"", "slot 'mipex' of template 'country' expects number, found string",
         "        ^~~~"},
        {"mipex = [40]", "slot 'mipex' of template 'country' expects number, found array",
         "        ^~~~"},
        {"iso3 = 5", "slot 'iso3' of template 'country' expects string, found integer", "       ^"},
        {"iso3 = 1979-05-27", "slot 'iso3' of template 'country' expects string, found date",
         "       ^~~~~~~~~~"},
        {"eu_member = \"yes\"", "slot 'eu_member' of template 'country' expects bool, found string",
         "            ^~~~~"},
        {"inflow_trend = 1",
         "slot 'inflow_trend' of template 'country' expects symbol, found "
         "integer",
         "               ^"},
        {"role = \"origin\"", "slot 'role' of template 'country' expects [symbol], found string",
         "       ^~~~~~~~"},
        {"role = [\"origin\", 3]",
         "element 2 of slot 'role' of template 'country' expects symbol, found integer",
         "                  ^"},
        {"tags = [[\"a\"]]",
         "element 1 of slot 'tags' of template 'country' expects string, found array",
         "        ^~~~~"},
        {"iso3 = { source = \"x\", value = { value = \"UZB\" } }",
         "slot 'iso3' of template 'country' expects string, found table",
         "                               ^~~~~~~~~~~~~~~~~"},
    }));
    const bool sets_population = line.rfind("population", 0) == 0;
    fails_with(
        "[country]\nname = \"A\"\n" + line + "\n" + (sets_population ? "" : "population = 1\n"),
        "facts/test.toml:3:" + std::to_string(caret.find('^') + 1) + ": error: " + message + "\n" +
            line + "\n" + caret + "\n");
}

TEST_CASE("E0406 a wrong type of a required slot does not also report it missing", "[facts]") {
    fails_with("[country]\nname = \"A\"\npopulation = 1.5\n",
               "facts/test.toml:3:14: error: slot 'population' of template 'country' expects "
               "int, found float\n"
               "population = 1.5\n"
               "             ^~~\n");
}

// §6: "a value outside an enumeration or range ... is an error"
TEST_CASE("E0407 a value outside an enumeration or range", "[facts]") {
    auto [line, message, caret] = GENERATE(table<std::string, std::string, std::string>({
        {"inflow_trend = \"risng\"",
         "slot 'inflow_trend' of template 'country': 'risng' is not one of {falling, stable, "
         "rising} (did you mean 'rising'?)",
         "               ^~~~~~~"},
        {"inflow_trend = \"up\"",
         "slot 'inflow_trend' of template 'country': 'up' is not one of {falling, stable, "
         "rising}",
         "               ^~~~"},
        {"mipex = 120", "slot 'mipex' of template 'country': 120 is outside the range 0..100",
         "        ^~~"},
        {"mipex = -0.5", "slot 'mipex' of template 'country': -0.5 is outside the range 0..100",
         "        ^~~~"},
        {"mipex = inf", "slot 'mipex' of template 'country': inf is outside the range 0..100",
         "        ^~~"},
        {"role = [\"origin\", \"nowhere\"]",
         "element 2 of slot 'role' of template 'country': 'nowhere' is not one of {origin, "
         "transit, destination}",
         "                  ^~~~~~~~~"},
        {"mipex = { value = 400, year = 2020 }",
         "slot 'mipex' of template 'country': 400 is outside the range 0..100",
         "                  ^~~"},
    }));
    fails_with("[country]\nname = \"A\"\npopulation = 1\n" + line + "\n",
               "facts/test.toml:4:" + std::to_string(caret.find('^') + 1) + ": error: " + message +
                   "\n" + line + "\n" + caret + "\n");
}

TEST_CASE("E0407 an int range and a list of numbers in a range", "[facts]") {
    fails_with("[agreement]\ncountry = \"A\"\npartner = \"B\"\nkind = \"visa\"\nyear = 1980\n",
               "facts/test.toml:5:8: error: slot 'year' of template 'agreement': 1980 is "
               "outside the range 1990..2030\n"
               "year = 1980\n"
               "       ^~~~\n");
    fails_with("[indicator]\nname = \"x\"\nvalue = 1\nshare = [0.5, 1.5, -1]\n",
               "facts/test.toml:4:15: error: element 2 of slot 'share' of template 'indicator': "
               "1.5 is outside the range 0..1\n"
               "share = [0.5, 1.5, -1]\n"
               "              ^~~\n"
               "facts/test.toml:4:20: error: element 3 of slot 'share' of template 'indicator': "
               "-1 is outside the range 0..1\n"
               "share = [0.5, 1.5, -1]\n"
               "                   ^~\n");
}

// §6 provenance: `{ value = ..., year = ..., source = "..." }`.
TEST_CASE("E0408 a malformed provenance table", "[facts]") {
    auto [line, message, caret] = GENERATE(table<std::string, std::string, std::string>({
        {"mipex = { year = 2020 }", "the provenance of slot 'mipex' has no 'value'",
         "        ^~~~~~~~~~~~~~~"},
        {"mipex = { value = 40, year = \"2020\" }",
         "'year' in the provenance of slot 'mipex' must be an integer, found string",
         "                             ^~~~~~"},
        {"mipex = { value = 40, year = 2020.5 }",
         "'year' in the provenance of slot 'mipex' must be an integer, found float",
         "                             ^~~~~~"},
        {"mipex = { value = 40, source = 2020 }",
         "'source' in the provenance of slot 'mipex' must be a string, found integer",
         "                               ^~~~"},
        {"mipex = { value = 40, sorce = \"MIPEX\" }",
         "unknown key 'sorce' in the provenance of slot 'mipex' (did you mean 'source'?)",
         "                      ^~~~~"},
        {"mipex = { value = 40, url = \"https://mipex.eu\" }",
         "unknown key 'url' in the provenance of slot 'mipex' (expected value, year or source)",
         "                      ^~~"},
    }));
    fails_with("[country]\nname = \"A\"\npopulation = 1\n" + line + "\n",
               "facts/test.toml:4:" + std::to_string(caret.find('^') + 1) + ": error: " + message +
                   "\n" + line + "\n" + caret + "\n");
}

// §8: "Nothing a user can write ... may crash the engine ... or make it print a C++ exception
// name instead of a diagnostic."
TEST_CASE("E0401 TOML syntax errors", "[facts]") {
    SECTION("truncated string") {
        fails_with("[country]\nname = \"Uzb",
                   "facts/test.toml:2:12: error: TOML syntax error in string: encountered "
                   "end-of-file\n"
                   "name = \"Uzb\n"
                   "           ^\n");
    }
    SECTION("truncated header") {
        fails_with("[country",
                   "facts/test.toml:1:9: error: TOML syntax error in table header: encountered "
                   "end-of-file\n"
                   "[country\n"
                   "        ^\n");
    }
    SECTION("duplicate key") {
        fails_with("[country]\nname = \"A\"\nname = \"B\"\n",
                   "facts/test.toml:3:8: error: TOML syntax error in key-value pair: cannot "
                   "redefine existing string 'name'\n"
                   "name = \"B\"\n"
                   "       ^\n");
    }
    SECTION("table defined twice") {
        fails_with("[country]\nname = \"A\"\n[country]\nname = \"B\"\n",
                   "facts/test.toml:3:1: error: TOML syntax error in table header: cannot "
                   "redefine existing table 'country'\n"
                   "[country]\n"
                   "^\n");
    }
    SECTION("integer overflowing 64 bits") {
        fails_with("[country]\nname = \"A\"\npopulation = 99999999999999999999\n",
                   "facts/test.toml:3:34: error: TOML syntax error in decimal integer: "
                   "'99999999999999999999' is not representable in 64 bits\n"
                   "population = 99999999999999999999\n"
                   "                                 ^\n");
    }
    SECTION("deep nesting is stopped before toml++ (E0102)") {
        const std::string deep =
            "[country]\nname = " + std::string(1000, '[') + std::string(1000, ']') + "\n";
        const auto r = load(deep);
        CHECK_FALSE(r.ok);
        CHECK(r.errors == 1);
        CHECK(r.diagnostics.rfind("facts/test.toml:2:264: error: nesting too deep (more than 256 "
                                  "levels of tables, dotted keys and arrays)\n",
                                  0) == 0);
    }
}

TEST_CASE("E0101 invalid UTF-8 and E0108 NUL bytes point at the byte", "[facts]") {
    fails_with("[country]\nname = \"O\xC3(\"\n",
               "facts/test.toml:2:10: error: invalid UTF-8 (byte 0xC3)\n"
               "name = \"O\xEF\xBF\xBD(\"\n"  // the bad byte is shown as U+FFFD
               "         ^\n");
    const std::string nul = std::string("[country]\nna") + '\0' + "me = 1\n";
    fails_with(nul,  // the NUL byte is shown as U+FFFD
               "facts/test.toml:2:3: error: NUL byte in a fact file (binary content?)\n"
               "na\xEF\xBF\xBDme = 1\n  ^\n");
}

// §6: "each is an error with the file's path, line and column"; §8: "all of them are
// reported, not only the first".
TEST_CASE("every error of a file is reported", "[facts]") {
    const auto r = load(
        "version = 2\n"
        "[contry]\n"
        "name = \"A\"\n"
        "[country]\n"
        "name = \"B\"\n"
        "mipex = 140\n"
        "[[agreement]]\n"
        "country = \"A\"\n"
        "partner = 5\n"
        "kynd = \"visa\"\n");
    CHECK_FALSE(r.ok);
    CHECK(r.errors == 7);
    CHECK(r.diagnostics ==
          "facts/test.toml:1:1: error: key 'version' is outside any table (facts are written as "
          "[template] tables)\n"
          "version = 2\n"
          "^~~~~~~\n"
          "facts/test.toml:2:2: error: unknown template 'contry' (did you mean 'country'?)\n"
          "[contry]\n"
          " ^~~~~~\n"
          "facts/test.toml:4:1: error: missing required slot 'population' of template "
          "'country'\n"
          "[country]\n"
          "^~~~~~~~~\n"
          "facts/test.toml:6:9: error: slot 'mipex' of template 'country': 140 is outside the "
          "range 0..100\n"
          "mipex = 140\n"
          "        ^~~\n"
          "facts/test.toml:7:1: error: missing required slot 'kind' of template 'agreement'\n"
          "[[agreement]]\n"
          "^~~~~~~~~~~~~\n"
          "facts/test.toml:9:11: error: slot 'partner' of template 'agreement' expects string, "
          "found integer\n"
          "partner = 5\n"
          "          ^\n"
          "facts/test.toml:10:1: error: template 'agreement' has no slot 'kynd' (did you mean "
          "'kind'?)\n"
          "kynd = \"visa\"\n"
          "^~~~\n");
}

// §6: "Loading is all or nothing: a file with any error asserts no fact."
TEST_CASE("a file with one error loads no fact at all", "[facts]") {
    std::vector<FactInput> existing(1);
    existing[0].template_index = indicator;
    const auto r = load(
        "[[agreement]]\ncountry = \"A\"\npartner = \"B\"\nkind = \"visa\"\n"
        "[[agreement]]\ncountry = \"A\"\npartner = \"C\"\nkind = \"labour\"\n"
        "[country]\nname = \"A\"\npopulation = \"x\"\n",
        existing);
    CHECK_FALSE(r.ok);
    CHECK(r.errors == 1);
    REQUIRE(r.facts.size() == 1);
    CHECK(r.facts[0].template_index == indicator);
    CHECK(r.meta.empty());
}

TEST_CASE("columns count code points after UTF-8 text", "[facts]") {
    fails_with("[country]\nname = \"A\"\npopulation = 1\ntags = [\"o‘zbek\", \"Ўзб\", 5]\n",
               "facts/test.toml:4:26: error: element 3 of slot 'tags' of template 'country' "
               "expects string, found integer\n"
               "tags = [\"o‘zbek\", \"Ўзб\", 5]\n"
               "                         ^\n");
    fails_with("[country]\nname = \"O‘zbekiston\" # g‘alla\npopulation = 1\n\"мипекс\" = 1\n",
               "facts/test.toml:4:1: error: template 'country' has no slot 'мипекс'\n"
               "\"мипекс\" = 1\n"
               "^~~~~~~~\n");
}

TEST_CASE("errors in CRLF files show the line without its CR", "[facts]") {
    fails_with("[country]\r\nname = \"A\"\r\npopulation = 1.5\r\n",
               "facts/test.toml:3:14: error: slot 'population' of template 'country' expects "
               "int, found float\n"
               "population = 1.5\n"
               "             ^~~\n");
}

// §8 "Nothing a user can write ... may crash the engine": toml++ overflows its stack on
// dotted keys with tens of thousands of segments, so nesting is bounded before it runs.
TEST_CASE("E0102 nesting too deep in headers, dotted keys and inline tables", "[facts]") {
    std::string dots;
    for (int i = 0; i < 100'000; ++i) {
        dots += "a.";
    }
    const auto header = load("[meta." + dots + "a]\nx = 1\n");
    CHECK_FALSE(header.ok);
    CHECK(header.diagnostics.rfind("facts/test.toml:1:518: error: nesting too deep (more than "
                                   "256 levels of tables, dotted keys and arrays)\n",
                                   0) == 0);
    const auto key = load("[country]\n" + dots + "b = 1\n");
    CHECK_FALSE(key.ok);
    CHECK(key.diagnostics.rfind("facts/test.toml:2:514: error: nesting too deep", 0) == 0);
    std::string inline_tables = "[country]\nx = ";
    for (int i = 0; i < 200; ++i) {
        inline_tables += "{ a.b = ";
    }
    const auto nested = load(inline_tables + "1\n");
    CHECK_FALSE(nested.ok);
    CHECK(nested.errors == 1);
    CHECK(nested.diagnostics.find("error: nesting too deep") != std::string::npos);
}

TEST_CASE("the nesting bound ignores dots in numbers, strings and comments", "[facts]") {
    std::string shares = "share = [";
    std::string dotted = "name = \"";
    for (int i = 0; i < 1000; ++i) {
        shares += i == 0 ? "0.5" : ", 0.5";
        dotted += "a.";
    }
    const auto r = load("[indicator]\n" + dotted + "\"  # " + dotted + "\n" + shares +
                        "]\nvalue = 1.5\nnote.x = \"\"\"\n" + dotted + "\"\"\"\n");
    // `note` is not a slot: the loader got past the guard and toml++.
    CHECK(r.diagnostics ==
          "facts/test.toml:5:1: error: template 'indicator' has no slot 'note'\n"
          "note.x = \"\"\"\n"
          "^~~~\n");
    const auto deep_but_fine =
        load("[meta." + std::string(200, 'a') + "]\n[meta.a.b.c.d]\n" + "x.y.z = [[[[1.5]]]]\n");
    INFO(deep_but_fine.diagnostics);
    CHECK(deep_but_fine.ok);
}
