// The Spirit X3 grammar of the rule language (spec §1-§4): rule declarations with user-facing
// names (they appear in "expected ..." messages), their definitions, and the rule ID classes
// that attach span annotation and error recovery. Included only by grammar.cpp.
#pragma once

#include "dsl/ast.hpp"
#include "dsl/ast_adapted.hpp"
#include "dsl/error_handler.hpp"
#include "dsl/keywords.hpp"
#include "dsl/parse_state.hpp"

#include <string>
#include <vector>

namespace maslahat::dsl::grammar {

namespace x3 = boost::spirit::x3;
using x3::attr;
using x3::lexeme;
using x3::lit;
using x3::raw;

inline std::vector<std::string> keyword_strings() {
    return {keywords.begin(), keywords.end()};
}
const x3::symbols<> keyword_symbols(keyword_strings(), "keyword");
// Operator tables (longest match: `<=` before `<`); the value is the operator's text.
const x3::symbols<std::string> compare_symbols(
    {{"==", "=="}, {"!=", "!="}, {"<=", "<="}, {">=", ">="}, {"<", "<"}, {">", ">"}},
    "comparison operator");
const x3::symbols<std::string> word_compare_symbols({{"in", "in"}, {"contains", "contains"}},
                                                    "comparison operator");
const x3::symbols<std::string> add_symbols({{"+", "+"}, {"-", "-"}}, "'+' or '-'");
const x3::symbols<std::string> mul_symbols({{"*", "*"}, {"/", "/"}, {"%", "%"}}, "'*', '/' or '%'");
const x3::symbols<std::string> aggregate_symbols(
    {{"count", "count"}, {"sum", "sum"}, {"min", "min"}, {"max", "max"}, {"avg", "avg"}},
    "aggregate function");

// ---- skipper ------------------------------------------------------------------------------
/// White space and comments (`#` or `//` to the end of the line) between tokens, in one loop
/// (detail::skip_blank) instead of an X3 rule tried once per blank or comment.
struct Skipper : x3::parser<Skipper> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Context, typename RContext, typename Attribute>
    bool parse(char const*& first, char const* const& last, Context const& /*context*/,
               RContext& /*rcontext*/, Attribute& /*attr*/) const {
        char const* const start = first;
        first = detail::skip_blank(first, last);
        return first != start;
    }
};
Skipper const skipper{};

// ---- rule declarations --------------------------------------------------------------------
// clang-format off
x3::rule<struct identifier_class, std::string> const identifier = "identifier";
x3::rule<struct keyword_class> const keyword = "keyword";
x3::rule<struct name_class, ast::Name> const name = "name";
x3::rule<struct template_name_class, ast::Name> const template_name = "template name";
x3::rule<struct slot_name_class, ast::Name> const slot_name = "slot name";
x3::rule<struct slot_ref_class, ast::Name> const slot_ref = "slot name";
x3::rule<struct rule_name_class, ast::Name> const rule_name = "rule name";
x3::rule<struct param_name_class, ast::Name> const param_name = "parameter name";
x3::rule<struct recommendation_id_class, ast::Name> const recommendation_id = "recommendation id";
x3::rule<struct function_name_class, ast::Name> const function_name = "function name";
x3::rule<struct log_level_class, ast::Name> const log_level = "log level";

x3::rule<struct variable_class, ast::Variable> const variable = "variable";
x3::rule<struct param_ref_class, ast::ParamRef> const param_ref = "parameter";
x3::rule<struct number_class, ast::NumberLit> const number = "number";
x3::rule<struct digits_class> const digits = "digits";
x3::rule<struct number_end_class> const number_end = "end of the number";
x3::rule<struct string_lit_class, ast::StringLit> const string_lit = "string";
x3::rule<struct string_body_class, std::string> const string_body = "string body";
x3::rule<struct interpolation_class> const interpolation = "interpolation";
x3::rule<struct inner_string_class> const inner_string = "string";
x3::rule<struct string_close_class> const string_close = "'\"' closing the string";
x3::rule<struct interpolation_close_class> const interpolation_close = "'}' closing the interpolation";
x3::rule<struct bool_lit_class, ast::BoolLit> const bool_lit = "boolean";
x3::rule<struct symbol_lit_class, ast::SymbolLit> const symbol_lit = "symbol";

