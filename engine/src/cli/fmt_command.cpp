#include "cli/fmt_command.hpp"

#include "api/source_loader.hpp"
#include "format/format.hpp"
#include "support/atomic_write.hpp"

#include <iostream>

namespace maslahat::cli {

int run_fmt(const CliOptions& options) {
    SourceManager sources;
    DiagnosticSink sink;
    const auto paths = api::expand_paths(options.rules, ".rules", sink);
    int rc = 0;
    for (const auto& path : paths) {
        const auto file = api::read_source(sources, path, sink);
        if (!file) {
            rc = 1;
            continue;
        }
        const auto formatted = format::format_source(sources, *file, sink);
        if (!formatted) {
            rc = 1;
            continue;
        }
        if (*formatted == sources.text(*file)) {
            continue;
        }
        if (options.format_check) {
            std::cout << path << '\n';
            rc = 1;
            continue;
        }
        std::string error;
        if (!support::write_file_atomically(path, *formatted, error)) {
            std::cerr << "maslahat: error: " << error << '\n';
            rc = 1;
        }
    }
    std::cerr << render_text(sink.sorted(), sources);
    return sink.has_errors() ? 1 : rc;
}

}  // namespace maslahat::cli
