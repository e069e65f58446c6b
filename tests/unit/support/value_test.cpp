#include "maslahat/value.hpp"

#include "support/catch.hpp"

using maslahat::Value;

// Spec §4.3: "a number in the shortest form that reads back to the same value with no
// trailing .0 (40, 0.5, 1e+30)".
TEST_CASE("values print as written in a rule", "[support]") {
    CHECK(Value::number(40.0).to_string() == "40");
    CHECK(Value::number(0.5).to_string() == "0.5");
    CHECK(Value::number(1e30).to_string() == "1e+30");
    CHECK(Value::number(17.8).to_string() == "17.8");
    CHECK(Value::integer(-42).to_string() == "-42");
    CHECK(Value().to_string() == "nil");
    CHECK(Value::symbol("rising").to_string() == "rising");
    CHECK(Value::string("o‘zbek").to_string() == "o‘zbek");
    CHECK(Value::list({Value::symbol("a"), Value::integer(2)}).to_string() == "[a, 2]");
    CHECK(Value::boolean(true).to_string() == "true");
}

// Spec §4.2: "Integers and numbers compare by value."
TEST_CASE("ints and numbers compare by value", "[support]") {
    CHECK(Value::integer(2) == Value::number(2.0));
    CHECK(Value::integer(2).hash() == Value::number(2.0).hash());
    CHECK_FALSE(Value::integer(2) == Value::number(2.5));
    CHECK(Value::compare(Value::integer(2), Value::number(2.5)) < 0);
    CHECK_FALSE(Value() == Value::integer(0));
    CHECK(Value() == Value());
}

TEST_CASE("interned texts compare by identity", "[support]") {
    CHECK(Value::symbol("x") == Value::symbol("x"));
    CHECK_FALSE(Value::symbol("x") == Value::symbol("y"));
    CHECK(Value::string("x").atom() == Value::symbol("x").atom());
}
