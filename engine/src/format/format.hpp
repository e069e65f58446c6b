// The formatter of `maslahat fmt`: prints a parsed rule file in the canonical layout (the
// spec's examples) and puts every comment of the source back, attached by byte offset to the
// declaration, slot, condition or action it precedes or ends the line of.
#pragma once

#include "dsl/ast.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace maslahat::format {

/// The formatted text of a parsed file (`text` is its source, for the comments).
std::optional<std::string> format_text(std::string_view text, const dsl::ast::File& file);

/// The formatted text of `file`, or nullopt when it has a syntax error (reported to `sink`).
std::optional<std::string> format_source(const SourceManager& sources, FileId file,
                                         DiagnosticSink& sink);

}  // namespace maslahat::format
