#include "rete/expr_equal.hpp"

#include <algorithm>

namespace maslahat::rete {

bool same_expr(const ir::Expr& a, const ir::Expr& b) {
    if (a.kind != b.kind || a.args.size() != b.args.size()) {
        return false;
    }
    switch (a.kind) {
        case ir::ExprKind::Literal:
            if (a.value.kind() != b.value.kind() || !(a.value == b.value)) {
                return false;
            }
            break;
        case ir::ExprKind::Param:
            if (a.param != b.param) {
                return false;
            }
            break;
        case ir::ExprKind::SlotRef:
            if (a.token != b.token || a.slot != b.slot) {
                return false;
            }
            break;
        case ir::ExprKind::FactRef:
        case ir::ExprKind::Aggregate:
            if (a.token != b.token) {
                return false;
            }
            break;
        case ir::ExprKind::Local:
            if (a.local != b.local) {
                return false;
            }
            break;
        case ir::ExprKind::Unary:
        case ir::ExprKind::Binary:
            if (a.op != b.op) {
                return false;
            }
            break;
        case ir::ExprKind::Call:
            if (a.function != b.function) {
                return false;
            }
            break;
        case ir::ExprKind::List:
        case ir::ExprKind::Concat:
            break;
    }
    for (std::size_t i = 0; i < a.args.size(); ++i) {
        if (!same_expr(a.args[i], b.args[i])) {
            return false;
        }
    }
    return true;
}

bool same_constraints(const std::vector<ir::Constraint>& a, const std::vector<ir::Constraint>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const ir::Constraint& x, const ir::Constraint& y) {
                          return x.slot == y.slot && x.op == y.op && same_expr(x.rhs, y.rhs);
                      });
}

bool references_other_positions(const ir::Expr& e, ir::TokenIndex self) {
    switch (e.kind) {
        case ir::ExprKind::SlotRef:
        case ir::ExprKind::FactRef:
        case ir::ExprKind::Aggregate:
            if (e.token != self) {
                return true;
            }
            break;
        case ir::ExprKind::Local:
            return true;
        default:
            break;
    }
    return std::any_of(e.args.begin(), e.args.end(),
                       [self](const ir::Expr& a) { return references_other_positions(a, self); });
}

ir::Expr rebase_position(const ir::Expr& e, ir::TokenIndex from, ir::TokenIndex to) {
    ir::Expr out = e;
    if ((e.kind == ir::ExprKind::SlotRef || e.kind == ir::ExprKind::FactRef) && e.token == from) {
        out.token = to;
    }
    for (auto& a : out.args) {
        a = rebase_position(a, from, to);
    }
    return out;
}

}  // namespace maslahat::rete
