#include "rete/memory.hpp"

#include <algorithm>
#include <utility>

namespace maslahat::rete {

Memory::Memory(const Network& network, MatchListener& listener)
    : net_(network), listener_(listener), dispatch_(network) {
    std::size_t joins = 0, negatives = 0, nccs = 0, aggregates = 0;
    for (std::size_t i = 0; i < net_.node_count(); ++i) {
        const Node& n = net_.node(make_id<NodeId>(i));
        switch (n.kind) {
            case NodeKind::Join:
                joins = std::max<std::size_t>(joins, n.data + 1);
                break;
            case NodeKind::Negative:
                negatives = std::max<std::size_t>(negatives, n.data + 1);
                break;
            case NodeKind::Ncc:
                nccs = std::max<std::size_t>(nccs, n.data + 1);
                break;
            case NodeKind::Aggregate:
                aggregates = std::max<std::size_t>(aggregates, n.data + 1);
                break;
            default:
                break;
        }
    }
    // nodes are built parents first, so children have larger ids: walk backwards
    feeds_partner_.assign(net_.node_count(), false);
    alpha_live_.assign(net_.alpha_count(), 0);
    for (std::size_t i = net_.node_count(); i-- > 0;) {
        const Node& n = net_.node(make_id<NodeId>(i));
        bool feeds = n.kind == NodeKind::NccPartner;
        for (const NodeId c : n.children) {
            feeds = feeds || feeds_partner_[index(c)];
        }
        feeds_partner_[i] = feeds;
    }
    reset_memories(joins, negatives, nccs, aggregates);
}

void Memory::reset_memories(std::size_t joins, std::size_t negatives, std::size_t nccs,
                            std::size_t aggregates) {
    joins_ = std::vector<JoinMemory>(joins);
    negatives_ = std::vector<NegativeMemory>(negatives);
    nccs_ = std::vector<NccMemory>(nccs);
    aggregates_ = std::vector<AggregateMemory>(aggregates);
    for (std::size_t i = 0; i < net_.node_count(); ++i) {
        const NodeId id = make_id<NodeId>(i);
        const Node& n = net_.node(id);
        if (LeftMemory* left = left_memory(n)) {
            const bool first = net_.node(n.parent).children.front() == id;
            *left = LeftMemory(first, !net_.spec(n)->keys.empty());
        }
    }
}

void Memory::start() {
    if (started_) {
        return;
    }
    started_ = true;
    root_token_ = tokens_.make(no_token, Network::root, no_fact, false, Value());
    for (const NodeId child : net_.node(Network::root).children) {
        left_activate(child, root_token_);
    }
}

FactId Memory::assert_fact(ir::TemplateIndex template_index, std::vector<Value>&& slots,
                           std::size_t hash) {
    start();
    const FactId f = facts_.add(template_index, std::move(slots), hash);
    const Fact& fact = facts_.get(f);
    dispatch_.for_each_candidate(fact.template_index, fact.slots, [&](AlphaId a) {
        const AlphaNode& alpha = net_.alpha(a);
        if (!alpha_passes(alpha, f)) {
            return;
        }
        facts_.get(f).alphas.push_back(a);
        ++alpha_live_[index(a)];
        // Doorenbos: add to each successor's right memory just before activating it, so a
        // token created by an earlier successor never meets this fact twice.
        for (const NodeId succ : alpha.successors) {
            const Node& n = net_.node(succ);
            const JoinSpec& s = *net_.spec(n);
            const std::size_t h = right_hash(s, f);
            if (HashIndex<FactId>* right = right_memory(n)) {
                right->add(h, f);
            }
            right_activate(succ, f, h);
        }
    });
    return f;
}

void Memory::retract_fact(FactId f) {
    if (!facts_.live(f)) {
        return;
    }
    if (auto d = std::find(doomed_.begin(), doomed_.end(), f); d != doomed_.end()) {
        doomed_.erase(d);
    }
    // the fact's record does not move while it is retracted (nothing is asserted meanwhile)
    const AlphaIds& alphas = facts_.get(f).alphas;
    // 1. no new token may meet f from now on
    for (const AlphaId a : alphas) {
        for (const NodeId succ : net_.alpha(a).successors) {
            const Node& n = net_.node(succ);
            if (HashIndex<FactId>* right = right_memory(n)) {
                right->remove(right_hash(*net_.spec(n), f), f);
            }
        }
    }
    retract_floor_ = tokens_.next_serial();
    // 2. tree-based removal of every token holding f, newest first
    while (facts_.get(f).holders != no_token) {
        delete_token(facts_.get(f).holders);
    }
    // 3. negations unblocked / aggregates shrunk by f
    for (const AlphaId a : alphas) {
        for (const NodeId succ : net_.alpha(a).successors) {
            right_retract(succ, f);
        }
    }
    for (const AlphaId a : alphas) {
        --alpha_live_[index(a)];
    }
    facts_.kill(f);
}

void Memory::clear_doomed() {
    // every skipped token held a doomed fact: once they are all retracted, none is missing
    const bool survivor =
        std::any_of(doomed_.begin(), doomed_.end(), [&](FactId f) { return facts_.live(f); });
    doomed_.clear();
    if (survivor) {
        const std::vector<Skipped> skipped = std::move(skipped_);
        for (const Skipped& s : skipped) {
            replay(s);
        }
    }
    skipped_.clear();
}

void Memory::replay(const Skipped& s) {
    if (s.parent == no_token) {
        replay_right_activation(s);
        return;
    }
    if (!tokens_.valid(s.parent) || tokens_[s.parent].serial != s.parent_serial ||
        (s.fact != no_fact && !facts_.live(s.fact))) {
        return;  // its parent or its fact went away later in the firing
    }
    const Node& n = net_.node(s.node);
    switch (n.kind) {
        case NodeKind::Join:
            emit(s.node, s.parent, s.fact, true, Value());
            break;
        case NodeKind::Test:
            emit(s.node, s.parent, no_fact, false, Value());
            break;
        case NodeKind::Negative: {
            GateState& st = gate(n, s.parent);
            if (gate_passes(net_.negative(n).exists, st.count) && st.output == no_token) {
                st.output = pass_on(n, s.node, s.parent, false, Value());
            }
            break;
        }
        case NodeKind::Ncc: {
            auto& st = nccs_[n.data].states[s.parent];
            if (st.seen && gate_passes(net_.ncc(n).exists, st.count) && st.output == no_token) {
                st.output = pass_on(n, s.node, s.parent, false, Value());
            }
            break;
        }
        case NodeKind::Aggregate:
            aggregate_refresh(n, s.node, s.parent);
            break;
        default:
            break;
    }
}

void Memory::replay_right_activation(const Skipped& s) {
    if (!facts_.live(s.fact)) {
        return;  // retracted later in the firing: it meets no token
    }
    const Node& n = net_.node(s.node);
    const JoinSpec& spec = net_.join(n).spec;
    // the tokens made after the skip met the fact when they were made (or were skipped
    // themselves); the older ones still there are those the right activation would have met
    std::vector<TokenId> older;
    for_each_left(joins_[n.data].left, right_hash(spec, s.fact), [&](TokenId t) {
        if (tokens_[t].serial < s.parent_serial) {
            older.push_back(t);
        }
    });
    for (const TokenId t : older) {
        if (join_passes(spec, n, t, s.fact)) {
            emit(s.node, t, s.fact, true, Value());
        }
    }
}

bool Memory::chain_doomed(NodeId node) const {
    if (doomed_.empty() || feeds_partner_[index(node)]) {
        return false;
    }
    for (NodeId id = net_.node(node).parent;;) {
        const Node& n = net_.node(id);
        if (n.kind == NodeKind::Root) {
            return false;
        }
        if (n.kind == NodeKind::Join) {
            const AlphaId a = net_.join(n).spec.alpha;
            std::uint32_t doomed_here = 0;
            for (const FactId f : doomed_) {
                const AlphaIds& passed = facts_.get(f).alphas;
                if (facts_.live(f) && std::find(passed.begin(), passed.end(), a) != passed.end()) {
                    ++doomed_here;
                }
            }
            if (doomed_here != 0 && doomed_here == alpha_live_[index(a)]) {
                return true;
            }
        }
        id = n.parent;
    }
}

bool Memory::doomed(NodeId node, TokenId parent, FactId fact) const {
    if (doomed_.empty() || feeds_partner_[index(node)]) {
        return false;
    }
    const auto is_doomed = [&](FactId f) {
        return std::find(doomed_.begin(), doomed_.end(), f) != doomed_.end();
    };
    if (fact != no_fact && is_doomed(fact)) {
        return true;
    }
    for (TokenId t = parent; t != no_token; t = tokens_[t].parent) {
        if (tokens_[t].fact != no_fact && is_doomed(tokens_[t].fact)) {
            return true;
        }
    }
    return false;
}

TokenId Memory::make_token(NodeId node, TokenId parent, FactId fact, bool has_position,
                           const Value& value) {
    if (doomed(node, parent, fact)) {
        skipped_.push_back(Skipped{tokens_[parent].serial, node, parent, fact});
        return no_token;
    }
    return tokens_.make(parent, node, fact, has_position, value);
}

GateState& Memory::gate(const Node& n, TokenId t) {
    auto& mem = negatives_[n.data];
    return mem.left.intrusive() ? tokens_[t].gate : mem.states[t];
}

void Memory::release_matches() {
    tokens_ = TokenStore{};
    reset_memories(joins_.size(), negatives_.size(), nccs_.size(), aggregates_.size());
    facts_.drop_match_links();
    root_token_ = no_token;
}

std::optional<MatchError> Memory::take_error() {
    auto e = std::move(error_);
    error_.reset();
    return e;
}

void Memory::record_error(std::optional<EvalError>& error, const Node& n) {
    if (error && !error_) {
        error_ = MatchError{std::move(*error), n.first_rule};
    }
    error.reset();
}

void Memory::left_activate(NodeId id, TokenId t) {
    const Node& n = net_.node(id);
    switch (n.kind) {
        case NodeKind::Root:
            break;
        case NodeKind::Join:
            join_left_activate(n, id, t);
            break;
        case NodeKind::Negative:
            negative_left_activate(n, id, t);
            break;
        case NodeKind::Ncc:
            ncc_left_activate(n, id, t);
            break;
        case NodeKind::NccPartner:
            partner_left_activate(n, t);
            break;
        case NodeKind::Aggregate:
            aggregate_left_activate(n, id, t);
            break;
        case NodeKind::Test:
            test_left_activate(n, id, t);
            break;
        case NodeKind::Terminal:
            listener_.matched(net_.terminal(n).rule, t, tokens_[t].serial);
            break;
    }
}

void Memory::left_retract(NodeId id, TokenId t) {
    const Node& n = net_.node(id);
    switch (n.kind) {
        case NodeKind::Join:
            left_remove(joins_[n.data].left, net_.join(n).spec, t);
            break;
        case NodeKind::Negative:
            negative_left_retract(n, t);
            break;
        case NodeKind::Ncc:
            ncc_left_retract(n, t);
            break;
        case NodeKind::NccPartner:
            partner_left_retract(n, t);
            break;
        case NodeKind::Aggregate:
            aggregate_left_retract(n, t);
            break;
        case NodeKind::Terminal:
            listener_.unmatched(net_.terminal(n).rule, t, tokens_[t].serial);
            break;
        case NodeKind::Root:
        case NodeKind::Test:
            break;
    }
}

void Memory::right_activate(NodeId id, FactId f, std::size_t h) {
    const Node& n = net_.node(id);
    switch (n.kind) {
        case NodeKind::Join:
            join_right_activate(n, id, f, h);
            break;
        case NodeKind::Negative:
            negative_right_activate(n, id, f, h);
            break;
        case NodeKind::Aggregate:
            aggregate_right_activate(n, id, f, h);
            break;
        default:
            break;
    }
}

void Memory::right_retract(NodeId id, FactId f) {
    const Node& n = net_.node(id);
    switch (n.kind) {
        case NodeKind::Negative:
            negative_right_retract(n, id, f);
            break;
        case NodeKind::Aggregate:
            aggregate_right_retract(n, id, f);
            break;
        default:
            break;  // joins: the tokens holding f were deleted in step 2
    }
}

void Memory::emit(NodeId id, TokenId parent, FactId fact, bool has_position, const Value& value) {
    const TokenId t = make_token(id, parent, fact, has_position, value);
    if (t == no_token) {
        return;
    }
    if (fact != no_fact) {
        tokens_.link_front<&Token::next_holder, &Token::prev_holder>(facts_.get(fact).holders, t);
    }
    for (const NodeId child : net_.node(id).children) {
        left_activate(child, t);
    }
}

TokenId Memory::pass_on(const Node& n, NodeId id, TokenId parent, bool has_position,
                        const Value& value) {
    const TokenId out = make_token(id, parent, no_fact, has_position, value);
    if (out != no_token) {
        for (const NodeId child : n.children) {
            left_activate(child, out);
        }
    }
    return out;
}

void Memory::delete_token(TokenId t) {
    tokens_[t].dying = true;
    while (tokens_[t].first_child != no_token) {
        delete_token(tokens_[t].first_child);
    }
    for (const NodeId child : net_.node(tokens_[t].node).children) {
        left_retract(child, t);
    }
    if (const FactId f = tokens_[t].fact; f != no_fact) {
        tokens_.unlink<&Token::next_holder, &Token::prev_holder>(facts_.get(f).holders, t);
    }
    tokens_.free(t);
}

std::vector<Binding> Memory::snapshot(TokenId t) const {
    std::vector<Binding> out;
    snapshot(t, out);
    return out;
}

void Memory::snapshot(TokenId t, std::vector<Binding>& out) const {
    out.assign(tokens_[t].positions, Binding{});
    for (TokenId cur = t; cur != no_token; cur = tokens_[cur].parent) {
        const Token& tok = tokens_[cur];
        if (tok.has_position) {
            // a token adds a fact or a value (an aggregate result), never both
            out[tok.positions - 1U] = tok.fact != no_fact ? Binding{tok.fact, Value()}
                                                          : Binding{no_fact, tokens_.value(cur)};
        }
    }
}

std::vector<FactId> Memory::alpha_facts(AlphaId alpha) const {
    std::vector<FactId> out;
    facts_.for_each_live([&](const Fact& f) {
        if (std::find(f.alphas.begin(), f.alphas.end(), alpha) != f.alphas.end()) {
            out.push_back(f.id);
        }
    });
    return out;
}

namespace {
template <typename Id>
std::size_t entries(const HashIndex<Id>& index) {
    std::size_t count = 0;
    for (const auto& [h, v] : index.buckets) {
        count += v.size();
    }
    return count;
}
}  // namespace

std::size_t Memory::left_count(NodeId id) const {
    const LeftMemory* left = left_memory(net_.node(id));
    return left == nullptr ? 0 : left->size();
}

const LeftMemory* Memory::left_memory(const Node& n) const {
    switch (n.kind) {
        case NodeKind::Join:
            return &joins_[n.data].left;
        case NodeKind::Negative:
            return &negatives_[n.data].left;
        case NodeKind::Aggregate:
            return &aggregates_[n.data].left;
        default:
            return nullptr;
    }
}

std::size_t Memory::right_count(NodeId id) const {
    const HashIndex<FactId>* right = right_memory(net_.node(id));
    return right == nullptr ? 0 : entries(*right);
}

const HashIndex<FactId>* Memory::right_memory(const Node& n) const {
    switch (n.kind) {
        case NodeKind::Join:
            return keeps_right_memory(n) ? &joins_[n.data].right : nullptr;
        case NodeKind::Negative:
            return &negatives_[n.data].right;
        case NodeKind::Aggregate:
            return &aggregates_[n.data].right;
        default:
            return nullptr;
    }
}

}  // namespace maslahat::rete
