#include "sema/checker.hpp"

#include "dsl/keywords.hpp"

namespace maslahat::sema {
namespace {

struct LocatedOf {
    using result_type = const ast::Located*;
    const ast::Located* operator()(const ast::Located& node) const {
        return &node;
    }
    template <class T>
    const ast::Located* operator()(const ast::x3::forward_ast<T>& node) const {
        return &node.get();
    }
};

}  // namespace

Checker::Checker(const SourceManager& sources, DiagnosticSink& sink)
    : sources_(sources), sink_(sink) {}

SourceSpan Checker::span(const ast::Located& node) const {
    return SourceSpan{file_, node.begin, node.end};
}

SourceSpan Checker::span(std::uint32_t begin, std::uint32_t end) const {
    return SourceSpan{file_, begin, end};
}

SourceSpan Checker::expr_span(const ast::Expr& expr) const {
    return span(*boost::apply_visitor(LocatedOf{}, expr));
}

void Checker::error(DiagCode code, SourceSpan where, std::string message) {
    sink_.error(code, where, std::move(message));
}

void Checker::error(DiagCode code, SourceSpan where, std::string message, SourceSpan note_where,
                    std::string note) {
    Diagnostic d{Severity::Error, code, where, std::move(message), {}};
    d.notes.push_back(DiagnosticNote{note_where, std::move(note)});
    sink_.report(std::move(d));
}

void Checker::warning(DiagCode code, SourceSpan where, std::string message) {
    sink_.warning(code, where, std::move(message));
}

bool Checker::check_not_keyword(const ast::Name& name, std::string_view what) {
    if (!dsl::is_keyword(name.text)) {
        return true;
    }
    error(
        DiagCode::E0109, span(name),
        "'" + name.text + "' is a keyword and cannot be used as a " + std::string(what) + " name");
    return false;
}

std::optional<ir::Program> Checker::run(const std::vector<ParsedFile>& files) {
    const std::size_t errors_before = sink_.error_count();
    declare_builtins();
    // Declarations first (in file order), so rules may use names declared anywhere.
    for (const auto& f : files) {
        file_ = f.file;
        for (const auto& decl : f.ast.declarations) {
            if (const auto* t = boost::get<ast::TemplateDecl>(&decl)) {
                declare_template(*t);
            }
        }
    }
    for (const auto& t : program_.templates) {
        for (const auto& slot : t.slots) {
            if (poisoned_names_.contains({t.name, slot.name})) {
                poisoned_.insert(&slot);
            }
        }
    }
    for (const auto& f : files) {
        file_ = f.file;
        for (const auto& decl : f.ast.declarations) {
            if (const auto* r = boost::get<ast::RecommendationDecl>(&decl)) {
                declare_recommendation(*r);
            } else if (const auto* p = boost::get<ast::ParamDecl>(&decl)) {
                declare_param(*p);
            }
        }
    }
    for (const auto& f : files) {
        file_ = f.file;
        for (const auto& decl : f.ast.declarations) {
            if (const auto* rule = boost::get<ast::RuleDecl>(&decl)) {
                lower_rule(*rule);
            }
        }
    }
    warn_unused_params();
    if (sink_.error_count() > errors_before) {
        return std::nullopt;
    }
    return std::move(program_);
}

}  // namespace maslahat::sema
