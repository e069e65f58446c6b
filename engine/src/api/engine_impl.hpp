// The state behind the Engine facade: sources, diagnostics, the compiled program, the facts
// loaded for the next run and the [meta] of fact files. Shared by the facade's source files.
#pragma once

#include "api/fact_prefetch.hpp"
#include "api/source_loader.hpp"
#include "facts/load_facts.hpp"
#include "ir/program.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/engine.hpp"
#include "maslahat/fact.hpp"
#include "maslahat/source.hpp"
#include "rete/network.hpp"
#include "sema/analyze.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace maslahat {

struct Engine::Impl {
    SourceManager sources;
    DiagnosticSink sink;
    std::vector<sema::ParsedFile> parsed;
    std::optional<ir::Program> program;
    std::unique_ptr<rete::Network> network;  ///< built from `program` on the first run
    std::vector<FactInput> facts;
    std::map<std::string, std::string> meta;
    std::size_t max_source_bytes = api::max_source_bytes;  ///< Engine::set_max_source_bytes
    std::uint32_t max_nesting = 256;                       ///< Engine::set_max_nesting

    /// Parses a file already in `sources`; keeps its AST when it parsed.
    bool parse(FileId file);
    /// Reads and parses rule files in order (parse() each), parsing on two threads.
    void parse_files(const std::vector<std::string>& paths);
    /// Files parsed ahead of the one whose results are taken (parse_ahead's window).
    static constexpr std::size_t files_ahead = 4;
    /// Re-checks every parsed file as one program.
    bool analyze();
    /// Loads fact files in `files` all or nothing; `ready[i]`: files[i] parsed ahead.
    bool load_fact_files(const std::vector<FileId>& files,
                         const std::vector<std::shared_ptr<facts::ReadyFactFile>>* ready = nullptr);
    /// Fact files read and parsed on another thread (Engine::prefetch_facts) for the next
    /// load_facts, which uses those whose path and text it reads too.
    std::unique_ptr<api::FactPrefetch> prefetched;
};

}  // namespace maslahat
