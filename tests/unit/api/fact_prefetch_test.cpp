// api::FactPrefetch: whichever thread parses a fact file (the prefetch thread, or the one
// calling take() for the files not started yet), take() gives a document for exactly the
// small files that parse without a diagnostic, each for its own path and text.
#include "api/fact_prefetch.hpp"

#include "api/source_loader.hpp"
#include "support/catch.hpp"
#include "temp_tree.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

using namespace maslahat;

namespace {

/// Of `candidates`, the files for which take() gave a document load_facts would use (the
/// same path and text: facts::match_ready_files), sorted.
std::vector<std::string> parsed_paths(api::FactPrefetch& prefetch,
                                      const std::vector<std::string>& candidates) {
    SourceManager sources;
    DiagnosticSink sink;
    std::vector<FileId> files;
    for (const std::string& path : candidates) {
        files.push_back(*api::read_source(sources, path, sink, 1U << 20U));
    }
    const auto ready = facts::match_ready_files(sources, files, prefetch.take());
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (ready[i] != nullptr) {
            paths.push_back(sources.path(files[i]));
        }
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

}  // namespace

TEST_CASE("a prefetch gives a document for each small fact file that parses", "[api]") {
    std::vector<std::pair<std::string, std::string>> files;
    std::vector<std::string> good;
    for (int i = 0; i < 40; ++i) {  // enough files for both threads to take some
        const std::string name = "facts/f" + std::to_string(100 + i) + ".toml";
        files.emplace_back(name, "[[a]]\nx = " + std::to_string(i) + "\n");
        good.push_back(name);
    }
    files.emplace_back("facts/bad.toml", "[[a]]\nx = = 1\n");  // a syntax error
    std::string large;
    while (large.size() <= 300 * 1024) {  // loaded in pieces: never parsed ahead
        large += "[[a]]\nx = 1\n";
    }
    files.emplace_back("facts/large.toml", large);
    const test::TempTree tree("fact_prefetch_test", files);
    std::vector<std::string> expected;
    for (const std::string& name : good) {
        expected.push_back((tree.root() / name).string());
    }
    std::sort(expected.begin(), expected.end());
    std::vector<std::string> candidates = expected;
    candidates.push_back(tree / "facts/bad.toml");
    candidates.push_back(tree / "facts/large.toml");

    SECTION("taken at once: this thread parses what the other has not started") {
        api::FactPrefetch prefetch({tree / "facts"}, 1U << 20U);
        CHECK(parsed_paths(prefetch, candidates) == expected);
    }
    SECTION("no thread: take() parses every file") {
        api::FactPrefetch prefetch({tree / "facts"}, 1U << 20U, false);
        CHECK(parsed_paths(prefetch, candidates) == expected);
    }
    SECTION("files named one by one, a missing one among them") {
        std::vector<std::string> paths{tree / "missing.toml"};
        for (const std::string& name : good) {
            paths.push_back((tree.root() / name).string());
        }
        api::FactPrefetch prefetch(paths, 1U << 20U);
        CHECK(parsed_paths(prefetch, candidates) == expected);
    }
    SECTION("files over the size limit are left to load_facts") {
        api::FactPrefetch prefetch({tree / "facts"}, 8);
        CHECK(parsed_paths(prefetch, candidates).empty());
    }
    SECTION("never taken: the thread stops after its file") {
        const api::FactPrefetch prefetch({tree / "facts"}, 1U << 20U);
    }
}
