// What the language server knows: the open documents and, for a document, the program it
// belongs to (every `*.rules` file below its program root, open documents overriding the
// disk), analysed by the checker and the linter; answers diagnostics, hover, definition and
// completion queries in LSP JSON shapes.
#pragma once

#include "lsp/positions.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>

namespace maslahat::lsp {

class Workspace {
public:
    /// didOpen / didChange (full text).
    void set_document(const std::string& uri, std::string text);
    void close_document(const std::string& uri);

    /// LSP Diagnostic[] of the checker and the linter for the document.
    nlohmann::json diagnostics(const std::string& uri) const;
    /// Hover (markdown) for the template, param or recommendation named at `at`.
    std::optional<nlohmann::json> hover(const std::string& uri, Position at) const;
    /// Location of the declaration of the template, param or recommendation named at `at`.
    std::optional<nlohmann::json> definition(const std::string& uri, Position at) const;
    /// CompletionItem[]: the slots of the template whose pattern `T(...)` encloses `at`.
    nlohmann::json completion(const std::string& uri, Position at) const;

private:
    std::map<std::string, std::string> documents_;  ///< uri -> text
};

}  // namespace maslahat::lsp
