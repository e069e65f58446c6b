// Snapshot test of the TextMate grammar (editors/textmate/maslahat.tmLanguage.json): a small
// TextMate-style tokenizer (leftmost match wins, ties go to the earlier pattern; begin/end
// rules with inner patterns; captures) applies the grammar's regexes with std::regex
// (ECMAScript; the grammar keeps to the subset Oniguruma and ECMAScript share) to a sample
// file and compares the scopes with grammar/sample.tokens. MASLAHAT_BLESS=1 rewrites it.
#include "support/catch.hpp"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

using nlohmann::json;

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const std::string root = std::string(MASLAHAT_SOURCE_DIR);

struct Tokenizer {
    json grammar;
    std::string out;
    int line_no = 0;

    /// The patterns of a list with includes resolved.
    std::vector<json> flatten(const json& patterns) const {
        std::vector<json> result;
        for (const auto& p : patterns) {
            if (p.contains("include")) {
                const std::string name = p["include"].get<std::string>().substr(1);
                const json& entry = grammar["repository"][name];
                if (entry.contains("patterns") && !entry.contains("begin")) {
                    for (auto& q : flatten(entry["patterns"])) {
                        result.push_back(q);
                    }
                } else {
                    result.push_back(entry);
                }
            } else {
                result.push_back(p);
            }
        }
        return result;
    }

    void emit(std::size_t col, const std::string& text, const std::string& scope) {
        if (text.empty() || scope.empty()) {
            return;
        }
        out += std::to_string(line_no) + ':' + std::to_string(col + 1) + ' ' + scope + " '" + text +
               "'\n";
    }

    void emit_match(const json& rule, const std::smatch& m, std::size_t base, const char* key) {
        if (rule.contains(key)) {
            for (auto& [group, cap] : rule[key].items()) {
                const auto g = static_cast<std::size_t>(std::stoi(group));
                if (g < m.size() && m[g].matched) {
                    emit(base + static_cast<std::size_t>(m.position(g)), m[g].str(),
                         cap["name"].get<std::string>());
                }
            }
        } else if (rule.contains("name")) {
            emit(base + static_cast<std::size_t>(m.position(0)), m.str(0),
                 rule["name"].get<std::string>());
        }
    }

    /// Tokenizes line[pos..] with `patterns` until `end` matches (if given); returns the
    /// position after the end match (or the line length).
    std::size_t run(const std::string& line, std::size_t pos, const std::vector<json>& patterns,
                    const std::regex* end, const json* end_rule) {
        while (pos <= line.size()) {
            const std::string rest = line.substr(pos);
            std::smatch best;
            const json* best_rule = nullptr;
            std::ptrdiff_t best_at = -1;
            bool best_is_end = false;
            if (end) {
                std::smatch m;
                if (std::regex_search(rest, m, *end)) {
                    best = m;
                    best_at = m.position(0);
                    best_is_end = true;
                }
            }
            for (const auto& p : patterns) {
                const std::string src = p.contains("match") ? p["match"] : p["begin"];
                std::smatch m;
                if (std::regex_search(rest, m, std::regex(src)) &&
                    (best_at < 0 || m.position(0) < best_at)) {
                    best = m;
                    best_at = m.position(0);
                    best_rule = &p;
                    best_is_end = false;
                }
            }
            if (best_at < 0) {
                return line.size();
            }
            const std::size_t at = pos + static_cast<std::size_t>(best_at);
            const std::size_t after =
                at + static_cast<std::size_t>(std::max<std::ptrdiff_t>(best.length(0), 1));
            if (best_is_end) {
                emit_match(*end_rule, best, pos, "endCaptures");
                return at + static_cast<std::size_t>(best.length(0));
            }
            if (best_rule->contains("match")) {
                emit_match(*best_rule, best, pos, "captures");
                pos = after;
                continue;
            }
            // begin/end rule (single-line in this grammar: strings)
            emit_match(*best_rule, best, pos, "beginCaptures");
            const std::regex end_re((*best_rule)["end"].get<std::string>());
            const auto inner = best_rule->contains("patterns") ? flatten((*best_rule)["patterns"])
                                                               : std::vector<json>{};
            const std::size_t body = at + static_cast<std::size_t>(best.length(0));
            const std::size_t stop = run(line, body, inner, &end_re, best_rule);
            emit(body, line.substr(body, stop - body), "");  // body text carries the rule name
            pos = stop;
        }
        return line.size();
    }
};

}  // namespace

TEST_CASE("the TextMate grammar scopes the sample as in the snapshot", "[lsp][grammar]") {
    const std::string grammar_path = root + "/editors/textmate/maslahat.tmLanguage.json";
    Tokenizer t;
    t.grammar = json::parse(read(grammar_path));
    REQUIRE(t.grammar["scopeName"] == "source.maslahat");
    const auto top = t.flatten(t.grammar["patterns"]);
    std::istringstream sample(read(root + "/tests/unit/lsp/grammar/sample.rules"));
    std::string line;
    while (std::getline(sample, line)) {
        ++t.line_no;
        t.run(line, 0, top, nullptr, nullptr);
    }
    const std::string snapshot_path = root + "/tests/unit/lsp/grammar/sample.tokens";
    const char* bless = std::getenv("MASLAHAT_BLESS");
    if (bless != nullptr && std::string(bless) == "1") {
        std::ofstream(snapshot_path, std::ios::binary) << t.out;
    }
    CHECK(t.out == read(snapshot_path));
}

TEST_CASE("the VS Code extension ships the same grammar", "[lsp][grammar]") {
    CHECK(read(root + "/editors/vscode/syntaxes/maslahat.tmLanguage.json") ==
          read(root + "/editors/textmate/maslahat.tmLanguage.json"));
    const json package = json::parse(read(root + "/editors/vscode/package.json"));
    CHECK(package["contributes"]["grammars"][0]["scopeName"] == "source.maslahat");
    CHECK(package["contributes"]["languages"][0]["extensions"][0] == ".rules");
}
