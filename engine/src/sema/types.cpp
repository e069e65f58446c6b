#include "sema/types.hpp"

#include "support/did_you_mean.hpp"

namespace maslahat::sema {
namespace {

bool same_family(TypeKind a, TypeKind b) {
    const auto numeric = [](TypeKind k) { return k == TypeKind::Int || k == TypeKind::Number; };
    const auto text = [](TypeKind k) { return k == TypeKind::String || k == TypeKind::Symbol; };
    if (a == TypeKind::Any || b == TypeKind::Any) {
        return true;
    }
    return (numeric(a) && numeric(b)) || (text(a) && text(b)) || a == b;
}

std::string kind_name(TypeKind kind) {
    switch (kind) {
        case TypeKind::Any:
            return "value";
        case TypeKind::Nil:
            return "nil";
        case TypeKind::Bool:
            return "bool";
        case TypeKind::Int:
            return "int";
        case TypeKind::Number:
            return "number";
        case TypeKind::String:
            return "string";
        case TypeKind::Symbol:
            return "symbol";
        case TypeKind::List:
            return "list";
    }
    return "value";
}

}  // namespace

TypeKind kind_of_base(ir::BaseType base) {
    switch (base) {
        case ir::BaseType::String:
            return TypeKind::String;
        case ir::BaseType::Number:
            return TypeKind::Number;
        case ir::BaseType::Int:
            return TypeKind::Int;
        case ir::BaseType::Bool:
            return TypeKind::Bool;
        case ir::BaseType::Symbol:
            return TypeKind::Symbol;
    }
    return TypeKind::Any;
}

ir::BaseType base_of_kind(TypeKind kind) {
    switch (kind) {
        case TypeKind::Int:
            return ir::BaseType::Int;
        case TypeKind::Bool:
            return ir::BaseType::Bool;
        case TypeKind::String:
            return ir::BaseType::String;
        case TypeKind::Symbol:
            return ir::BaseType::Symbol;
        default:
            return ir::BaseType::Number;
    }
}

Type type_of_slot(const ir::SlotType& slot) {
    const TypeKind base = kind_of_base(slot.base);
    return slot.list ? Type::list_of(base) : Type::of(base);
}

Type type_of_value(const Value& value) {
    switch (value.kind()) {
        case ValueKind::Nil:
            return Type::of(TypeKind::Nil);
        case ValueKind::Bool:
            return Type::of(TypeKind::Bool);
        case ValueKind::Int:
            return Type::of(TypeKind::Int);
        case ValueKind::Number:
            return Type::of(TypeKind::Number);
        case ValueKind::String:
            return Type::of(TypeKind::String);
        case ValueKind::Symbol:
            return Type::of(TypeKind::Symbol);
        case ValueKind::List: {
            std::optional<TypeKind> element;
            for (const auto& item : value.items()) {
                const TypeKind k = type_of_value(item).kind;
                if (!element) {
                    element = k;
                } else if (*element != k) {
                    const bool numeric =
                        (*element == TypeKind::Int || *element == TypeKind::Number) &&
                        (k == TypeKind::Int || k == TypeKind::Number);
                    element = numeric ? TypeKind::Number : TypeKind::Any;
                }
            }
            return Type::list_of(element.value_or(TypeKind::Any));
        }
    }
    return Type{};
}

std::string type_name(Type type) {
    if (type.kind == TypeKind::List && type.element != TypeKind::Any) {
        return "list of " + kind_name(type.element);
    }
    return kind_name(type.kind);
}

std::string a_type_name(Type type) {
    std::string name = type_name(type);
    if (type.kind == TypeKind::Nil) {
        return name;
    }
    const bool vowel = name[0] == 'i';
    return (vowel ? "an " : "a ") + name;
}

std::string slot_type_name(const ir::SlotType& slot) {
    std::string out = kind_name(kind_of_base(slot.base));
    if (!slot.symbols.empty()) {
        out += " in {";
        for (std::size_t i = 0; i < slot.symbols.size(); ++i) {
            out += (i == 0 ? "" : ", ");
            out += atom_text(slot.symbols[i]);
        }
        out += "}";
    }
    if (slot.low && slot.high) {
        out += " in " + Value::number(*slot.low).to_string() + ".." +
               Value::number(*slot.high).to_string();
    }
    return slot.list ? "[" + out + "]" : out;
}

bool equality_compatible(Type a, Type b) {
    if (a.kind == TypeKind::Nil || b.kind == TypeKind::Nil) {
        return true;
    }
    if (!same_family(a.kind, b.kind)) {
        return false;
    }
    if (a.kind == TypeKind::List && b.kind == TypeKind::List) {
        return same_family(a.element, b.element);
    }
    return true;
}

bool orderable(Type t) {
    return t.is_any() || t.is_numeric() || t.is_text();
}

bool order_compatible(Type a, Type b) {
    return orderable(a) && orderable(b) && same_family(a.kind, b.kind);
}

bool assignable(Type value, Type slot) {
    if (value.is_any() || slot.is_any() || value.kind == TypeKind::Nil) {
        return true;
    }
    if (slot.kind == TypeKind::List) {
        return value.kind == TypeKind::List &&
               assignable(Type::of(value.element), Type::of(slot.element));
    }
    switch (slot.kind) {
        case TypeKind::Int:
            return value.kind == TypeKind::Int;
        case TypeKind::Number:
            return value.is_numeric();
        case TypeKind::String:
        case TypeKind::Symbol:
            return value.is_text();
        default:
            return value.kind == slot.kind;
    }
}

bool value_fits(const Value& value, Type slot) {
    if (value.kind() == ValueKind::List && slot.is_list()) {
        for (const auto& item : value.items()) {
            if (!assignable(type_of_value(item), Type::of(slot.element))) {
                return false;
            }
        }
        return true;
    }
    return assignable(type_of_value(value), slot);
}

Type arithmetic_result(Type a, Type b) {
    if (a.kind == TypeKind::Int && b.kind == TypeKind::Int) {
        return Type::of(TypeKind::Int);
    }
    if (a.is_any() || b.is_any()) {
        return Type{};
    }
    return Type::of(TypeKind::Number);
}

std::optional<Value> constant_value(const ir::Expr& expr) {
    if (expr.kind == ir::ExprKind::Literal) {
        return expr.value;
    }
    if (expr.kind != ir::ExprKind::List) {
        return std::nullopt;
    }
    std::vector<Value> items;
    for (const auto& item : expr.args) {
        auto v = constant_value(item);
        if (!v) {
            return std::nullopt;
        }
        items.push_back(std::move(*v));
    }
    return Value::list(std::move(items));
}

Value coerce_to_slot(const Value& value, const ir::SlotType& slot) {
    if (slot.list) {
        if (value.kind() != ValueKind::List) {
            return value;
        }
        ir::SlotType element = slot;
        element.list = false;
        std::vector<Value> items;
        items.reserve(value.items().size());
        for (const auto& item : value.items()) {
            items.push_back(coerce_to_slot(item, element));
        }
        return Value::list(std::move(items));
    }
    switch (slot.base) {
        case ir::BaseType::Number:
            return value.kind() == ValueKind::Int ? Value::number(value.as_number()) : value;
        case ir::BaseType::String:
            return value.kind() == ValueKind::Symbol ? Value::string_atom(value.atom()) : value;
        case ir::BaseType::Symbol:
            return value.kind() == ValueKind::String ? Value::symbol_atom(value.atom()) : value;
        default:
            return value;
    }
}

std::optional<std::string> value_violation(const Value& value, const ir::SlotType& slot,
                                           std::string_view slot_name) {
    if (value.kind() == ValueKind::List) {
        ir::SlotType element = slot;
        element.list = false;
        for (const auto& item : value.items()) {
            if (auto problem = value_violation(item, element, slot_name)) {
                return problem;
            }
        }
        return std::nullopt;
    }
    if (!slot.symbols.empty() && value.is_text()) {
        for (const Atom a : slot.symbols) {
            if (a == value.atom()) {
                return std::nullopt;
            }
        }
        std::vector<std::string_view> names;
        std::string list;
        for (const Atom a : slot.symbols) {
            names.push_back(atom_text(a));
            list += (list.empty() ? "" : ", ") + std::string(atom_text(a));
        }
        return "'" + std::string(value.text()) + "' is not one of {" + list + "} of slot '" +
               std::string(slot_name) + "'" + support::did_you_mean(value.text(), names);
    }
    if (slot.low && slot.high && value.is_numeric()) {
        const double v = value.as_number();
        if (v < *slot.low || v > *slot.high) {
            return value.to_string() + " is outside the range " +
                   Value::number(*slot.low).to_string() + ".." +
                   Value::number(*slot.high).to_string() + " of slot '" + std::string(slot_name) +
                   "'";
        }
    }
    return std::nullopt;
}

}  // namespace maslahat::sema
