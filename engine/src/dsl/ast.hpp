// The parse tree of a .rules file (spec §2-§4) as plain structs, X3-compatible
// (boost::optional, x3::variant, x3::forward_ast). Every node records its byte span in its
// Located base; the file is known from context. Only dsl/ and sema/ include this header.
#pragma once

#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace maslahat::dsl::ast {

namespace x3 = boost::spirit::x3;

/// Byte offsets [begin, end) in the source buffer, filled by the grammar's on_success.
struct Located {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

// ---- leaves -------------------------------------------------------------------------------
struct Name : Located {  ///< identifier: template, slot, rule, function, recommendation names
    std::string text;
};
struct Variable : Located {  ///< `?name`; `name` excludes the '?'
    std::string name;
};
struct ParamRef : Located {  ///< `$name`; `name` excludes the '$'
    std::string name;
};
struct NumberLit : Located {  ///< as written (sign, '_', fraction, exponent kept); sema converts
    std::string text;
};
struct StringLit : Located {  ///< body between the quotes, escapes and {EXPR} undecoded
    std::string raw;
};
struct BoolLit : Located {
    bool value = false;
};
struct SymbolLit : Located {  ///< bare identifier in value position (`rising`, also `nil`)
    std::string name;
};

// ---- expressions (spec §4.2) --------------------------------------------------------------
struct FieldAccess;
struct Call;
struct ListExpr;
struct UnaryExpr;
struct BinaryChain;

struct Expr
    : x3::variant<NumberLit, StringLit, BoolLit, Variable, ParamRef, SymbolLit,
                  x3::forward_ast<FieldAccess>, x3::forward_ast<Call>, x3::forward_ast<ListExpr>,
                  x3::forward_ast<UnaryExpr>, x3::forward_ast<BinaryChain>> {
    using base_type::base_type;
    using base_type::operator=;
};

struct FieldAccess : Located {  ///< `?f.slot`
    Variable fact;
    Name slot;
};
struct Call : Located {  ///< `name(args...)` for built-in functions
    Name function;
    std::vector<Expr> args;
};
struct ListExpr : Located {  ///< `[a, b, c]`
    std::vector<Expr> items;
};
struct UnaryExpr : Located {  ///< op is "-" or "not"
    std::string op;
    Expr operand;
};
struct BinaryTail : Located {  ///< one `op operand` step of a left-associative chain
    std::string op;            ///< or and == != < <= > >= in contains + - * / %
    Expr operand;
};
struct BinaryChain : Located {  ///< `first op1 x1 op2 x2 ...`, all of one precedence level
    Expr first;
    std::vector<BinaryTail> rest;
};

// ---- declarations (spec §3) ---------------------------------------------------------------
struct RangeSpec : Located {  ///< `LO..HI`
    NumberLit low;
    NumberLit high;
};
struct BaseType : Located {
    std::string name;           ///< string number int bool symbol (anything else: sema error)
    std::vector<Name> symbols;  ///< `symbol in {a, b}`
    boost::optional<RangeSpec> range;  ///< `number in 0..100`, `int in 1..5`
};
struct SlotType : Located {
    bool is_list = false;  ///< `[T]`
    BaseType element;
};
struct SlotDecl : Located {
    Name name;
    SlotType type;
    bool optional = false;                ///< trailing `?`
    boost::optional<Expr> default_value;  ///< `= literal` (sema checks it is a literal)
};
struct TemplateDecl : Located {
    Name name;
    std::vector<SlotDecl> slots;
};
struct RecommendationDecl : Located {
    Name id;
    StringLit title;
    boost::optional<StringLit> description;
};
struct ParamDecl : Located {
    Name name;
    Expr value;  ///< sema checks it is a literal; its type is the param's type
    boost::optional<StringLit> doc;
};

// ---- conditions (spec §4.1) ---------------------------------------------------------------
struct SlotConstraint : Located {
    Name slot;
    std::string op;  ///< ":" == != < <= > >= "in" "not in" "contains"
    Expr value;
};
struct Pattern : Located {
    boost::optional<Variable> binding;  ///< `?f <- T(...)`
    Name template_name;
    std::vector<SlotConstraint> constraints;
};
struct TestCond : Located {
    Expr expr;
};
struct AggregateCond : Located {  ///< `?v = count T(...)`, `?v = sum(EXPR) over T(...)`
    Variable result;
    std::string function;            ///< count sum min max avg
    boost::optional<Expr> argument;  ///< absent for count
    Pattern pattern;
};
struct GroupCond;
using Condition = x3::variant<Pattern, TestCond, AggregateCond, x3::forward_ast<GroupCond>>;
struct GroupCond : Located {            ///< `not P`, `not { ... }`, `exists P`, `exists { ... }`
    std::string kind;                   ///< "not" or "exists"
    std::vector<Condition> conditions;  ///< one Pattern for the short form
};

// ---- actions (spec §4.3) ------------------------------------------------------------------
struct SlotAssign : Located {
    Name slot;
    Expr value;
};
struct AssertAction : Located {
    std::string kind;  ///< "assert" or "derive"
    Name template_name;
    std::vector<SlotAssign> slots;
};
struct RetractAction : Located {
    Variable fact;
};
struct ModifyAction : Located {
    Variable fact;
    std::vector<SlotAssign> slots;
};
struct RecommendAction : Located {
    Name id;
    Expr subject;
    boost::optional<Expr> confidence;
    boost::optional<StringLit> because;
};
struct BindAction : Located {
    Variable var;
    Expr value;
};
struct PrintAction : Located {
    StringLit text;
};
struct LogAction : Located {
    Name level;  ///< trace debug info warn error (sema checks)
    StringLit text;
};
struct HaltAction : Located {
    std::string keyword;  ///< always "halt"
};
using Action = x3::variant<AssertAction, RetractAction, ModifyAction, RecommendAction, BindAction,
                           PrintAction, LogAction, HaltAction>;

struct RuleDecl : Located {
    Name name;
    boost::optional<StringLit> description;
    boost::optional<Expr> salience;  ///< sema checks it is an integer literal
    std::vector<Condition> conditions;
    std::vector<Action> actions;
};

using Declaration = x3::variant<TemplateDecl, RecommendationDecl, ParamDecl, RuleDecl>;

struct File : Located {
    std::vector<Declaration> declarations;
};

}  // namespace maslahat::dsl::ast
