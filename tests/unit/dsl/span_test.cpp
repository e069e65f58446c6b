// Every node's Located span is exactly its own text (sema reports errors at these spans,
// e.g. an unknown slot at the slot name): no leading/trailing blanks, comments or `;`.
#include "support/catch.hpp"
#include "unit/dsl/dsl_test_support.hpp"

#include <boost/variant/get.hpp>

using namespace maslahat::dsl;
namespace x3 = boost::spirit::x3;

namespace {

template <typename T, typename V>
const T& as(const V& v) {
    if constexpr (std::is_same_v<V, ast::Expr> && !std::is_same_v<T, ast::NumberLit> &&
                  !std::is_same_v<T, ast::StringLit> && !std::is_same_v<T, ast::BoolLit> &&
                  !std::is_same_v<T, ast::Variable> && !std::is_same_v<T, ast::ParamRef> &&
                  !std::is_same_v<T, ast::SymbolLit>) {
        return boost::get<x3::forward_ast<T>>(v).get();
    } else if constexpr (std::is_same_v<V, ast::Condition> && std::is_same_v<T, ast::GroupCond>) {
        return boost::get<x3::forward_ast<T>>(v).get();
    } else {
        return boost::get<T>(v);
    }
}

}  // namespace

TEST_CASE("declaration and slot spans", "[dsl]") {
    auto p = test::parse(
        "template t {  a: int in 1..5 ? = 3 ;\n  b: [symbol in {x, y}] # c\n} ;\n"
        "recommendation R \"title\"  \"desc\" ;\nparam p = -1.5 \"doc\" # c\n");
    REQUIRE(p.sink.empty());
    const auto& t = as<ast::TemplateDecl>(p.ast->declarations.at(0));
    CHECK(p.text(t) == "template t {  a: int in 1..5 ? = 3 ;\n  b: [symbol in {x, y}] # c\n}");
    CHECK(p.text(t.name) == "t");
    const auto& a = t.slots.at(0);
    CHECK(p.text(a) == "a: int in 1..5 ? = 3");
    CHECK(p.text(a.name) == "a");
    CHECK(p.text(a.type) == "int in 1..5");
    CHECK(p.text(a.type.element) == "int in 1..5");
    CHECK(p.text(*a.type.element.range) == "1..5");
    CHECK(p.text(a.type.element.range->low) == "1");
    CHECK(p.text(a.type.element.range->high) == "5");
    CHECK(p.text(as<ast::NumberLit>(*a.default_value)) == "3");
    const auto& b = t.slots.at(1);
    CHECK(p.text(b) == "b: [symbol in {x, y}]");
    CHECK(p.text(b.type) == "[symbol in {x, y}]");
    CHECK(p.text(b.type.element) == "symbol in {x, y}");
    CHECK(p.text(b.type.element.symbols.at(1)) == "y");

    const auto& r = as<ast::RecommendationDecl>(p.ast->declarations.at(1));
    CHECK(p.text(r) == "recommendation R \"title\"  \"desc\"");
    CHECK(p.text(r.id) == "R");
    CHECK(p.text(r.title) == "\"title\"");
    CHECK(p.text(*r.description) == "\"desc\"");

    const auto& param = as<ast::ParamDecl>(p.ast->declarations.at(2));
    CHECK(p.text(param) == "param p = -1.5 \"doc\"");
    CHECK(p.text(param.name) == "p");
    CHECK(p.text(as<ast::NumberLit>(param.value)) == "-1.5");
    CHECK(p.text(*param.doc) == "\"doc\"");
}

