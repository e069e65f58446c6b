// Builds the immutable Network from a checked program. Every node is created through a
// `build_or_share_*` function that first looks for an existing node with the same parent
// (or template) and the same tests, so rules with a common condition prefix share nodes.
#pragma once

#include "ir/program.hpp"
#include "rete/network.hpp"

namespace maslahat::rete {

/// Compiles every rule of `program` into one network (rules in declaration order).
Network build_network(const ir::Program& program);

class NetworkBuilder {
public:
    explicit NetworkBuilder(const ir::Program& program);
    Network finish();

    void add_rule(std::uint32_t rule_index);

    AlphaId build_or_share_alpha(ir::TemplateIndex t, std::vector<ir::Constraint> tests);
    NodeId build_or_share_join(NodeId parent, JoinSpec spec);
    NodeId build_or_share_negative(NodeId parent, JoinSpec spec, bool exists);
    NodeId build_or_share_ncc(NodeId parent, NodeId bottom, std::uint16_t depth, bool exists);
    NodeId build_or_share_aggregate(NodeId parent, AggregateNode data);
    NodeId build_or_share_test(NodeId parent, const ir::Expr& test);
    NodeId build_terminal(NodeId parent, std::uint32_t rule_index);

private:
    struct Built {
        NodeId node;
        std::uint16_t depth;  ///< nodes added below the starting parent
    };
    /// Builds the conditions in order below `parent`; a `test` right after a pattern is
    /// folded into that pattern's join (JoinSpec::checks).
    Built build_conditions(NodeId parent, const std::vector<ir::Condition>& conditions);
    NodeId build_condition(NodeId parent, const ir::Condition& c);
    JoinSpec make_spec(const ir::Pattern& p);
    NodeId add_node(NodeKind kind, std::uint32_t data, NodeId parent);
    /// Sets JoinKey::left_hops of a spec whose left tokens come from `parent`.
    void locate_keys(NodeId parent, JoinSpec& spec) const;

    const ir::Program& program_;
    Network net_;
    std::uint32_t current_rule_ = 0;
};

}  // namespace maslahat::rete
