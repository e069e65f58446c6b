// The checker's internal state and passes, one class whose methods live in small files:
// declarations.cpp (templates, params, recommendations), values.cpp (literals and strings),
// expressions.cpp, builtins.cpp, conditions.cpp, actions.cpp, rules.cpp. Only sema/ sees it.
#pragma once

#include "dsl/ast.hpp"
#include "ir/program.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"
#include "sema/analyze.hpp"
#include "sema/scope.hpp"
#include "sema/types.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace maslahat::sema {

namespace ast = dsl::ast;

/// A lowered expression with its static type (Any after an error, to avoid cascades).
struct Typed {
    ir::Expr expr;
    Type type;
};

class Checker {
public:
    Checker(const SourceManager& sources, DiagnosticSink& sink);
    std::optional<ir::Program> run(const std::vector<ParsedFile>& files);

private:
    // ---- reporting (checker.cpp)
    SourceSpan span(const ast::Located& node) const;
    SourceSpan span(std::uint32_t begin, std::uint32_t end) const;
    SourceSpan expr_span(const ast::Expr& expr) const;
    void error(DiagCode code, SourceSpan where, std::string message);
    void error(DiagCode code, SourceSpan where, std::string message, SourceSpan note_where,
               std::string note);
    void warning(DiagCode code, SourceSpan where, std::string message);
    /// Reports E0109 and returns false when `name` is a keyword.
    bool check_not_keyword(const ast::Name& name, std::string_view what);

    // ---- declarations (declarations.cpp)
    void declare_builtins();
    void declare_template(const ast::TemplateDecl& decl);
    /// The slot as declared; `type_ok` false when its type is unusable (then checks that use
    /// the slot are skipped, to avoid cascades).
    ir::Slot lower_slot(const ast::SlotDecl& decl, bool& type_ok);
    bool poisoned(const ir::Slot& slot) const {
        return poisoned_.contains(&slot);
    }
    void declare_recommendation(const ast::RecommendationDecl& decl);
    void declare_param(const ast::ParamDecl& decl);
    void warn_unused_params();
    /// Reports a duplicate (E0201 + note) and returns true when `name` is already in `seen`.
    bool duplicate(std::map<std::string, SourceSpan>& seen, const ast::Name& name,
                   std::string_view what);

    // ---- literals and strings (values.cpp)
    /// The value of a literal expression (number, string without interpolation, bool, symbol,
    /// nil, `-NUMBER`, list of literals). `is_literal` tells non-literals from malformed ones.
    std::optional<Value> literal_value(const ast::Expr& expr, bool& is_literal);
    std::uint32_t body_begin(const ast::StringLit& lit) const;
    /// A declaration string (title, description, doc): escapes decoded, no interpolation.
    std::string plain_string(const ast::StringLit& lit);
    /// A string in an action: a Literal, or a Concat of literal parts and `{EXPR}`s.
    Typed lower_string(const ast::StringLit& lit);

    // ---- expressions (expressions.cpp, builtins.cpp)
    Typed lower_expr(const ast::Expr& expr);
    Typed lower_variable(const ast::Variable& var);
    Typed lower_field(const ast::FieldAccess& field);
    Typed lower_param(const ast::ParamRef& param);
    Typed lower_list(const ast::ListExpr& list);
    Typed lower_unary(const ast::UnaryExpr& unary);
    Typed lower_chain(const ast::BinaryChain& chain);
    Typed lower_binary(const std::string& op, Typed lhs, Typed rhs, SourceSpan where);
    Typed lower_call(const ast::Call& call);
    /// The expression reading variable `entry` (SlotRef, FactRef, Aggregate or Local).
    static ir::Expr variable_expr(const VarEntry& entry, SourceSpan where);
    /// Reports a use of `?name` that has no visible binding (E0301, E0302 or E0313).
    void report_unbound(const ast::Variable& var, VarEntry* closed);
    /// `template 'T' has no slot 's' (did you mean ...)` (E0203).
    void report_unknown_slot(const ir::Template& tmpl, const ast::Name& slot);
    void report_unknown_template(const ast::Name& name);

    // ---- conditions (conditions.cpp)
    void lower_conditions(const std::vector<ast::Condition>& in, std::vector<ir::Condition>& out);
    ir::Pattern lower_pattern(const ast::Pattern& pattern, ir::TokenIndex token);
    void lower_constraint(const ast::SlotConstraint& c, const ir::Template* tmpl, ir::Pattern& out);
    void check_constraint(const ir::Slot& slot, const ast::SlotConstraint& c, const Typed& rhs);
    ir::Condition lower_aggregate(const ast::AggregateCond& agg);
    void bind_fact(const ast::Variable& var, std::optional<ir::TemplateIndex> tmpl,
                   ir::TokenIndex token);

    // ---- actions (actions.cpp)
    void lower_actions(const std::vector<ast::Action>& in, std::vector<ir::Action>& out);
    void lower_slot_values(const ir::Template* tmpl, const std::vector<ast::SlotAssign>& in,
                           std::vector<ir::SlotValue>& out);
    /// Checks a value stored in a slot (assert/derive/modify) and converts literals to the
    /// slot's type.
    void check_slot_value(const ir::Slot& slot, Typed& value, SourceSpan where);
    /// The fact variable of retract/modify, or nullopt after reporting.
    const VarEntry* fact_variable(const ast::Variable& var, std::string_view action);

    // ---- rules (rules.cpp)
    void lower_rule(const ast::RuleDecl& decl);
    std::int32_t salience(const ast::Expr& expr);
    void collect_bindings(const std::vector<ast::Condition>& conditions);
    void warn_unused_variables();

    const SourceManager& sources_;
    DiagnosticSink& sink_;
    ir::Program program_;
    FileId file_{};

    std::map<std::string, SourceSpan> template_names_;
    std::map<std::string, SourceSpan> param_names_;
    std::map<std::string, SourceSpan> recommendation_names_;
    std::map<std::string, SourceSpan> rule_names_;
    std::vector<bool> param_used_;
    std::set<std::pair<std::string, std::string>> poisoned_names_;  ///< (template, slot)
    std::set<const ir::Slot*> poisoned_;  ///< filled once all templates are declared

    // per rule
    RuleScope* scope_ = nullptr;
    bool in_action_ = false;
    ir::TokenIndex next_token_ = 0;
    std::map<std::string, SourceSpan> rule_bindings_;  ///< first binding site of each variable
};

}  // namespace maslahat::sema
