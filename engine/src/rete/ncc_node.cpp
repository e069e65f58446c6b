// NccNode / NccPartnerNode activations (`not {..}` / `exists {..}`): the partner counts
// subnetwork results per owner token; the NCC node passes the owner on when the count is
// zero (not) or positive (exists). Results may arrive before the NCC node sees its owner.
#include "rete/memory.hpp"

namespace maslahat::rete {

void Memory::ncc_left_activate(const Node& n, NodeId id, TokenId t) {
    auto& st = nccs_[n.data].states[t];
    st.seen = true;
    if (gate_passes(net_.ncc(n).exists, st.count)) {
        st.output = pass_on(n, id, t, false, Value());
    }
}

void Memory::ncc_left_retract(const Node& n, TokenId t) {
    nccs_[n.data].states.erase(t);
}

namespace {
TokenId owner_of(const TokenStore& tokens, TokenId r, std::uint16_t depth) {
    for (std::uint16_t i = 0; i < depth && r != no_token; ++i) {
        r = tokens[r].parent;
    }
    return r;
}
}  // namespace

void Memory::partner_left_activate(const Node& n, TokenId r) {
    const NccPartnerNode& p = net_.ncc_partner(n);
    ncc_update(p.ncc, owner_of(tokens_, r, p.depth), +1);
}

void Memory::partner_left_retract(const Node& n, TokenId r) {
    const NccPartnerNode& p = net_.ncc_partner(n);
    ncc_update(p.ncc, owner_of(tokens_, r, p.depth), -1);
}

void Memory::ncc_update(NodeId ncc_id, TokenId owner, std::int32_t delta) {
    const Node& n = net_.node(ncc_id);
    auto& states = nccs_[n.data].states;
    auto& st = states[owner];
    const std::uint32_t old = st.count;
    st.count = static_cast<std::uint32_t>(static_cast<std::int64_t>(st.count) + delta);
    if (!st.seen) {
        if (st.count == 0) {
            states.erase(owner);
        }
        return;
    }
    if (tokens_[owner].dying || (old == 0) == (st.count == 0)) {
        return;
    }
    if (gate_passes(net_.ncc(n).exists, st.count)) {
        st.output = pass_on(n, ncc_id, owner, false, Value());
    } else if (st.output != no_token) {
        const TokenId out = st.output;
        st.output = no_token;
        delete_token(out);
    }
}

}  // namespace maslahat::rete
