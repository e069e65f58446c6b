// X3 handler bases for the grammar's rule ID classes: annotate_span writes each node's byte
// span into its Located base (on_success), recover_at_declaration reports an expectation
// failure and skips to the next top-level declaration (on_error). Included by grammar_def.hpp.
#pragma once

#include "dsl/ast.hpp"
#include "dsl/parse_state.hpp"

#include <boost/spirit/home/x3.hpp>

#include <type_traits>

namespace maslahat::dsl::grammar {

namespace x3 = boost::spirit::x3;

/// Context tag under which grammar.cpp passes a `detail::ParseState*`.
struct parse_state_tag;

struct annotate_span {
    template <typename Iterator, typename Context, typename Node>
    void on_success(Iterator const& first, Iterator const& last, Node& node,
                    Context const& context) const {
        if constexpr (std::is_base_of_v<ast::Located, Node>) {
            detail::ParseState& state = *x3::get<parse_state_tag>(context);
            node.begin = state.offset(first);
            node.end = state.offset(last);
        }
    }
};

/// For the chain rules (or_expr ... mul_expr, attribute ast::Expr): the span of the BinaryChain
/// the rule built (one whose span is still unset); an operand passed through keeps its own.
struct chain_span {
    template <typename Iterator, typename Context>
    void on_success(Iterator const& first, Iterator const& last, ast::Expr& node,
                    Context const& context) const {
        auto* chain = boost::get<x3::forward_ast<ast::BinaryChain>>(&node.get());
        if (chain != nullptr && chain->get().end == 0) {
            detail::ParseState& state = *x3::get<parse_state_tag>(context);
            chain->get().begin = state.offset(first);
            chain->get().end = state.offset(last);
        }
    }
};

struct recover_at_declaration {
    template <typename Iterator, typename Exception, typename Context>
    x3::error_handler_result on_error(Iterator& first, Iterator const& last, Exception const& x,
                                      Context const& context) const {
        detail::ParseState& state = *x3::get<parse_state_tag>(context);
        state.report_expected(x.where(), x.which());
        const char* next = state.next_declaration(x.where(), first);
        if (next == last) {
            first = last;
            return x3::error_handler_result::fail;
        }
        first = next;
        return x3::error_handler_result::retry;
    }
};

/// For parse_expression: report, then give up (there is nothing to recover to).
struct report_and_fail {
    template <typename Iterator, typename Exception, typename Context>
    x3::error_handler_result on_error(Iterator& /*first*/, Iterator const& /*last*/,
                                      Exception const& x, Context const& context) const {
        detail::ParseState& state = *x3::get<parse_state_tag>(context);
        state.report_expected(x.where(), x.which());
        return x3::error_handler_result::fail;
    }
};

}  // namespace maslahat::dsl::grammar
