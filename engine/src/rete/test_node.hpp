// TestNode: `test EXPR` over variables bound earlier; a left token passes when EXPR is true.
#pragma once

#include "ir/program.hpp"

namespace maslahat::rete {

struct TestNode {
    ir::Expr test;
};

}  // namespace maslahat::rete
