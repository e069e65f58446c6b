// Lowering of valid rules to the IR: declarations, token positions, variables, constraints,
// expressions and actions (see the comments of engine/src/ir/program.hpp).
#include "sema_helpers.hpp"
#include "support/catch.hpp"

using namespace maslahat;
using namespace maslahat::sema::testing;
using Kind = ir::VariableInfo::Kind;

namespace {

const ir::Rule& only_rule(const Checked& c) {
    REQUIRE(c.parsed);
    INFO(c.rendered());
    REQUIRE(c.program);
    REQUIRE(c.program->rules.size() == 1);
    return c.program->rules[0];
}

const ir::VariableInfo& variable(const ir::Rule& rule, std::string_view name) {
    for (const auto& v : rule.variables) {
        if (v.name == name) {
            return v;
        }
    }
    FAIL("no variable " << name);
    return rule.variables.front();
}

ir::SlotIndex slot_of(const ir::Program& p, std::string_view tmpl, std::string_view slot) {
    return *p.templates[*p.find_template(tmpl)].slot_index(slot);
}

}  // namespace

// Spec §3: the built-in template recommended(id: symbol, subject: string, confidence: number).
TEST_CASE("declarations are lowered with the built-in template first", "[sema]") {
    auto c = check("rule r when country(mipex < $weak_mipex) then halt end\n");
    INFO(c->rendered());
    REQUIRE(c->program);
    const ir::Program& p = *c->program;
    REQUIRE(p.templates.size() == 5);
    CHECK(p.templates[0].name == "recommended");
    CHECK(p.templates[0].builtin);
    CHECK(p.templates[0].slots.size() == 3);
    CHECK(p.templates[0].slots[0].type.base == ir::BaseType::Symbol);
    CHECK(p.templates[1].name == "country");
    const auto& country = p.templates[1];
    CHECK(country.slots[2].type.list);
    CHECK(country.slots[2].type.symbols.size() == 3);
    CHECK(country.slots[2].optional);
    CHECK(country.slots[3].type.low == 0.0);
    CHECK(country.slots[3].type.high == 100.0);
    REQUIRE(country.slots[4].default_value);
    CHECK(country.slots[4].default_value->kind() == ValueKind::Symbol);
    CHECK(country.slots[4].default_value->text() == "stable");
    CHECK(country.slots[5].optional);
    CHECK_FALSE(country.slots[0].optional);
    REQUIRE(p.params.size() == 1);
    CHECK(p.params[0].type == ir::BaseType::Int);
    CHECK(p.params[0].value.as_int() == 50);
    REQUIRE(p.recommendations.size() == 2);
    CHECK(p.recommendations[0].id == "B");
    CHECK(p.recommendations[0].title == "Develop reception and integration programmes");
}

TEST_CASE("patterns and aggregates take token positions, groups continue numbering", "[sema]") {
    auto c = check(R"~(rule r when
    ?c <- country(name: ?n)
    not { programme(country: ?n)
          note(text: ?n) }
    ?k = count programme(country: ?n)
    score(value: ?v)
    test ?v > ?k
then halt end
)~");
    const ir::Rule& rule = only_rule(*c);
    REQUIRE(rule.conditions.size() == 5);
    CHECK(rule.conditions[0].pattern.token == 0);
    CHECK(rule.conditions[1].kind == ir::ConditionKind::Not);
    REQUIRE(rule.conditions[1].group.size() == 2);
    CHECK(rule.conditions[1].group[0].pattern.token == 1);
    CHECK(rule.conditions[1].group[1].pattern.token == 2);
    CHECK(rule.conditions[2].kind == ir::ConditionKind::Aggregate);
    CHECK(rule.conditions[2].result_token == 1);
    CHECK(rule.conditions[2].pattern.token == 1);
    CHECK(rule.conditions[3].pattern.token == 2);
    CHECK(rule.conditions[4].kind == ir::ConditionKind::Test);
    CHECK(rule.token_size == 3);

    CHECK(variable(rule, "c").kind == Kind::Fact);
    CHECK(variable(rule, "c").token == 0);
    CHECK(variable(rule, "n").kind == Kind::Slot);
    CHECK(variable(rule, "n").token == 0);
    CHECK(variable(rule, "n").slot == 0);
    CHECK(variable(rule, "k").kind == Kind::Aggregate);
    CHECK(variable(rule, "k").token == 1);
    CHECK(variable(rule, "v").token == 2);

    // Joins on ?n inside not and aggregate: Eq constraints with a SlotRef to token 0.
    for (const auto* pattern :
         {&rule.conditions[1].group[0].pattern, &rule.conditions[1].group[1].pattern,
          &rule.conditions[2].pattern}) {
        REQUIRE(pattern->constraints.size() == 1);
        const auto& k = pattern->constraints[0];
        CHECK(k.op == ir::Op::Eq);
        CHECK(k.rhs.kind == ir::ExprKind::SlotRef);
        CHECK(k.rhs.token == 0);
        CHECK(k.rhs.slot == 0);
    }
    const auto& test = rule.conditions[4].test;
    CHECK(test.kind == ir::ExprKind::Binary);
    CHECK(test.op == ir::Op::Gt);
    CHECK(test.args[0].kind == ir::ExprKind::SlotRef);
    CHECK(test.args[0].token == 2);
    CHECK(test.args[1].kind == ir::ExprKind::Aggregate);
    CHECK(test.args[1].token == 1);
}

