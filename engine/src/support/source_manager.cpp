#include "maslahat/source.hpp"
#include "support/utf8.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace maslahat {

FileId SourceManager::add(std::string path, std::string text) {
    File file{std::move(path), std::move(text), {0}};
    // memchr finds the line ends a word at a time (this runs over every input once)
    const char* const begin = file.text.data();
    const char* const end = begin + file.text.size();
    for (const char* p = begin; p != end;) {
        const auto* nl =
            static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        if (nl == nullptr) {
            break;
        }
        file.line_starts.push_back(static_cast<std::uint32_t>(nl - begin + 1));
        p = nl + 1;
    }
    files_.push_back(std::move(file));
    return static_cast<FileId>(files_.size() - 1);
}

const SourceManager::File& SourceManager::get(FileId file) const {
    const auto index = static_cast<std::size_t>(file);
    if (index >= files_.size()) {
        throw std::out_of_range("SourceManager: unknown file id");
    }
    return files_[index];
}

const std::string& SourceManager::path(FileId file) const {
    return get(file).path;
}

std::string_view SourceManager::text(FileId file) const {
    return get(file).text;
}

LineColumn SourceManager::position(FileId file, std::uint32_t offset) const {
    const File& f = get(file);
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(f.text.size()));
    const auto it = std::upper_bound(f.line_starts.begin(), f.line_starts.end(), offset);
    const auto line = static_cast<std::uint32_t>(it - f.line_starts.begin());
    const std::uint32_t start = f.line_starts[line - 1];
    std::string_view prefix(f.text.data() + start, offset - start);
    if (line == 1 && prefix.starts_with("\xEF\xBB\xBF")) {
        prefix.remove_prefix(3);  // a byte-order mark is not a column
    }
    return {line, support::count_code_points(prefix) + 1};
}

std::uint32_t SourceManager::line(FileId file, std::uint32_t offset, std::uint32_t from) const {
    const File& f = get(file);
    offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(f.text.size()));
    const std::vector<std::uint32_t>& starts = f.line_starts;  // starts[0] == 0
    std::size_t lo =
        from >= 1 && from <= starts.size() && starts[from - 1] <= offset ? from - 1 : 0;
    // gallop from `lo` to a line starting after the offset, then search between
    std::size_t step = 1;
    std::size_t hi = lo + 1;
    while (hi < starts.size() && starts[hi] <= offset) {
        lo = hi;
        step *= 2;
        hi = lo + step;
    }
    hi = std::min(hi, starts.size());
    const auto first = starts.begin() + static_cast<std::ptrdiff_t>(lo + 1);
    const auto it =
        std::upper_bound(first, starts.begin() + static_cast<std::ptrdiff_t>(hi), offset);
    return static_cast<std::uint32_t>(it - starts.begin());
}

std::uint32_t SourceManager::line_start(FileId file, std::uint32_t line) const {
    const File& f = get(file);
    if (line == 0 || line > f.line_starts.size()) {
        return static_cast<std::uint32_t>(f.text.size());
    }
    return f.line_starts[line - 1];
}

std::uint32_t SourceManager::offset(FileId file, LineColumn where) const {
    const std::string_view text = get(file).text;
    if (where.line == 0) {
        return 0;
    }
    std::uint32_t i = line_start(file, where.line);
    if (where.line == 1 && text.starts_with("\xEF\xBB\xBF")) {
        i = 3;
    }
    for (std::uint32_t column = 1; column < where.column && i < text.size() && text[i] != '\n';
         ++column) {
        ++i;
        while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0U) == 0x80U) {
            ++i;
        }
    }
    return i;
}

std::string_view SourceManager::line_text(FileId file, std::uint32_t line) const {
    const File& f = get(file);
    if (line == 0 || line > f.line_starts.size()) {
        return {};
    }
    const std::uint32_t start = f.line_starts[line - 1];
    std::uint32_t end = line < f.line_starts.size() ? f.line_starts[line] - 1
                                                    : static_cast<std::uint32_t>(f.text.size());
    if (end > start && f.text[end - 1] == '\r') {
        --end;
    }
    return std::string_view(f.text).substr(start, end - start);
}

}  // namespace maslahat
