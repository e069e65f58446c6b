// NegativeNode: `not T(...)` (exists == false) or `exists T(...)` (exists == true) on one
// pattern. Counts, per left token, the right facts that match it; passes the token on when
// the count is 0 (not) or > 0 (exists) — so `exists` fires once, not once per match.
#pragma once

#include "rete/join_spec.hpp"

namespace maslahat::rete {

struct NegativeNode {
    JoinSpec spec;
    bool exists = false;
};

}  // namespace maslahat::rete
