// Text and Markdown share one walk over the explanation; a Style says how to mark things up.
#include "explain/describe.hpp"
#include "explain/render.hpp"

#include <string>

namespace maslahat::explain {
namespace {

struct Style {
    bool markdown = false;
    std::string code(const std::string& s) const {
        return markdown ? "`" + s + "`" : s;
    }
    std::string bold(const std::string& s) const {
        return markdown ? "**" + s + "**" : s;
    }
};

std::string slots_text(const FactNode& node) {
    std::string out;
    for (std::size_t i = 0; i < node.slots.size(); ++i) {
        out += (i > 0 ? ", " : "") + node.slots[i].name + " = " +
               figure_text(node.slots[i].value, node.slots[i].provenance);
    }
    return out;
}

void fact_lines(const FactNode& node, std::size_t depth, const Style& style, std::string& out) {
    const std::string indent(style.markdown ? 2 * depth : 4 + 2 * depth, ' ');
    out += indent + (style.markdown ? "- " : "- ");
    if (node.missing) {
        out += "fact #" + std::to_string(node.id) + " (no longer in working memory)\n";
        return;
    }
    out += style.code(node.template_name) + " #" + std::to_string(node.id);
    const std::string slots = slots_text(node);
    if (!slots.empty()) {
        out += " {" + slots + "}";
    }
    switch (node.origin.kind) {
        case FactOrigin::Kind::File:
            out += " from " + style.code(origin_text(node.origin));
            break;
        case FactOrigin::Kind::Rule:
            out += " derived by " + style.code(node.origin.rule) + " (firing " +
                   std::to_string(node.origin.firing) + ")";
            if (node.repeated) {
                out += ", explained above";
            }
            break;
        case FactOrigin::Kind::Api:
            out += " asserted through the embedding API";
            break;
    }
    out += "\n";
    for (const auto& premise : node.premises) {
        fact_lines(premise, depth + 1, style, out);
    }
}

std::string combination(const WhyExplanation& why) {
    std::string formula = "1";
    std::string terms;
    for (const auto& s : why.supports) {
        terms += "(1 - " + number_text(s.confidence) + ")";
    }
    if (why.supports.size() <= 1) {
        return number_text(why.confidence) + " (one support)";
    }
    std::string steps;
    for (std::size_t i = 0; i < why.combined.size(); ++i) {
        steps += (i > 0 ? " -> " : "") + number_text(why.combined[i]);
    }
    return number_text(why.confidence) + " = 1 - " + terms + "; after each support: " + steps;
}

std::string why_body(const WhyExplanation& why, const Style& style) {
    std::string out;
    if (style.markdown) {
        out += "# Why " + why.id + " for " + why.subject + "\n\n";
        out += style.bold(why.id + ": " + why.title) + "\n\n";
        out += "Confidence " + style.bold(number_text(why.confidence)) + " from " +
               std::to_string(why.supports.size()) + " support" +
               (why.supports.size() == 1 ? "" : "s") + ": " + combination(why) + "\n";
    } else {
        out += "Why " + why.id + " for " + why.subject + ": " + why.title + "\n";
        out += "  confidence " + combination(why) + "\n";
    }
    for (std::size_t i = 0; i < why.supports.size(); ++i) {
        const SupportNode& s = why.supports[i];
        if (style.markdown) {
            out += "\n## " + std::to_string(i + 1) + ". Rule `" + s.rule + "` (confidence " +
                   number_text(s.confidence) + ", firing " + std::to_string(s.firing) + ")\n\n";
            out += "> " + s.because + "\n\nMatched facts:\n\n";
        } else {
            out += "\n  " + std::to_string(i + 1) + ". rule " + s.rule + " (confidence " +
                   number_text(s.confidence) + ", firing " + std::to_string(s.firing) + ")\n";
            out += "     because: " + s.because + "\n     matched:\n";
        }
        for (const auto& f : s.facts) {
            fact_lines(f, 0, style, out);
        }
    }
    return out;
}

std::string why_not_body(const WhyNotExplanation& w, const Style& style) {
    std::string out;
    if (style.markdown) {
        out += "# Why not " + w.id + " for " + w.subject + "\n\n" +
               style.bold(w.id + ": " + w.title) + "\n\n";
    } else {
        out += "Why not " + w.id + " for " + w.subject + ": " + w.title + "\n";
    }
    const std::string pad = style.markdown ? "" : "  ";
    if (w.recommended) {
        out += pad + w.id + " is recommended for " + w.subject + " (confidence " +
               number_text(w.confidence) + "); see explain --why " + w.id + "\n";
    }
    if (w.rules.empty()) {
        out += pad + "no rule recommends " + w.id + "\n";
    }
    for (std::size_t i = 0; i < w.rules.size(); ++i) {
        const RuleFailure& r = w.rules[i];
        if (style.markdown) {
            out += "\n## " + std::to_string(i + 1) + ". Rule `" + r.rule + "`\n\n";
            if (r.condition > 0) {
                out += "Fails at condition " + std::to_string(r.condition) + ": `" +
                       r.condition_text + "`\n\n";
            }
            out += "- **why:** " + r.reason + "\n";
            if (!r.bindings.empty()) {
                out += "- **bound so far:** ";
                for (std::size_t k = 0; k < r.bindings.size(); ++k) {
                    out += (k > 0 ? ", " : "") + style.code(r.bindings[k]);
                }
                out += "\n";
            }
            for (const auto& c : r.to_change) {
                out += "- **to change:** " + c + "\n";
            }
        } else {
            out += "\n  " + std::to_string(i + 1) + ". rule " + r.rule + "\n";
            if (r.condition > 0) {
                out += "     fails at condition " + std::to_string(r.condition) + ": " +
                       r.condition_text + "\n";
            }
            out += "     why: " + r.reason + "\n";
            if (!r.bindings.empty()) {
                out += "     bound so far: ";
                for (std::size_t k = 0; k < r.bindings.size(); ++k) {
                    out += (k > 0 ? ", " : "") + r.bindings[k];
                }
                out += "\n";
            }
            for (const auto& c : r.to_change) {
                out += "     to change: " + c + "\n";
            }
        }
    }
    return out;
}

}  // namespace

std::string render_why_text(const WhyExplanation& why) {
    return why_body(why, Style{false});
}
std::string render_why_markdown(const WhyExplanation& why) {
    return why_body(why, Style{true});
}
std::string render_why_not_text(const WhyNotExplanation& w) {
    return why_not_body(w, Style{false});
}
std::string render_why_not_markdown(const WhyNotExplanation& w) {
    return why_not_body(w, Style{true});
}

}  // namespace maslahat::explain
