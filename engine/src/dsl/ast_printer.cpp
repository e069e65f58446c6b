#include "dsl/ast_printer.hpp"

#include "dsl/ast_access.hpp"

#include <boost/variant/apply_visitor.hpp>

#include <type_traits>

namespace maslahat::dsl {
namespace {

namespace x3 = boost::spirit::x3;

using ast::unwrap;

/// Precedence levels of spec §4.2, low to high.
enum Level : int { Or = 1, And, Not, Compare, Add, Mul, Negate, Primary };

int chain_level(const ast::BinaryChain& chain) {
    if (chain.rest.empty()) {
        return Primary;
    }
    const std::string& op = chain.rest.front().op;
    if (op == "or") {
        return Or;
    }
    if (op == "and") {
        return And;
    }
    if (op == "+" || op == "-") {
        return Add;
    }
    if (op == "*" || op == "/" || op == "%") {
        return Mul;
    }
    return Compare;
}

int level_of(const ast::Expr& expr) {
    return boost::apply_visitor(
        [](const auto& node) -> int {
            const auto& n = unwrap(node);
            using N = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<N, ast::BinaryChain>) {
                return chain_level(n);
            } else if constexpr (std::is_same_v<N, ast::UnaryExpr>) {
                return n.op == "not" ? Not : Negate;
            } else {
                return Primary;
            }
        },
        expr);
}

// ---- S-expressions ------------------------------------------------------------------------
class SexprWriter {
public:
    std::string out;

    void expr(const ast::Expr& e) {
        boost::apply_visitor([this](const auto& node) { this->node(unwrap(node)); }, e);
    }

    void node(const ast::NumberLit& n) {
        out += n.text;
    }
    void node(const ast::StringLit& s) {
        string(s);
    }
    void node(const ast::BoolLit& b) {
        out += b.value ? "true" : "false";
    }
    void node(const ast::Variable& v) {
        out += '?' + v.name;
    }
    void node(const ast::ParamRef& p) {
        out += '$' + p.name;
    }
    void node(const ast::SymbolLit& s) {
        out += '\'' + s.name;
    }
    void node(const ast::FieldAccess& f) {
        out += "(. ?" + f.fact.name + ' ' + f.slot.text + ')';
    }
    void node(const ast::Call& c) {
        out += "(call " + c.function.text;
        for (const auto& a : c.args) {
            out += ' ';
            expr(a);
        }
        out += ')';
    }
    void node(const ast::ListExpr& l) {
        out += "(list";
        for (const auto& a : l.items) {
            out += ' ';
            expr(a);
        }
        out += ')';
    }
    void node(const ast::UnaryExpr& u) {
        out += '(' + u.op + ' ';
        expr(u.operand);
        out += ')';
    }
    void node(const ast::BinaryChain& c) {
        // Left-associative: a op1 b op2 c -> (op2 (op1 a b) c).
        for (auto it = c.rest.rbegin(); it != c.rest.rend(); ++it) {
            out += '(' + it->op + ' ';
        }
        expr(c.first);
        for (const auto& tail : c.rest) {
            out += ' ';
            expr(tail.operand);
            out += ')';
        }
    }

    void string(const ast::StringLit& s) {
        out += '"' + s.raw + '"';
    }

    void pattern(const ast::Pattern& p) {
        out += "(pattern";
        if (p.binding) {
            out += " ?" + p.binding->name;
        }
        out += ' ' + p.template_name.text;
        for (const auto& c : p.constraints) {
            out += " (" + c.op + ' ' + c.slot.text + ' ';
            expr(c.value);
            out += ')';
        }
        out += ')';
    }

    void condition(const ast::Condition& cond) {
        boost::apply_visitor(
            [this](const auto& node) {
                const auto& n = unwrap(node);
                using N = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<N, ast::Pattern>) {
                    pattern(n);
                } else if constexpr (std::is_same_v<N, ast::TestCond>) {
                    out += "(test ";
                    expr(n.expr);
                    out += ')';
                } else if constexpr (std::is_same_v<N, ast::AggregateCond>) {
                    out += '(' + n.function + " ?" + n.result.name + ' ';
                    if (n.argument) {
                        expr(*n.argument);
                        out += ' ';
                    }
                    pattern(n.pattern);
                    out += ')';
                } else {
                    out += '(' + n.kind;
                    for (const auto& c : n.conditions) {
                        out += ' ';
                        condition(c);
                    }
                    out += ')';
                }
            },
            cond);
    }

