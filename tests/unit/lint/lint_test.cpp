// The linter (issue 9) on in-memory programs: each check fires on its trigger and stays
// silent on the near miss; messages end with the check name in brackets.
#include "lint/lint_sources.hpp"
#include "support/catch.hpp"

using namespace maslahat;

namespace {

const char* const schema =
    "template country {\n"
    "    name: string\n"
    "    mipex: number in 0..100 ?\n"
    "    trend: symbol in {falling, stable, rising} = stable\n"
    "    population: int\n"
    "}\n"
    "recommendation B \"Programmes\"\n";

std::vector<std::string> lint_messages(const std::string& rules) {
    SourceManager sources;
    DiagnosticSink sink;
    const FileId id = sources.add("t.rules", schema + rules);
    lint::lint_sources(sources, {id}, std::nullopt, sink);
    std::vector<std::string> out;
    for (const auto& d : sink.sorted()) {
        out.push_back(d.message);
    }
    return out;
}

bool any_contains(const std::vector<std::string>& messages, const std::string& part) {
    for (const auto& m : messages) {
        if (m.find(part) != std::string::npos) {
            return true;
        }
    }
    return false;
}

std::string rule(const std::string& conditions) {
    return "rule r when " + conditions + " then recommend B for ?n end\n";
}

}  // namespace

TEST_CASE("never-fires: contradictory and out-of-domain constant constraints", "[lint]") {
    using Row = std::tuple<std::string, bool>;
    const auto [conditions, fires] = GENERATE(table<std::string, bool>({
        Row{"country(name: ?n, mipex < 30, mipex > 60)", false},
        Row{"country(name: ?n, mipex > 30, mipex < 60)", true},
        Row{"country(name: ?n, mipex > 100)", false},
        Row{"country(name: ?n, mipex >= 100)", true},
        Row{"country(name: ?n, population > 1, population < 2)", false},
        Row{"country(name: ?n, population > 1, population < 3)", true},
        Row{"country(name: ?n, mipex: 50, mipex != 50)", false},
        Row{"country(name: ?n, mipex == nil)", true},
        Row{"country(name: ?n, trend: rising, trend: falling)", false},
        Row{"country(name: ?n, trend in [rising], trend != stable)", true},
        Row{"country(name: ?n, name: \"a\", name: \"b\")", false},
        Row{"country(name: ?n, name != \"a\", name != \"b\")", true},
        Row{"country(name: ?n) test 1 > 2", false},
        Row{"country(name: ?n, mipex: ?m) test ?m > 2", true},
        Row{"country(name: ?n) not country(mipex < 1, mipex > 2)", true},
        Row{"country(name: ?n) exists country(mipex < 1, mipex > 2)", false},
        Row{"country(name: ?n, mipex: ?m) test ?m > 2 and 1 > 2", false},
        Row{"country(name: ?n, mipex: ?m) test ?m > 2 or 1 > 2", true},
        Row{"country(name: ?n, mipex: 150)", false},
        Row{"country(name: ?n, trend: soaring)", false},
        Row{"country(name: ?n) not country(trend: soaring)", true},
    }));
    CAPTURE(conditions);
    const auto messages = lint_messages(rule(conditions));
    CHECK(any_contains(messages, "[never-fires]") == !fires);
    if (!fires) {
        CHECK(any_contains(messages, "rule 'r' can never fire: "));
    }
}

TEST_CASE("checker warnings get their check name, lint runs only on a clean program", "[lint]") {
    const auto unused = lint_messages("param p = 1\n" + rule("country(name: ?n, mipex: ?m)"));
    CHECK(any_contains(unused, "[unused-param]"));
    CHECK(any_contains(unused, "[unused-variable]"));
    const auto broken = lint_messages(rule("country(nam: ?n, mipex < 1, mipex > 2)"));
    CHECK_FALSE(any_contains(broken, "[never-fires]"));
}

TEST_CASE("templates without facts are judged only when fact templates are known", "[lint]") {
    SourceManager sources;
    const FileId id = sources.add("t.rules", std::string(schema) + rule("country(name: ?n)"));
    DiagnosticSink without;
    lint::lint_sources(sources, {id}, std::nullopt, without);
    CHECK(without.warning_count() == 0);
    DiagnosticSink with_facts;
    lint::lint_sources(sources, {id}, std::set<ir::TemplateIndex>{}, with_facts);
    REQUIRE(with_facts.warning_count() >= 1);
    CHECK(with_facts.sorted().back().message.find("no fact file and no rule action asserts a "
                                                  "'country' fact [never-fires]") !=
          std::string::npos);
}
