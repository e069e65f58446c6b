// A run-time value of the rule language: nil, bool, int, number, string, symbol or list.
// Strings and symbols are interned (see intern()), so equality and hashing are O(1);
// ints and numbers compare by value (spec §4.2). Printing follows spec §4.3.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace maslahat {

/// An interned piece of text; the same text always gives the same Atom in one process.
using Atom = std::uint32_t;

/// Interns `text` (process-wide table, not thread-safe) and returns its atom.
Atom intern(std::string_view text);
/// The text of an interned atom; valid for the life of the process.
std::string_view atom_text(Atom atom);

enum class ValueKind : std::uint8_t { Nil, Bool, Int, Number, String, Symbol, List };

class Value {
public:
    Value() = default;  ///< nil
    Value(const Value& other) noexcept : kind_(other.kind_), u_(other.u_) {
        retain();
    }
    Value(Value&& other) noexcept : kind_(other.kind_), u_(other.u_) {
        other.kind_ = ValueKind::Nil;
    }
    Value& operator=(const Value& other) noexcept {
        if (this != &other) {
            other.retain();
            release();
            kind_ = other.kind_;
            u_ = other.u_;
        }
        return *this;
    }
    Value& operator=(Value&& other) noexcept {
        if (this != &other) {
            release();
            kind_ = other.kind_;
            u_ = other.u_;
            other.kind_ = ValueKind::Nil;
        }
        return *this;
    }
    ~Value() {
        release();
    }

    static Value boolean(bool b);
    static Value integer(std::int64_t i);
    static Value number(double d);
    static Value string(std::string_view text);
    static Value symbol(std::string_view text);
    static Value string_atom(Atom a);
    static Value symbol_atom(Atom a);
    static Value list(std::vector<Value> items);

    ValueKind kind() const {
        return kind_;
    }
    bool is_nil() const {
        return kind_ == ValueKind::Nil;
    }
    bool is_numeric() const {
        return kind_ == ValueKind::Int || kind_ == ValueKind::Number;
    }
    bool is_text() const {
        return kind_ == ValueKind::String || kind_ == ValueKind::Symbol;
    }

    bool as_bool() const {
        return u_.b;
    }
    std::int64_t as_int() const {
        return u_.i;
    }
    /// Int or number as a double.
    double as_number() const {
        return kind_ == ValueKind::Int ? static_cast<double>(u_.i) : u_.d;
    }
    Atom atom() const {
        return u_.a;
    }
    std::string_view text() const {
        return atom_text(u_.a);
    }
    const std::vector<Value>& items() const;

    /// Equality of the language: 2 == 2.0; a string equals a symbol of the same text;
    /// lists element-wise; nil equals only nil.
    friend bool operator==(const Value& a, const Value& b) {
        // the common cases inline (joins compare ints and atoms by the million)
        if (a.kind_ == b.kind_) {
            if (a.kind_ == ValueKind::Int) {
                return a.u_.i == b.u_.i;
            }
            if (a.kind_ == ValueKind::String || a.kind_ == ValueKind::Symbol) {
                return a.u_.a == b.u_.a;
            }
        }
        return equal(a, b);
    }
    /// Hash consistent with operator==.
    std::size_t hash() const;
    /// Total order for sorting and for < <= > >= on comparable values (numbers, texts).
    /// Returns <0, 0, >0. Values of incomparable kinds are ordered by kind.
    static int compare(const Value& a, const Value& b);
    /// True when `<` and friends are defined between the two (both numeric or both text).
    static bool comparable(const Value& a, const Value& b);

    /// Spec §4.3: int decimal, number shortest round-trip form without trailing ".0",
    /// string/symbol as text, list as "[a, b]", nil as "nil".
    std::string to_string() const;

private:
    struct ListRep;  ///< shared, immutable items with a reference count (value.cpp)
    void retain() const noexcept {
        if (kind_ == ValueKind::List) {
            retain_list(u_.l);
        }
    }
    void release() noexcept {
        if (kind_ == ValueKind::List) {
            release_list(u_.l);
        }
    }
    static bool equal(const Value& a, const Value& b);  ///< operator== for every kind
    static void retain_list(ListRep* list) noexcept;
    static void release_list(ListRep* list) noexcept;

    // 16 bytes: values are stored per slot, per token and per binding, so size matters
    ValueKind kind_ = ValueKind::Nil;
    union {
        bool b;
        std::int64_t i;
        double d;
        Atom a;
        ListRep* l;
    } u_{};
};

struct ValueHash {
    std::size_t operator()(const Value& v) const {
        return v.hash();
    }
};

}  // namespace maslahat
