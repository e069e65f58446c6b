// JSON-RPC framing of the Language Server Protocol: `Content-Length: N\r\n\r\n` + N bytes.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

namespace maslahat::lsp {

/// The next message body, or nullopt at end of input or on a malformed header.
std::optional<std::string> read_message(std::istream& in);
/// Writes one framed message and flushes.
void write_message(std::ostream& out, const std::string& body);

}  // namespace maslahat::lsp
