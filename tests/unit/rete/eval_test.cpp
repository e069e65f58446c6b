// The expression evaluator on hand-built IR (spec §4.2): arithmetic with int overflow
// detection, real division, division by zero, comparisons with nil, membership, built-ins.
#include "rete/eval.hpp"

#include "support/catch.hpp"

using namespace maslahat;
using ir::Builtin;
using ir::Expr;
using ir::ExprKind;
using ir::Op;

namespace {
Expr lit(Value v) {
    Expr e;
    e.kind = ExprKind::Literal;
    e.value = std::move(v);
    return e;
}
Expr bin(Op op, Expr a, Expr b) {
    Expr e;
    e.kind = ExprKind::Binary;
    e.op = op;
    e.args = {std::move(a), std::move(b)};
    return e;
}
Expr call(Builtin f, std::vector<Expr> args) {
    Expr e;
    e.kind = ExprKind::Call;
    e.function = f;
    e.args = std::move(args);
    return e;
}
Value eval(const Expr& e, std::optional<rete::EvalError>& error) {
    rete::FactTable facts;
    rete::Frame frame;
    frame.facts = &facts;
    return rete::evaluate(e, frame, error);
}
Value ok(const Expr& e) {
    std::optional<rete::EvalError> error;
    Value v = eval(e, error);
    INFO((error ? error->message : std::string("no error")));
    CHECK(!error);
    return v;
}
DiagCode fails(const Expr& e) {
    std::optional<rete::EvalError> error;
    eval(e, error);
    REQUIRE(error.has_value());
    return error->code;
}
Value i(std::int64_t v) {
    return Value::integer(v);
}
Value d(double v) {
    return Value::number(v);
}
}  // namespace

TEST_CASE("integer arithmetic stays integer and detects overflow", "[rete]") {
    CHECK(ok(bin(Op::Add, lit(i(2)), lit(i(3)))).kind() == ValueKind::Int);
    CHECK(ok(bin(Op::Mul, lit(i(6)), lit(i(7)))) == i(42));
    CHECK(ok(bin(Op::Mod, lit(i(7)), lit(i(3)))) == i(1));
    CHECK(fails(bin(Op::Add, lit(i(INT64_MAX)), lit(i(1)))) == DiagCode::E0902);
    CHECK(fails(bin(Op::Mul, lit(i(INT64_MAX / 2)), lit(i(3)))) == DiagCode::E0902);
    CHECK(fails(bin(Op::Sub, lit(i(INT64_MIN)), lit(i(1)))) == DiagCode::E0902);
}

// §4.2 "`/` is real division; division by zero is a run-time error".
TEST_CASE("division is real and division by zero is an error", "[rete]") {
    const Value q = ok(bin(Op::Div, lit(i(7)), lit(i(2))));
    CHECK(q.kind() == ValueKind::Number);
    CHECK(q.as_number() == 3.5);
    CHECK(fails(bin(Op::Div, lit(i(1)), lit(i(0)))) == DiagCode::E0901);
    CHECK(fails(bin(Op::Div, lit(d(1)), lit(d(0.0)))) == DiagCode::E0901);
    CHECK(fails(bin(Op::Mod, lit(i(1)), lit(i(0)))) == DiagCode::E0901);
}

// §4.1 "Comparing a nil slot with < <= > >= is false; slot == nil tests absence."
TEST_CASE("nil compares false with ordering operators", "[rete]") {
    for (const Op op : {Op::Lt, Op::Le, Op::Gt, Op::Ge}) {
        CHECK(ok(bin(op, lit(Value()), lit(i(1)))) == Value::boolean(false));
        CHECK(ok(bin(op, lit(i(1)), lit(Value()))) == Value::boolean(false));
    }
    CHECK(ok(bin(Op::Eq, lit(Value()), lit(Value()))) == Value::boolean(true));
    CHECK(ok(bin(Op::Eq, lit(i(0)), lit(Value()))) == Value::boolean(false));
    CHECK(ok(bin(Op::Ne, lit(i(0)), lit(Value()))) == Value::boolean(true));
    // §4.2 "Integers and numbers compare by value."
    CHECK(ok(bin(Op::Eq, lit(i(2)), lit(d(2.0)))) == Value::boolean(true));
    CHECK(ok(bin(Op::Lt, lit(i(2)), lit(d(2.5)))) == Value::boolean(true));
}

