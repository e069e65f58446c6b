// The semantic checker's entry point: turns the parsed files of one program (spec §1: all
// files form one program) into the checked IR, resolving names, types and variables and
// reporting every semantic error and warning (spec §2-§5) into the sink.
#pragma once

#include "dsl/ast.hpp"
#include "ir/program.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"

#include <optional>
#include <vector>

namespace maslahat::sema {

struct ParsedFile {
    FileId file;
    dsl::ast::File ast;
};

/// Checks all files as one program, in the order given (declaration order = file order, then
/// position). Returns the program when the check reported no error (warnings are allowed).
std::optional<ir::Program> analyze(const SourceManager& sources,
                                   const std::vector<ParsedFile>& files, DiagnosticSink& sink);

}  // namespace maslahat::sema
