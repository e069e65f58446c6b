// The common header of every beta node: its kind, the index of its kind-specific data in
// the Network, its parent (left input) and children in activation order.
#pragma once

#include "rete/ids.hpp"

#include <cstdint>
#include <vector>

namespace maslahat::rete {

enum class NodeKind : std::uint8_t {
    Root,
    Join,
    Negative,
    Ncc,
    NccPartner,
    Aggregate,
    Test,
    Terminal
};

struct Node {
    NodeKind kind = NodeKind::Root;
    std::uint32_t data = 0;  ///< index into the Network's vector for `kind`
    NodeId parent{};
    std::vector<NodeId> children;
    std::uint32_t first_rule = 0;  ///< a rule using this node (for run-time error messages)
};

}  // namespace maslahat::rete
