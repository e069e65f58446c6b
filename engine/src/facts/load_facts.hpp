// The fact-file loader (spec §6): reads a TOML fact file, checks every table against the
// program's templates and turns it into FactInputs. All or nothing: a file with any error
// yields no fact, and every error of the file is reported with path:line:column.
// toml++ is used only behind this interface (facts/toml_loader.cpp).
#pragma once

#include "ir/program.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/fact.hpp"
#include "maslahat/source.hpp"

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace maslahat::facts {

/// The `[meta]` table of a fact file as text: strings as written, numbers and booleans as the
/// rule language prints them, arrays as `[a, b]`, dates in TOML form, nested tables flattened
/// to dotted keys (`sources.mipex`). The CLI reads `subject`.
using FactFileMeta = std::map<std::string, std::string>;

/// Parses one fact file already added to `sources` and converts its tables to facts of the
/// program's templates, in file order. Appends to `out` (and fills `meta`, when given) only
/// when the file has no error; reports every error of the file; returns false on any error.
bool load_fact_file(const ir::Program& program, const SourceManager& sources, FileId file,
                    DiagnosticSink& sink, std::vector<FactInput>& out,
                    FactFileMeta* meta = nullptr);

/// Fact files up to this size are parsed whole (and may be parsed ahead); larger ones in
/// pieces: the whole DOM would take ~15x the file's size.
inline constexpr std::size_t largest_whole_fact_file = 256 * 1024;

/// A small fact file checked and parsed ahead of loading, from its own copy of the text
/// (toml++ stays inside the loader: opaque elsewhere).
struct ReadyFactFile;

/// Checks and parses fact file `file` of `sources` as load_fact_file would, for a later
/// load_fact_files of the same path and text (e.g. while rule files are parsed); null for a
/// file that is large (loaded in pieces) or would give any diagnostic: it is loaded as usual.
/// Reads `sources` only: it may run on another thread with its own SourceManager.
std::shared_ptr<ReadyFactFile> parse_fact_file_ahead(const SourceManager& sources, FileId file);
/// Whether `ready` was parsed from file `file`'s path and text.
bool ready_for(const ReadyFactFile& ready, const SourceManager& sources, FileId file);
/// For each of `files`, the one of `parsed` made from its path and text (ready_for), or null;
/// each is given to one file at most.
std::vector<std::shared_ptr<ReadyFactFile>> match_ready_files(
    const SourceManager& sources, const std::vector<FileId>& files,
    std::vector<std::shared_ptr<ReadyFactFile>> parsed);

/// load_fact_file() for each of `files` in order, with the same diagnostics and facts; the
/// TOML of the next small files is parsed on a second thread meanwhile. `metas[i]` is file
/// i's meta. False when any file has an error (the files without one still append).
/// `ready[i]`, when given and not null, is files[i] parsed ahead (ready_for it; used once).
bool load_fact_files(const ir::Program& program, const SourceManager& sources,
                     const std::vector<FileId>& files, DiagnosticSink& sink,
                     std::vector<FactInput>& out, std::vector<FactFileMeta>& metas,
                     const std::vector<std::shared_ptr<ReadyFactFile>>* ready = nullptr);

/// Reads `path` from disk into `sources` (E0107 when it cannot be read or is a directory,
/// E0108 on a NUL byte, E0101 on invalid UTF-8, each pointing at the byte), then
/// load_fact_file().
bool load_fact_path(const ir::Program& program, SourceManager& sources, const std::string& path,
                    DiagnosticSink& sink, std::vector<FactInput>& out,
                    FactFileMeta* meta = nullptr);

}  // namespace maslahat::facts
