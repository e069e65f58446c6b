#include "format/format.hpp"

#include "dsl/ast_access.hpp"
#include "dsl/ast_printer.hpp"
#include "dsl/parse.hpp"
#include "format/comments.hpp"

#include <limits>
#include <string_view>
#include <type_traits>

namespace maslahat::format {
namespace {

namespace ast = dsl::ast;

using ast::located;
using ast::unwrap;

constexpr std::size_t line_limit = 100;

/// Width in code points (continuation bytes 10xxxxxx are not counted).
std::size_t width(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) {
        n += (static_cast<unsigned char>(c) & 0xC0U) == 0x80U ? 0 : 1;
    }
    return n;
}

/// `head` + items joined by ", " + ")", filled greedily into lines of at most line_limit code
/// points; continuation lines start with `continuation` (the first line's indent is in head).
std::string wrap(const std::string& head, const std::vector<std::string>& items,
                 const std::string& continuation) {
    std::string out;
    std::string line = head;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const bool last = i + 1 == items.size();
        const std::string piece = items[i] + (last ? ")" : ",");
        const bool at_start = i == 0 || line == continuation;
        if (!at_start && width(line) + 1 + width(piece) > line_limit) {
            out += line + '\n';
            line = continuation + piece;
        } else {
            line += (at_start ? "" : " ") + piece;
        }
    }
    if (items.empty()) {
        line += ')';
    }
    return out + line;
}

constexpr std::uint32_t end_of_file = std::numeric_limits<std::uint32_t>::max();
const std::string indent1 = "    ";

class Formatter {
public:
    Formatter(std::string_view text, std::vector<Comment> comments)
        : text_(text), comments_(std::move(comments)) {}

    std::string run(const ast::File& file) {
        for (const auto& decl : file.declarations) {
            flush(located(decl).begin, "", true);
            declaration(decl);
        }
        flush(end_of_file, "", true);
        if (out_.size() >= 2 && out_.substr(out_.size() - 2) == "\n\n") {
            out_.pop_back();
        }
        return std::move(out_);
    }

private:
    void blank_line() {
        if (!out_.empty() && !(out_.size() >= 2 && out_.substr(out_.size() - 2) == "\n\n")) {
            out_ += '\n';
        }
    }

    /// Emits the comments before `offset`: a comment that followed code on its line goes at the
    /// end of the last printed line; the others on lines of their own at `indent`. At the top
    /// level, declarations are separated by one blank line.
    void flush(std::uint32_t offset, const std::string& indent, bool top_level) {
        bool separated = false;
        while (next_ < comments_.size() && comments_[next_].begin < offset) {
            const Comment& c = comments_[next_++];
            if (!c.own_line && !out_.empty() && out_.back() == '\n' &&
                !(out_.size() >= 2 && out_[out_.size() - 2] == '\n')) {
                out_.pop_back();
                out_ += "  " + c.text + '\n';
                continue;
            }
            if (top_level && !separated) {
                blank_line();
                separated = true;
            }
            out_ += indent + c.text + '\n';
            if (c.blank_after) {
                blank_line();
            }
        }
        if (top_level && !separated && offset != end_of_file) {
            blank_line();
        }
    }

    /// Offset of keyword `kw` in [from, to) outside comments, or `to`.
    std::uint32_t keyword_at(std::string_view kw, std::uint32_t from, std::uint32_t to) const {
        std::size_t at = from;
        while ((at = text_.find(kw, at)) != std::string_view::npos && at < to) {
            bool in_comment = false;
            for (const auto& c : comments_) {
                in_comment = in_comment || (c.begin <= at && at < c.end);
            }
            const bool word_start = at == 0 || !is_word(text_[at - 1]);
            const bool word_end = at + kw.size() >= text_.size() || !is_word(text_[at + kw.size()]);
            if (!in_comment && word_start && word_end) {
                return static_cast<std::uint32_t>(at);
            }
            ++at;
        }
        return to;
    }
    static bool is_word(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    }

