// The language server of `maslahat lsp` (LSP 3.17 subset over JSON-RPC with Content-Length
// framing): diagnostics (checker + lint) on open/change, hover, go to definition, and
// completion of slot names inside a pattern. Streams are injected so tests can script it.
#pragma once

#include <iosfwd>

namespace maslahat::lsp {

/// Serves requests from `in` until `exit` or end of input; returns the process exit code
/// (0 after `shutdown` + `exit` or end of input, 1 on `exit` without `shutdown`).
int serve(std::istream& in, std::ostream& out);

}  // namespace maslahat::lsp
