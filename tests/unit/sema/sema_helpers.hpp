// Test helpers for the checker: parse rule sources with the real front end, run
// sema::analyze, and look at the program or the rendered diagnostics.
#pragma once

#include "dsl/parse.hpp"
#include "ir/program.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"
#include "sema/analyze.hpp"

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace maslahat::sema::testing {

struct Checked {
    SourceManager sources;
    DiagnosticSink sink;
    std::optional<ir::Program> program;
    bool parsed = true;

    std::string rendered() const {
        return render_text(sink.sorted(), sources);
    }
    std::size_t count(DiagCode code) const {
        std::size_t n = 0;
        for (const auto& d : sink.all()) {
            n += d.code == code ? 1 : 0;
        }
        return n;
    }
};

/// Checks several files (path, text) as one program.
inline std::unique_ptr<Checked> check_files(
    const std::vector<std::pair<std::string, std::string>>& files) {
    auto out = std::make_unique<Checked>();
    std::vector<ParsedFile> parsed;
    for (const auto& [path, text] : files) {
        const FileId id = out->sources.add(path, text);
        auto ast = dsl::parse_file(out->sources, id, out->sink);
        if (!ast) {
            out->parsed = false;
            continue;
        }
        parsed.push_back(ParsedFile{id, std::move(*ast)});
    }
    if (out->sink.has_errors()) {
        out->parsed = false;  // a syntax error: the test source itself is wrong
        return out;
    }
    out->program = analyze(out->sources, parsed, out->sink);
    return out;
}

/// A program shared by most tests, declared in its own file `prelude.rules`.
inline const char* const prelude = R"(template country {
    name: string
    iso3: string ?
    role: [symbol in {origin, transit, destination}] ?
    mipex: number in 0..100 ?
    inflow_trend: symbol in {falling, stable, rising} = stable
    population: int ?
    member: bool = false
}
template programme { country: string  kind: symbol in {integration, return, labour} }
template note { text: string }
template score { value: int in 1..5 }
recommendation B "Develop reception and integration programmes"
recommendation C "Something else"
param weak_mipex = 50
)";

/// Checks `text` as `test.rules` together with the prelude.
inline std::unique_ptr<Checked> check(const std::string& text) {
    return check_files({{"prelude.rules", prelude}, {"test.rules", text}});
}

}  // namespace maslahat::sema::testing