    static std::string str(const ast::StringLit& s) {
        return '"' + s.raw + '"';
    }
    static std::string expr(const ast::Expr& e) {
        return dsl::print_source(e);
    }

    static std::string base_type(const ast::BaseType& t) {
        std::string out = t.name;
        if (!t.symbols.empty()) {
            out += " in {";
            for (std::size_t i = 0; i < t.symbols.size(); ++i) {
                out += (i > 0 ? ", " : "") + t.symbols[i].text;
            }
            out += '}';
        }
        if (t.range) {
            out += " in " + t.range->low.text + ".." + t.range->high.text;
        }
        return out;
    }

    /// `T(c1, c2)` after `lead` (text already on the line, e.g. the indent); wrapped lines
    /// align with the column after '('.
    static std::string pattern(const std::string& lead, const ast::Pattern& p) {
        std::string head = lead;
        if (p.binding) {
            head += '?' + p.binding->name + " <- ";
        }
        head += p.template_name.text + '(';
        std::vector<std::string> items;
        for (const auto& c : p.constraints) {
            items.push_back(c.slot.text + (c.op == ":" ? ": " : ' ' + c.op + ' ') + expr(c.value));
        }
        return wrap(head, items, std::string(width(head), ' '));
    }

    /// `(slot: v, ...)` after `head`; wrapped lines are indented one level more than `indent`.
    static std::string assigns(const std::string& head, const std::vector<ast::SlotAssign>& slots,
                               const std::string& indent) {
        std::vector<std::string> items;
        for (const auto& s : slots) {
            items.push_back(s.slot.text + ": " + expr(s.value));
        }
        return wrap(head + '(', items, indent + indent1);
    }

    void declaration(const ast::Declaration& decl) {
        boost::apply_visitor([this](const auto& d) { this->decl(d); }, decl);
    }

    void decl(const ast::TemplateDecl& d) {
        out_ += "template " + d.name.text + " {\n";
        for (const auto& s : d.slots) {
            flush(s.begin, indent1, false);
            out_ += indent1 + s.name.text + ": ";
            out_ +=
                s.type.is_list ? '[' + base_type(s.type.element) + ']' : base_type(s.type.element);
            if (s.optional) {
                out_ += " ?";
            }
            if (s.default_value) {
                out_ += " = " + expr(*s.default_value);
            }
            out_ += '\n';
        }
        flush(d.end > 0 ? d.end - 1 : 0, indent1, false);
        out_ += "}\n";
    }

    void decl(const ast::RecommendationDecl& d) {
        out_ += "recommendation " + d.id.text + ' ' + str(d.title) + '\n';
        if (d.description) {
            flush(d.description->begin, indent1, false);
            out_ += indent1 + str(*d.description) + '\n';
        }
    }

    void decl(const ast::ParamDecl& d) {
        out_ += "param " + d.name.text + " = " + expr(d.value);
        if (d.doc) {
            out_ += ' ' + str(*d.doc);
        }
        out_ += '\n';
    }

    void decl(const ast::RuleDecl& d) {
        out_ += "rule " + d.name.text + '\n';
        std::uint32_t header_end = d.name.end;
        if (d.description) {
            flush(d.description->begin, indent1, false);
            out_ += indent1 + str(*d.description) + '\n';
            header_end = d.description->end;
        }
        if (d.salience) {
            const std::uint32_t at = keyword_at("salience", header_end, d.end);
            flush(at, indent1, false);
            out_ += indent1 + "salience " + expr(*d.salience) + '\n';
            header_end = located(*d.salience).end;
        }
        const std::uint32_t when_at = keyword_at("when", header_end, d.end);
        flush(when_at, "", false);
        out_ += "when\n";
        std::uint32_t last = when_at;
        for (const auto& c : d.conditions) {
            condition(c, indent1);
            last = located(c).end;
        }
        const std::uint32_t then_at = keyword_at("then", last, d.end);
        flush(then_at, "", false);
        out_ += "then\n";
        for (const auto& a : d.actions) {
            action(a);
        }
        const std::size_t end_at = text_.rfind("end", d.end);
        flush(end_at == std::string_view::npos ? d.end : static_cast<std::uint32_t>(end_at),
              indent1, false);
        out_ += "end\n";
    }

