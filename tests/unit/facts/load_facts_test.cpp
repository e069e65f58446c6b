// Fact files that load: spec §6 tables, arrays of tables, [meta], type conversions,
// defaults, optional slots and provenance.
#include "fact_schema.hpp"
#include "support/catch.hpp"

#include <cstdlib>
#include <cstring>

using namespace maslahat;
using namespace maslahat::facts::testing;

namespace {

const Value& slot_of(const FactInput& fact, std::string_view name) {
    static const ir::Program program = fact_schema();
    const auto index = program.templates[fact.template_index].slot_index(name);
    REQUIRE(index);
    return fact.slots[*index];
}

std::optional<Provenance> provenance_of(const FactInput& fact, std::string_view name) {
    static const ir::Program program = fact_schema();
    const auto index = program.templates[fact.template_index].slot_index(name);
    REQUIRE(index);
    return *index < fact.provenance.size() ? fact.provenance[*index] : std::nullopt;
}

}  // namespace

// §6: "A table `[T]` is one fact of template T".
TEST_CASE("a [T] table is one fact of template T", "[facts]") {
    const auto r = load(
        "[country]\n"
        "name = \"Uzbekistan\"\n"
        "role = [\"origin\", \"transit\"]\n"
        "mipex = 40\n"
        "population = 36_800_000\n");
    INFO(r.diagnostics);
    REQUIRE(r.ok);
    CHECK(r.diagnostics.empty());
    REQUIRE(r.facts.size() == 1);
    const FactInput& fact = r.facts[0];
    CHECK(fact.template_index == country);
    CHECK(fact.slots.size() == 8);
    CHECK(fact.provenance.empty());  // no slot carries provenance: nothing stored
    CHECK(slot_of(fact, "name").kind() == ValueKind::String);
    CHECK(slot_of(fact, "name").text() == "Uzbekistan");
    CHECK(slot_of(fact, "iso3").is_nil());
    const Value& role = slot_of(fact, "role");
    REQUIRE(role.kind() == ValueKind::List);
    REQUIRE(role.items().size() == 2);
    CHECK(role.items()[0].kind() == ValueKind::Symbol);
    CHECK(role.items()[1].text() == "transit");
    CHECK(slot_of(fact, "population").kind() == ValueKind::Int);
    CHECK(slot_of(fact, "population").as_int() == 36'800'000);
    REQUIRE(fact.span);
    CHECK(fact.span->begin == 0);
    CHECK(fact.span->end == 9);  // the header `[country]`
}

// §6: "an array of tables `[[T]]` is one fact per element"; facts keep the file order.
TEST_CASE("[[T]] gives one fact per element, in file order", "[facts]") {
    const auto r = load(
        "[[agreement]]\n"
        "country = \"Uzbekistan\"\n"
        "partner = \"Russia\"\n"
        "kind = \"labour\"\n"
        "\n"
        "[country]\n"
        "name = \"Uzbekistan\"\n"
        "population = 1\n"
        "\n"
        "[[agreement]]\n"
        "country = \"Uzbekistan\"\n"
        "partner = \"Korea\"\n"
        "kind = \"visa\"\n"
        "year = 2030\n");
    INFO(r.diagnostics);
    REQUIRE(r.ok);
    REQUIRE(r.facts.size() == 3);
    CHECK(r.facts[0].template_index == agreement);
    CHECK(r.facts[1].template_index == country);
    CHECK(r.facts[2].template_index == agreement);
    CHECK(slot_of(r.facts[0], "partner").text() == "Russia");
    CHECK(slot_of(r.facts[2], "partner").text() == "Korea");
    CHECK(slot_of(r.facts[0], "kind").kind() == ValueKind::Symbol);
    CHECK(slot_of(r.facts[0], "year").is_nil());
    CHECK(slot_of(r.facts[2], "year").as_int() == 2030);
}

// §6: "[meta] # optional, not asserted: title, date, sources".
TEST_CASE("[meta] is not asserted and its keys are kept as text", "[facts]") {
    const auto r = load(
        "[meta]\n"
        "title = \"Uzbekistan migration profile\"\n"
        "subject = \"Uzbekistan\"\n"
        "year = 2020\n"
        "share = 0.5\n"
        "final = true\n"
        "date = 2024-01-15\n"
        "authors = [\"A\", \"B\"]\n"
        "[meta.sources]\n"
        "mipex = \"MIPEX 2020\"\n"
        "\n"
        "[country]\n"
        "name = \"Uzbekistan\"\n"
        "population = 1\n");
    INFO(r.diagnostics);
    REQUIRE(r.ok);
    REQUIRE(r.facts.size() == 1);
    CHECK(r.facts[0].template_index == country);
    CHECK(r.meta == facts::FactFileMeta{{"title", "Uzbekistan migration profile"},
                                        {"subject", "Uzbekistan"},
                                        {"year", "2020"},
                                        {"share", "0.5"},
                                        {"final", "true"},
                                        {"date", "2024-01-15"},
                                        {"authors", "[A, B]"},
                                        {"sources.mipex", "MIPEX 2020"}});
}

