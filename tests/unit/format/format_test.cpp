// `maslahat fmt` (issue 9): canonical layout, comments kept, idempotent, meaning-preserving
// (the AST dump, positions excluded, is equal before and after) on every .rules file of the
// repository, and exact layout on small inputs.
#include "format/format.hpp"

#include "dsl/ast_printer.hpp"
#include "dsl/parse.hpp"
#include "format/comments.hpp"
#include "support/catch.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace maslahat;

namespace {

struct Parsed {
    std::optional<dsl::ast::File> ast;
    bool errors = false;
};

Parsed parse(const std::string& text) {
    SourceManager sources;
    DiagnosticSink sink;
    const FileId id = sources.add("t.rules", text);
    Parsed p;
    p.ast = dsl::parse_file(sources, id, sink);
    p.errors = sink.has_errors();
    return p;
}

std::optional<std::string> fmt(const std::string& text) {
    SourceManager sources;
    DiagnosticSink sink;
    const FileId id = sources.add("t.rules", text);
    return format::format_source(sources, id, sink);
}

std::vector<std::string> comment_texts(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& c : format::scan_comments(text)) {
        out.push_back(c.text);
    }
    return out;
}

std::vector<std::string> repository_rule_files() {
    std::vector<std::string> out;
    for (const char* root : {"rules", "tests"}) {
        const fs::path dir = fs::path(MASLAHAT_SOURCE_DIR) / root;
        if (!fs::exists(dir)) {
            continue;
        }
        for (const auto& e : fs::recursive_directory_iterator(dir)) {
            if (e.is_regular_file() && e.path().extension() == ".rules") {
                out.push_back(e.path().string());
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("fmt is idempotent, keeps comments and the meaning of every repository file",
          "[format]") {
    const auto files = repository_rule_files();
    REQUIRE(files.size() > 5);
    std::size_t formatted_count = 0;
    for (const auto& path : files) {
        CAPTURE(path);
        const std::string original = read(path);
        const Parsed before = parse(original);
        if (!before.ast || before.errors) {
            continue;  // syntax-error cases: fmt refuses them (tested below)
        }
        const auto once = fmt(original);
        REQUIRE(once);
        const Parsed after = parse(*once);
        REQUIRE(after.ast);
        CHECK_FALSE(after.errors);
        CHECK(dsl::dump_sexpr(*after.ast) == dsl::dump_sexpr(*before.ast));
        CHECK(fmt(*once) == once);
        CHECK(comment_texts(*once) == comment_texts(original));
        ++formatted_count;
    }
    CHECK(formatted_count > 5);
}

TEST_CASE("fmt lays a file out like the spec's examples, comments attached", "[format]") {
    const std::string input =
        "# Header comment\n\n"
        "template country{name:string;mipex:number in 0..100?   # optional\n"
        "  trend : symbol in {falling,stable,rising}=stable}\n"
        "recommendation B \"Programmes\" \"Long text\"\n"
        "param weak_mipex=50 \"doc\"\n"
        "rule r \"Desc\" salience 10 when\n"
        "  // before the pattern\n"
        "  ?c<-country(name:?n,mipex<$weak_mipex) not {country(name: \"x\")}\n"
        "  test ?c.mipex>1 then recommend B for ?n confidence 0.8 because \"weak # {?n}\"\n"
        "  # before end\n"
        "end # trailing\n";
    const std::string expected =
        "# Header comment\n\n"
        "template country {\n"
        "    name: string\n"
        "    mipex: number in 0..100 ?  # optional\n"
        "    trend: symbol in {falling, stable, rising} = stable\n"
        "}\n\n"
        "recommendation B \"Programmes\"\n"
        "    \"Long text\"\n\n"
        "param weak_mipex = 50 \"doc\"\n\n"
        "rule r\n"
        "    \"Desc\"\n"
        "    salience 10\n"
        "when\n"
        "    // before the pattern\n"
        "    ?c <- country(name: ?n, mipex < $weak_mipex)\n"
        "    not country(name: \"x\")\n"
        "    test ?c.mipex > 1\n"
        "then\n"
        "    recommend B for ?n confidence 0.8\n"
        "        because \"weak # {?n}\"\n"
        "    # before end\n"
        "end  # trailing\n";
    const auto out = fmt(input);
    REQUIRE(out);
    CHECK(*out == expected);
    CHECK(fmt(*out) == out);
}

TEST_CASE("fmt refuses a file with a syntax error", "[format]") {
    CHECK_FALSE(fmt("rule r when country( then end\n"));
}
