// Writes an output file atomically: a temporary file in the same folder, then rename, so a
// failed run never leaves a half-written or clobbered report (issue: output safety).
#pragma once

#include <string>
#include <string_view>

namespace maslahat::support {

/// True on success; on failure the target is untouched and `error` says why.
bool write_file_atomically(const std::string& path, std::string_view content, std::string& error);

}  // namespace maslahat::support