TEST_CASE("a file with only [meta] or nothing at all loads no fact", "[facts]") {
    CHECK(load("").ok);
    CHECK(load("# just a comment\n").facts.empty());
    const auto r = load("[meta]\ntitle = \"t\"\n");
    CHECK(r.ok);
    CHECK(r.facts.empty());
    CHECK(r.meta.at("title") == "t");
}

// Choice: a top-level inline table or array of inline tables is the same TOML as [T] / [[T]].
TEST_CASE("inline tables at top level are facts too", "[facts]") {
    const auto r = load(
        "country = { name = \"A\", population = 1 }\n"
        "agreement = [ { country = \"A\", partner = \"B\", kind = \"visa\" },\n"
        "              { country = \"A\", partner = \"C\", kind = \"labour\" } ]\n");
    INFO(r.diagnostics);
    REQUIRE(r.ok);
    REQUIRE(r.facts.size() == 3);
    CHECK(r.facts[0].template_index == country);
    CHECK(slot_of(r.facts[2], "partner").text() == "C");
}

// §3: "A trailing `?` makes the slot optional (value `nil` when absent); `= literal` gives a
// default."
TEST_CASE("absent slots take their default or nil", "[facts]") {
    const auto r = load("[country]\nname = \"A\"\npopulation = 5\n");
    REQUIRE(r.ok);
    const FactInput& fact = r.facts.at(0);
    CHECK(slot_of(fact, "inflow_trend") == Value::symbol("stable"));
    CHECK(slot_of(fact, "inflow_trend").kind() == ValueKind::Symbol);
    CHECK(slot_of(fact, "eu_member").kind() == ValueKind::Bool);
    CHECK_FALSE(slot_of(fact, "eu_member").as_bool());
    CHECK(slot_of(fact, "mipex").is_nil());
    CHECK(slot_of(fact, "role").is_nil());
    CHECK(slot_of(fact, "tags").is_nil());
    for (const auto& p : fact.provenance) {
        CHECK_FALSE(p);
    }
}

// §6: "TOML strings become symbols where the slot is a symbol; TOML integers fit `number`
// slots."
TEST_CASE("TOML values convert to the slot's type", "[facts]") {
    const auto r = load(
        "[country]\n"
        "name = \"A\"\n"
        "population = -42\n"
        "mipex = 100\n"
        "inflow_trend = \"rising\"\n"
        "eu_member = true\n"
        "tags = []\n"
        "[[indicator]]\n"
        "name = \"gdp\"\n"
        "value = 1e30\n"
        "share = [0, 0.25, 1]\n"
        "[[indicator]]\n"
        "name = \"debt\"\n"
        "value = -inf\n");
    INFO(r.diagnostics);
    REQUIRE(r.ok);
    REQUIRE(r.facts.size() == 3);
    const FactInput& c = r.facts[0];
    CHECK(slot_of(c, "population").as_int() == -42);
    CHECK(slot_of(c, "mipex").kind() == ValueKind::Number);
    CHECK(slot_of(c, "mipex").as_number() == 100.0);
    CHECK(slot_of(c, "inflow_trend").kind() == ValueKind::Symbol);
    CHECK(slot_of(c, "inflow_trend").text() == "rising");
    CHECK(slot_of(c, "eu_member").as_bool());
    CHECK(slot_of(c, "tags").kind() == ValueKind::List);
    CHECK(slot_of(c, "tags").items().empty());
    const FactInput& gdp = r.facts[1];
    CHECK(slot_of(gdp, "name").kind() == ValueKind::Symbol);
    CHECK(slot_of(gdp, "value").as_number() == 1e30);
    CHECK(slot_of(gdp, "share").to_string() == "[0, 0.25, 1]");
    CHECK(slot_of(gdp, "share").items()[0].kind() == ValueKind::Number);
    CHECK(slot_of(r.facts[2], "value").as_number() < -1e308);
}

// Floats are read correctly rounded (toml++ reads them with std::from_chars, see the top-level
// CMakeLists.txt): the nearest double to each decimal, as strtod gives it.
TEST_CASE("float values are the nearest double to their decimal text", "[facts]") {
    const std::vector<std::string> texts = {"0.1",
                                            "67.3",
                                            "2.2250738585072014e-308",
                                            "5e-324",
                                            "1.7976931348623157e308",
                                            "6.02214076e23",
                                            "-0.0",
                                            "123456789.123456789",
                                            "9007199254740993.0"};
    std::string file;
    for (const auto& t : texts) {
        file += "[[indicator]]\nname = \"x\"\nvalue = " + t + "\n";
    }
    const auto r = load(file);
    INFO(r.diagnostics);
    REQUIRE(r.ok);
    REQUIRE(r.facts.size() == texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        INFO(texts[i]);
        const double expected = std::strtod(texts[i].c_str(), nullptr);
        const double got = slot_of(r.facts[i], "value").as_number();
        CHECK(std::memcmp(&got, &expected, sizeof got) == 0);  // bit for bit, sign of zero too
    }
}

