// Expressions (spec §4.2): precedence low to high `or`, `and`, `not`, comparisons
// (`== != < <= > >= in contains`), `+ -`, `* / %`, unary `-`, primaries; and
// parse_expression, which sema uses for `{EXPR}` inside strings.
#include "support/catch.hpp"
#include "unit/dsl/dsl_test_support.hpp"

using namespace maslahat::dsl;

TEST_CASE("operator precedence and associativity", "[dsl]") {
    using Row = std::pair<std::string_view, std::string_view>;
    const auto [src, expected] = GENERATE(table<std::string_view, std::string_view>({
        Row{"1 + 2 * 3", "(+ 1 (* 2 3))"},
        Row{"1 * 2 + 3", "(+ (* 1 2) 3)"},
        Row{"1 - 2 - 3", "(- (- 1 2) 3)"},
        Row{"10 % 3 / 2 * 4", "(* (/ (% 10 3) 2) 4)"},
        Row{"(1 + 2) * 3", "(* (+ 1 2) 3)"},
        Row{"a or b and c", "(or 'a (and 'b 'c))"},
        Row{"a and b or c", "(or (and 'a 'b) 'c)"},
        Row{"a or b or c", "(or (or 'a 'b) 'c)"},
        Row{"not a == b", "(not (== 'a 'b))"},
        Row{"not a and b", "(and (not 'a) 'b)"},
        Row{"not not a", "(not (not 'a))"},
        Row{"a >= 1 or b <= 2 and c != 3", "(or (>= 'a 1) (and (<= 'b 2) (!= 'c 3)))"},
        Row{"?x + 1 > ?y * 2", "(> (+ ?x 1) (* ?y 2))"},
        Row{"a < b == c", "(== (< 'a 'b) 'c)"},
        Row{"?x in [1, 2] and ?y contains \"z\"", "(and (in ?x (list 1 2)) (contains ?y \"z\"))"},
        Row{"?x not in $list", "(not in ?x $list)"},
        Row{"- ?x * 2", "(* (- ?x) 2)"},
        Row{"-3 * 2", "(* -3 2)"},
        Row{"- 3", "(- 3)"},
        Row{"- - 1", "(- (- 1))"},
        Row{"-(1 + 2)", "(- (+ 1 2))"},
        Row{"?a - 3", "(- ?a 3)"},
        Row{"?a -3", "(- ?a 3)"},
        Row{"?a-3", "(- ?a 3)"},
        Row{"2 * -3", "(* 2 -3)"},
        Row{"?f.slot + $p", "(+ (. ?f slot) $p)"},
        Row{"?r.confidence", "(. ?r confidence)"},
        Row{"f(1, g(2), [])", "(call f 1 (call g 2) (list))"},
        Row{"min(1, 2) + max(3) + len([1, [2]])",
            "(+ (+ (call min 1 2) (call max 3)) "
            "(call len (list 1 (list 2))))"},
        Row{"true and false or nil", "(or (and true false) 'nil)"},
        Row{"\"a\" + \"{?b}\"", "(+ \"a\" \"{?b}\")"},
        Row{"1_000 + 2.5e-3", "(+ 1_000 2.5e-3)"},
        Row{"  ?x  ", "?x"},
    }));
    auto p = test::parse_expr(src);
    INFO(src);
    INFO(p.diagnostics());
    CHECK(p.dump() == expected);
}

TEST_CASE("parse_expression reports errors at file offsets", "[dsl]") {
    using Row = std::pair<std::string_view, std::string_view>;
    const auto [src, expected] = GENERATE(table<std::string_view, std::string_view>({
        Row{"?a +", "1:5: error: expected expression\n"},
        Row{"?a ?b", "1:4: error: expected end of the expression\n"},
        Row{"", "1:1: error: expected expression\n"},
        Row{")", "1:1: error: expected expression\n"},
        Row{"f(1", "1:4: error: expected ')'\n"},
    }));
    auto p = test::parse_expr(src);
    INFO(src);
    CHECK_FALSE(p.expr);
    CHECK(p.diagnostics().substr(0, p.diagnostics().find('\n') + 1) ==
          "expr.rules:" + std::string(expected));
}

TEST_CASE("parse_expression of an interpolation inside a string", "[dsl]") {
    // spec §4.3: strings in actions interpolate `{EXPR}`; sema parses the braces' content
    maslahat::SourceManager sources;
    maslahat::DiagnosticSink sink;
    const std::string text = "print \"MIPEX {?c.mipex + 1} of {?n}\"";
    const auto file = sources.add("x.rules", text);
    const auto begin = static_cast<std::uint32_t>(text.find('{') + 1);
    const auto end = static_cast<std::uint32_t>(text.find('}'));
    const auto expr = parse_expression(sources, file, begin, end, sink);
    REQUIRE(expr);
    CHECK(sink.empty());
    CHECK(dump_sexpr(*expr) == "(+ (. ?c mipex) 1)");
    const auto& chain = boost::get<boost::spirit::x3::forward_ast<ast::BinaryChain>>(*expr).get();
    CHECK(chain.begin == begin);
    CHECK(chain.end == end);
    const auto& field =
        boost::get<boost::spirit::x3::forward_ast<ast::FieldAccess>>(chain.first).get();
    CHECK(text.substr(field.begin, field.end - field.begin) == "?c.mipex");

    // "of {" : a symbol, then something that cannot continue an expression
    const auto bad_begin = static_cast<std::uint32_t>(text.find(" of") + 1);
    const auto bad_end = static_cast<std::uint32_t>(text.rfind('{') + 1);
    CHECK_FALSE(parse_expression(sources, file, bad_begin, bad_end, sink));
    CHECK(render_text(sink.sorted(), sources) ==
          "x.rules:1:32: error: expected end of the expression\n" + text + "\n" +
              std::string(31, ' ') + "^\n");
}