TEST_CASE("and/or short-circuit, in and contains", "[rete]") {
    // the right side would divide by zero
    CHECK(ok(bin(Op::And, lit(Value::boolean(false)), bin(Op::Div, lit(i(1)), lit(i(0))))) ==
          Value::boolean(false));
    CHECK(ok(bin(Op::Or, lit(Value::boolean(true)), bin(Op::Div, lit(i(1)), lit(i(0))))) ==
          Value::boolean(true));
    const Value list = Value::list({Value::symbol("a"), Value::symbol("b")});
    CHECK(ok(bin(Op::In, lit(Value::symbol("a")), lit(list))) == Value::boolean(true));
    CHECK(ok(bin(Op::NotIn, lit(Value::symbol("c")), lit(list))) == Value::boolean(true));
    CHECK(ok(bin(Op::Contains, lit(list), lit(Value::symbol("b")))) == Value::boolean(true));
    CHECK(ok(bin(Op::Contains, lit(list), lit(Value::symbol("z")))) == Value::boolean(false));
}

TEST_CASE("built-in functions", "[rete]") {
    CHECK(ok(call(Builtin::Abs, {lit(i(-3))})) == i(3));
    CHECK(ok(call(Builtin::Abs, {lit(d(-2.5))})) == d(2.5));
    CHECK(ok(call(Builtin::Min, {lit(i(3)), lit(d(1.5)), lit(i(2))})) == d(1.5));
    CHECK(ok(call(Builtin::Max, {lit(i(3)), lit(d(1.5)), lit(i(2))})) == i(3));
    CHECK(ok(call(Builtin::Round, {lit(d(2.5))})) == i(3));
    CHECK(ok(call(Builtin::Floor, {lit(d(-2.5))})) == i(-3));
    CHECK(ok(call(Builtin::Ceil, {lit(d(2.1))})) == i(3));
    CHECK(ok(call(Builtin::Sqrt, {lit(i(16))})) == d(4));
    CHECK(fails(call(Builtin::Sqrt, {lit(i(-1))})) == DiagCode::E0905);
    CHECK(ok(call(Builtin::Len, {lit(Value::string("o‘zbek"))})) == i(6));
    CHECK(ok(call(Builtin::Len, {lit(Value::list({i(1), i(2)}))})) == i(2));
    CHECK(ok(call(Builtin::Lower, {lit(Value::string("ABC"))})) == Value::string("abc"));
    CHECK(ok(call(Builtin::Upper, {lit(Value::string("abc"))})) == Value::string("ABC"));
    CHECK(ok(call(Builtin::Concat, {lit(Value::string("a")), lit(i(1)), lit(d(0.5))})) ==
          Value::string("a10.5"));
    CHECK(ok(call(Builtin::Str, {lit(d(40))})) == Value::string("40"));
    CHECK(ok(call(Builtin::Num, {lit(Value::string("2.5"))})) == d(2.5));
    CHECK(ok(call(Builtin::Num, {lit(Value::string("x"))})).is_nil());
}

TEST_CASE("string interpolation joins printed values", "[rete]") {
    Expr e;
    e.kind = ExprKind::Concat;
    e.args = {lit(Value::string("MIPEX ")), lit(d(40)), lit(Value::string(" in ")),
              lit(Value::list({Value::symbol("a"), i(2)}))};
    CHECK(ok(e) == Value::string("MIPEX 40 in [a, 2]"));
}
