// JoinNode: a positive pattern. Left input tokens x right input facts from an alpha
// memory; equalities on bound variables are hash-indexed on both sides (CLIPS hashed
// memories, Clara HashJoinNode); each passing pair produces a token with the fact.
#pragma once

#include "rete/join_spec.hpp"

namespace maslahat::rete {

struct JoinNode {
    JoinSpec spec;
};

}  // namespace maslahat::rete
