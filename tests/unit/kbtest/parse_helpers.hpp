// Test helpers for the kbtest stage: parse a rule-test file from a string and render the
// diagnostics it produced, as `maslahat test` shows them.
#pragma once

#include "kbtest/test_file.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"

#include <optional>
#include <string>

namespace maslahat::kbtest::testing {

struct Parsed {
    SourceManager sources;
    DiagnosticSink sink;
    std::optional<TestFile> file;
    std::string diagnostics() const {
        return render_text(sink.sorted(), sources);
    }
};

inline Parsed parse(const std::string& text) {
    Parsed out;
    const FileId id = out.sources.add("t.toml", text);
    out.file = parse_test_file(out.sources, id, out.sink);
    return out;
}

}  // namespace maslahat::kbtest::testing
