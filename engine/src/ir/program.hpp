// The checked program: what sema produces from the AST and what the Rete builder, the
// runtime and the fact loader consume. Plain std types only; names are resolved to indices,
// variables to token positions, so the back end never looks at names or the AST again.
#pragma once

#include "maslahat/source.hpp"
#include "maslahat/value.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maslahat::ir {

using TemplateIndex = std::uint32_t;
using SlotIndex = std::uint16_t;
using ParamIndex = std::uint32_t;
using RecommendationIndex = std::uint32_t;
/// Position of a matched fact (or aggregate result) in a rule's token; see Pattern.
using TokenIndex = std::uint16_t;

// ---- declarations ---------------------------------------------------------------------------
enum class BaseType : std::uint8_t { String, Number, Int, Bool, Symbol };

struct SlotType {
    BaseType base = BaseType::String;
    bool list = false;
    std::vector<Atom> symbols;  ///< `symbol in {..}`: the allowed symbols (empty: any symbol)
    std::optional<double> low;  ///< `in LO..HI`, inclusive
    std::optional<double> high;
};

struct Slot {
    std::string name;
    SlotType type;
    bool optional = false;               ///< absent value is nil
    std::optional<Value> default_value;  ///< already of the slot's type
    SourceSpan span;
};

struct Template {
    std::string name;
    std::vector<Slot> slots;
    SourceSpan span;
    bool builtin = false;  ///< `recommended`: matchable, not assertable by rules or fact files

    std::optional<SlotIndex> slot_index(std::string_view slot_name) const {
        for (std::size_t i = 0; i < slots.size(); ++i) {
            if (slots[i].name == slot_name) {
                return static_cast<SlotIndex>(i);
            }
        }
        return std::nullopt;
    }
};

struct Param {
    std::string name;
    Value value;  ///< default; the CLI may override it (same type)
    BaseType type = BaseType::Number;
    std::string doc;
    SourceSpan span;
};

struct Recommendation {
    std::string id;
    std::string title;
    std::string description;
    SourceSpan span;
};

// ---- expressions ----------------------------------------------------------------------------
enum class ExprKind : std::uint8_t {
    Literal,    ///< `value`
    Param,      ///< `$p`: current value of params[param]
    SlotRef,    ///< slot `slot` of the fact at token position `token` (`?x` bound in a
                ///< pattern, and `?f.slot`)
    FactRef,    ///< the fact at token position `token` (`?f` bound with `<-`); evaluates to
                ///< its fact id as an int
    Aggregate,  ///< the aggregate result stored at token position `token`
    Local,      ///< action-local variable `local` (`bind`)
    List,       ///< `[args...]`
    Unary,      ///< `op` applied to args[0]
    Binary,     ///< args[0] `op` args[1]; `and`/`or` short-circuit
    Call,       ///< built-in `function` applied to args
    Concat,     ///< string interpolation: args converted with Value::to_string and joined
};

enum class Op : std::uint8_t {
    Or,
    And,
    Not,
    Neg,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    NotIn,
    Contains,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
};

enum class Builtin : std::uint8_t {
    Abs,
    Min,
    Max,
    Round,
    Floor,
    Ceil,
    Sqrt,
    Len,
    Lower,
    Upper,
    Concat,
    Str,
    Num,
};

struct Expr {
    ExprKind kind = ExprKind::Literal;
    Op op = Op::Eq;
    Builtin function = Builtin::Abs;
    Value value;              ///< Literal
    ParamIndex param = 0;     ///< Param
    TokenIndex token = 0;     ///< SlotRef, FactRef, Aggregate
    SlotIndex slot = 0;       ///< SlotRef
    std::uint16_t local = 0;  ///< Local
    std::vector<Expr> args;
    SourceSpan span;
};

// ---- conditions -----------------------------------------------------------------------------
/// A slot test `slot OP rhs`. The first `slot: ?x` of a variable is a binding, not a
/// constraint; later uses become `Eq` constraints whose rhs is a SlotRef.
struct Constraint {
    SlotIndex slot = 0;
    Op op = Op::Eq;  ///< Eq Ne Lt Le Gt Ge In NotIn Contains
    Expr rhs;
    SourceSpan span;
};

/// Where a rule variable lives; used by explain and by the builder for join keys.
struct VariableInfo {
    std::string name;  ///< without '?'
    enum class Kind : std::uint8_t { Slot, Fact, Aggregate, Local } kind = Kind::Slot;
    TokenIndex token = 0;
    SlotIndex slot = 0;
    std::uint16_t local = 0;
    SourceSpan span;  ///< where it is bound
};

