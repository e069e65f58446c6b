// Static types of the checker: the type of every expression, variable and slot as far as it
// is known at compile time, and the rules that say which operators, comparisons and slot
// assignments are allowed between them. `Any` stands for "unknown" (after an error, or a
// value whose type only the run time knows) and is compatible with everything.
#pragma once

#include "ir/program.hpp"
#include "maslahat/value.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace maslahat::sema {

enum class TypeKind : std::uint8_t { Any, Nil, Bool, Int, Number, String, Symbol, List };

struct Type {
    TypeKind kind = TypeKind::Any;
    TypeKind element = TypeKind::Any;  ///< List: the element kind (Any when mixed or empty)

    static Type of(TypeKind k) {
        return Type{k, TypeKind::Any};
    }
    static Type list_of(TypeKind e) {
        return Type{TypeKind::List, e};
    }
    bool is_any() const {
        return kind == TypeKind::Any;
    }
    bool is_numeric() const {
        return kind == TypeKind::Int || kind == TypeKind::Number;
    }
    bool is_text() const {
        return kind == TypeKind::String || kind == TypeKind::Symbol;
    }
    bool is_list() const {
        return kind == TypeKind::List;
    }
};

TypeKind kind_of_base(ir::BaseType base);
Type type_of_slot(const ir::SlotType& slot);
Type type_of_value(const Value& value);
ir::BaseType base_of_kind(TypeKind kind);

/// "int", "number", "string", "symbol", "bool", "nil", "list of int", "list".
std::string type_name(Type type);
/// Like type_name with an article: "an int", "a list of symbol".
std::string a_type_name(Type type);
/// The slot's declared type as written: "int in 1..5", "symbol in {a, b}", "[string]".
std::string slot_type_name(const ir::SlotType& slot);

/// `==` / `!=` make sense between the two (same family: numbers, texts, bools, lists; nil and
/// Any with everything).
bool equality_compatible(Type a, Type b);
/// `< <= > >=` are defined on the type (numbers and texts).
bool orderable(Type t);
/// Both orderable and of the same family.
bool order_compatible(Type a, Type b);
/// A value of type `value` may be stored in a slot of type `slot` (int fits number, string and
/// symbol convert, lists element-wise; nil only in optional slots is checked by the caller).
bool assignable(Type value, Type slot);
/// Like assignable, for a constant: each element of a list constant is checked on its own.
bool value_fits(const Value& value, Type slot);
/// The type of `a op b` for + - * %: int when both are int, else number.
Type arithmetic_result(Type a, Type b);

/// The value of a constant expression: a Literal, or a List whose items are all constant.
std::optional<Value> constant_value(const ir::Expr& expr);

/// The literal converted to the slot's type where the conversion is lossless (int -> number,
/// string <-> symbol, element-wise for lists); other values unchanged.
Value coerce_to_slot(const Value& value, const ir::SlotType& slot);

/// When `value` (already of a compatible type) lies outside the slot's enumeration or range,
/// a description of the problem, e.g. "120 is outside the range 0..100 of slot 'mipex'".
std::optional<std::string> value_violation(const Value& value, const ir::SlotType& slot,
                                           std::string_view slot_name);

}  // namespace maslahat::sema
