// Schema-side checks of fact-file values that do not depend on TOML: how a slot type is
// named in messages, and whether a converted value lies in the slot's enumeration or range
// (spec §3 slot types, §6 "a value outside an enumeration or range ... is an error").
#pragma once

#include "ir/program.hpp"
#include "maslahat/value.hpp"

#include <optional>
#include <string>

namespace maslahat::facts {

/// The slot type as written in a template, without enumeration or range: `int`, `symbol`,
/// `[number]`.
std::string slot_type_name(const ir::SlotType& type);

/// The element type of a slot (the slot type itself for non-list slots), as written.
std::string element_type_name(const ir::SlotType& type);

/// For a scalar value already of the slot's base type: nullopt when it is inside the slot's
/// enumeration and range, else the reason, e.g. "'risng' is not one of {falling, rising}
/// (did you mean 'rising'?)" or "120 is outside the range 0..100".
std::optional<std::string> domain_violation(const ir::SlotType& type, const Value& value);

}  // namespace maslahat::facts
