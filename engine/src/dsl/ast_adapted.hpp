// Boost.Fusion adaptation of every AST node so X3 can fill it. Only the members declared in
// each node are adapted (the Located span is written by on_success, never parsed). Included
// only by grammar_def.hpp.
#pragma once

#include "dsl/ast.hpp"

#include <boost/fusion/include/adapt_struct.hpp>

// clang-format off
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::Name, text)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::Variable, name)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::ParamRef, name)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::NumberLit, text)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::StringLit, raw)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::BoolLit, value)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::SymbolLit, name)

BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::FieldAccess, fact, slot)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::Call, function, args)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::ListExpr, items)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::UnaryExpr, op, operand)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::BinaryTail, op, operand)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::BinaryChain, first, rest)

BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::RangeSpec, low, high)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::BaseType, name, symbols, range)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::SlotType, is_list, element)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::SlotDecl, name, type, optional, default_value)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::TemplateDecl, name, slots)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::RecommendationDecl, id, title, description)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::ParamDecl, name, value, doc)

BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::SlotConstraint, slot, op, value)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::Pattern, binding, template_name, constraints)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::TestCond, expr)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::AggregateCond, result, function, argument, pattern)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::GroupCond, kind, conditions)

BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::SlotAssign, slot, value)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::AssertAction, kind, template_name, slots)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::RetractAction, fact)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::ModifyAction, fact, slots)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::RecommendAction, id, subject, confidence, because)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::BindAction, var, value)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::PrintAction, text)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::LogAction, level, text)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::HaltAction, keyword)

BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::RuleDecl, name, description, salience, conditions, actions)
BOOST_FUSION_ADAPT_STRUCT(maslahat::dsl::ast::File, declarations)
// clang-format on