TEST_CASE("range and enumeration bounds are inclusive", "[facts]") {
    const auto r = load(
        "[[agreement]]\ncountry = \"A\"\npartner = \"B\"\nkind = \"readmission\"\nyear = 1990\n"
        "[[agreement]]\ncountry = \"A\"\npartner = \"B\"\nkind = \"visa\"\nyear = 2030\n"
        "[country]\nname = \"A\"\npopulation = 1\nmipex = 0.0\n");
    INFO(r.diagnostics);
    CHECK(r.ok);
    CHECK(r.facts.size() == 3);
}

// §6: "A value may be an inline table `{ value = ..., year = ..., source = "..." }`; the year
// and source are kept as the slot's provenance".
TEST_CASE("provenance tables keep year and source per slot", "[facts]") {
    const auto r = load(
        "[country]\n"
        "name = { value = \"Uzbekistan\", source = \"UN\" }\n"
        "mipex = { value = 40, year = 2020, source = \"MIPEX 2020\" }\n"
        "population = { value = 36_800_000, year = 2023 }\n"
        "role = { value = [\"origin\"] }\n");
    INFO(r.diagnostics);
    REQUIRE(r.ok);
    const FactInput& fact = r.facts.at(0);
    CHECK(slot_of(fact, "mipex").as_number() == 40.0);
    const auto mipex = provenance_of(fact, "mipex");
    REQUIRE(mipex);
    CHECK(mipex->year == 2020);
    CHECK(mipex->source == "MIPEX 2020");
    const auto name = provenance_of(fact, "name");
    REQUIRE(name);
    CHECK_FALSE(name->year);
    CHECK(name->source == "UN");
    const auto population = provenance_of(fact, "population");
    REQUIRE(population);
    CHECK(population->year == 2023);
    CHECK(population->source.empty());
    CHECK(slot_of(fact, "population").as_int() == 36'800'000);
    CHECK(provenance_of(fact, "role"));
    CHECK(slot_of(fact, "role").to_string() == "[origin]");
    CHECK_FALSE(provenance_of(fact, "iso3"));
    CHECK_FALSE(provenance_of(fact, "inflow_trend"));
}

// §1: strings may hold any Unicode (Uzbek Latin `o‘ g‘`, Cyrillic).
TEST_CASE("UTF-8 strings are preserved", "[facts]") {
    const auto r = load(
        "[country]\n"
        "name = \"O‘zbekiston\"\n"
        "iso3 = 'Ўзб'\n"
        "tags = [\"o‘zbek\", \"g‘alla\", \"Русский\", \"\\u00e9\"]\n"
        "population = 1\n");
    INFO(r.diagnostics);
    REQUIRE(r.ok);
    const FactInput& fact = r.facts.at(0);
    CHECK(slot_of(fact, "name").text() == "O‘zbekiston");
    CHECK(slot_of(fact, "iso3").text() == "Ўзб");
    CHECK(slot_of(fact, "tags").to_string() == "[o‘zbek, g‘alla, Русский, é]");
}

TEST_CASE("CRLF line ends and a byte-order mark are accepted", "[facts]") {
    SECTION("CRLF") {
        const auto r = load("[country]\r\nname = \"A\"\r\npopulation = 7\r\n");
        INFO(r.diagnostics);
        REQUIRE(r.ok);
        CHECK(slot_of(r.facts.at(0), "name").text() == "A");
        CHECK(slot_of(r.facts.at(0), "population").as_int() == 7);
    }
    SECTION("BOM") {
        const auto r = load("\xEF\xBB\xBF[country]\nname = \"A\"\npopulation = 7\n");
        INFO(r.diagnostics);
        REQUIRE(r.ok);
        CHECK(r.facts.size() == 1);
    }
}

// §6: "Loading is all or nothing" — a good file appends to what is already there.
TEST_CASE("a good file appends its facts after existing ones", "[facts]") {
    std::vector<FactInput> existing(1);
    existing[0].template_index = indicator;
    const auto r = load("[country]\nname = \"A\"\npopulation = 1\n", existing);
    REQUIRE(r.ok);
    REQUIRE(r.facts.size() == 2);
    CHECK(r.facts[0].template_index == indicator);
    CHECK(r.facts[1].template_index == country);
}
