// The compiled Rete network: immutable after build_network(), shared by any number of
// sessions (each with its own Memory). Nodes live in vectors addressed by strong ids; the
// kind-specific data of a node is found through Node::data.
#pragma once

#include "ir/program.hpp"
#include "rete/aggregate_node.hpp"
#include "rete/alpha_node.hpp"
#include "rete/join_node.hpp"
#include "rete/ncc_node.hpp"
#include "rete/negative_node.hpp"
#include "rete/node.hpp"
#include "rete/terminal_node.hpp"
#include "rete/test_node.hpp"

#include <vector>

namespace maslahat::rete {

class Network {
public:
    static constexpr NodeId root{0};

    const Node& node(NodeId id) const {
        return nodes_[index(id)];
    }
    const AlphaNode& alpha(AlphaId id) const {
        return alphas_[index(id)];
    }
    const JoinNode& join(const Node& n) const {
        return joins_[n.data];
    }
    const NegativeNode& negative(const Node& n) const {
        return negatives_[n.data];
    }
    const NccNode& ncc(const Node& n) const {
        return nccs_[n.data];
    }
    const NccPartnerNode& ncc_partner(const Node& n) const {
        return partners_[n.data];
    }
    const AggregateNode& aggregate(const Node& n) const {
        return aggregates_[n.data];
    }
    const TestNode& test(const Node& n) const {
        return tests_[n.data];
    }
    const TerminalNode& terminal(const Node& n) const {
        return terminals_[n.data];
    }

    std::size_t node_count() const {
        return nodes_.size();
    }
    std::size_t alpha_count() const {
        return alphas_.size();
    }
    /// Alpha memories of a template, in creation order.
    const std::vector<AlphaId>& alphas_of(ir::TemplateIndex t) const;
    /// The terminal node of each rule (index = rule index).
    const std::vector<NodeId>& terminals() const {
        return rule_terminals_;
    }
    /// The join spec of a two-input node (Join, Negative, Aggregate), else nullptr.
    const JoinSpec* spec(const Node& n) const;

private:
    friend class NetworkBuilder;
    std::vector<Node> nodes_;
    std::vector<AlphaNode> alphas_;
    std::vector<std::vector<AlphaId>> alphas_by_template_;
    std::vector<JoinNode> joins_;
    std::vector<NegativeNode> negatives_;
    std::vector<NccNode> nccs_;
    std::vector<NccPartnerNode> partners_;
    std::vector<AggregateNode> aggregates_;
    std::vector<TestNode> tests_;
    std::vector<TerminalNode> terminals_;
    std::vector<NodeId> rule_terminals_;
};

}  // namespace maslahat::rete
