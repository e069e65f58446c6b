#include "facts/load_facts.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <system_error>

namespace maslahat::facts {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

}  // namespace

bool load_fact_path(const ir::Program& program, SourceManager& sources, const std::string& path,
                    DiagnosticSink& sink, std::vector<FactInput>& out, FactFileMeta* meta) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        sink.error(DiagCode::E0107, std::nullopt,
                   fmt::format("cannot read fact file '{}': it is a directory", path));
        return false;
    }
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int err = errno != 0 ? errno : ENOENT;
        sink.error(DiagCode::E0107, std::nullopt,
                   fmt::format("cannot read fact file '{}': {}", path,
                               std::generic_category().message(err)));
        return false;
    }
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) {
        sink.error(DiagCode::E0107, std::nullopt,
                   fmt::format("cannot read fact file '{}': read error", path));
        return false;
    }
    if (text.size() >= std::numeric_limits<std::uint32_t>::max()) {
        sink.error(DiagCode::E0107, std::nullopt,
                   fmt::format("cannot read fact file '{}': larger than 4 GiB", path));
        return false;
    }
    // A leading byte-order mark is not content: dropping it keeps columns as editors show them.
    if (std::string_view(text).substr(0, utf8_bom.size()) == utf8_bom) {
        text.erase(0, utf8_bom.size());
    }
    const FileId file = sources.add(path, std::move(text));
    return load_fact_file(program, sources, file, sink, out, meta);
}

}  // namespace maslahat::facts
