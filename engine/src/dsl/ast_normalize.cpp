#include "dsl/ast_normalize.hpp"

#include "dsl/ast_access.hpp"

#include <boost/variant/apply_visitor.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <type_traits>
#include <utility>

namespace maslahat::dsl::detail {
namespace {

template <typename... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <typename... F>
Overloaded(F...) -> Overloaded<F...>;

using ast::unwrap;

class Normalizer {
public:
    explicit Normalizer(ParseState& state) : state_(state) {}

    // Collapses an expression's chains and checks its depth; false after reporting E0102.
    bool expr(ast::Expr& e) {
        collapse_chains(e);
        return check_expression_depth(e, state_);
    }

    bool optional_expr(boost::optional<ast::Expr>& e) {
        return !e || expr(*e);
    }

    bool pattern(ast::Pattern& p) {
        bool ok = true;
        for (auto& c : p.constraints) {
            ok = expr(c.value) && ok;
        }
        return ok;
    }

    // Returns false when the condition has an error (reported) and its declaration must go.
    bool condition(ast::Condition& cond) {
        return boost::apply_visitor(
            [this](auto& node) -> bool {
                auto& n = unwrap(node);
                using N = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<N, ast::Pattern>) {
                    return pattern(n);
                } else if constexpr (std::is_same_v<N, ast::TestCond>) {
                    return expr(n.expr);
                } else if constexpr (std::is_same_v<N, ast::AggregateCond>) {
                    const bool ok = optional_expr(n.argument) && pattern(n.pattern);
                    return ok && aggregate_ok(n);
                } else {
                    bool ok = true;
                    for (auto& c : n.conditions) {
                        ok = condition(c) && ok;
                    }
                    return ok;
                }
            },
            cond);
    }

    bool declaration(ast::Declaration& decl) {
        return boost::apply_visitor(
            [this](auto& d) -> bool {
                using D = std::decay_t<decltype(d)>;
                if constexpr (std::is_same_v<D, ast::TemplateDecl>) {
                    bool ok = true;
                    for (auto& s : d.slots) {
                        ok = optional_expr(s.default_value) && ok;
                    }
                    return ok;
                } else if constexpr (std::is_same_v<D, ast::ParamDecl>) {
                    return expr(d.value);
                } else if constexpr (std::is_same_v<D, ast::RuleDecl>) {
                    bool ok = optional_expr(d.salience);
                    for (auto& c : d.conditions) {
                        ok = condition(c) && ok;
                    }
                    for (auto& a : d.actions) {
                        ok = action(a) && ok;
                    }
                    return ok;
                }
                return true;
            },
            decl);
    }

private:
    bool action(ast::Action& act) {
        return boost::apply_visitor(Overloaded{[this](ast::AssertAction& a) {
                                                   bool ok = true;
                                                   for (auto& s : a.slots) {
                                                       ok = expr(s.value) && ok;
                                                   }
                                                   return ok;
                                               },
                                               [this](ast::ModifyAction& a) {
                                                   bool ok = true;
                                                   for (auto& s : a.slots) {
                                                       ok = expr(s.value) && ok;
                                                   }
                                                   return ok;
                                               },
                                               [this](ast::RecommendAction& a) {
                                                   const bool ok = expr(a.subject);
                                                   return optional_expr(a.confidence) && ok;
                                               },
                                               [this](ast::BindAction& a) { return expr(a.value); },
                                               [](auto&) { return true; }},
                                    act);
    }

    bool aggregate_ok(const ast::AggregateCond& agg) {
        if (agg.function == "count" && agg.argument) {
            const auto span = span_of(*agg.argument);
            state_.report(DiagCode::E0103, span.begin > 0 ? span.begin - 1 : 0, span.begin,
                          "expected pattern after 'count' (count takes no argument)");
            return false;
        }
        if (agg.function != "count" && !agg.argument) {
            state_.report(DiagCode::E0103, agg.pattern.begin, agg.pattern.end,
                          "expected '(' argument ')' over a pattern after '" + agg.function + "'");
            return false;
        }
        return true;
    }

    ParseState& state_;
};

}  // namespace

void collapse_chains(ast::Expr& expr) {
    bool replace = false;
    boost::apply_visitor(
        [&replace](auto& node) {
            auto& n = unwrap(node);
            using N = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<N, ast::BinaryChain>) {
                collapse_chains(n.first);
                for (auto& tail : n.rest) {
                    collapse_chains(tail.operand);
                }
                replace = n.rest.empty();
            } else if constexpr (std::is_same_v<N, ast::UnaryExpr>) {
                collapse_chains(n.operand);
            } else if constexpr (std::is_same_v<N, ast::Call>) {
                for (auto& a : n.args) {
                    collapse_chains(a);
                }
            } else if constexpr (std::is_same_v<N, ast::ListExpr>) {
                for (auto& a : n.items) {
                    collapse_chains(a);
                }
            }
        },
        expr);
    if (replace) {
        ast::Expr first = std::move(
            boost::get<boost::spirit::x3::forward_ast<ast::BinaryChain>>(expr.get()).get().first);
        expr = std::move(first);
    }
}

std::uint32_t expression_depth(const ast::Expr& expr) {
    return boost::apply_visitor(
        [](const auto& node) -> std::uint32_t {
            const auto& n = unwrap(node);
            using N = std::decay_t<decltype(n)>;
            const auto deepest = [](const auto& items, std::uint32_t from) {
                for (const auto& item : items) {
                    from = std::max(from, expression_depth(item));
                }
                return from;
            };
            if constexpr (std::is_same_v<N, ast::BinaryChain>) {
                std::uint32_t d = expression_depth(n.first);
                for (const auto& tail : n.rest) {
                    d = std::max(d, expression_depth(tail.operand));
                }
                return d + static_cast<std::uint32_t>(n.rest.size());
            } else if constexpr (std::is_same_v<N, ast::UnaryExpr>) {
                return 1 + expression_depth(n.operand);
            } else if constexpr (std::is_same_v<N, ast::Call>) {
                return 1 + deepest(n.args, 0);
            } else if constexpr (std::is_same_v<N, ast::ListExpr>) {
                return 1 + deepest(n.items, 0);
            } else {
                return 0;
            }
        },
        expr);
}

bool check_expression_depth(const ast::Expr& expr, ParseState& state) {
    if (expression_depth(expr) <= max_expression_depth) {
        return true;
    }
    const auto span = span_of(expr);
    state.report(DiagCode::E0102, span.begin, span.begin + 1,
                 fmt::format("expression too deep (more than {} nested operations; every "
                             "operator of a chain like a + b + c counts as one)",
                             max_expression_depth));
    return false;
}

ast::Located span_of(const ast::Expr& expr) {
    return boost::apply_visitor(
        [](const auto& node) -> ast::Located {
            const ast::Located& located = unwrap(node);
            return located;
        },
        expr);
}

void normalize_file(ast::File& file, ParseState& state) {
    Normalizer normalizer(state);
    std::vector<ast::Declaration> kept;
    kept.reserve(file.declarations.size());
    for (auto& decl : file.declarations) {
        if (normalizer.declaration(decl)) {
            kept.push_back(std::move(decl));
        }
    }
    file.declarations = std::move(kept);
}

}  // namespace maslahat::dsl::detail
