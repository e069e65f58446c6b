#include "rete/builder.hpp"

#include "rete/eval.hpp"
#include "rete/expr_equal.hpp"

#include <algorithm>
#include <optional>

namespace maslahat::rete {
namespace {

bool same_spec(const JoinSpec& a, const JoinSpec& b) {
    return a.alpha == b.alpha && a.position == b.position && a.keys == b.keys &&
           same_constraints(a.tests, b.tests) &&
           std::equal(a.checks.begin(), a.checks.end(), b.checks.begin(), b.checks.end(),
                      [](const ir::Expr& x, const ir::Expr& y) { return same_expr(x, y); });
}

/// `test ?v OP EXPR` with ?v a slot of the pattern at `token` and EXPR reading no other
/// position: the constraint `slot OP EXPR` of that pattern (same comparison, same values).
std::optional<ir::Constraint> as_own_slot_constraint(const ir::Expr& test, ir::TokenIndex token) {
    if (!is_comparison(test)) {
        return std::nullopt;
    }
    const ir::Expr& var = test.args[0];
    if (var.kind != ir::ExprKind::SlotRef || var.token != token ||
        references_other_positions(test.args[1], token)) {
        return std::nullopt;
    }
    return ir::Constraint{var.slot, test.op, test.args[1], test.span};
}

bool same_optional_expr(const std::optional<ir::Expr>& a, const std::optional<ir::Expr>& b) {
    return a.has_value() == b.has_value() && (!a || same_expr(*a, *b));
}

}  // namespace

Network build_network(const ir::Program& program) {
    NetworkBuilder builder(program);
    for (std::uint32_t r = 0; r < program.rules.size(); ++r) {
        builder.add_rule(r);
    }
    return builder.finish();
}

NetworkBuilder::NetworkBuilder(const ir::Program& program) : program_(program) {
    net_.nodes_.push_back(Node{NodeKind::Root, 0, Network::root, {}, 0});
    net_.alphas_by_template_.resize(program.templates.size());
}

Network NetworkBuilder::finish() {
    return std::move(net_);
}

NodeId NetworkBuilder::add_node(NodeKind kind, std::uint32_t data, NodeId parent) {
    const auto id = make_id<NodeId>(net_.nodes_.size());
    net_.nodes_.push_back(Node{kind, data, parent, {}, current_rule_});
    net_.nodes_[index(parent)].children.push_back(id);
    return id;
}

namespace {
/// Whether tokens made by a node of this kind add a token position (a fact or a value).
bool adds_position(NodeKind kind) {
    return kind == NodeKind::Join || kind == NodeKind::Aggregate;
}
}  // namespace

void NetworkBuilder::locate_keys(NodeId parent, JoinSpec& spec) const {
    // the chain of nodes whose tokens a token of `parent` descends from, and the number of
    // positions its tokens cover (TokenStore::make: the parent's plus one if it adds one)
    std::vector<NodeId> chain;
    std::uint32_t covered = 0;
    for (NodeId n = parent; n != Network::root; n = net_.nodes_[index(n)].parent) {
        chain.push_back(n);
        covered += adds_position(net_.nodes_[index(n)].kind) ? 1 : 0;
    }
    // the same walk as TokenStore::find_position, over nodes instead of tokens
    const auto hops_to = [&](ir::TokenIndex pos) {
        std::uint32_t c = covered;
        for (std::size_t i = 0; i < chain.size(); ++i) {
            const bool adds = adds_position(net_.nodes_[index(chain[i])].kind);
            if (adds && c == static_cast<std::uint32_t>(pos) + 1) {
                return static_cast<std::uint16_t>(i);
            }
            c -= adds ? 1 : 0;
        }
        return JoinSpec::no_hops;
    };
    for (JoinKey& k : spec.keys) {
        k.left_hops = hops_to(k.left_token);
    }
    spec.test_hops.clear();
    for (const ir::Constraint& c : spec.tests) {
        const bool earlier = c.rhs.kind == ir::ExprKind::SlotRef && c.rhs.token != spec.position;
        spec.test_hops.push_back(earlier ? hops_to(c.rhs.token) : JoinSpec::no_hops);
    }
}

void NetworkBuilder::add_rule(std::uint32_t rule_index) {
    current_rule_ = rule_index;
    const auto& rule = program_.rules[rule_index];
    const Built built = build_conditions(Network::root, rule.conditions);
    const NodeId terminal = build_terminal(built.node, rule_index);
    if (net_.rule_terminals_.size() <= rule_index) {
        net_.rule_terminals_.resize(rule_index + 1);
    }
    net_.rule_terminals_[rule_index] = terminal;
}

NetworkBuilder::Built NetworkBuilder::build_conditions(
    NodeId parent, const std::vector<ir::Condition>& conditions) {
    std::uint16_t depth = 0;
    for (std::size_t i = 0; i < conditions.size(); ++i) {
        if (conditions[i].kind == ir::ConditionKind::Pattern) {
            // the `test`s right after a pattern: one on the pattern's own fact alone becomes
            // an alpha test (as CLIPS reads `?v&:(< ?v 10)`), any other a check of its join
            // (no node, no token each)
            ir::Pattern pattern = conditions[i].pattern;
            std::vector<ir::Expr> checks;
            while (i + 1 < conditions.size() && conditions[i + 1].kind == ir::ConditionKind::Test) {
                const ir::Expr& test = conditions[++i].test;
                if (auto c = as_own_slot_constraint(test, pattern.token)) {
                    pattern.constraints.push_back(std::move(*c));
                } else {
                    checks.push_back(test);
                }
            }
            JoinSpec spec = make_spec(pattern);
            spec.checks = std::move(checks);
            parent = build_or_share_join(parent, std::move(spec));
        } else {
            parent = build_condition(parent, conditions[i]);
        }
        ++depth;
    }
    return Built{parent, depth};
}

JoinSpec NetworkBuilder::make_spec(const ir::Pattern& p) {
    JoinSpec spec;
    std::vector<ir::Constraint> alpha_tests;
    for (const auto& c : p.constraints) {
        if (!references_other_positions(c.rhs, p.token)) {
            ir::Constraint normalised = c;
            normalised.rhs = rebase_position(c.rhs, p.token, self_position);
            alpha_tests.push_back(std::move(normalised));
        } else if (c.op == ir::Op::Eq && c.rhs.kind == ir::ExprKind::SlotRef) {
            spec.keys.push_back(JoinKey{c.rhs.token, c.rhs.slot, c.slot});
        } else {
            spec.tests.push_back(c);
        }
    }
    spec.alpha = build_or_share_alpha(p.template_index, std::move(alpha_tests));
    spec.position = p.token;
    return spec;
}

NodeId NetworkBuilder::build_condition(NodeId parent, const ir::Condition& c) {
    switch (c.kind) {
        case ir::ConditionKind::Pattern:
            return build_or_share_join(parent, make_spec(c.pattern));
        case ir::ConditionKind::Not:
        case ir::ConditionKind::Exists: {
            const bool exists = c.kind == ir::ConditionKind::Exists;
            if (c.group.size() == 1 && c.group[0].kind == ir::ConditionKind::Pattern) {
                return build_or_share_negative(parent, make_spec(c.group[0].pattern), exists);
            }
            const Built sub = build_conditions(parent, c.group);
            return build_or_share_ncc(parent, sub.node, sub.depth, exists);
        }
        case ir::ConditionKind::Test:
            return build_or_share_test(parent, c.test);
        case ir::ConditionKind::Aggregate: {
            AggregateNode data;
            data.spec = make_spec(c.pattern);
            data.function = c.function;
            data.argument = c.argument;
            data.result_position = c.result_token;
            return build_or_share_aggregate(parent, std::move(data));
        }
    }
    return parent;
}

AlphaId NetworkBuilder::build_or_share_alpha(ir::TemplateIndex t,
                                             std::vector<ir::Constraint> tests) {
    if (net_.alphas_by_template_.size() <= t) {
        net_.alphas_by_template_.resize(t + 1);
    }
    for (const AlphaId id : net_.alphas_by_template_[t]) {
        if (same_constraints(net_.alphas_[index(id)].tests, tests)) {
            return id;
        }
    }
    const auto id = make_id<AlphaId>(net_.alphas_.size());
    net_.alphas_.push_back(AlphaNode{t, std::move(tests), {}, current_rule_});
    net_.alphas_by_template_[t].push_back(id);
    return id;
}

NodeId NetworkBuilder::build_or_share_join(NodeId parent, JoinSpec spec) {
    locate_keys(parent, spec);
    for (const NodeId child : net_.nodes_[index(parent)].children) {
        const Node& n = net_.nodes_[index(child)];
        if (n.kind == NodeKind::Join && same_spec(net_.joins_[n.data].spec, spec)) {
            return child;
        }
    }
    const AlphaId alpha = spec.alpha;
    const auto data = static_cast<std::uint32_t>(net_.joins_.size());
    net_.joins_.push_back(JoinNode{std::move(spec)});
    const NodeId id = add_node(NodeKind::Join, data, parent);
    net_.alphas_[index(alpha)].successors.push_back(id);
    return id;
}

NodeId NetworkBuilder::build_or_share_negative(NodeId parent, JoinSpec spec, bool exists) {
    locate_keys(parent, spec);
    for (const NodeId child : net_.nodes_[index(parent)].children) {
        const Node& n = net_.nodes_[index(child)];
        if (n.kind == NodeKind::Negative && net_.negatives_[n.data].exists == exists &&
            same_spec(net_.negatives_[n.data].spec, spec)) {
            return child;
        }
    }
    const AlphaId alpha = spec.alpha;
    const auto data = static_cast<std::uint32_t>(net_.negatives_.size());
    net_.negatives_.push_back(NegativeNode{std::move(spec), exists});
    const NodeId id = add_node(NodeKind::Negative, data, parent);
    net_.alphas_[index(alpha)].successors.push_back(id);
    return id;
}

NodeId NetworkBuilder::build_or_share_ncc(NodeId parent, NodeId bottom, std::uint16_t depth,
                                          bool exists) {
    for (const NodeId child : net_.nodes_[index(parent)].children) {
        const Node& n = net_.nodes_[index(child)];
        if (n.kind == NodeKind::Ncc && net_.nccs_[n.data].exists == exists) {
            const Node& partner = net_.nodes_[index(net_.nccs_[n.data].partner)];
            if (partner.parent == bottom) {
                return child;
            }
        }
    }
    // The subnetwork was built first, so it precedes the NCC node among the parent's
    // children and sees every token before the NCC node does.
    const auto ncc_data = static_cast<std::uint32_t>(net_.nccs_.size());
    net_.nccs_.push_back(NccNode{NodeId{}, exists});
    const NodeId ncc = add_node(NodeKind::Ncc, ncc_data, parent);
    const auto partner_data = static_cast<std::uint32_t>(net_.partners_.size());
    net_.partners_.push_back(NccPartnerNode{ncc, depth});
    const NodeId partner = add_node(NodeKind::NccPartner, partner_data, bottom);
    net_.nccs_[ncc_data].partner = partner;
    return ncc;
}

NodeId NetworkBuilder::build_or_share_aggregate(NodeId parent, AggregateNode data) {
    locate_keys(parent, data.spec);
    for (const NodeId child : net_.nodes_[index(parent)].children) {
        const Node& n = net_.nodes_[index(child)];
        if (n.kind != NodeKind::Aggregate) {
            continue;
        }
        const AggregateNode& a = net_.aggregates_[n.data];
        if (a.function == data.function && a.result_position == data.result_position &&
            same_spec(a.spec, data.spec) && same_optional_expr(a.argument, data.argument)) {
            return child;
        }
    }
    const AlphaId alpha = data.spec.alpha;
    const auto index_in_kind = static_cast<std::uint32_t>(net_.aggregates_.size());
    net_.aggregates_.push_back(std::move(data));
    const NodeId id = add_node(NodeKind::Aggregate, index_in_kind, parent);
    net_.alphas_[index(alpha)].successors.push_back(id);
    return id;
}

NodeId NetworkBuilder::build_or_share_test(NodeId parent, const ir::Expr& test) {
    for (const NodeId child : net_.nodes_[index(parent)].children) {
        const Node& n = net_.nodes_[index(child)];
        if (n.kind == NodeKind::Test && same_expr(net_.tests_[n.data].test, test)) {
            return child;
        }
    }
    const auto data = static_cast<std::uint32_t>(net_.tests_.size());
    net_.tests_.push_back(TestNode{test});
    return add_node(NodeKind::Test, data, parent);
}

NodeId NetworkBuilder::build_terminal(NodeId parent, std::uint32_t rule_index) {
    const auto data = static_cast<std::uint32_t>(net_.terminals_.size());
    net_.terminals_.push_back(TerminalNode{rule_index});
    return add_node(NodeKind::Terminal, data, parent);
}

const std::vector<AlphaId>& Network::alphas_of(ir::TemplateIndex t) const {
    static const std::vector<AlphaId> none;
    return t < alphas_by_template_.size() ? alphas_by_template_[t] : none;
}

const JoinSpec* Network::spec(const Node& n) const {
    switch (n.kind) {
        case NodeKind::Join:
            return &joins_[n.data].spec;
        case NodeKind::Negative:
            return &negatives_[n.data].spec;
        case NodeKind::Aggregate:
            return &aggregates_[n.data].spec;
        default:
            return nullptr;
    }
}

}  // namespace maslahat::rete
