// Turns the paths a user gives (files and folders) into source buffers: a folder means all
// `*.rules` below it in lexical path order (spec §1); unreadable paths, directories given as
// files, binary files and invalid UTF-8 become diagnostics, never exceptions.
#pragma once

#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maslahat::api {

/// Largest source file accepted (rule or fact file), in bytes.
inline constexpr std::size_t max_source_bytes = 64U * 1024U * 1024U;

/// Expands folders to the `*.<extension>` files below them (lexical order, recursion without
/// following directory symlinks); plain files are kept as given. Missing paths are E0107; a
/// folder with no such file is W0004 when other paths gave files (else the caller reports).
std::vector<std::string> expand_paths(const std::vector<std::string>& paths,
                                      std::string_view extension, DiagnosticSink& sink);

/// "no rule files found in 'rules/'" (E0504's message), naming every path given.
std::string no_files_message(std::string_view what, const std::vector<std::string>& paths);

/// Reads one file into `sources`. Reports E0107 (unreadable, a directory, not a regular
/// file, a symlink loop), E0110 (larger than `max_bytes`), E0108 (NUL byte) or E0101 (invalid
/// UTF-8, at the bad byte) and returns nullopt then.
std::optional<FileId> read_source(SourceManager& sources, const std::string& path,
                                  DiagnosticSink& sink, std::size_t max_bytes = max_source_bytes);

}  // namespace maslahat::api