    void assigns(const std::vector<ast::SlotAssign>& slots) {
        for (const auto& s : slots) {
            out += " (" + s.slot.text + ' ';
            expr(s.value);
            out += ')';
        }
    }

    void action(const ast::Action& act) {
        boost::apply_visitor(
            [this](const auto& a) {
                using A = std::decay_t<decltype(a)>;
                if constexpr (std::is_same_v<A, ast::AssertAction>) {
                    out += '(' + a.kind + ' ' + a.template_name.text;
                    assigns(a.slots);
                } else if constexpr (std::is_same_v<A, ast::RetractAction>) {
                    out += "(retract ?" + a.fact.name;
                } else if constexpr (std::is_same_v<A, ast::ModifyAction>) {
                    out += "(modify ?" + a.fact.name;
                    assigns(a.slots);
                } else if constexpr (std::is_same_v<A, ast::RecommendAction>) {
                    out += "(recommend " + a.id.text + ' ';
                    expr(a.subject);
                    if (a.confidence) {
                        out += " (confidence ";
                        expr(*a.confidence);
                        out += ')';
                    }
                    if (a.because) {
                        out += " (because ";
                        string(*a.because);
                        out += ')';
                    }
                } else if constexpr (std::is_same_v<A, ast::BindAction>) {
                    out += "(bind ?" + a.var.name + ' ';
                    expr(a.value);
                } else if constexpr (std::is_same_v<A, ast::PrintAction>) {
                    out += "(print ";
                    string(a.text);
                } else if constexpr (std::is_same_v<A, ast::LogAction>) {
                    out += "(log " + a.level.text + ' ';
                    string(a.text);
                } else {
                    out += "(halt";
                }
                out += ')';
            },
            act);
    }

    void base_type(const ast::BaseType& t) {
        if (t.symbols.empty() && !t.range) {
            out += t.name;
            return;
        }
        out += '(' + t.name;
        if (!t.symbols.empty()) {
            out += " (in";
            for (const auto& s : t.symbols) {
                out += ' ' + s.text;
            }
            out += ')';
        }
        if (t.range) {
            out += " (range " + t.range->low.text + ' ' + t.range->high.text + ')';
        }
        out += ')';
    }

    void declaration(const ast::Declaration& decl) {
        boost::apply_visitor(
            [this](const auto& d) {
                using D = std::decay_t<decltype(d)>;
                if constexpr (std::is_same_v<D, ast::TemplateDecl>) {
                    out += "(template " + d.name.text;
                    for (const auto& s : d.slots) {
                        out += " (slot " + s.name.text + ' ';
                        if (s.type.is_list) {
                            out += "(list ";
                            base_type(s.type.element);
                            out += ')';
                        } else {
                            base_type(s.type.element);
                        }
                        if (s.optional) {
                            out += " optional";
                        }
                        if (s.default_value) {
                            out += " (default ";
                            expr(*s.default_value);
                            out += ')';
                        }
                        out += ')';
                    }
                } else if constexpr (std::is_same_v<D, ast::RecommendationDecl>) {
                    out += "(recommendation " + d.id.text + ' ';
                    string(d.title);
                    if (d.description) {
                        out += ' ';
                        string(*d.description);
                    }
                } else if constexpr (std::is_same_v<D, ast::ParamDecl>) {
                    out += "(param " + d.name.text + ' ';
                    expr(d.value);
                    if (d.doc) {
                        out += ' ';
                        string(*d.doc);
                    }
                } else {
                    out += "(rule " + d.name.text;
                    if (d.description) {
                        out += " (description ";
                        string(*d.description);
                        out += ')';
                    }
                    if (d.salience) {
                        out += " (salience ";
                        expr(*d.salience);
                        out += ')';
                    }
                    out += " (when";
                    for (const auto& c : d.conditions) {
                        out += ' ';
                        condition(c);
                    }
                    out += ") (then";
                    for (const auto& a : d.actions) {
                        out += ' ';
                        action(a);
                    }
                    out += ')';
                }
                out += ')';
            },
            decl);
    }
};

// ---- source text --------------------------------------------------------------------------
class SourceWriter {
public:
    std::string out;

