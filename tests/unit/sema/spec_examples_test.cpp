// Spec examples: every example of the specification (shared/spec/language.md) §2-§4, put together
// in one valid program (spec_examples.rules), checks with zero diagnostics.
#include "sema_helpers.hpp"
#include "support/catch.hpp"

#include <fstream>
#include <sstream>

using namespace maslahat;

TEST_CASE("the spec's examples check with zero diagnostics", "[sema]") {
    const std::string path =
        std::string(MASLAHAT_SOURCE_DIR) + "/tests/unit/sema/spec_examples.rules";
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    REQUIRE(!text.str().empty());
    auto checked = sema::testing::check_files({{"spec_examples.rules", text.str()}});
    INFO(checked->rendered());
    CHECK(checked->sink.empty());
    REQUIRE(checked->program);
    CHECK(checked->program->rules.size() == 4);
}
