// Source buffers and positions. SourceManager owns the text of every rule file, fact file
// and command-line string; spans are byte offsets into those buffers and are converted to
// 1-based line / code-point column only when a diagnostic is shown (spec §1, §8).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace maslahat {

enum class FileId : std::uint32_t {};

/// A half-open byte range [begin, end) in one source buffer.
struct SourceSpan {
    FileId file{};
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
};

/// 1-based line and column; the column counts Unicode code points.
struct LineColumn {
    std::uint32_t line = 1;
    std::uint32_t column = 1;
};

class SourceManager {
public:
    /// Adds a buffer; `path` is shown in diagnostics exactly as given.
    FileId add(std::string path, std::string text);

    const std::string& path(FileId file) const;
    std::string_view text(FileId file) const;
    std::size_t file_count() const {
        return files_.size();
    }

    /// Line and code-point column of a byte offset (clamped to the buffer).
    LineColumn position(FileId file, std::uint32_t offset) const;
    /// The 1-based line of a byte offset (clamped to the buffer). The search starts at line
    /// `from` when that line starts at or before the offset: offsets read in increasing
    /// order (facts in file order) find their lines in amortised constant time.
    std::uint32_t line(FileId file, std::uint32_t offset, std::uint32_t from = 1) const;
    /// The text of a 1-based line without its line end ("\n" or "\r\n").
    std::string_view line_text(FileId file, std::uint32_t line) const;
    /// Byte offset of the start of a 1-based line.
    std::uint32_t line_start(FileId file, std::uint32_t line) const;
    /// The byte offset of a 1-based line and code-point column (the inverse of position();
    /// a byte-order mark is not a column). Line 0 gives 0; columns past the line end stop
    /// at the line end.
    std::uint32_t offset(FileId file, LineColumn where) const;

private:
    struct File {
        std::string path;
        std::string text;
        std::vector<std::uint32_t> line_starts;
    };
    const File& get(FileId file) const;
    std::vector<File> files_;
};

}  // namespace maslahat
