// Small accessors for walking the parse tree: `unwrap` sees through x3::forward_ast, and
// `located` gives the Located base (byte span) of whichever alternative a variant holds.
// Header-only; shared by dsl, sema, lint, format and lsp.
#pragma once

#include "dsl/ast.hpp"

#include <boost/variant/apply_visitor.hpp>

namespace maslahat::dsl::ast {

template <typename T>
T& unwrap(T& node) {
    return node;
}
template <typename T>
T& unwrap(x3::forward_ast<T>& node) {
    return node.get();
}
template <typename T>
const T& unwrap(const T& node) {
    return node;
}
template <typename T>
const T& unwrap(const x3::forward_ast<T>& node) {
    return node.get();
}

/// The span of the alternative a variant (Expr, Condition, Action, Declaration) holds.
template <typename Variant>
const Located& located(const Variant& v) {
    return boost::apply_visitor([](const auto& node) -> const Located& { return unwrap(node); }, v);
}

}  // namespace maslahat::dsl::ast
