// Helpers for the dsl tests: parse a string through parse_file and get the S-expression dump
// and the rendered diagnostics (spec §8 text) back.
#pragma once

#include "dsl/ast_printer.hpp"
#include "dsl/parse.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"

#include <string>
#include <string_view>

namespace maslahat::dsl::test {

struct Parsed {
    SourceManager sources;
    FileId file{};
    DiagnosticSink sink;
    std::optional<ast::File> ast;

    std::string dump() const {
        return ast ? dump_sexpr(*ast) : std::string("<nullopt>");
    }
    std::string diagnostics() const {
        return render_text(sink.sorted(), sources);
    }
    /// One `line:col: severity: message` line per diagnostic (no source/caret lines).
    std::string headers() const {
        std::string out;
        for (const auto& d : sink.sorted()) {
            const auto pos = sources.position(d.span->file, d.span->begin);
            out += std::to_string(pos.line) + ':' + std::to_string(pos.column) + ": " +
                   (d.severity == Severity::Error ? "error: " : "warning: ") + d.message + '\n';
        }
        return out;
    }
    std::string text(const ast::Located& node) const {
        return std::string(sources.text(file).substr(node.begin, node.end - node.begin));
    }
};

inline Parsed parse(std::string_view text, std::string path = "test.rules") {
    Parsed p;
    p.file = p.sources.add(std::move(path), std::string(text));
    p.ast = parse_file(p.sources, p.file, p.sink);
    return p;
}

struct ParsedExpr {
    SourceManager sources;
    FileId file{};
    DiagnosticSink sink;
    std::optional<ast::Expr> expr;

    std::string dump() const {
        return expr ? dump_sexpr(*expr) : std::string("<nullopt>");
    }
    std::string diagnostics() const {
        return render_text(sink.sorted(), sources);
    }
};

/// parse_expression over the whole of `text`.
inline ParsedExpr parse_expr(std::string_view text) {
    ParsedExpr p;
    p.file = p.sources.add("expr.rules", std::string(text));
    p.expr =
        parse_expression(p.sources, p.file, 0, static_cast<std::uint32_t>(text.size()), p.sink);
    return p;
}

}  // namespace maslahat::dsl::test
