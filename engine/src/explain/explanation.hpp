// Explanations as plain data: the support tree of a recommendation (--why) and, for a
// recommendation not made, the first failing condition of every rule that could make it
// (--why-not). Built by why.cpp / why_not.cpp, rendered by render_*.cpp.
#pragma once

#include "maslahat/fact.hpp"
#include "maslahat/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maslahat::explain {

/// One slot of a fact as shown: its value in text form and its provenance, if any.
struct ShownSlot {
    std::string name;
    std::string value;
    std::optional<Provenance> provenance;
    Value raw;  ///< the value itself (JSON keeps numbers as numbers)
};

/// A fact in a support tree: where it comes from and, when a rule derived it, the facts
/// that rule's firing matched (recursively down to fact files).
struct FactNode {
    std::uint64_t id = 0;
    std::string template_name;
    std::vector<ShownSlot> slots;
    FactOrigin origin;
    bool repeated = false;  ///< already explained earlier in the tree: premises not repeated
    bool missing = false;   ///< no longer in working memory (retracted)
    std::vector<FactNode> premises;
};

struct SupportNode {
    std::string rule;
    double confidence = 1.0;
    std::string because;
    std::uint64_t firing = 0;
    std::vector<FactNode> facts;
};

struct WhyExplanation {
    std::string id;
    std::string title;
    std::string subject;
    double confidence = 1.0;
    std::vector<SupportNode> supports;
    std::vector<double> combined;  ///< MYCIN cf after each support, in support order
};

/// The first condition of a rule that no match satisfies (given the bindings so far).
struct RuleFailure {
    std::string rule;
    std::size_t condition = 0;  ///< 1-based; 0 when every condition holds
    std::string condition_text;
    std::string reason;
    std::vector<std::string> bindings;   ///< "?n = \"Uzbekistan\"" of the best partial match
    std::vector<std::string> to_change;  ///< facts, slots or params that would have to change
    bool matched = false;                ///< every condition holds (subject or run differs)
    /// The failing condition needs a fact rules derive: why each rule that could derive it
    /// did not (a few levels deep).
    std::vector<RuleFailure> causes;
};

struct WhyNotExplanation {
    std::string id;
    std::string title;
    std::string subject;
    bool recommended = false;  ///< it is recommended after all
    double confidence = 0.0;
    std::vector<RuleFailure> rules;
};

}  // namespace maslahat::explain