    /// Writes `e`, parenthesised when its precedence is below `min_level`.
    void expr(const ast::Expr& e, int min_level = Or) {
        const bool parens = level_of(e) < min_level;
        if (parens) {
            out += '(';
        }
        boost::apply_visitor([this](const auto& node) { this->node(unwrap(node)); }, e);
        if (parens) {
            out += ')';
        }
    }

    void node(const ast::NumberLit& n) {
        out += n.text;
    }
    void node(const ast::StringLit& s) {
        string(s);
    }
    void node(const ast::BoolLit& b) {
        out += b.value ? "true" : "false";
    }
    void node(const ast::Variable& v) {
        out += '?' + v.name;
    }
    void node(const ast::ParamRef& p) {
        out += '$' + p.name;
    }
    void node(const ast::SymbolLit& s) {
        out += s.name;
    }
    void node(const ast::FieldAccess& f) {
        out += '?' + f.fact.name + '.' + f.slot.text;
    }
    void node(const ast::Call& c) {
        out += c.function.text + '(';
        list(c.args);
        out += ')';
    }
    void node(const ast::ListExpr& l) {
        out += '[';
        list(l.items);
        out += ']';
    }
    void node(const ast::UnaryExpr& u) {
        if (u.op == "not") {
            out += "not ";
            expr(u.operand, Not);
        } else {
            out += "- ";  // the space keeps `- 3` a negation, not the literal -3
            expr(u.operand, Negate);
        }
    }
    void node(const ast::BinaryChain& c) {
        const int level = chain_level(c);
        expr(c.first, level + 1);
        for (const auto& tail : c.rest) {
            out += ' ' + tail.op + ' ';
            expr(tail.operand, level + 1);
        }
    }

