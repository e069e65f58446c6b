// The rule-test file (docs/testing-rules.md): `[[test]]` tables, each a scenario (fact files,
// inline facts, edits of loaded facts, parameters) and `[[test.expect]]` expectations on the
// run's recommendations, facts, output and firing count. parse_test_file() checks a file
// completely and reports every mistake compiler-style (codes E06xx); it needs no engine.
#pragma once

#include "kbtest/toml_doc.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"
#include "maslahat/value.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace maslahat::kbtest {

/// `[[test.override]]`: changes the loaded facts of one template before the run.
struct Override {
    enum class Action : std::uint8_t { Set, Unset, Remove };
    std::uint32_t line = 0;
    std::string template_name;
    std::vector<TomlEntry> match;  ///< slot = value; a provenance table matches by its `value`
    Action action = Action::Set;
    std::vector<TomlEntry> set;      ///< Set: slot = new value
    std::vector<std::string> unset;  ///< Unset: slots to drop (they become nil / default)
};

/// One `[[test.expect]]` table (exactly one kind key).
struct Expectation {
    enum class Kind : std::uint8_t { Recommendation, Finding, Fact, Output, MaxFirings };
    Kind kind = Kind::Recommendation;
    std::uint32_t line = 0;
    std::string name;     ///< recommendation id, finding item, template name or output text
    std::string subject;  ///< Recommendation, Finding: empty means the test's subject
    bool present = true;
    std::optional<double> min_confidence;
    std::optional<double> max_confidence;
    std::optional<double> confidence;       ///< exact (to 1e-6)
    std::vector<std::string> supported_by;  ///< rules that must support the recommendation
    std::vector<std::string> not_supported_by;
    std::vector<std::pair<std::string, Value>> slots;  ///< Fact: slots that must be equal
    std::optional<std::uint64_t> count;                ///< Fact: exact number of matching facts
    std::uint64_t max_firings = 0;                     ///< MaxFirings
};

struct TestCase {
    std::string name;
    std::uint32_t line = 0;          ///< line of the `[[test]]` header
    std::vector<std::string> facts;  ///< fact files and folders (paths as written)
    std::string facts_inline;        ///< fact-file text, loaded after `facts`
    std::uint32_t facts_inline_line = 0;
    std::vector<Override> overrides;                          ///< applied in order
    std::vector<std::pair<std::string, std::string>> params;  ///< NAME, value text
    std::string subject;   ///< default subject of the expectations
    std::string strategy;  ///< "" (depth), "depth", "breadth", "lex", "mea"
    std::vector<Expectation> expectations;
};

struct TestFile {
    std::string path;
    std::vector<TestCase> tests;
};

/// Reads the test file `file` (already in `sources`). Reports every mistake; returns nullopt
/// when there was any, so that a half-understood file never runs.
std::optional<TestFile> parse_test_file(const SourceManager& sources, FileId file,
                                        DiagnosticSink& sink);

/// A TOML value as a rule-language value: strings stay strings (they equal symbols of the
/// same text), integers, floats, booleans, arrays as lists; tables and dates as strings.
Value to_value(const TomlNode& node);

/// The text form `--param NAME=VALUE` takes: strings raw, numbers as the language prints them.
std::string param_text(const TomlNode& node);

}  // namespace maslahat::kbtest
