// libFuzzer harness for the fact loader: the input is one TOML fact file, loaded against a
// fixed schema (tests/fuzz/schema.rules' templates, compiled once) with
// facts::load_fact_file. Diagnostics are expected; crashes and sanitizer reports are bugs.
#include "dsl/parse.hpp"
#include "facts/load_facts.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"
#include "sema/analyze.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace {

constexpr const char* schema_text = R"(
template country {
    name: string
    iso3: string ?
    entity: symbol in {state, union} = state
    role: [symbol in {origin, transit, destination}]
    population: int ?
    mipex: number in 0..100 ?
    share: int in -5..5 ?
    flags: [int] ?
    open: bool = false
}
template agreement {
    country: string
    partner: string
    kind: symbol in {labour, readmission, visa}
    year: int ?
}
)";

const maslahat::ir::Program& schema() {
    static const std::optional<maslahat::ir::Program> program = [] {
        maslahat::SourceManager sources;
        maslahat::DiagnosticSink sink;
        const auto file = sources.add("schema.rules", schema_text);
        auto ast = maslahat::dsl::parse_file(sources, file, sink);
        if (!ast) {
            std::abort();
        }
        std::vector<maslahat::sema::ParsedFile> files;
        files.push_back(maslahat::sema::ParsedFile{file, std::move(*ast)});
        return maslahat::sema::analyze(sources, files, sink);
    }();
    if (!program) {
        std::abort();  // the fixed schema must compile
    }
    return *program;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& program = schema();
    maslahat::SourceManager sources;
    maslahat::DiagnosticSink sink;
    const auto file =
        sources.add("fuzz.toml", std::string(reinterpret_cast<const char*>(data), size));
    std::vector<maslahat::FactInput> facts;
    maslahat::facts::FactFileMeta meta;
    maslahat::facts::load_fact_file(program, sources, file, sink, facts, &meta);
    (void)maslahat::render_text(sink.sorted(), sources);
    return 0;
}