    void condition(const ast::Condition& cond, const std::string& indent) {
        flush(located(cond).begin, indent, false);
        boost::apply_visitor(
            [this, &indent](const auto& node) {
                const auto& n = unwrap(node);
                using N = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<N, ast::Pattern>) {
                    out_ += pattern(indent, n) + '\n';
                } else if constexpr (std::is_same_v<N, ast::TestCond>) {
                    out_ += indent + "test " + expr(n.expr) + '\n';
                } else if constexpr (std::is_same_v<N, ast::AggregateCond>) {
                    std::string lead = indent + '?' + n.result.name + " = " + n.function;
                    lead += n.argument ? '(' + expr(*n.argument) + ") over " : std::string(" ");
                    out_ += pattern(lead, n.pattern) + '\n';
                } else {
                    // `not {P}` and `not P` parse to the same tree: print the short form.
                    const bool short_form =
                        n.conditions.size() == 1 &&
                        boost::get<ast::Pattern>(&n.conditions.front()) != nullptr;
                    if (short_form) {
                        out_ += pattern(indent + n.kind + ' ',
                                        boost::get<ast::Pattern>(n.conditions.front())) +
                                '\n';
                        return;
                    }
                    out_ += indent + n.kind + " {\n";
                    for (const auto& c : n.conditions) {
                        condition(c, indent + indent1);
                    }
                    flush(n.end > 0 ? n.end - 1 : 0, indent + indent1, false);
                    out_ += indent + "}\n";
                }
            },
            cond);
    }

    void action(const ast::Action& act) {
        flush(located(act).begin, indent1, false);
        boost::apply_visitor(
            [this](const auto& a) {
                using A = std::decay_t<decltype(a)>;
                if constexpr (std::is_same_v<A, ast::AssertAction>) {
                    out_ +=
                        assigns(indent1 + a.kind + ' ' + a.template_name.text, a.slots, indent1);
                } else if constexpr (std::is_same_v<A, ast::RetractAction>) {
                    out_ += indent1 + "retract ?" + a.fact.name;
                } else if constexpr (std::is_same_v<A, ast::ModifyAction>) {
                    out_ += assigns(indent1 + "modify ?" + a.fact.name, a.slots, indent1);
                } else if constexpr (std::is_same_v<A, ast::RecommendAction>) {
                    out_ += indent1 + "recommend " + a.id.text + " for " + expr(a.subject);
                    if (a.confidence) {
                        out_ += " confidence " + expr(*a.confidence);
                    }
                    if (a.because) {
                        out_ += '\n';
                        flush(a.because->begin, indent1 + indent1, false);
                        out_ += indent1 + indent1 + "because " + str(*a.because);
                    }
                } else if constexpr (std::is_same_v<A, ast::BindAction>) {
                    out_ += indent1 + "bind ?" + a.var.name + " = " + expr(a.value);
                } else if constexpr (std::is_same_v<A, ast::PrintAction>) {
                    out_ += indent1 + "print " + str(a.text);
                } else if constexpr (std::is_same_v<A, ast::LogAction>) {
                    out_ += indent1 + "log " + a.level.text + ' ' + str(a.text);
                } else {
                    out_ += indent1 + "halt";
                }
            },
            act);
        out_ += '\n';
    }

    std::string_view text_;
    std::vector<Comment> comments_;
    std::size_t next_ = 0;
    std::string out_;
};

}  // namespace

std::optional<std::string> format_text(std::string_view text, const ast::File& file) {
    return Formatter(text, scan_comments(text)).run(file);
}

std::optional<std::string> format_source(const SourceManager& sources, FileId file,
                                         DiagnosticSink& sink) {
    DiagnosticSink local;
    auto ast = dsl::parse_file(sources, file, local);
    sink.report_all(local);
    if (!ast || local.has_errors()) {
        return std::nullopt;
    }
    return format_text(sources.text(file), *ast);
}

}  // namespace maslahat::format
