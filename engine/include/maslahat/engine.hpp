// The embedding facade (clingo `Control` style, pimpl): compile rules from files or strings,
// load fact files, assert facts from code, set parameters, run, and read the results and the
// diagnostics. Hides Spirit X3, toml++ and the Rete network from its users.
#pragma once

#include "maslahat/diagnostics.hpp"
#include "maslahat/result.hpp"
#include "maslahat/source.hpp"
#include "maslahat/value.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace maslahat {

class EngineObserver;
namespace ir {
struct Program;
}

enum class Strategy : std::uint8_t { Depth, Breadth, Lex, Mea };

/// "depth", "breadth", "lex", "mea".
std::optional<Strategy> parse_strategy(std::string_view name);

struct RunOptions {
    Strategy strategy = Strategy::Depth;
    std::uint64_t max_firings = 1'000'000;  ///< reaching it is error E0903, exit 3
    EngineObserver* observer = nullptr;     ///< e.g. a tracer for --trace; not owned
    std::uint64_t max_facts = 0;            ///< 0: none; more live facts is E0907, exit 3
    double timeout_seconds = 0;             ///< 0: none; running longer is E0908, exit 3
    /// One-shot run (e.g. the CLI's): each loaded fact is released once it is in working
    /// memory, so the loaded facts and working memory never both exist whole. A later run()
    /// starts without them (facts loaded after this run are kept as usual).
    bool release_facts = false;
    /// Which final facts RunResult::facts lists: all when empty; else those it accepts, plus
    /// every fact a recommendation's support cites. A report that reads only some facts
    /// saves the memory of the others; RunStats::facts_final still counts all of them.
    std::function<bool(const FactResult&)> keep_fact;
    /// With keep_fact, an optional cheaper first test: called with the fact's id,
    /// template_name and origin only (its slots not filled in); false drops the fact
    /// without building its slots, true leaves the decision to keep_fact. It must not
    /// return false for a fact keep_fact would keep.
    std::function<bool(const FactResult&)> may_keep_fact;
};

/// What a compiled program declares, for reports and command-line validation.
struct ProgramSummary {
    std::vector<std::pair<std::string, std::string>> recommendations;  ///< id, title
    std::vector<std::string> params;
    /// Template names with their slot names, by template index (index 0: `recommended`).
    std::vector<std::pair<std::string, std::vector<std::string>>> templates;
    std::size_t rules = 0;
};

class Engine {
public:
    Engine();
    ~Engine();
    Engine(Engine&&) noexcept;
    Engine& operator=(Engine&&) noexcept;
    Engine(const Engine&) = delete;
    Engine& operator=(const Engine&) = delete;

    /// Compiles rule files and folders (a folder: every `*.rules` below it, in lexical path
    /// order). All files form one program. False when any error was reported.
    bool load_rules(const std::vector<std::string>& paths);
    /// Compiles rule text given directly (e.g. from code or tests), as a file named `name`.
    bool load_rules_text(std::string name, std::string text);

    /// Loads fact files and folders (`*.toml`); all or nothing across the call.
    /// Requires compiled rules (the templates). False when any error was reported.
    bool load_facts(const std::vector<std::string>& paths);
    /// Starts reading and parsing the fact files `paths` name on another thread, for the
    /// next load_facts (e.g. while load_rules runs): a file it reads with the same path and
    /// text is not parsed again. Nothing is reported or loaded by this call; the results and
    /// diagnostics of load_facts are the same with or without it.
    void prefetch_facts(const std::vector<std::string>& paths);
    bool load_facts_text(std::string name, std::string text);

    /// Asserts a fact from code; slots not given take their defaults. False (with a
    /// diagnostic) for an unknown template or slot, a wrong type, a missing required slot.
    bool assert_fact(std::string_view template_name,
                     const std::vector<std::pair<std::string, Value>>& slots);

    /// Overrides a `param` from its text form (`--param NAME=VALUE`). False with E0502
    /// (unknown name) or E0503 (wrong type).
    bool set_param(std::string_view name, std::string_view value);

    /// Largest rule or fact file read from disk from now on (default 64 MiB); a larger one
    /// is E0110 (a limit: exit 3 in the CLI).
    void set_max_source_bytes(std::size_t bytes);

    /// Deepest nesting of brackets and prefix operators accepted in rule files loaded from
    /// now on (default and maximum 256; spec §8 E0102, a limit: exit 3 in the CLI).
    void set_max_nesting(std::uint32_t depth);

    /// Runs the recognise-act cycle over the loaded facts from a fresh working memory.
    RunResult run(const RunOptions& options = {});

    /// `[meta]` keys of the loaded fact files (later files win), e.g. "subject".
    const std::map<std::string, std::string>& meta() const;
    ProgramSummary summary() const;
    /// The checked program with current param values (nullptr before rules compiled); for
    /// explanations (engine/src/explain), which evaluate rule conditions themselves.
    const ir::Program* program() const;

    const DiagnosticSink& diagnostics() const;
    const SourceManager& sources() const;
    /// Every diagnostic so far, sorted, in the compiler style of spec §8.
    std::string render_diagnostics() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace maslahat
