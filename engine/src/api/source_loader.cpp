#include "api/source_loader.hpp"

#include "support/utf8.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <memory>
#include <system_error>

namespace maslahat::api {
namespace fs = std::filesystem;

std::vector<std::string> expand_paths(const std::vector<std::string>& paths,
                                      std::string_view extension, DiagnosticSink& sink) {
    std::vector<std::string> out;
    std::vector<std::string> empty_folders;
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
        } else if (found.empty()) {
            empty_folders.push_back(path);
        }
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    // a folder named on purpose that contributes nothing is most likely the wrong one (when
    // nothing at all is found, the caller says so instead)
    if (!out.empty()) {
        for (const auto& path : empty_folders) {
            sink.warning(DiagCode::W0004, std::nullopt,
                         "folder '" + path + "' holds no *" + std::string(extension) + " file");
        }
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
    // stdio without its own buffer: the bytes go straight into the string, sized once from
    // the file size (an ifstream allocates a buffer per file and grows the string by appends)
    std::FILE* in = std::fopen(path.c_str(), "rb");
    if (in == nullptr) {
        sink.error(DiagCode::E0107, std::nullopt, "cannot read '" + path + "'");
        return std::nullopt;
    }
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(in, &std::fclose);
    std::setvbuf(in, nullptr, _IONBF, 0);
    std::string text;
    const std::uintmax_t size_hint = ec ? 0 : fs::file_size(path, ec);
    // one read of the whole file (plus one byte to see its end), at most the limit plus one
    const std::uintmax_t cap = max_bytes < SIZE_MAX ? std::uintmax_t{max_bytes} + 1 : max_bytes;
    std::size_t chunk =
        ec || size_hint == 0
            ? std::size_t{1} << 16
            : static_cast<std::size_t>(std::min<std::uintmax_t>(size_hint + 1, cap));
    chunk = std::max<std::size_t>(chunk, 1);
    for (;;) {
        const std::size_t used = text.size();
        text.resize(used + chunk);
        const std::size_t got = std::fread(text.data() + used, 1, chunk, in);
        text.resize(used + got);
        if (text.size() > max_bytes) {
            sink.error(DiagCode::E0110, std::nullopt,
                       "cannot read '" + path + "': larger than the limit of " +
                           std::to_string(max_bytes) + " bytes (--max-input-size)");
            return std::nullopt;
        }
        if (got < chunk) {
            break;
        }
        chunk = std::size_t{1} << 16;
    }
    if (std::ferror(in) != 0) {
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

std::string no_files_message(std::string_view what, const std::vector<std::string>& paths) {
    std::string where;
    for (const auto& p : paths) {
        where += (where.empty() ? "'" : ", '") + p + "'";
    }
    return "no " + std::string(what) + " files found" + (where.empty() ? "" : " in " + where);
}

}  // namespace maslahat::api