x3::rule<struct expr_class, ast::Expr> const expr = "expression";
x3::rule<struct or_expr_class, ast::Expr> const or_expr = "expression";
x3::rule<struct or_tail_class, ast::BinaryTail> const or_tail = "'or' expression";
x3::rule<struct and_expr_class, ast::Expr> const and_expr = "expression";
x3::rule<struct and_tail_class, ast::BinaryTail> const and_tail = "'and' expression";
x3::rule<struct not_expr_class, ast::Expr> const not_expr = "expression";
x3::rule<struct not_unary_class, ast::UnaryExpr> const not_unary = "'not' expression";
x3::rule<struct cmp_expr_class, ast::Expr> const cmp_expr = "expression";
x3::rule<struct cmp_tail_class, ast::BinaryTail> const cmp_tail = "comparison";
x3::rule<struct cmp_op_class, std::string> const cmp_op = "comparison operator";
x3::rule<struct add_expr_class, ast::Expr> const add_expr = "expression";
x3::rule<struct add_tail_class, ast::BinaryTail> const add_tail = "'+' or '-' expression";
x3::rule<struct mul_expr_class, ast::Expr> const mul_expr = "expression";
x3::rule<struct mul_tail_class, ast::BinaryTail> const mul_tail = "'*', '/' or '%' expression";
x3::rule<struct unary_expr_class, ast::Expr> const unary_expr = "expression";
x3::rule<struct negation_class, ast::UnaryExpr> const negation = "negation";
x3::rule<struct primary_class, ast::Expr> const primary = "expression";
x3::rule<struct paren_expr_class, ast::Expr> const paren_expr = "parenthesised expression";
x3::rule<struct field_access_class, ast::FieldAccess> const field_access = "field access";
x3::rule<struct list_expr_class, ast::ListExpr> const list_expr = "list";
x3::rule<struct call_class, ast::Call> const call = "function call";
x3::rule<struct arguments_class, std::vector<ast::Expr>> const arguments = "arguments";

x3::rule<struct slot_constraint_class, ast::SlotConstraint> const slot_constraint = "slot constraint";
x3::rule<struct constraint_op_class, std::string> const constraint_op = "':' or a comparison operator";
x3::rule<struct constraints_class, std::vector<ast::SlotConstraint>> const constraints = "slot constraints";
x3::rule<struct pattern_class, ast::Pattern> const pattern = "pattern";
x3::rule<struct pattern_start_class> const pattern_start = "pattern";
x3::rule<struct test_cond_class, ast::TestCond> const test_cond = "test condition";
x3::rule<struct aggregate_cond_class, ast::AggregateCond> const aggregate_cond = "aggregate";
x3::rule<struct aggregate_function_class, std::string> const aggregate_function = "'count', 'sum', 'min', 'max' or 'avg'";
x3::rule<struct aggregate_argument_class, ast::Expr> const aggregate_argument = "aggregate argument";
x3::rule<struct group_cond_class, ast::GroupCond> const group_cond = "not/exists condition";
x3::rule<struct group_body_class, std::vector<ast::Condition>> const group_body = "pattern or '{'";
x3::rule<struct condition_class, ast::Condition> const condition = "condition";
x3::rule<struct conditions_class, std::vector<ast::Condition>> const conditions = "condition";

x3::rule<struct slot_assign_class, ast::SlotAssign> const slot_assign = "slot assignment";
x3::rule<struct slot_assigns_class, std::vector<ast::SlotAssign>> const slot_assigns = "slot assignments";
x3::rule<struct assert_action_class, ast::AssertAction> const assert_action = "assert action";
x3::rule<struct retract_action_class, ast::RetractAction> const retract_action = "retract action";
x3::rule<struct modify_action_class, ast::ModifyAction> const modify_action = "modify action";
x3::rule<struct recommend_action_class, ast::RecommendAction> const recommend_action = "recommend action";
x3::rule<struct bind_action_class, ast::BindAction> const bind_action = "bind action";
x3::rule<struct print_action_class, ast::PrintAction> const print_action = "print action";
x3::rule<struct log_action_class, ast::LogAction> const log_action = "log action";
x3::rule<struct halt_action_class, ast::HaltAction> const halt_action = "halt action";
x3::rule<struct action_class, ast::Action> const action = "action";
x3::rule<struct actions_class, std::vector<ast::Action>> const actions = "action";