// Spec §4.1: `slot: ?x` binds on its first appearance, afterwards means `slot == ?x`.
TEST_CASE("first slot: ?x binds, later uses become Eq constraints", "[sema]") {
    auto c = check(R"~(rule r when
    country(name: ?n, iso3: ?n, mipex < $weak_mipex, inflow_trend: rising,
            role contains transit, name in ["a", "b"], population: nil, mipex >= 10)
then print "{?n}" end
)~");
    const ir::Rule& rule = only_rule(*c);
    const ir::Program& p = *c->program;
    const auto& k = rule.conditions[0].pattern.constraints;
    REQUIRE(k.size() == 7);
    CHECK(k[0].slot == slot_of(p, "country", "iso3"));
    CHECK(k[0].op == ir::Op::Eq);
    CHECK(k[0].rhs.kind == ir::ExprKind::SlotRef);
    CHECK(k[0].rhs.slot == slot_of(p, "country", "name"));
    CHECK(k[1].op == ir::Op::Lt);
    CHECK(k[1].rhs.kind == ir::ExprKind::Param);
    CHECK(k[1].rhs.param == 0);
    CHECK(k[2].rhs.kind == ir::ExprKind::Literal);
    CHECK(k[2].rhs.value == Value::symbol("rising"));
    CHECK(k[3].op == ir::Op::Contains);
    CHECK(k[4].op == ir::Op::In);
    CHECK(k[4].rhs.kind == ir::ExprKind::List);
    CHECK(k[4].rhs.args.size() == 2);
    CHECK(k[5].op == ir::Op::Eq);
    CHECK(k[5].rhs.value.is_nil());
    CHECK(k[6].op == ir::Op::Ge);
    CHECK(k[6].rhs.value.as_int() == 10);
}

