// Reading fact files from disk: unreadable paths, directories, binary content, invalid UTF-8
// and a byte-order mark, then the same checks as load_fact_file.
#include "fact_schema.hpp"
#include "support/catch.hpp"

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace maslahat;
using namespace maslahat::facts::testing;

namespace {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() /
               ("maslahat_facts_test_" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string write(const std::string& name, std::string_view bytes) const {
        const auto file = path / name;
        std::ofstream(file, std::ios::binary) << bytes;
        return file.string();
    }
};

struct PathLoaded {
    bool ok = false;
    std::vector<FactInput> facts;
    facts::FactFileMeta meta;
    std::string diagnostics;
};

PathLoaded load_path(const std::string& path) {
    const ir::Program program = fact_schema();
    SourceManager sources;
    DiagnosticSink sink;
    PathLoaded r;
    r.ok = facts::load_fact_path(program, sources, path, sink, r.facts, &r.meta);
    r.diagnostics = render_text(sink.sorted(), sources);
    return r;
}

}  // namespace

TEST_CASE("load_fact_path reads a fact file and keeps its path", "[facts]") {
    const TempDir dir;
    const auto path = dir.write("uz.toml",
                                "[meta]\nsubject = \"Uzbekistan\"\n"
                                "[country]\nname = \"Uzbekistan\"\npopulation = 1\n");
    const auto r = load_path(path);
    INFO(r.diagnostics);
    CHECK(r.ok);
    CHECK(r.facts.size() == 1);
    CHECK(r.meta.at("subject") == "Uzbekistan");

    const auto bad = dir.write("bad.toml", "[country]\nname = \"A\"\n");
    CHECK(load_path(bad).diagnostics ==
          bad +
              ":1:1: error: missing required slot 'population' of template 'country'\n"
              "[country]\n"
              "^~~~~~~~~\n");
}

TEST_CASE("E0107 a missing file or a directory", "[facts]") {
    const TempDir dir;
    const std::string missing = (dir.path / "missing.toml").string();
    auto r = load_path(missing);
    CHECK_FALSE(r.ok);
    CHECK(r.diagnostics ==
          "maslahat: error: cannot read fact file '" + missing + "': No such file or directory\n");
    r = load_path(dir.path.string());
    CHECK_FALSE(r.ok);
    CHECK(r.diagnostics == "maslahat: error: cannot read fact file '" + dir.path.string() +
                               "': it is a directory\n");
}

TEST_CASE("E0108 binary content and E0101 invalid UTF-8 from disk", "[facts]") {
    const TempDir dir;
    const auto binary = dir.write("x.toml", std::string("\x7F"
                                                        "ELF\x02\x01\x01\0\0\0",
                                                        10));
    auto r = load_path(binary);
    CHECK_FALSE(r.ok);
    CHECK(r.diagnostics.rfind(binary + ":1:8: error: NUL byte in a fact file (binary content?)\n",
                              0) == 0);
    const auto latin1 = dir.write("latin1.toml", "[country]\nname = \"Gen\xE8ve\"\n");
    r = load_path(latin1);
    CHECK_FALSE(r.ok);
    CHECK(r.diagnostics == latin1 +
                               ":2:12: error: invalid UTF-8 (byte 0xE8)\n"
                               "name = \"Gen\xEF\xBF\xBDve\"\n"
                               "           ^\n");
}

// A byte-order mark is not content: columns are those an editor shows.
TEST_CASE("a byte-order mark is dropped by load_fact_path", "[facts]") {
    const TempDir dir;
    const auto path = dir.write("bom.toml", "\xEF\xBB\xBF[contry]\nname = \"A\"\n");
    const auto r = load_path(path);
    CHECK_FALSE(r.ok);
    CHECK(r.diagnostics == path +
                               ":1:2: error: unknown template 'contry' (did you mean "
                               "'country'?)\n"
                               "[contry]\n"
                               " ^~~~~~\n");
    const auto good =
        dir.write("good.toml", "\xEF\xBB\xBF[country]\nname = \"A\"\npopulation = 2\n");
    CHECK(load_path(good).ok);
}
