// Small text helpers shared by the explanation builders and renderers: numbers, values with
// provenance, fact labels and origins, and which slots of a fact a rule actually looks at.
#pragma once

#include "ir/program.hpp"
#include "maslahat/fact.hpp"
#include "maslahat/result.hpp"
#include "maslahat/value.hpp"

#include <optional>
#include <set>
#include <string>

namespace maslahat::explain {

/// A confidence or other double, shortest form (0.94, 0.8848, 1).
std::string number_text(double x);
/// "14 (2024, World Bank)": a value with its year and source when known.
std::string figure_text(const std::string& value, const std::optional<Provenance>& provenance);
/// "facts/uzbekistan.toml:4", "rule o3_high_remittances (firing 12)" or "the embedding API".
std::string origin_text(const FactOrigin& origin);
/// `country "Uzbekistan"`: the template and its first text slot's value, if any.
std::string fact_label(const FactResult& fact);
/// Slots of the fact at token position `token` that `rule` reads (constraints, variables,
/// tests and actions); empty when the rule does not read that position as `template_index`.
std::set<ir::SlotIndex> slots_read(const ir::Rule& rule, ir::TokenIndex token,
                                   ir::TemplateIndex template_index);
/// MYCIN combination of two certainty factors: 1 - (1 - a)(1 - b).
double combine(double a, double b);

}  // namespace maslahat::explain
