// libFuzzer harness for the rule front end: the input is one rule file, compiled (parse and
// check) through Engine::load_rules_text. Any crash, sanitizer report, leak or escaping
// exception is a bug; diagnostics are the expected outcome for most inputs.
#include "maslahat/engine.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    maslahat::Engine engine;
    engine.load_rules_text("fuzz.rules", std::string(reinterpret_cast<const char*>(data), size));
    (void)engine.render_diagnostics();
    return 0;
}
