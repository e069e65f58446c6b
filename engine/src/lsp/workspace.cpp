#include "lsp/workspace.hpp"

#include "dsl/parse.hpp"
#include "lint/lint_sources.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace maslahat::lsp {
namespace {

namespace fs = std::filesystem;
namespace ast = dsl::ast;
using nlohmann::json;

bool has_rules_file(const fs::path& dir) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().extension() == ".rules") {
            return true;
        }
    }
    return false;
}

/// The highest ancestor of the document's folder that (like every folder on the way) holds
/// `*.rules` files: `rules/findings/x.rules` belongs to the program `rules/`.
fs::path program_root(const fs::path& document) {
    fs::path root = document.parent_path();
    std::error_code ec;
    while (root.has_parent_path() && root.parent_path() != root &&
           fs::is_directory(root.parent_path(), ec) && has_rules_file(root.parent_path())) {
        root = root.parent_path();
    }
    return root;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// One document's program, parsed.
struct Program {
    SourceManager sources;
    std::vector<FileId> files;
    std::vector<std::string> uris;  ///< by FileId
    std::vector<std::optional<ast::File>> asts;
    std::optional<FileId> current;
};

Program assemble(const std::map<std::string, std::string>& documents, const std::string& uri) {
    const fs::path doc_path = uri_to_path(uri);
    const fs::path root = program_root(doc_path);
    std::map<std::string, std::string> texts;  // path -> text, lexical order
    std::error_code ec;
    if (fs::is_directory(root, ec)) {
        for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end;
             it.increment(ec)) {
            if (it->is_regular_file(ec) && it->path().extension() == ".rules") {
                texts[it->path().string()] = read_file(it->path());
            }
        }
    }
    const std::string root_text = root.string() + "/";
    for (const auto& [open_uri, text] : documents) {
        const std::string path = uri_to_path(open_uri);
        if (open_uri == uri || path.rfind(root_text, 0) == 0) {
            texts[path] = text;
        }
    }
    Program p;
    for (const auto& [path, text] : texts) {
        const FileId id = p.sources.add(path, text);
        p.files.push_back(id);
        p.uris.push_back(path == doc_path.string() ? uri : path_to_uri(path));
        if (path == doc_path.string()) {
            p.current = id;
        }
        DiagnosticSink ignored;
        p.asts.push_back(dsl::parse_file(p.sources, id, ignored));
    }
    return p;
}

json range_json(std::string_view text, std::uint32_t begin, std::uint32_t end) {
    const Position b = position_of(text, begin);
    const Position e = position_of(text, std::max(begin, end));
    return {{"start", {{"line", b.line}, {"character", b.character}}},
            {"end", {{"line", e.line}, {"character", e.character}}}};
}

bool is_word(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// The identifier at `offset`, with a leading `$` or `?` kept.
std::string word_at(std::string_view text, std::uint32_t offset) {
    std::size_t b = std::min<std::size_t>(offset, text.size());
    std::size_t e = b;
    while (b > 0 && is_word(text[b - 1])) {
        --b;
    }
    while (e < text.size() && is_word(text[e])) {
        ++e;
    }
    if (b > 0 && (text[b - 1] == '$' || text[b - 1] == '?')) {
        --b;
    }
    return std::string(text.substr(b, e - b));
}

/// A declaration found by name.
struct Symbol {
    std::size_t file = 0;  ///< index into Program::files
    const ast::Name* name = nullptr;
    const ast::TemplateDecl* tmpl = nullptr;
    const ast::ParamDecl* param = nullptr;
    const ast::RecommendationDecl* recommendation = nullptr;
};

std::optional<Symbol> find_symbol(const Program& p, const std::string& word) {
    if (word.empty() || word[0] == '?') {
        return std::nullopt;
    }
    const bool param_only = word[0] == '$';
    const std::string name = param_only ? word.substr(1) : word;
    std::optional<Symbol> param_match;
    std::optional<Symbol> other_match;
    for (std::size_t f = 0; f < p.asts.size(); ++f) {
        if (!p.asts[f]) {
            continue;
        }
        for (const auto& decl : p.asts[f]->declarations) {
            if (const auto* t = boost::get<ast::TemplateDecl>(&decl); t && t->name.text == name) {
                other_match = other_match ? other_match : Symbol{f, &t->name, t, nullptr, nullptr};
            } else if (const auto* r = boost::get<ast::RecommendationDecl>(&decl);
                       r && r->id.text == name) {
                other_match = other_match ? other_match : Symbol{f, &r->id, nullptr, nullptr, r};
            } else if (const auto* pd = boost::get<ast::ParamDecl>(&decl);
                       pd && pd->name.text == name) {
                param_match =
                    param_match ? param_match : Symbol{f, &pd->name, nullptr, pd, nullptr};
            }
        }
    }
    if (param_only) {
        return param_match;
    }
    return other_match ? other_match : param_match;
}

std::string slice(const Program& p, std::size_t file, std::uint32_t begin, std::uint32_t end) {
    const std::string_view text = p.sources.text(p.files[file]);
    begin = std::min<std::uint32_t>(begin, static_cast<std::uint32_t>(text.size()));
    end = std::min<std::uint32_t>(std::max(begin, end), static_cast<std::uint32_t>(text.size()));
    return std::string(text.substr(begin, end - begin));
}

std::string hover_text(const Program& p, const Symbol& s) {
    if (s.tmpl != nullptr) {
        return "```maslahat\n" + slice(p, s.file, s.tmpl->begin, s.tmpl->end) + "\n```";
    }
    if (s.param != nullptr) {
        const auto& value = boost::apply_visitor(
            [](const auto& node) -> const ast::Located& {
                using N = std::decay_t<decltype(node)>;
                if constexpr (std::is_base_of_v<ast::Located, N>) {
                    return node;
                } else {
                    return node.get();
                }
            },
            s.param->value);
        std::string out = "```maslahat\nparam " + s.param->name.text + " = " +
                          slice(p, s.file, value.begin, value.end) + "\n```";
        if (s.param->doc) {
            out += "\n\n" + s.param->doc->raw;
        }
        return out;
    }
    std::string out =
        "**recommendation " + s.recommendation->id.text + "**: " + s.recommendation->title.raw;
    if (s.recommendation->description) {
        out += "\n\n" + s.recommendation->description->raw;
    }
    return out;
}

int severity_of(Severity s) {
    switch (s) {
        case Severity::Error:
            return 1;
        case Severity::Warning:
            return 2;
        default:
            return 3;
    }
}

}  // namespace

