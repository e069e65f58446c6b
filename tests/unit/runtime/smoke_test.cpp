#include "engine_fixture.hpp"
#include "support/catch.hpp"

using namespace maslahat;
using namespace maslahat::test;

TEST_CASE("smoke: one rule recommends", "[runtime]") {
    Engine e(R"(
template country { name: string  mipex: number ?  inflow_trend: symbol in {falling, stable, rising} = stable }
recommendation B "Integration programmes"
param weak_mipex = 50
rule weak
when
    ?c <- country(name: ?n, mipex < $weak_mipex, inflow_trend: rising)
then
    recommend B for ?n confidence 0.8 because "MIPEX {?c.mipex}"
    print "weak {?n}"
end
)");
    e.fact("country",
           {{"name", str("Uzbekistan")}, {"mipex", num(40)}, {"inflow_trend", sym("rising")}});
    e.fact("country",
           {{"name", str("Norway")}, {"mipex", num(70)}, {"inflow_trend", sym("rising")}});
    const auto out = e.run();
    CHECK(out.status == runtime::RunStatus::Done);
    CHECK(e.recommendations() == std::vector<std::string>{"B Uzbekistan 0.8"});
    CHECK(e.output() == std::vector<std::string>{"weak Uzbekistan"});
    CHECK(e.facts("recommended").size() == 1);
}