/// A positive pattern on one template. The matched fact occupies token position `token`:
/// positions count the facts matched so far along the path from the rule's first condition
/// (patterns and aggregates take a position; test/not/exists do not). Patterns inside a
/// `not {}`/`exists {}`/aggregate continue numbering from the enclosing position, so a later
/// top-level pattern may reuse a position an inner one had.
struct Pattern {
    TemplateIndex template_index = 0;
    TokenIndex token = 0;
    std::vector<Constraint> constraints;
    SourceSpan span;
};

enum class ConditionKind : std::uint8_t { Pattern, Not, Exists, Test, Aggregate };
enum class AggregateFunction : std::uint8_t { Count, Sum, Min, Max, Avg };

struct Condition {
    ConditionKind kind = ConditionKind::Pattern;
    Pattern pattern;               ///< Pattern; Aggregate (the pattern aggregated over)
    std::vector<Condition> group;  ///< Not / Exists: the conjunction (short form: one pattern)
    Expr test;                     ///< Test
    AggregateFunction function = AggregateFunction::Count;  ///< Aggregate
    std::optional<Expr> argument;  ///< Aggregate: EXPR of sum/min/max/avg (over pattern vars)
    TokenIndex result_token = 0;   ///< Aggregate: token position holding the result value
    SourceSpan span;
};

// ---- actions --------------------------------------------------------------------------------
enum class ActionKind : std::uint8_t {
    Assert,
    Derive,
    Retract,
    Modify,
    Recommend,
    Bind,
    Print,
    Log,
    Halt,
};
enum class LogLevel : std::uint8_t { Trace, Debug, Info, Warn, Error };

struct SlotValue {
    SlotIndex slot = 0;
    Expr value;
};

struct Action {
    ActionKind kind = ActionKind::Halt;
    TemplateIndex template_index = 0;        ///< Assert, Derive, Modify
    std::vector<SlotValue> slots;            ///< Assert/Derive: every slot given explicitly by the
                                             ///< rule (defaults are applied by the runtime); Modify
    TokenIndex fact_token = 0;               ///< Retract, Modify: token position of the `?f` fact
    RecommendationIndex recommendation = 0;  ///< Recommend
    Expr subject;                            ///< Recommend
    std::optional<Expr> confidence;          ///< Recommend (default 1)
    std::optional<Expr> because;             ///< Recommend (a Concat or Literal string)
    std::uint16_t local = 0;                 ///< Bind
    Expr value;                              ///< Bind; Print/Log text (Concat or Literal)
    LogLevel level = LogLevel::Info;         ///< Log
    SourceSpan span;
};

// ---- rules and program ----------------------------------------------------------------------
struct Rule {
    std::string name;
    std::string description;
    std::int32_t salience = 0;
    std::vector<Condition> conditions;
    std::vector<Action> actions;
    TokenIndex token_size = 0;      ///< positions used by top-level conditions
    std::uint16_t local_count = 0;  ///< number of `bind` locals
    std::vector<VariableInfo> variables;
    SourceSpan span;
};

struct Program {
    std::vector<Template> templates;  ///< index 0 is the built-in `recommended`
    std::vector<Param> params;
    std::vector<Recommendation> recommendations;
    std::vector<Rule> rules;  ///< in declaration order (files in lexical order)

    static constexpr TemplateIndex recommended_template = 0;

    std::optional<TemplateIndex> find_template(std::string_view name) const;
    std::optional<ParamIndex> find_param(std::string_view name) const;
    std::optional<RecommendationIndex> find_recommendation(std::string_view id) const;
};

inline std::optional<TemplateIndex> Program::find_template(std::string_view name) const {
    for (std::size_t i = 0; i < templates.size(); ++i) {
        if (templates[i].name == name) {
            return static_cast<TemplateIndex>(i);
        }
    }
    return std::nullopt;
}
inline std::optional<ParamIndex> Program::find_param(std::string_view name) const {
    for (std::size_t i = 0; i < params.size(); ++i) {
        if (params[i].name == name) {
            return static_cast<ParamIndex>(i);
        }
    }
    return std::nullopt;
}
inline std::optional<RecommendationIndex> Program::find_recommendation(std::string_view id) const {
    for (std::size_t i = 0; i < recommendations.size(); ++i) {
        if (recommendations[i].id == id) {
            return static_cast<RecommendationIndex>(i);
        }
    }
    return std::nullopt;
}

}  // namespace maslahat::ir