TEST_CASE("?f.slot, bind locals, interpolation and assert values", "[sema]") {
    auto c = check(R"~(rule r salience -5 when
    ?c <- country(name: ?n)
    ?p <- programme(country: ?n)
then
    bind ?m = ?c.mipex * 2
    bind ?label = upper(?n)
    assert note(text: "{?label}: {?m} ({?p})")
    assert country(name: ?n, mipex: 40, population: 3, inflow_trend: "rising")
    modify ?c(mipex: ?m)
    retract ?p
    recommend B for ?n confidence 0.8 because "weak {?c.mipex}"
    log warn "x"
end
)~");
    const ir::Rule& rule = only_rule(*c);
    const ir::Program& p = *c->program;
    CHECK(rule.salience == -5);
    CHECK(rule.local_count == 2);
    CHECK(variable(rule, "m").kind == Kind::Local);
    CHECK(variable(rule, "m").local == 0);
    CHECK(variable(rule, "label").local == 1);
    REQUIRE(rule.actions.size() == 8);
    const auto& bind = rule.actions[0];
    CHECK(bind.kind == ir::ActionKind::Bind);
    CHECK(bind.value.kind == ir::ExprKind::Binary);
    CHECK(bind.value.args[0].kind == ir::ExprKind::SlotRef);
    CHECK(bind.value.args[0].token == 0);
    CHECK(bind.value.args[0].slot == slot_of(p, "country", "mipex"));

    const auto& note = rule.actions[2];
    CHECK(note.kind == ir::ActionKind::Assert);
    CHECK(note.template_index == *p.find_template("note"));
    REQUIRE(note.slots.size() == 1);
    const auto& concat = note.slots[0].value;
    CHECK(concat.kind == ir::ExprKind::Concat);
    REQUIRE(concat.args.size() == 6);
    CHECK(concat.args[0].kind == ir::ExprKind::Local);
    CHECK(concat.args[0].local == 1);
    CHECK(concat.args[1].value == Value::string(": "));
    CHECK(concat.args[4].kind == ir::ExprKind::FactRef);
    CHECK(concat.args[4].token == 1);
    CHECK(concat.args[5].value == Value::string(")"));

    // Literals are converted to the slot's type: int -> number, string -> symbol.
    const auto& country = rule.actions[3];
    for (const auto& sv : country.slots) {
        if (sv.slot == slot_of(p, "country", "mipex")) {
            CHECK(sv.value.value.kind() == ValueKind::Number);
        }
        if (sv.slot == slot_of(p, "country", "inflow_trend")) {
            CHECK(sv.value.value.kind() == ValueKind::Symbol);
        }
        if (sv.slot == slot_of(p, "country", "population")) {
            CHECK(sv.value.value.kind() == ValueKind::Int);
        }
    }
    CHECK(rule.actions[4].kind == ir::ActionKind::Modify);
    CHECK(rule.actions[4].fact_token == 0);
    CHECK(rule.actions[4].template_index == *p.find_template("country"));
    CHECK(rule.actions[5].kind == ir::ActionKind::Retract);
    CHECK(rule.actions[5].fact_token == 1);
    const auto& rec = rule.actions[6];
    CHECK(rec.recommendation == 0);
    CHECK(rec.subject.kind == ir::ExprKind::SlotRef);
    REQUIRE(rec.confidence);
    CHECK(rec.confidence->value.as_number() == 0.8);
    REQUIRE(rec.because);
    CHECK(rec.because->kind == ir::ExprKind::Concat);
    CHECK(rule.actions[7].level == ir::LogLevel::Warn);
    CHECK(rule.actions[7].value.value == Value::string("x"));
}

TEST_CASE("aggregate argument uses the inner pattern's token", "[sema]") {
    auto c = check(R"~(rule r when
    country(name: ?n)
    ?total = sum(?p) over country(population: ?p)
    ?avg = avg(?m) over country(mipex: ?m)
then print "{?n} {?total} {?avg}" end
)~");
    const ir::Rule& rule = only_rule(*c);
    const auto& sum = rule.conditions[1];
    CHECK(sum.function == ir::AggregateFunction::Sum);
    REQUIRE(sum.argument);
    CHECK(sum.argument->kind == ir::ExprKind::SlotRef);
    CHECK(sum.argument->token == 1);
    CHECK(sum.result_token == 1);
    CHECK(rule.conditions[2].result_token == 2);
    CHECK(rule.conditions[2].argument->token == 2);
    CHECK(rule.token_size == 3);
}

TEST_CASE("rules keep declaration order across files", "[sema]") {
    auto c = check_files({{"prelude.rules", prelude},
                          {"a.rules", "rule z when country() then halt end\n"},
                          {"b.rules", "rule a when country() then halt end\n"}});
    INFO(c->rendered());
    REQUIRE(c->program);
    REQUIRE(c->program->rules.size() == 2);
    CHECK(c->program->rules[0].name == "z");
    CHECK(c->program->rules[1].name == "a");
}

TEST_CASE("expression types: int op int is int, / is number", "[sema]") {
    // An int slot accepts int arithmetic but not division.
    auto ok = check("rule r when score(value: ?v) then assert score(value: ?v + 1 * 2 % 3) end\n");
    INFO(ok->rendered());
    CHECK(ok->program);
    auto bad = check("rule r when score(value: ?v) then assert score(value: ?v / 2) end\n");
    CHECK_FALSE(bad->program);
    CHECK(bad->count(DiagCode::E0303) == 1);
    CHECK(bad->rendered().find("slot 'value' expects an int, found a number") != std::string::npos);
}
