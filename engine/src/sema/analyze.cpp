#include "sema/analyze.hpp"

#include "sema/checker.hpp"

namespace maslahat::sema {

std::optional<ir::Program> analyze(const SourceManager& sources,
                                   const std::vector<ParsedFile>& files, DiagnosticSink& sink) {
    Checker checker(sources, sink);
    return checker.run(files);
}

}  // namespace maslahat::sema
