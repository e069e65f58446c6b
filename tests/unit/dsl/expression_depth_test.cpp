// The expression depth limit (dsl/ast_normalize, issue 8 point 3): long operator chains lower
// to deep binary trees that sema and the evaluator walk recursively, so more than
// max_expression_depth nested operations is E0102, not a stack overflow (found with a chain of
// 100,000 additions, which crashed `run` in the evaluator).
#include "dsl/ast_normalize.hpp"
#include "support/catch.hpp"
#include "unit/dsl/dsl_test_support.hpp"

#include <string>

using namespace maslahat::dsl;
using namespace maslahat::dsl::detail;
using maslahat::DiagCode;

namespace {

std::string chain(std::string_view operand, std::string_view op, std::size_t operands) {
    std::string s(operand);
    for (std::size_t i = 1; i < operands; ++i) {
        s += op;
        s += operand;
    }
    return s;
}

std::string test_rule(const std::string& expr) {
    return "template x { a: int }\nrule r when x(a: ?v)\n    test " + expr +
           "\nthen\n    print \"x\"\nend\n";
}

}  // namespace

TEST_CASE("expression_depth counts chained operators, prefixes, calls and lists", "[dsl]") {
    CHECK(expression_depth(*test::parse_expr("1").expr) == 0);
    CHECK(expression_depth(*test::parse_expr("1 + 2 + 3").expr) == 2);
    CHECK(expression_depth(*test::parse_expr("(1 + 2) * 3").expr) == 2);
    CHECK(expression_depth(*test::parse_expr("-abs(1 + 2)").expr) == 3);
    CHECK(expression_depth(*test::parse_expr("[1, [2]]").expr) == 2);
    CHECK(expression_depth(*test::parse_expr("((((1))))").expr) == 0);
}

TEST_CASE("a chain at the depth limit parses; one more operator is E0102", "[dsl]") {
    const auto ok = test::parse(test_rule(chain("?v", " + ", max_expression_depth + 1)));
    CHECK(ok.sink.empty());
    CHECK(ok.ast->declarations.size() == 2);
    const auto deep = test::parse(test_rule(chain("?v", " + ", max_expression_depth + 2)));
    REQUIRE(deep.sink.all().size() == 1);
    CHECK(deep.sink.all()[0].code == DiagCode::E0102);
    CHECK(deep.headers() ==
          "3:10: error: expression too deep (more than 1024 nested operations; every operator "
          "of a chain like a + b + c counts as one)\n");
    CHECK(deep.ast->declarations.size() == 1);  // the rule is dropped, the template kept
}

TEST_CASE("100,000 chained operators anywhere give E0102, not a stack overflow", "[dsl]") {
    const auto src =
        GENERATE(test_rule("?v < " + chain("1", "+", 100'000)),
                 test_rule(chain("?v > 1", " and ", 50'000)), test_rule(chain("?v", " < ", 50'000)),
                 "template x { a: int }\nrule r when x(a: ?v) then assert x(a: " +
                     chain("?v", "*", 100'000) + ") end\n",
                 "param p = " + chain("1", " - ", 100'000) + "\n",
                 "template x { a: int = " + chain("1", " % ", 100'000) + " }\n",
                 "template x { a: int }\nrule r when x(a: " + chain("1", " or ", 100'000) +
                     ") then print \"x\" end\n");
    const auto p = test::parse(src);
    REQUIRE(p.sink.all().size() == 1);
    CHECK(p.sink.all()[0].code == DiagCode::E0102);
}

TEST_CASE("a too-deep interpolation is E0102 from parse_expression", "[dsl]") {
    const auto p = test::parse_expr(chain("1", "+", 2000));
    CHECK_FALSE(p.expr);
    REQUIRE(p.sink.all().size() == 1);
    CHECK(p.sink.all()[0].code == DiagCode::E0102);
}