TEST_CASE("rule, condition and constraint spans", "[dsl]") {
    auto p = test::parse(
        "rule r \"d\" salience 5\nwhen\n"
        "  ?c <- country(name: ?n, mipex < $weak + 1, role contains x) ;\n"
        "  not { t(a: ?n) }\n"
        "  exists u()\n"
        "  ?s = sum(?v) over t(a: ?v)\n"
        "  ?k = count t()\n"
        "  test ?n == \"x\" # c\n"
        "then halt ; end  \n");
    REQUIRE(p.sink.empty());
    const auto& rule = as<ast::RuleDecl>(p.ast->declarations.at(0));
    CHECK(p.text(rule).substr(0, 10) == "rule r \"d\"");
    CHECK(p.text(rule).substr(p.text(rule).size() - 15) == "then halt ; end");
    CHECK(p.text(rule.name) == "r");
    CHECK(p.text(*rule.description) == "\"d\"");
    CHECK(p.text(as<ast::NumberLit>(*rule.salience)) == "5");

    const auto& pat = as<ast::Pattern>(rule.conditions.at(0));
    CHECK(p.text(pat) == "?c <- country(name: ?n, mipex < $weak + 1, role contains x)");
    CHECK(p.text(*pat.binding) == "?c");
    CHECK(p.text(pat.template_name) == "country");
    CHECK(p.text(pat.constraints.at(0)) == "name: ?n");
    CHECK(p.text(pat.constraints.at(0).slot) == "name");
    CHECK(p.text(as<ast::Variable>(pat.constraints.at(0).value)) == "?n");
    const auto& mipex = pat.constraints.at(1);
    CHECK(p.text(mipex) == "mipex < $weak + 1");
    CHECK(p.text(mipex.slot) == "mipex");
    const auto& sum = as<ast::BinaryChain>(mipex.value);
    CHECK(p.text(sum) == "$weak + 1");
    CHECK(p.text(as<ast::ParamRef>(sum.first)) == "$weak");
    CHECK(p.text(sum.rest.at(0)) == "+ 1");
    CHECK(p.text(as<ast::SymbolLit>(pat.constraints.at(2).value)) == "x");

    const auto& group = as<ast::GroupCond>(rule.conditions.at(1));
    CHECK(p.text(group) == "not { t(a: ?n) }");
    CHECK(p.text(as<ast::Pattern>(group.conditions.at(0))) == "t(a: ?n)");
    CHECK(p.text(as<ast::GroupCond>(rule.conditions.at(2))) == "exists u()");
    const auto& agg = as<ast::AggregateCond>(rule.conditions.at(3));
    CHECK(p.text(agg) == "?s = sum(?v) over t(a: ?v)");
    CHECK(p.text(agg.result) == "?s");
    CHECK(p.text(as<ast::Variable>(*agg.argument)) == "?v");
    CHECK(p.text(agg.pattern) == "t(a: ?v)");
    CHECK(p.text(as<ast::AggregateCond>(rule.conditions.at(4))) == "?k = count t()");
    const auto& test = as<ast::TestCond>(rule.conditions.at(5));
    CHECK(p.text(test) == "test ?n == \"x\"");
    CHECK(p.text(as<ast::StringLit>(as<ast::BinaryChain>(test.expr).rest.at(0).operand)) ==
          "\"x\"");
}

