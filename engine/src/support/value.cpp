#include "maslahat/value.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cmath>
#include <functional>

namespace maslahat {

struct Value::ListRep {
    std::atomic<std::uint32_t> refs{1};
    std::vector<Value> items;
};

void Value::retain_list(ListRep* list) noexcept {
    list->refs.fetch_add(1, std::memory_order_relaxed);
}

void Value::release_list(ListRep* list) noexcept {
    if (list->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        delete list;
    }
}

Value Value::boolean(bool b) {
    Value v;
    v.kind_ = ValueKind::Bool;
    v.u_.b = b;
    return v;
}
Value Value::integer(std::int64_t i) {
    Value v;
    v.kind_ = ValueKind::Int;
    v.u_.i = i;
    return v;
}
Value Value::number(double d) {
    Value v;
    v.kind_ = ValueKind::Number;
    v.u_.d = d;
    return v;
}
Value Value::string_atom(Atom a) {
    Value v;
    v.kind_ = ValueKind::String;
    v.u_.a = a;
    return v;
}
Value Value::symbol_atom(Atom a) {
    Value v;
    v.kind_ = ValueKind::Symbol;
    v.u_.a = a;
    return v;
}
Value Value::string(std::string_view text) {
    return string_atom(intern(text));
}
Value Value::symbol(std::string_view text) {
    return symbol_atom(intern(text));
}
Value Value::list(std::vector<Value> items) {
    Value v;
    v.u_.l = new ListRep{{1}, std::move(items)};
    v.kind_ = ValueKind::List;
    return v;
}

const std::vector<Value>& Value::items() const {
    static const std::vector<Value> empty;
    return kind_ == ValueKind::List ? u_.l->items : empty;
}

bool Value::equal(const Value& a, const Value& b) {
    if (a.is_numeric() && b.is_numeric()) {
        if (a.kind_ == ValueKind::Int && b.kind_ == ValueKind::Int) {
            return a.u_.i == b.u_.i;
        }
        return a.as_number() == b.as_number();
    }
    if (a.is_text() && b.is_text()) {
        return a.u_.a == b.u_.a;
    }
    if (a.kind_ != b.kind_) {
        return false;
    }
    switch (a.kind_) {
        case ValueKind::Nil:
            return true;
        case ValueKind::Bool:
            return a.u_.b == b.u_.b;
        case ValueKind::List:
            return a.u_.l == b.u_.l || a.items() == b.items();
        default:
            return false;
    }
}

std::size_t Value::hash() const {
    switch (kind_) {
        case ValueKind::Nil:
            return 0x9e3779b9U;
        case ValueKind::Bool:
            return u_.b ? 1U : 2U;
        case ValueKind::Int:
            return std::hash<std::int64_t>{}(u_.i);
        case ValueKind::Number: {
            const double d = u_.d;
            if (std::nearbyint(d) == d && std::fabs(d) < 9.2e18) {
                return std::hash<std::int64_t>{}(static_cast<std::int64_t>(d));
            }
            return std::hash<double>{}(d);
        }
        case ValueKind::String:
        case ValueKind::Symbol:
            return std::hash<std::uint64_t>{}(0x51ED270BULL * (u_.a + 1ULL));
        case ValueKind::List: {
            std::size_t h = 0x345678U;
            for (const auto& item : items()) {
                h = h * 1000003U ^ item.hash();
            }
            return h;
        }
    }
    return 0;
}

bool Value::comparable(const Value& a, const Value& b) {
    return (a.is_numeric() && b.is_numeric()) || (a.is_text() && b.is_text());
}

int Value::compare(const Value& a, const Value& b) {
    if (a.is_numeric() && b.is_numeric()) {
        if (a.kind_ == ValueKind::Int && b.kind_ == ValueKind::Int) {
            return a.u_.i < b.u_.i ? -1 : (a.u_.i > b.u_.i ? 1 : 0);
        }
        const double x = a.as_number();
        const double y = b.as_number();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.is_text() && b.is_text()) {
        return a.text().compare(b.text());
    }
    if (a.kind_ != b.kind_) {
        return static_cast<int>(a.kind_) < static_cast<int>(b.kind_) ? -1 : 1;
    }
    if (a.kind_ == ValueKind::Bool) {
        return static_cast<int>(a.u_.b) - static_cast<int>(b.u_.b);
    }
    if (a.kind_ == ValueKind::List) {
        const auto& x = a.items();
        const auto& y = b.items();
        for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
            if (const int c = compare(x[i], y[i]); c != 0) {
                return c;
            }
        }
        return x.size() < y.size() ? -1 : (x.size() > y.size() ? 1 : 0);
    }
    return 0;
}

std::string Value::to_string() const {
    switch (kind_) {
        case ValueKind::Nil:
            return "nil";
        case ValueKind::Bool:
            return u_.b ? "true" : "false";
        case ValueKind::Int:
            return fmt::format("{}", u_.i);
        case ValueKind::Number:
            return fmt::format("{}", u_.d);
        case ValueKind::String:
        case ValueKind::Symbol:
            return std::string(text());
        case ValueKind::List: {
            std::string out = "[";
            bool first = true;
            for (const auto& item : items()) {
                if (!first) {
                    out += ", ";
                }
                first = false;
                out += item.to_string();
            }
            return out + "]";
        }
    }
    return "nil";
}

}  // namespace maslahat
static_assert(sizeof(maslahat::Value) == 16, "Value is meant to be 16 bytes");
