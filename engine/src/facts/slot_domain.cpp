#include "facts/slot_domain.hpp"

#include "support/did_you_mean.hpp"

#include <fmt/format.h>

#include <string_view>
#include <vector>

namespace maslahat::facts {

std::string element_type_name(const ir::SlotType& type) {
    switch (type.base) {
        case ir::BaseType::String:
            return "string";
        case ir::BaseType::Number:
            return "number";
        case ir::BaseType::Int:
            return "int";
        case ir::BaseType::Bool:
            return "bool";
        case ir::BaseType::Symbol:
            return "symbol";
    }
    return "value";
}

std::string slot_type_name(const ir::SlotType& type) {
    const std::string element = element_type_name(type);
    return type.list ? "[" + element + "]" : element;
}

std::optional<std::string> domain_violation(const ir::SlotType& type, const Value& value) {
    if (type.base == ir::BaseType::Symbol && !type.symbols.empty() && value.is_text()) {
        for (const Atom allowed : type.symbols) {
            if (allowed == value.atom()) {
                return std::nullopt;
            }
        }
        std::vector<std::string_view> names;
        names.reserve(type.symbols.size());
        for (const Atom allowed : type.symbols) {
            names.push_back(atom_text(allowed));
        }
        return fmt::format("'{}' is not one of {{{}}}{}", value.text(), fmt::join(names, ", "),
                           support::did_you_mean(value.text(), names));
    }
    if ((type.base == ir::BaseType::Number || type.base == ir::BaseType::Int) &&
        value.is_numeric() && (type.low || type.high)) {
        const double x = value.as_number();
        const bool below = type.low && x < *type.low;
        const bool above = type.high && x > *type.high;
        if (below || above) {
            const std::string low = type.low ? Value::number(*type.low).to_string() : "";
            const std::string high = type.high ? Value::number(*type.high).to_string() : "";
            return fmt::format("{} is outside the range {}..{}", value.to_string(), low, high);
        }
    }
    return std::nullopt;
}

}  // namespace maslahat::facts
