// Conjunctive negation (Doorenbos' NCC): `not { COND+ }` and, with exists == true,
// `exists { COND+ }`. The group is a subnetwork hanging off the same parent; its bottom
// feeds the NccPartnerNode, which counts results per owner token (the parent's token
// `depth` levels up) and tells the NccNode when the count crosses zero.
#pragma once

#include "rete/ids.hpp"

#include <cstdint>

namespace maslahat::rete {

struct NccNode {
    NodeId partner{};
    bool exists = false;
};

struct NccPartnerNode {
    NodeId ncc{};
    std::uint16_t depth = 0;  ///< token levels between the NCC's parent and the subnetwork bottom
};

}  // namespace maslahat::rete
