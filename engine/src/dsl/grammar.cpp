// The only translation unit that instantiates Spirit X3: parse_file and parse_expression.
// clang-format off
#include <boost/spirit/home/x3.hpp>  // first, before any X3 sub-header (style: X3 traps)
// clang-format on

// X3's `a >> b > c` (sequence, then expectation) is the idiom; clang warns about its precedence.
#ifdef __clang__
#pragma clang diagnostic ignored "-Woverloaded-shift-op-parentheses"
#endif

#include "dsl/ast_normalize.hpp"
#include "dsl/big_stack.hpp"
#include "dsl/grammar_def.hpp"
#include "dsl/parse.hpp"
#include "dsl/parse_state.hpp"
#include "dsl/preflight.hpp"

namespace maslahat::dsl {

namespace x3 = boost::spirit::x3;

std::optional<ast::File> parse_file(const SourceManager& sources, FileId file, DiagnosticSink& sink,
                                    std::uint32_t max_nesting) {
    const std::string_view text = sources.text(file);
    const auto checked = detail::preflight(text, file, sink, max_nesting);
    if (!checked) {
        return std::nullopt;
    }
    detail::ParseState state(text, file, sink);
    const char* first = text.data() + checked->start;
    const char* const last = text.data() + text.size();
    std::vector<ast::Declaration> declarations;
    ast::File result;
    result.begin = checked->start;
    result.end = static_cast<std::uint32_t>(text.size());
    auto const parser = x3::with<grammar::parse_state_tag>(&state)[grammar::file];
    detail::run_with_big_stack(checked->depth, [&] {
        try {
            x3::phrase_parse(first, last, parser, grammar::skipper, declarations);
        } catch (const x3::expectation_failure<const char*>& x) {  // top_item recovers first
            state.report_expected(x.where(), x.which());
        }
        result.declarations = std::move(declarations);
        detail::normalize_file(result, state);
    });
    return result;
}

std::optional<ast::Expr> parse_expression(const SourceManager& sources, FileId file,
                                          std::uint32_t begin, std::uint32_t end,
                                          DiagnosticSink& sink) {
    const std::string_view text = sources.text(file);
    if (begin > end || end > text.size()) {
        return std::nullopt;
    }
    const auto depth = detail::check_nesting(text, begin, end, file, sink);
    if (!depth) {
        return std::nullopt;
    }
    detail::ParseState state(text, file, sink);
    const char* first = text.data() + begin;
    const char* const last = text.data() + end;
    ast::Expr expr;
    auto const parser = x3::with<grammar::parse_state_tag>(&state)[grammar::lone_expression];
    bool ok = false;
    detail::run_with_big_stack(*depth, [&] {
        try {
            ok = x3::phrase_parse(first, last, parser, grammar::skipper, expr);
        } catch (const x3::expectation_failure<const char*>& x) {
            state.report_expected(x.where(), x.which());
        }
        if (ok) {
            detail::collapse_chains(expr);
            ok = detail::check_expression_depth(expr, state);
        }
    });
    if (!ok) {
        if (state.errors() == 0) {
            state.report_expected(text.data() + begin, "expression");
        }
        return std::nullopt;
    }
    return expr;
}

}  // namespace maslahat::dsl
