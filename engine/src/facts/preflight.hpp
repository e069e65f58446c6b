// Byte-level hygiene of a fact file before TOML sees it: a NUL byte (binary content, E0108)
// and invalid UTF-8 (E0101) are reported pointing at the offending byte, so the user gets
// the exact place instead of a generic TOML error.
#pragma once

#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"

namespace maslahat::facts {

/// Reports a NUL byte and the first invalid UTF-8 sequence of `file`; true when neither.
bool preflight_fact_bytes(const SourceManager& sources, FileId file, DiagnosticSink& sink);

}  // namespace maslahat::facts
