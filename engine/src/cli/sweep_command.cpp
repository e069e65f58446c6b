#include "cli/sweep_command.hpp"

#include "cli/report_io.hpp"
#include "explain/describe.hpp"
#include "ir/program.hpp"
#include "maslahat/engine.hpp"
#include "output/sweep.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace maslahat::cli {
namespace {

struct Range {
    std::string name;
    double low = 0;
    double high = 0;
    std::optional<double> step;
};

std::optional<double> parse_number(const std::string& text) {
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used == text.size() && std::isfinite(v)) {
            return v;
        }
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

/// NAME=LO..HI[:STEP]
std::optional<Range> parse_range(const std::string& text) {
    const auto eq = text.find('=');
    const auto dots = text.find("..");
    if (eq == std::string::npos || eq == 0 || dots == std::string::npos || dots < eq) {
        return std::nullopt;
    }
    Range r;
    r.name = text.substr(0, eq);
    const auto colon = text.find(':', dots);
    const auto low = parse_number(text.substr(eq + 1, dots - eq - 1));
    const auto high = parse_number(
        text.substr(dots + 2, colon == std::string::npos ? std::string::npos : colon - dots - 2));
    if (!low || !high || *high < *low) {
        return std::nullopt;
    }
    r.low = *low;
    r.high = *high;
    if (colon != std::string::npos) {
        r.step = parse_number(text.substr(colon + 1));
        if (!r.step || *r.step <= 0) {
            return std::nullopt;
        }
    }
    return r;
}

std::vector<std::string> fact_paths(const CliOptions& options) {
    if (options.facts_given) {
        return options.facts;
    }
    std::error_code ec;
    return std::filesystem::is_directory("facts", ec) ? std::vector<std::string>{"facts"}
                                                      : std::vector<std::string>{};
}

}  // namespace

int run_sweep(const CliOptions& options) {
    std::optional<Range> range;
    std::vector<std::string> fixed;
    for (const auto& p : options.params) {
        if (p.find("..") == std::string::npos) {
            fixed.push_back(p);
            continue;
        }
        if (range) {
            std::cerr << "maslahat: error: sweep takes one --param NAME=LO..HI[:STEP]\n";
            return 2;
        }
        range = parse_range(p);
        if (!range) {
            std::cerr << "maslahat: error: --param expects NAME=LO..HI[:STEP] with LO <= HI "
                         "and STEP > 0, got '"
                      << p << "'\n";
            return 2;
        }
    }
    if (!range) {
        std::cerr << "maslahat: error: sweep needs --param NAME=LO..HI[:STEP]\n";
        return 2;
    }
    bool integer = false;
    std::vector<std::string> ids;
    output::Sweep sweep;
    auto& points = sweep.points;
    std::string subject = options.subject;
    const double step = range->step.value_or((range->high - range->low) / 10.0);
    const std::size_t count =
        step > 0
            ? static_cast<std::size_t>(std::floor((range->high - range->low) / step + 1e-9)) + 1
            : 1;
    if (count > 1000) {
        std::cerr << "maslahat: error: sweep of more than 1000 values; give a larger STEP\n";
        return 2;
    }
    for (std::size_t i = 0; i < count; ++i) {
        Engine engine;
        if (!engine.load_rules(options.rules)) {
            std::cerr << engine.render_diagnostics();
            return 1;
        }
        const ir::Program& program = *engine.program();
        const auto index = program.find_param(range->name);
        if (!index) {
            engine.set_param(range->name, "0");  // reports the unknown name with a suggestion
            std::cerr << engine.render_diagnostics();
            return 2;
        }
        integer = program.params[*index].type == ir::BaseType::Int;
        if (program.params[*index].type != ir::BaseType::Int &&
            program.params[*index].type != ir::BaseType::Number) {
            std::cerr << "maslahat: error: sweep needs a numeric param; '" << range->name
                      << "' is not\n";
            return 2;
        }
        const double v = range->low + static_cast<double>(i) * step;
        output::SweepPoint point;
        point.value = integer ? std::to_string(std::llround(v)) : explain::number_text(v);
        for (const auto& p : fixed) {
            const auto eq = p.find('=');
            if (eq == std::string::npos || !engine.set_param(p.substr(0, eq), p.substr(eq + 1))) {
                std::cerr << engine.render_diagnostics();
                return 2;
            }
        }
        // Like run: a program with `param subject` analyses --subject (unless --param set it).
        const bool subject_param_given =
            std::any_of(fixed.begin(), fixed.end(),
                        [](const std::string& p) { return p.rfind("subject=", 0) == 0; });
        if (!options.subject.empty() && !subject_param_given && program.find_param("subject") &&
            !engine.set_param("subject", options.subject)) {
            std::cerr << engine.render_diagnostics();
            return 2;
        }
        if (!engine.set_param(range->name, point.value) ||
            !engine.load_facts(fact_paths(options))) {
            std::cerr << engine.render_diagnostics();
            return 1;
        }
        if (subject.empty()) {
            const auto it = engine.meta().find("subject");
            subject = it == engine.meta().end() ? std::string() : it->second;
        }
        if (ids.empty()) {
            for (const auto& r : program.recommendations) {
                ids.push_back(r.id);
            }
        }
        RunOptions run_options = run_options_from(options);
        const RunResult result = engine.run(run_options);
        if (!result.errors.empty()) {
            std::cerr << render_text(result.errors, engine.sources());
            return result.status == RunStatus::LimitReached ? 3 : 1;
        }
        for (const auto& rec : result.recommendations) {
            if (subject.empty() || rec.subject == subject) {
                point.recommendations[rec.id] = rec.confidence;
            }
        }
        for (const auto& fact : result.facts) {
            if (fact.template_name != "finding") {
                continue;
            }
            bool mine = subject.empty();
            std::string item;
            for (const auto& slot : fact.slots) {
                mine = mine ||
                       (slot.value.kind() == ValueKind::String && slot.value.text() == subject);
                if (slot.name == "item") {
                    item = slot.value.to_string();
                }
            }
            if (mine && !item.empty()) {
                point.findings.insert(item);
            }
        }
        points.push_back(std::move(point));
    }

    sweep.param = range->name;
    sweep.subject = subject;
    sweep.ids = ids;
    if (options.format == "markdown") {
        return emit_report(options, output::render_sweep_markdown(sweep));
    }
    if (options.format == "html") {
        return emit_report(options, output::render_sweep_html(sweep));
    }
    return emit_report(options, output::render_sweep_text(sweep));
}

}  // namespace maslahat::cli