x3::rule<struct range_spec_class, ast::RangeSpec> const range_spec = "range LO..HI";
x3::rule<struct symbol_set_class, std::vector<ast::Name>> const symbol_set = "'{'";
x3::rule<struct symbol_names_class, std::vector<ast::Name>> const symbol_names = "symbol";
x3::rule<struct base_type_class, ast::BaseType> const base_type = "type";
x3::rule<struct type_name_class, std::string> const type_name = "type";
x3::rule<struct list_type_class, ast::SlotType> const list_type = "list type";
x3::rule<struct plain_type_class, ast::SlotType> const plain_type = "type";
x3::rule<struct slot_type_class, ast::SlotType> const slot_type = "slot type";
x3::rule<struct slot_decl_class, ast::SlotDecl> const slot_decl = "slot declaration";
x3::rule<struct slot_decls_class, std::vector<ast::SlotDecl>> const slot_decls = "slot declarations";
x3::rule<struct template_decl_class, ast::TemplateDecl> const template_decl = "template";
x3::rule<struct recommendation_decl_class, ast::RecommendationDecl> const recommendation_decl = "recommendation";
x3::rule<struct param_decl_class, ast::ParamDecl> const param_decl = "param";
x3::rule<struct rule_decl_class, ast::RuleDecl> const rule_decl = "rule";
x3::rule<struct declaration_class, ast::Declaration> const declaration = "declaration";
x3::rule<struct top_item_class, ast::Declaration> const top_item = "declaration";
x3::rule<struct file_class, std::vector<ast::Declaration>> const file = "file";
x3::rule<struct lone_expression_class, ast::Expr> const lone_expression = "expression";

// Punctuation and keywords that can follow '>' are named rules so messages read well.
x3::rule<struct semi_class> const semi = "';'";
x3::rule<struct open_paren_class> const open_paren = "'('";
x3::rule<struct close_paren_class> const close_paren = "')'";
x3::rule<struct close_bracket_class> const close_bracket = "']'";
x3::rule<struct open_brace_class> const open_brace = "'{'";
x3::rule<struct close_brace_class> const close_brace = "'}'";
x3::rule<struct slot_close_class> const slot_close = "slot declaration or '}'";
x3::rule<struct colon_class> const colon = "':'";
x3::rule<struct equals_class> const equals = "'='";
x3::rule<struct range_dots_class> const range_dots = "'..'";
x3::rule<struct optional_mark_class> const optional_mark = "'?'";
x3::rule<struct kw_when_class> const kw_when = "'when'";
x3::rule<struct kw_then_class> const kw_then = "condition or 'then'";
x3::rule<struct kw_end_class> const kw_end = "action or 'end'";
x3::rule<struct kw_for_class> const kw_for = "'for'";
x3::rule<struct kw_over_class> const kw_over = "'over'";
x3::rule<struct declaration_end_class> const declaration_end = "end of the expression";
// clang-format on

// ---- helpers ------------------------------------------------------------------------------
auto const ident_char = x3::ascii::alnum | lit('_');
/// A keyword as a whole word (no attribute).
inline auto kw(char const* word) {
    return lexeme[lit(word) >> !ident_char];
}
/// A keyword as a whole word whose text is the attribute.
inline auto kw_text(char const* word) {
    return raw[lexeme[lit(word) >> !ident_char]];
}

// Chains (`a or b`, `a + b - c`, ...): the operand alone is the chain's value; only an operator
// wraps it into a BinaryChain. (A rule `operand >> *tail` with a BinaryChain attribute made a
// heap node per precedence level for every operand, each collapsed again after the parse.)
// The chain rule's on_success (chain_span) gives the chain it built its span.
template <typename Operand, typename Tail>
struct ChainParser : x3::parser<ChainParser<Operand, Tail>> {
    using attribute_type = ast::Expr;
    static bool const has_attribute = true;

    constexpr ChainParser(Operand o, Tail t) : operand(o), tail(t) {}

    template <typename Context, typename RContext>
    bool parse(char const*& first, char const* const& last, Context const& context,
               RContext& rcontext, ast::Expr& value) const {
        if (!operand.parse(first, last, context, rcontext, value)) {
            return false;
        }
        ast::BinaryChain* chain = nullptr;
        ast::BinaryTail step;
        while (tail.parse(first, last, context, rcontext, step)) {
            if (chain == nullptr) {
                ast::BinaryChain wrapped;
                wrapped.first = std::move(value);
                value = std::move(wrapped);
                chain = &boost::get<x3::forward_ast<ast::BinaryChain>>(value.get()).get();
            }
            chain->rest.push_back(std::move(step));
            step = ast::BinaryTail{};
        }
        return true;
    }

