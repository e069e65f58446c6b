// libFuzzer harness for the whole `run` path through the Engine facade: the input holds a rule
// file and a fact file separated by a line "----FACTS----" (no separator: rules only). Both are
// loaded with load_rules_text/load_facts_text, then run with a small firing limit.
#include "maslahat/engine.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    constexpr std::string_view separator = "\n----FACTS----\n";
    const auto at = input.find(separator);
    const std::string rules(input.substr(0, at));
    const std::string facts = at == std::string_view::npos
                                  ? std::string()
                                  : std::string(input.substr(at + separator.size()));

    maslahat::Engine engine;
    if (!engine.load_rules_text("fuzz.rules", rules)) {
        return 0;
    }
    if (!engine.load_facts_text("fuzz.toml", facts)) {
        return 0;
    }
    maslahat::RunOptions options;
    options.max_firings = 200;
    const auto result = engine.run(options);
    (void)result;
    (void)engine.render_diagnostics();
    return 0;
}
