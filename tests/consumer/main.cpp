// Embeds maslahat: compiles rules from a string, asserts a fact from code, runs, and prints
// each recommendation as "ID SUBJECT CONFIDENCE".
#include "maslahat/maslahat.hpp"

#include <iostream>

int main() {
    maslahat::Engine engine;
    const bool compiled = engine.load_rules_text("inline.rules", R"(
template country { name: string; mipex: number in 0..100 ? }
recommendation B "Develop reception and integration programmes for migrants"
param weak_mipex = 50 "MIPEX score below which integration policy counts as weak"
rule weak_integration when country(name: ?n, mipex < $weak_mipex) then
    recommend B for ?n confidence 0.8 because "weak integration"
end
)");
    if (!compiled) {
        std::cerr << engine.render_diagnostics();
        return 1;
    }
    engine.assert_fact("country", {{"name", maslahat::Value::string("Examplestan")},
                                   {"mipex", maslahat::Value::integer(40)}});
    const maslahat::RunResult result = engine.run();
    for (const auto& rec : result.recommendations) {
        std::cout << rec.id << ' ' << rec.subject << ' ' << rec.confidence << '\n';
    }
    return result.errors.empty() ? 0 : 1;
}