    template <typename Context, typename RContext>
    bool parse(char const*& first, char const* const& last, Context const& context,
               RContext& rcontext, x3::unused_type) const {
        ast::Expr ignored;
        return parse(first, last, context, rcontext, ignored);
    }

    Operand operand;
    Tail tail;
};
template <typename Operand, typename Tail>
constexpr ChainParser<Operand, Tail> chain(Operand const& operand, Tail const& tail) {
    return {operand, tail};
}

// ---- lexical ------------------------------------------------------------------------------

auto const identifier_def = lexeme[x3::ascii::char_("A-Za-z_") >> *x3::ascii::char_("A-Za-z0-9_")];
auto const keyword_def = lexeme[keyword_symbols >> !ident_char];
auto const name_def = !keyword >> identifier;
auto const template_name_def = name;
// Slot names may be keywords (the built-in `recommended` has a slot `confidence`, and the
// benchmark workloads declare `hit { rule: int }`); sema warns (W0003).
auto const slot_name_def = identifier;
// Slots are referred to (constraints, assignments, `?f.slot`) by any identifier, keywords
// included: the built-in `recommended` has a slot named `confidence`; sema checks the slot.
auto const slot_ref_def = identifier;
auto const rule_name_def = name;
auto const param_name_def = name;
auto const recommendation_id_def = name;
auto const log_level_def = name;
auto const function_name_def =
    (!keyword >> identifier) | raw[lexeme[(lit("min") | lit("max")) >> !ident_char]];

auto const variable_def = lexeme[lit('?') >> identifier];
auto const param_ref_def = lexeme[lit('$') >> identifier];

auto const digits_def =
    lexeme[x3::ascii::digit >> *(x3::ascii::digit | (lit('_') >> &x3::ascii::digit))];
auto const number_def =
    lexeme[raw[-x3::ascii::char_("+-") >> digits >> -(lit('.') >> digits) >>
               -(x3::ascii::char_("eE") >> -x3::ascii::char_("+-") >> digits)] > number_end];
// `1e`, `1_`, `0x10`, `2abc`: a number glued to letters is malformed (E0104), not two tokens.
auto const number_end_def = !(x3::ascii::alnum | lit('_'));

auto const string_close_def = lit('"');
auto const interpolation_close_def = lit('}');
auto const inner_string_def = lexeme[lit('"') >> *((lit('\\') >> ~x3::char_("\r\n")) |
                                                   ~x3::char_("\"\\\r\n")) > string_close];
auto const interpolation_def =
    lexeme[lit('{') >> *((lit('\\') >> ~x3::char_("\r\n")) | inner_string |
                         ~x3::char_("}\"\\\r\n")) > interpolation_close];
auto const string_body_def =
    raw[lexeme[*((lit('\\') >> ~x3::char_("\r\n")) | interpolation | ~x3::char_("\"\\{\r\n"))]];
auto const string_lit_def = lexeme[lit('"') > string_body > string_close];

auto const bool_lit_def = (kw("true") >> attr(true)) | (kw("false") >> attr(false));
auto const symbol_lit_def = !keyword >> identifier;

// ---- expressions (spec §4.2: or < and < not < comparisons < + - < * / % < unary - ) -------
auto const expr_def = or_expr;
auto const or_expr_def = chain(and_expr, or_tail);
auto const or_tail_def = kw_text("or") > and_expr;
auto const and_expr_def = chain(not_expr, and_tail);
auto const and_tail_def = kw_text("and") > not_expr;
auto const not_expr_def = not_unary | cmp_expr;
auto const not_unary_def = kw_text("not") > not_expr;
auto const cmp_expr_def = chain(add_expr, cmp_tail);
auto const cmp_tail_def = cmp_op > add_expr;
auto const cmp_op_def = compare_symbols | lexeme[word_compare_symbols >> !ident_char] |
                        (kw("not") >> kw("in") >> attr(std::string("not in")));
auto const add_expr_def = chain(mul_expr, add_tail);
auto const add_tail_def = add_symbols > mul_expr;
auto const mul_expr_def = chain(unary_expr, mul_tail);
auto const mul_tail_def = mul_symbols > unary_expr;
auto const unary_expr_def = number | negation | primary;
auto const negation_def = x3::string("-") > unary_expr;
auto const primary_def = number | string_lit | bool_lit | field_access | variable | param_ref |
                         list_expr | paren_expr | call | symbol_lit;
