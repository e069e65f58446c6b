// An alpha memory node: the facts of one template passing a list of constant tests
// (literals, parameters, and intra-fact tests whose own-fact references were normalised to
// `self_position`). Shared by every pattern with the same template and tests.
#pragma once

#include "ir/program.hpp"
#include "rete/ids.hpp"

#include <cstdint>
#include <vector>

namespace maslahat::rete {

struct AlphaNode {
    ir::TemplateIndex template_index = 0;
    std::vector<ir::Constraint> tests;
    std::vector<NodeId> successors;  ///< beta nodes with this memory as right input, in order
    std::uint32_t first_rule = 0;    ///< a rule using it (for run-time error messages)
};

}  // namespace maslahat::rete
