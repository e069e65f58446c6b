// The fact-file loader (spec §6): reads a TOML fact file, checks every table against the
// program's templates and turns it into FactInputs. All or nothing: a file with any error
// yields no fact, and every error of the file is reported with path:line:column.
// toml++ is used only behind this interface (facts/toml_loader.cpp).
#pragma once

#include "ir/program.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/fact.hpp"
#include "maslahat/source.hpp"

#include <map>
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

/// load_fact_file() for each of `files` in order, with the same diagnostics and facts; the
/// TOML of the next small files is parsed on a second thread meanwhile. `metas[i]` is file
/// i's meta. False when any file has an error (the files without one still append).
bool load_fact_files(const ir::Program& program, const SourceManager& sources,
                     const std::vector<FileId>& files, DiagnosticSink& sink,
                     std::vector<FactInput>& out, std::vector<FactFileMeta>& metas);

/// Reads `path` from disk into `sources` (E0107 when it cannot be read or is a directory,
/// E0108 on a NUL byte, E0101 on invalid UTF-8, each pointing at the byte), then
/// load_fact_file().
bool load_fact_path(const ir::Program& program, SourceManager& sources, const std::string& path,
                    DiagnosticSink& sink, std::vector<FactInput>& out,
                    FactFileMeta* meta = nullptr);

}  // namespace maslahat::facts