auto const paren_expr_def = lit('(') > expr > close_paren;
auto const field_access_def = lexeme[variable >> lit('.') >> slot_ref];
auto const list_expr_def = lit('[') > arguments > close_bracket;
auto const arguments_def = -(expr % ',');
auto const call_def = function_name >> lit('(') > arguments > close_paren;
auto const lone_expression_def = expr > declaration_end;

// ---- conditions ---------------------------------------------------------------------------
auto const constraint_op_def = x3::string(":") | cmp_op;
auto const slot_constraint_def = slot_ref > constraint_op > expr;
auto const constraints_def = -(slot_constraint % ',') >> -lit(',');
auto const pattern_start_def = &(template_name >> lit('('));
auto const pattern_def = -(variable >> lit("<-") > pattern_start) >> template_name >>
                         lit('(') > constraints > close_paren;
auto const test_cond_def = kw("test") > expr;
auto const aggregate_function_def = lexeme[aggregate_symbols >> !ident_char];
auto const aggregate_argument_def = lit('(') > expr > close_paren > kw_over;
auto const aggregate_cond_def = variable >> lit('=') > aggregate_function > -aggregate_argument
                                > pattern;
auto const group_body_def = (lit('{') > conditions > close_brace) | x3::repeat(1)[pattern];
auto const group_cond_def = (kw_text("not") | kw_text("exists")) > group_body;
auto const condition_def = group_cond | test_cond | aggregate_cond | pattern;
auto const conditions_def = +(condition >> -semi);

// ---- actions ------------------------------------------------------------------------------
auto const slot_assign_def = slot_ref > colon > expr;
auto const slot_assigns_def = -(slot_assign % ',') >> -lit(',');
auto const assert_action_def = (kw_text("assert") | kw_text("derive")) > template_name >
                               open_paren > slot_assigns > close_paren;
auto const retract_action_def = kw("retract") > variable;
auto const modify_action_def = kw("modify") > variable > open_paren > slot_assigns > close_paren;
auto const recommend_action_def = kw("recommend") > recommendation_id > kw_for > expr >
                                  -(kw("confidence") > expr) > -(kw("because") > string_lit);
auto const bind_action_def = kw("bind") > variable > equals > expr;
auto const print_action_def = kw("print") > string_lit;
auto const log_action_def = kw("log") > log_level > string_lit;
auto const halt_action_def = kw_text("halt");
auto const action_def = assert_action | retract_action | modify_action | recommend_action |
                        bind_action | print_action | log_action | halt_action;
auto const actions_def = *(action >> -semi);

// ---- declarations -------------------------------------------------------------------------
auto const range_spec_def = number > range_dots > number;
auto const symbol_set_def = lit('{') > symbol_names > close_brace;
auto const symbol_names_def = name % ',';
auto const type_name_def = !keyword >> identifier;
auto const base_type_def = type_name >> -(kw("in") >> symbol_set) >> -(kw("in") > range_spec);
auto const list_type_def = lit('[') >> attr(true) > base_type > close_bracket;
auto const plain_type_def = attr(false) >> base_type;
auto const slot_type_def = list_type | plain_type;
auto const slot_decl_def = slot_name > colon > slot_type > x3::matches[optional_mark] >
                           -(lit('=') > expr);
auto const slot_decls_def = *(slot_decl >> -semi);
auto const template_decl_def =
    kw("template") > template_name > open_brace > slot_decls > slot_close;
auto const recommendation_decl_def =
    kw("recommendation") > recommendation_id > string_lit > -string_lit;
auto const param_decl_def = kw("param") > param_name > equals > expr > -string_lit;
auto const rule_decl_def = kw("rule") > rule_name > -string_lit > -(kw("salience") > expr) > kw_when
                           > conditions > kw_then > actions > kw_end;
auto const declaration_def = template_decl | recommendation_decl | param_decl | rule_decl;
auto const top_item_def = (!x3::eoi) > declaration > -semi;
auto const file_def = *top_item;

// ---- punctuation --------------------------------------------------------------------------
auto const semi_def = lit(';');
auto const open_paren_def = lit('(');
auto const close_paren_def = lit(')');
auto const close_bracket_def = lit(']');
auto const open_brace_def = lit('{');
auto const close_brace_def = lit('}');
auto const slot_close_def = lit('}');
auto const colon_def = lit(':');
auto const equals_def = lit('=');
auto const range_dots_def = lit("..");
auto const optional_mark_def = lit('?');
auto const kw_when_def = kw("when");
auto const kw_then_def = kw("then");
auto const kw_end_def = kw("end");
auto const kw_for_def = kw("for");
auto const kw_over_def = kw("over");
auto const declaration_end_def = x3::eoi;

