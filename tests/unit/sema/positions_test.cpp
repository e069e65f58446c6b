// Token positions, table-driven (ir/program.hpp: patterns and aggregates take a position along
// the path; not/exists/aggregate internals continue numbering from the enclosing position; an
// aggregate's inner pattern uses token == result_token).
#include "sema_helpers.hpp"
#include "support/catch.hpp"

using namespace maslahat;
using namespace maslahat::sema::testing;

namespace {

// "P0" pattern at 0, "N[..]" not, "E[..]" exists, "A1(P1)" aggregate, "T" test.
std::string summary(const std::vector<ir::Condition>& conditions) {
    std::string out;
    for (const auto& c : conditions) {
        out += out.empty() ? "" : " ";
        switch (c.kind) {
            case ir::ConditionKind::Pattern:
                out += "P" + std::to_string(c.pattern.token);
                break;
            case ir::ConditionKind::Not:
                out += "N[" + summary(c.group) + "]";
                break;
            case ir::ConditionKind::Exists:
                out += "E[" + summary(c.group) + "]";
                break;
            case ir::ConditionKind::Test:
                out += "T";
                break;
            case ir::ConditionKind::Aggregate:
                out += "A" + std::to_string(c.result_token) + "(P" +
                       std::to_string(c.pattern.token) + ")";
                break;
        }
    }
    return out;
}

// "name:kind@token.slot" for every variable, in binding order.
std::string variables(const ir::Rule& rule) {
    std::string out;
    for (const auto& v : rule.variables) {
        static const char* kinds[] = {"slot", "fact", "agg", "local"};
        out += (out.empty() ? "" : " ") + v.name + ":" + kinds[static_cast<int>(v.kind)] + "@" +
               std::to_string(v.token) + "." + std::to_string(v.slot);
    }
    return out;
}

}  // namespace

TEST_CASE("token positions and variables of condition shapes", "[sema]") {
    const auto [conditions, shape, size, vars] =
        GENERATE(table<std::string, std::string, int, std::string>({
            {"country(name: ?n)", "P0", 1, "n:slot@0.0"},
            {"?c <- country(name: ?n) programme(country: ?n)", "P0 P1", 2, "n:slot@0.0 c:fact@0.0"},
            {"country(name: ?n) not programme(country: ?n)", "P0 N[P1]", 1, "n:slot@0.0"},
            {"country(name: ?n) not { programme(country: ?n) note(text: ?n) } score(value: ?_v)",
             "P0 N[P1 P2] P1", 2, "n:slot@0.0 _v:slot@1.0"},
            {"country(name: ?n) exists { programme(country: ?n, kind: ?_k) not note(text: ?n) }",
             "P0 E[P1 N[P2]]", 1, "n:slot@0.0 _k:slot@1.1"},
            {"?t = count country() country(name: ?n) test ?t > 0", "A0(P0) P1 T", 2,
             "t:agg@0.0 n:slot@1.0"},
            {"country(name: ?n) ?s = sum(?p) over country(population: ?p) test ?s > 0",
             "P0 A1(P1) T", 2, "n:slot@0.0 p:slot@1.5 s:agg@1.0"},
            {"test 1 < 2 country(name: ?n)", "T P0", 1, "n:slot@0.0"},
            {"country(name: ?n) not { ?k = count programme(country: ?n) test ?k > 2 } note()",
             "P0 N[A1(P1) T] P1", 2, "n:slot@0.0 k:agg@1.0"},
        }));
    CAPTURE(conditions);
    auto c = check("rule r when " + conditions + " then print \"{?n}\" end\n");
    INFO(c->rendered());
    REQUIRE(c->program);
    const ir::Rule& rule = c->program->rules.at(0);
    CHECK(summary(rule.conditions) == shape);
    CHECK(rule.token_size == size);
    CHECK(variables(rule) == vars);
}