void Workspace::set_document(const std::string& uri, std::string text) {
    documents_[uri] = std::move(text);
}

void Workspace::close_document(const std::string& uri) {
    documents_.erase(uri);
}

json Workspace::diagnostics(const std::string& uri) const {
    json out = json::array();
    if (documents_.count(uri) == 0) {
        return out;
    }
    const Program p = assemble(documents_, uri);
    DiagnosticSink sink;
    lint::lint_sources(p.sources, p.files, std::nullopt, sink);
    for (const auto& d : sink.sorted()) {
        if (!d.span || !p.current || d.span->file != *p.current) {
            continue;
        }
        const std::string_view text = p.sources.text(*p.current);
        json item = {{"range", range_json(text, d.span->begin, d.span->end)},
                     {"severity", severity_of(d.severity)},
                     {"code", std::string(code_name(d.code))},
                     {"source", "maslahat"},
                     {"message", d.message}};
        out.push_back(std::move(item));
    }
    return out;
}

std::optional<json> Workspace::hover(const std::string& uri, Position at) const {
    const auto doc = documents_.find(uri);
    if (doc == documents_.end()) {
        return std::nullopt;
    }
    const std::string word = word_at(doc->second, offset_of(doc->second, at));
    const Program p = assemble(documents_, uri);
    const auto symbol = find_symbol(p, word);
    if (!symbol) {
        return std::nullopt;
    }
    return json{{"contents", {{"kind", "markdown"}, {"value", hover_text(p, *symbol)}}}};
}

std::optional<json> Workspace::definition(const std::string& uri, Position at) const {
    const auto doc = documents_.find(uri);
    if (doc == documents_.end()) {
        return std::nullopt;
    }
    const std::string word = word_at(doc->second, offset_of(doc->second, at));
    const Program p = assemble(documents_, uri);
    const auto symbol = find_symbol(p, word);
    if (!symbol) {
        return std::nullopt;
    }
    const std::string_view text = p.sources.text(p.files[symbol->file]);
    return json{{"uri", p.uris[symbol->file]},
                {"range", range_json(text, symbol->name->begin, symbol->name->end)}};
}

json Workspace::completion(const std::string& uri, Position at) const {
    json items = json::array();
    const auto doc = documents_.find(uri);
    if (doc == documents_.end()) {
        return items;
    }
    const std::string& text = doc->second;
    const std::uint32_t offset = offset_of(text, at);
    // The innermost unclosed '(' before the cursor, then the name in front of it.
    int depth = 0;
    std::size_t open = std::string::npos;
    for (std::size_t i = offset; i > 0 && offset - i < 4096; --i) {
        const char c = text[i - 1];
        if (c == ')') {
            ++depth;
        } else if (c == '(') {
            if (depth == 0) {
                open = i - 1;
                break;
            }
            --depth;
        }
    }
    if (open == std::string::npos) {
        return items;
    }
    std::size_t name_end = open;
    while (name_end > 0 && (text[name_end - 1] == ' ' || text[name_end - 1] == '\t')) {
        --name_end;
    }
    const std::string name = word_at(text, static_cast<std::uint32_t>(name_end));
    const Program p = assemble(documents_, uri);
    const auto symbol = find_symbol(p, name);
    if (!symbol || symbol->tmpl == nullptr) {
        return items;
    }
    for (const auto& slot : symbol->tmpl->slots) {
        items.push_back({{"label", slot.name.text},
                         {"kind", 5},  // Field
                         {"detail", slice(p, symbol->file, slot.type.begin, slot.type.end)},
                         {"insertText", slot.name.text + ": "}});
    }
    return items;
}

}  // namespace maslahat::lsp