BOOST_SPIRIT_DEFINE(identifier, keyword, name, template_name, slot_name, slot_ref, rule_name,
                    param_name, recommendation_id, function_name, log_level, variable, param_ref,
                    number, digits, number_end, string_lit, string_body, interpolation,
                    inner_string, string_close, interpolation_close, bool_lit, symbol_lit)
BOOST_SPIRIT_DEFINE(expr, or_expr, or_tail, and_expr, and_tail, not_expr, not_unary, cmp_expr,
                    cmp_tail, cmp_op, add_expr, add_tail, mul_expr, mul_tail, unary_expr, negation,
                    primary, paren_expr, field_access, list_expr, call, arguments, lone_expression)
BOOST_SPIRIT_DEFINE(slot_constraint, constraint_op, constraints, pattern, pattern_start, test_cond,
                    aggregate_cond, aggregate_function, aggregate_argument, group_cond, group_body,
                    condition, conditions)
BOOST_SPIRIT_DEFINE(slot_assign, slot_assigns, assert_action, retract_action, modify_action,
                    recommend_action, bind_action, print_action, log_action, halt_action, action,
                    actions)
BOOST_SPIRIT_DEFINE(range_spec, symbol_set, symbol_names, type_name, base_type, list_type,
                    plain_type, slot_type, slot_decl, slot_decls, template_decl,
                    recommendation_decl, param_decl, rule_decl, declaration, top_item, file)
BOOST_SPIRIT_DEFINE(semi, open_paren, close_paren, close_bracket, open_brace, close_brace,
                    slot_close, colon, equals, range_dots, optional_mark, kw_when, kw_then, kw_end,
                    kw_for, kw_over, declaration_end)

// ---- ID classes: every node rule annotates its span; top_item recovers --------------------
struct name_class : annotate_span {};
struct template_name_class : annotate_span {};
struct slot_name_class : annotate_span {};
struct slot_ref_class : annotate_span {};
struct rule_name_class : annotate_span {};
struct param_name_class : annotate_span {};
struct recommendation_id_class : annotate_span {};
struct function_name_class : annotate_span {};
struct log_level_class : annotate_span {};
struct variable_class : annotate_span {};
struct param_ref_class : annotate_span {};
struct number_class : annotate_span {};
struct string_lit_class : annotate_span {};
struct bool_lit_class : annotate_span {};
struct symbol_lit_class : annotate_span {};
struct or_expr_class : chain_span {};
struct or_tail_class : annotate_span {};
struct and_expr_class : chain_span {};
struct and_tail_class : annotate_span {};
struct not_unary_class : annotate_span {};
struct cmp_expr_class : chain_span {};
struct cmp_tail_class : annotate_span {};
struct add_expr_class : chain_span {};
struct add_tail_class : annotate_span {};
struct mul_expr_class : chain_span {};
struct mul_tail_class : annotate_span {};
struct negation_class : annotate_span {};
struct field_access_class : annotate_span {};
struct list_expr_class : annotate_span {};
struct call_class : annotate_span {};
struct slot_constraint_class : annotate_span {};
struct pattern_class : annotate_span {};
struct test_cond_class : annotate_span {};
struct aggregate_cond_class : annotate_span {};
struct group_cond_class : annotate_span {};
struct slot_assign_class : annotate_span {};
struct assert_action_class : annotate_span {};
struct retract_action_class : annotate_span {};
struct modify_action_class : annotate_span {};
struct recommend_action_class : annotate_span {};
struct bind_action_class : annotate_span {};
struct print_action_class : annotate_span {};
struct log_action_class : annotate_span {};
struct halt_action_class : annotate_span {};
struct range_spec_class : annotate_span {};
struct base_type_class : annotate_span {};
struct list_type_class : annotate_span {};
struct plain_type_class : annotate_span {};
struct slot_decl_class : annotate_span {};
struct template_decl_class : annotate_span {};
struct recommendation_decl_class : annotate_span {};
struct param_decl_class : annotate_span {};
struct rule_decl_class : annotate_span {};
struct top_item_class : recover_at_declaration {};
struct lone_expression_class : report_and_fail {};

}  // namespace maslahat::dsl::grammar
