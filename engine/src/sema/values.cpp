// Literals as values (defaults, params, salience, constraint constants) and strings: escapes
// decoded everywhere, `{EXPR}` interpolation only in action strings (spec §4.3).
#include "dsl/parse.hpp"
#include "sema/checker.hpp"
#include "sema/literals.hpp"

namespace maslahat::sema {

std::optional<Value> Checker::literal_value(const ast::Expr& expr, bool& is_literal) {
    is_literal = true;
    if (const auto* n = boost::get<ast::NumberLit>(&expr)) {
        return decode_number(n->text, span(*n), sink_);
    }
    if (const auto* s = boost::get<ast::StringLit>(&expr)) {
        auto parts = decode_string(s->raw, file_, body_begin(*s), false, sink_);
        if (!parts) {
            return std::nullopt;
        }
        return Value::string(parts->front().text);
    }
    if (const auto* b = boost::get<ast::BoolLit>(&expr)) {
        return Value::boolean(b->value);
    }
    if (const auto* sym = boost::get<ast::SymbolLit>(&expr)) {
        return sym->name == "nil" ? Value() : Value::symbol(sym->name);
    }
    if (const auto* u = boost::get<ast::x3::forward_ast<ast::UnaryExpr>>(&expr)) {
        const auto* n = boost::get<ast::NumberLit>(&u->get().operand);
        if (u->get().op == "-" && n != nullptr) {
            const std::string text = n->text.starts_with('-') ? n->text.substr(1) : "-" + n->text;
            return decode_number(text, span(u->get()), sink_);
        }
    }
    if (const auto* l = boost::get<ast::x3::forward_ast<ast::ListExpr>>(&expr)) {
        std::vector<Value> items;
        bool ok = true;
        for (const auto& item : l->get().items) {
            bool item_literal = true;
            auto v = literal_value(item, item_literal);
            if (!item_literal) {
                is_literal = false;
                return std::nullopt;
            }
            ok = ok && v.has_value();
            if (v) {
                items.push_back(std::move(*v));
            }
        }
        if (!ok) {
            return std::nullopt;
        }
        return Value::list(std::move(items));
    }
    is_literal = false;
    return std::nullopt;
}

std::uint32_t Checker::body_begin(const ast::StringLit& lit) const {
    const std::string_view text = sources_.text(file_);
    if (lit.begin < text.size() && text[lit.begin] == '"') {
        return lit.begin + 1;
    }
    return lit.begin;
}

std::string Checker::plain_string(const ast::StringLit& lit) {
    auto parts = decode_string(lit.raw, file_, body_begin(lit), false, sink_);
    return parts ? parts->front().text : std::string();
}

Typed Checker::lower_string(const ast::StringLit& lit) {
    Typed out;
    out.type = Type::of(TypeKind::String);
    out.expr.span = span(lit);
    auto parts = decode_string(lit.raw, file_, body_begin(lit), in_action_, sink_);
    if (!parts) {
        out.expr.value = Value::string("");
        return out;
    }
    if (parts->size() == 1 && !parts->front().is_expr) {
        out.expr.value = Value::string(parts->front().text);
        return out;
    }
    out.expr.kind = ir::ExprKind::Concat;
    for (const auto& part : *parts) {
        if (!part.is_expr) {
            ir::Expr text;
            text.value = Value::string(part.text);
            text.span = out.expr.span;
            out.expr.args.push_back(std::move(text));
            continue;
        }
        auto parsed = dsl::parse_expression(sources_, file_, part.begin, part.end, sink_);
        if (!parsed) {
            continue;  // the parser reported it
        }
        out.expr.args.push_back(lower_expr(*parsed).expr);
    }
    return out;
}

}  // namespace maslahat::sema