TEST_CASE("action spans", "[dsl]") {
    auto p = test::parse(
        "rule r when t() then\n"
        "  assert t(a: 1, b: [1, 2]) ;\n"
        "  derive u(b: ?f.a)\n"
        "  retract ?f # c\n"
        "  modify ?f(a: - ?x)\n"
        "  recommend B for ?n confidence 0.5 because \"w\" ;\n"
        "  bind ?w = f(1, true)\n"
        "  print \"p\"\n"
        "  log info \"l\"\n"
        "  halt\nend\n");
    REQUIRE(p.sink.empty());
    const auto& acts = as<ast::RuleDecl>(p.ast->declarations.at(0)).actions;
    REQUIRE(acts.size() == 9);
    const auto& asrt = as<ast::AssertAction>(acts[0]);
    CHECK(p.text(asrt) == "assert t(a: 1, b: [1, 2])");
    CHECK(p.text(asrt.template_name) == "t");
    CHECK(p.text(asrt.slots.at(1)) == "b: [1, 2]");
    CHECK(p.text(asrt.slots.at(1).slot) == "b");
    CHECK(p.text(as<ast::ListExpr>(asrt.slots.at(1).value)) == "[1, 2]");
    const auto& derive = as<ast::AssertAction>(acts[1]);
    CHECK(p.text(derive) == "derive u(b: ?f.a)");
    const auto& field = as<ast::FieldAccess>(derive.slots.at(0).value);
    CHECK(p.text(field) == "?f.a");
    CHECK(p.text(field.fact) == "?f");
    CHECK(p.text(field.slot) == "a");
    CHECK(p.text(as<ast::RetractAction>(acts[2])) == "retract ?f");
    CHECK(p.text(as<ast::RetractAction>(acts[2]).fact) == "?f");
    const auto& modify = as<ast::ModifyAction>(acts[3]);
    CHECK(p.text(modify) == "modify ?f(a: - ?x)");
    CHECK(p.text(as<ast::UnaryExpr>(modify.slots.at(0).value)) == "- ?x");
    const auto& rec = as<ast::RecommendAction>(acts[4]);
    CHECK(p.text(rec) == "recommend B for ?n confidence 0.5 because \"w\"");
    CHECK(p.text(rec.id) == "B");
    CHECK(p.text(*rec.because) == "\"w\"");
    const auto& bind = as<ast::BindAction>(acts[5]);
    CHECK(p.text(bind) == "bind ?w = f(1, true)");
    CHECK(p.text(bind.var) == "?w");
    const auto& call = as<ast::Call>(bind.value);
    CHECK(p.text(call) == "f(1, true)");
    CHECK(p.text(call.function) == "f");
    CHECK(p.text(as<ast::BoolLit>(call.args.at(1))) == "true");
    CHECK(p.text(as<ast::PrintAction>(acts[6])) == "print \"p\"");
    CHECK(p.text(as<ast::LogAction>(acts[7])) == "log info \"l\"");
    CHECK(p.text(as<ast::LogAction>(acts[7]).level) == "info");
    CHECK(p.text(as<ast::HaltAction>(acts[8])) == "halt");
}

TEST_CASE("a chain of one operand collapses to the operand", "[dsl]") {
    auto p = test::parse("param p = (?x)");
    REQUIRE(p.sink.empty());
    const auto& param = as<ast::ParamDecl>(p.ast->declarations.at(0));
    CHECK(p.text(as<ast::Variable>(param.value)) == "?x");
}

TEST_CASE("a chain spans its operands, brackets included; its operands keep their spans", "[dsl]") {
    auto p = test::parse("param p = ( ?a + 1 ) * -?b # comment\n- 2 // more");
    INFO(p.diagnostics());
    REQUIRE(p.sink.empty());
    const auto& param = as<ast::ParamDecl>(p.ast->declarations.at(0));
    const auto& outer = as<ast::BinaryChain>(param.value);  // (... * -?b) - 2
    CHECK(p.text(outer) == "( ?a + 1 ) * -?b # comment\n- 2");
    REQUIRE(outer.rest.size() == 1);
    CHECK(outer.rest[0].op == "-");
    const auto& product = as<ast::BinaryChain>(outer.first);
    CHECK(p.text(product) == "( ?a + 1 ) * -?b");
    REQUIRE(product.rest.size() == 1);
    CHECK(p.text(product.rest[0]) == "* -?b");
    const auto& sum = as<ast::BinaryChain>(product.first);  // the bracket's content
    CHECK(p.text(sum) == "?a + 1");
    CHECK(p.text(as<ast::Variable>(sum.first)) == "?a");
}

TEST_CASE("a chain of one level holds every operator of that level", "[dsl]") {
    auto p = test::parse("param p = 1 + 2 - 3 + 4");
    REQUIRE(p.sink.empty());
    const auto& chain = as<ast::BinaryChain>(as<ast::ParamDecl>(p.ast->declarations.at(0)).value);
    CHECK(p.text(chain) == "1 + 2 - 3 + 4");
    REQUIRE(chain.rest.size() == 3);
    CHECK(chain.rest[1].op == "-");
    CHECK(p.text(chain.rest[2]) == "+ 4");
}
