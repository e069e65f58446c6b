#include "dsl/ast_normalize.hpp"

#include "dsl/ast_access.hpp"

#include <boost/variant/apply_visitor.hpp>

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

void collapse_optional(boost::optional<ast::Expr>& expr) {
    if (expr) {
        collapse_chains(*expr);
    }
}

void normalize_pattern(ast::Pattern& pattern) {
    for (auto& c : pattern.constraints) {
        collapse_chains(c.value);
    }
}

class Normalizer {
public:
    explicit Normalizer(ParseState& state) : state_(state) {}

    // Returns false when the condition has an error (reported) and its declaration must go.
    bool condition(ast::Condition& cond) {
        return boost::apply_visitor(
            [this](auto& node) -> bool {
                auto& n = unwrap(node);
                using N = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<N, ast::Pattern>) {
                    normalize_pattern(n);
                    return true;
                } else if constexpr (std::is_same_v<N, ast::TestCond>) {
                    collapse_chains(n.expr);
                    return true;
                } else if constexpr (std::is_same_v<N, ast::AggregateCond>) {
                    collapse_optional(n.argument);
                    normalize_pattern(n.pattern);
                    return aggregate_ok(n);
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
                    for (auto& s : d.slots) {
                        collapse_optional(s.default_value);
                    }
                } else if constexpr (std::is_same_v<D, ast::ParamDecl>) {
                    collapse_chains(d.value);
                } else if constexpr (std::is_same_v<D, ast::RuleDecl>) {
                    collapse_optional(d.salience);
                    bool ok = true;
                    for (auto& c : d.conditions) {
                        ok = condition(c) && ok;
                    }
                    for (auto& a : d.actions) {
                        action(a);
                    }
                    return ok;
                }
                return true;
            },
            decl);
    }

private:
    static void action(ast::Action& act) {
        boost::apply_visitor(
            Overloaded{[](ast::AssertAction& a) {
                           for (auto& s : a.slots) {
                               collapse_chains(s.value);
                           }
                       },
                       [](ast::ModifyAction& a) {
                           for (auto& s : a.slots) {
                               collapse_chains(s.value);
                           }
                       },
                       [](ast::RecommendAction& a) {
                           collapse_chains(a.subject);
                           collapse_optional(a.confidence);
                       },
                       [](ast::BindAction& a) { collapse_chains(a.value); }, [](auto&) {}},
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
