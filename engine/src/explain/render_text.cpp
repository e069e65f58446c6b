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
    const std::string indent(style.markdown ? 2 * depth : 5 + 2 * depth, ' ');
    out += indent + (style.markdown ? "- " : "- ");
    if (node.missing) {
        out += "fact #" + std::to_string(node.id) + " (no longer in working memory)\n";
        return;
    }
    out += style.code(node.template_name) + " #" + std::to_string(node.id);
    bool cited = false;
    for (const auto& slot : node.slots) {
        cited = cited || slot.provenance.has_value();
    }
    const std::string slots = slots_text(node);
    if (!slots.empty() && (!cited || style.markdown)) {
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
    if (cited && !style.markdown) {
        for (const auto& slot : node.slots) {
            out += indent + "    " + slot.name + " = " +
                   figure_text(style.code(slot.value), slot.provenance) + "\n";
        }
    }
    for (const auto& premise : node.premises) {
        fact_lines(premise, depth + 1, style, out);
    }
}

std::string combination(const WhyExplanation& why) {
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

/// One rule's failure, then (indented) why no rule derived the fact it needed.
void failure_lines(const RuleFailure& r, const std::string& number, std::size_t depth,
                   const Style& style, std::string& out) {
    if (style.markdown) {
        const std::string indent(2 * depth, ' ');
        const std::string item = depth == 0 ? "" : indent + "- ";
        const std::string sub = depth == 0 ? "- " : indent + "  - ";
        if (depth == 0) {
            out += "\n## " + number + " Rule `" + r.rule + "`\n\n";
        } else {
            out += item + "rule `" + r.rule + "`\n";
        }
        if (r.condition > 0) {
            out += (depth == 0 ? std::string() : indent + "  ") + "fails at condition " +
                   std::to_string(r.condition) + ": `" + r.condition_text + "`\n";
            out += depth == 0 ? "\n" : "";
        }
        out += sub + "**why:** " + r.reason + "\n";
        if (!r.bindings.empty()) {
            out += sub + "**bound so far:** ";
            for (std::size_t k = 0; k < r.bindings.size(); ++k) {
                out += (k > 0 ? ", " : "") + style.code(r.bindings[k]);
            }
            out += "\n";
        }
        for (const auto& c : r.to_change) {
            out += sub + "**to change:** " + c + "\n";
        }
        if (!r.causes.empty()) {
            out += sub + "**no rule derived it:**\n";
            for (std::size_t k = 0; k < r.causes.size(); ++k) {
                failure_lines(r.causes[k], "", depth + 2, style, out);
            }
        }
        return;
    }
    const std::string indent(2 + 6 * depth, ' ');
    const std::string body = indent + "   ";
    out += (depth == 0 ? "\n" : "") + indent + (number.empty() ? "-" : number) + " rule " + r.rule +
           "\n";
    if (r.condition > 0) {
        out += body + "fails at condition " + std::to_string(r.condition) + ": " +
               r.condition_text + "\n";
    }
    out += body + "why: " + r.reason + "\n";
    if (!r.bindings.empty()) {
        out += body + "bound so far: ";
        for (std::size_t k = 0; k < r.bindings.size(); ++k) {
            out += (k > 0 ? ", " : "") + r.bindings[k];
        }
        out += "\n";
    }
    for (const auto& c : r.to_change) {
        out += body + "to change: " + c + "\n";
    }
    if (!r.causes.empty()) {
        out += body + "no rule derived it:\n";
        for (const auto& cause : r.causes) {
            failure_lines(cause, "", depth + 1, style, out);
        }
    }
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
        failure_lines(w.rules[i], std::to_string(i + 1) + ".", 0, style, out);
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
