// A tiny knowledge base run through the engine with a FiringLog, shared by the explain tests.
#pragma once

#include "explain/firing_log.hpp"
#include "explain/why.hpp"
#include "maslahat/engine.hpp"

#include <memory>
#include <string>

namespace maslahat::explain::test {

inline const char* const rules_text = R"(
template country {
    name: string
    mipex: number ?
    remittances_gdp_pct: number ?
}
template finding {
    country: string
    item: symbol in {O3, T4}
}
recommendation A "Cooperate" "Cooperate when remittances are large."
recommendation B "Integrate" "Integrate when integration policy is weak."
param high_remittances = 20 "Threshold (% of GDP)."
param weak_mipex = 49 "Threshold."
rule o3 "O3"
when
    country(name: ?n, remittances_gdp_pct > $high_remittances)
then
    derive finding(country: ?n, item: O3)
end
rule t4 "T4"
when
    country(name: ?n, mipex < $weak_mipex)
then
    derive finding(country: ?n, item: T4)
end
rule a1 "A from O3"
when
    finding(country: ?n, item: O3)
then
    recommend A for ?n confidence 0.6 because "O3 in {?n}"
end
rule a2 "A from high remittances directly"
when
    country(name: ?n, remittances_gdp_pct: ?r)
    test ?r > 15
then
    recommend A for ?n confidence 0.5 because "{?r} % of GDP"
end
rule b1 "B from T4"
when
    finding(country: ?n, item: T4)
then
    recommend B for ?n confidence 0.7 because "T4 in {?n}"
end
)";

inline const char* const facts_text = R"(
[[country]]
name = "Alpha"
remittances_gdp_pct = { value = 24.5, year = 2023, source = "World Bank" }

[[country]]
name = "Beta"
mipex = 60
remittances_gdp_pct = { value = 14, year = 2024, source = "World Bank" }
)";

struct Fixture {
    Engine engine;
    FiringLog firings;
    RunResult result;

    explicit Fixture(const std::string& param = "") {
        engine.load_rules_text("kb.rules", rules_text);
        if (!param.empty()) {
            engine.set_param(param.substr(0, param.find('=')), param.substr(param.find('=') + 1));
        }
        engine.load_facts_text("facts.toml", facts_text);
        RunOptions options;
        options.observer = &firings;
        result = engine.run(options);
    }
    RunView view() const {
        return RunView{*engine.program(), result, firings};
    }
};

/// How many times `what` occurs in `text` (overlapping occurrences count).
inline std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

}  // namespace maslahat::explain::test
