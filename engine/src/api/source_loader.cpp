#include "api/source_loader.hpp"

#include "support/utf8.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace maslahat::api {
namespace fs = std::filesystem;

std::vector<std::string> expand_paths(const std::vector<std::string>& paths,
                                      std::string_view extension, DiagnosticSink& sink) {
    std::vector<std::string> out;
    for (const auto& path : paths) {
        std::error_code ec;
        const auto status = fs::status(path, ec);
        if (ec || !fs::exists(status)) {
            const bool loop = ec == std::errc::too_many_symbolic_link_levels;
            sink.error(DiagCode::E0107, std::nullopt,
                       "cannot read '" + path +
                           "': " + (loop ? "symbolic link loop" : "no such file or directory"));
            continue;
        }
        if (!fs::is_directory(status)) {
            out.push_back(path);
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied,
                                            ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            std::error_code entry_ec;
            if (it->path().extension() != extension) {
                continue;
            }
            if (it->is_regular_file(entry_ec)) {
                found.push_back(it->path().generic_string());
            } else if (entry_ec == std::errc::too_many_symbolic_link_levels) {
                sink.error(DiagCode::E0107, std::nullopt,
                           "cannot read '" + it->path().generic_string() + "': symbolic link loop");
            }
        }
        if (ec) {
            sink.error(DiagCode::E0107, std::nullopt,
                       "cannot read folder '" + path + "': " + ec.message());
        }
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

std::optional<FileId> read_source(SourceManager& sources, const std::string& path,
                                  DiagnosticSink& sink, std::size_t max_bytes) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (fs::is_directory(status)) {
        sink.error(DiagCode::E0107, std::nullopt,
                   "cannot read '" + path + "': it is a directory, not a file");
        return std::nullopt;
    }
    if (!ec && fs::exists(status) && !fs::is_regular_file(status)) {
        // A FIFO or a device would block or never end: only regular files are read.
        sink.error(DiagCode::E0107, std::nullopt, "cannot read '" + path + "': not a regular file");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        sink.error(DiagCode::E0107, std::nullopt, "cannot read '" + path + "'");
        return std::nullopt;
    }
    std::string text;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_bytes) {
            sink.error(DiagCode::E0110, std::nullopt,
                       "cannot read '" + path + "': larger than the limit of " +
                           std::to_string(max_bytes) + " bytes (--max-input-size)");
            return std::nullopt;
        }
    }
    if (in.bad()) {
        sink.error(DiagCode::E0107, std::nullopt, "cannot read '" + path + "'");
        return std::nullopt;
    }
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.erase(0, 3);  // a UTF-8 byte-order mark is accepted and dropped
    }
    const FileId file = sources.add(path, std::move(text));
    const std::string_view content = sources.text(file);
    if (const auto nul = content.find('\0'); nul != std::string_view::npos) {
        const auto at = static_cast<std::uint32_t>(nul);
        sink.error(DiagCode::E0108, SourceSpan{file, at, at + 1},
                   "NUL byte in a text file (is this a binary file?)");
        return std::nullopt;
    }
    if (const auto bad = support::find_invalid_utf8(content)) {
        const auto at = static_cast<std::uint32_t>(*bad);
        sink.error(DiagCode::E0101, SourceSpan{file, at, at + 1}, "invalid UTF-8 byte");
        return std::nullopt;
    }
    return file;
}

}  // namespace maslahat::api