    void list(const std::vector<ast::Expr>& items) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i > 0) {
                out += ", ";
            }
            expr(items[i]);
        }
    }

    void string(const ast::StringLit& s) {
        out += '"' + s.raw + '"';
    }

    void pattern(const ast::Pattern& p) {
        if (p.binding) {
            out += '?' + p.binding->name + " <- ";
        }
        out += p.template_name.text + '(';
        for (std::size_t i = 0; i < p.constraints.size(); ++i) {
            const auto& c = p.constraints[i];
            if (i > 0) {
                out += ", ";
            }
            out += c.slot.text + (c.op == ":" ? ": " : ' ' + c.op + ' ');
            expr(c.value);
        }
        out += ')';
    }

    void condition(const ast::Condition& cond, const std::string& indent) {
        out += indent;
        boost::apply_visitor(
            [this, &indent](const auto& node) {
                const auto& n = unwrap(node);
                using N = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<N, ast::Pattern>) {
                    pattern(n);
                } else if constexpr (std::is_same_v<N, ast::TestCond>) {
                    out += "test ";
                    expr(n.expr);
                } else if constexpr (std::is_same_v<N, ast::AggregateCond>) {
                    out += '?' + n.result.name + " = " + n.function;
                    if (n.argument) {
                        out += '(';
                        expr(*n.argument);
                        out += ") over ";
                    } else {
                        out += ' ';
                    }
                    pattern(n.pattern);
                } else {
                    out += n.kind + ' ';
                    const bool short_form =
                        n.conditions.size() == 1 &&
                        boost::get<ast::Pattern>(&n.conditions.front()) != nullptr;
                    if (short_form) {
                        pattern(boost::get<ast::Pattern>(n.conditions.front()));
                    } else {
                        out += "{\n";
                        for (const auto& c : n.conditions) {
                            condition(c, indent + "    ");
                        }
                        out += indent + '}';
                    }
                }
            },
            cond);
        out += '\n';
    }

    void assigns(const std::vector<ast::SlotAssign>& slots) {
        out += '(';
        for (std::size_t i = 0; i < slots.size(); ++i) {
            if (i > 0) {
                out += ", ";
            }
            out += slots[i].slot.text + ": ";
            expr(slots[i].value);
        }
        out += ')';
    }

    void action(const ast::Action& act) {
        out += "    ";
        boost::apply_visitor(
            [this](const auto& a) {
                using A = std::decay_t<decltype(a)>;
                if constexpr (std::is_same_v<A, ast::AssertAction>) {
                    out += a.kind + ' ' + a.template_name.text;
                    assigns(a.slots);
                } else if constexpr (std::is_same_v<A, ast::RetractAction>) {
                    out += "retract ?" + a.fact.name;
                } else if constexpr (std::is_same_v<A, ast::ModifyAction>) {
                    out += "modify ?" + a.fact.name;
                    assigns(a.slots);
                } else if constexpr (std::is_same_v<A, ast::RecommendAction>) {
                    out += "recommend " + a.id.text + " for ";
                    expr(a.subject);
                    if (a.confidence) {
                        out += " confidence ";
                        expr(*a.confidence);
                    }
                    if (a.because) {
                        out += " because ";
                        string(*a.because);
                    }
                } else if constexpr (std::is_same_v<A, ast::BindAction>) {
                    out += "bind ?" + a.var.name + " = ";
                    expr(a.value);
                } else if constexpr (std::is_same_v<A, ast::PrintAction>) {
                    out += "print ";
                    string(a.text);
                } else if constexpr (std::is_same_v<A, ast::LogAction>) {
                    out += "log " + a.level.text + ' ';
                    string(a.text);
                } else {
                    out += "halt";
                }
            },
            act);
        out += '\n';
    }

    void base_type(const ast::BaseType& t) {
        out += t.name;
        if (!t.symbols.empty()) {
            out += " in {";
            for (std::size_t i = 0; i < t.symbols.size(); ++i) {
                out += (i > 0 ? ", " : "") + t.symbols[i].text;
            }
            out += '}';
        }
        if (t.range) {
            out += " in " + t.range->low.text + ".." + t.range->high.text;
        }
    }

    void declaration(const ast::Declaration& decl) {
        boost::apply_visitor(
            [this](const auto& d) {
                using D = std::decay_t<decltype(d)>;
                if constexpr (std::is_same_v<D, ast::TemplateDecl>) {
                    out += "template " + d.name.text + " {\n";
                    for (const auto& s : d.slots) {
                        out += "    " + s.name.text + ": ";
                        if (s.type.is_list) {
                            out += '[';
                            base_type(s.type.element);
                            out += ']';
                        } else {
                            base_type(s.type.element);
                        }
                        if (s.optional) {
                            out += " ?";
                        }
                        if (s.default_value) {
                            out += " = ";
                            expr(*s.default_value);
                        }
                        out += '\n';
                    }
                    out += "}\n";
                } else if constexpr (std::is_same_v<D, ast::RecommendationDecl>) {
                    out += "recommendation " + d.id.text + ' ';
                    string(d.title);
                    if (d.description) {
                        out += "\n    ";
                        string(*d.description);
                    }
                    out += '\n';
                } else if constexpr (std::is_same_v<D, ast::ParamDecl>) {
                    out += "param " + d.name.text + " = ";
                    expr(d.value);
                    if (d.doc) {
                        out += ' ';
                        string(*d.doc);
                    }
                    out += '\n';
                } else {
                    out += "rule " + d.name.text + '\n';
                    if (d.description) {
                        out += "    ";
                        string(*d.description);
                        out += '\n';
                    }
                    if (d.salience) {
                        out += "    salience ";
                        expr(*d.salience);
                        out += '\n';
                    }
                    out += "when\n";
                    for (const auto& c : d.conditions) {
                        condition(c, "    ");
                    }
                    out += "then\n";
                    for (const auto& a : d.actions) {
                        action(a);
                    }
                    out += "end\n";
                }
            },
            decl);
    }
};

}  // namespace

std::string dump_sexpr(const ast::File& file) {
    SexprWriter w;
    for (const auto& d : file.declarations) {
        w.declaration(d);
        w.out += '\n';
    }
    return std::move(w.out);
}

std::string dump_sexpr(const ast::Expr& expr) {
    SexprWriter w;
    w.expr(expr);
    return std::move(w.out);
}

std::string print_source(const ast::File& file) {
    SourceWriter w;
    for (std::size_t i = 0; i < file.declarations.size(); ++i) {
        if (i > 0) {
            w.out += '\n';
        }
        w.declaration(file.declarations[i]);
    }
    return std::move(w.out);
}

std::string print_source(const ast::Expr& expr) {
    SourceWriter w;
    w.expr(expr);
    return std::move(w.out);
}

}  // namespace maslahat::dsl
