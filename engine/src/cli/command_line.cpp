#include "cli/command_line.hpp"

#include "cli/output_check.hpp"

#include <CLI/CLI.hpp>

#include <charconv>
#include <cmath>
#include <iostream>

namespace maslahat::cli {
namespace {

/// A whole number 0..2^64-1 (CLI11 alone wraps "-5" into an unsigned option).
const CLI::Validator whole_number(
    [](std::string& text) -> std::string {
        std::uint64_t value = 0;
        const char* end = text.data() + text.size();
        const auto [stop, ec] = std::from_chars(text.data(), end, value);
        if (text.empty() || ec != std::errc() || stop != end) {
            return "expects a whole number from 0 to 18446744073709551615, got '" + text + "'";
        }
        return {};
    },
    "N");

/// Seconds for --timeout: a finite number above 0.
const CLI::Validator seconds_number(
    [](std::string& text) -> std::string {
        double value = 0;
        const char* end = text.data() + text.size();
        const auto [stop, ec] = std::from_chars(text.data(), end, value);
        if (text.empty() || ec != std::errc() || stop != end || !std::isfinite(value) ||
            value <= 0 || value > 1e9) {
            return "expects a number of seconds above 0, got '" + text + "'";
        }
        return {};
    },
    "SECONDS");

constexpr const char* version_text = "maslahat 0.1.0";

void add_rules_argument(CLI::App& cmd, CliOptions& o) {
    cmd.add_option("rules", o.rules, "Rule files or folders (default: rules/)");
}

void add_run_options(CLI::App& cmd, CliOptions& o) {
    cmd.add_option("--strategy", o.strategy, "Conflict resolution: depth|breadth|lex|mea")
        ->check(CLI::IsMember({"depth", "breadth", "lex", "mea"}));
    cmd.add_option("--param", o.params, "Override a param: NAME=VALUE (repeatable)");
    cmd.add_option("--max-firings", o.max_firings, "Firing limit (default 1000000)")
        ->check(whole_number);
    cmd.add_option("--subject", o.subject, "Subject of the analysis (default: [meta] subject)");
}

}  // namespace

std::variant<CliOptions, int> parse_command_line(int argc, char** argv) {
    CliOptions o;
    CLI::App app{"maslahat: a rule-based recommendation expert system", "maslahat"};
    app.set_version_flag("--version", version_text);
    app.require_subcommand(1);
    app.add_option("--log-level", o.log_level, "trace|debug|info|warn|error|off")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));

    auto* check = app.add_subcommand("check", "Check rule files (and fact files) for errors");
    add_rules_argument(*check, o);
    check->add_option("--facts", o.facts, "Fact files or folders to validate");
    check->add_option("--format", o.format, "text|json")->check(CLI::IsMember({"text", "json"}));

    auto* run = app.add_subcommand("run", "Run the rules over fact files and report");
    add_rules_argument(*run, o);
    run->add_option("--facts", o.facts, "Fact files or folders (default: facts/)");
    run->add_option("--format", o.format, "text|json|markdown|html")
        ->check(CLI::IsMember({"text", "json", "markdown", "html"}));
    add_run_options(*run, o);
    run->add_flag("--trace", o.trace, "Trace facts, activations and firings to stderr");
    run->add_option("-o,--output", o.output_file, "Write the report to FILE (atomically)");

    auto* explain = app.add_subcommand("explain", "Explain why (or why not) a recommendation");
    add_rules_argument(*explain, o);
    explain->add_option("--facts", o.facts, "Fact files or folders (default: facts/)");
    explain->add_option("--format", o.format, "text|json|markdown|html")
        ->check(CLI::IsMember({"text", "json", "markdown", "html"}));
    auto* why = explain->add_option("--why", o.why, "Recommendation id to explain");
    auto* why_not = explain->add_option("--why-not", o.why_not, "Recommendation id not made");
    why->excludes(why_not);
    add_run_options(*explain, o);
    explain->add_option("-o,--output", o.output_file, "Write the report to FILE (atomically)");

    auto* lint =
        app.add_subcommand("lint", "Find rules that can never fire and unused declarations");
    add_rules_argument(*lint, o);
    lint->add_option("--facts", o.facts, "Fact files or folders (which templates have facts)");
    lint->add_flag("--error-on-warning", o.error_on_warning, "Exit 1 when there is any warning");

    auto* fmt = app.add_subcommand("fmt", "Rewrite rule files in the canonical layout");
    add_rules_argument(*fmt, o);
    fmt->add_flag("--check", o.format_check,
                  "Change nothing; list files that would change (exit 1)");

    auto* lsp = app.add_subcommand("lsp", "Language server on stdin/stdout (for editors)");
    (void)lsp;

    auto* test = app.add_subcommand("test", "Run rule unit tests (docs/testing-rules.md)");
    test->add_option("paths", o.test_paths,
                     "Rule files/folders and test files/folders (default: rules/ tests/kb/)");

    // Limits (issue 8): time, facts and input size, each exit 3 when reached.
    for (auto* cmd : {run, explain}) {
        cmd->add_option("--timeout", o.timeout_seconds, "Stop with exit 3 after SECONDS")
            ->check(seconds_number);
        cmd->add_option("--max-facts", o.max_facts, "Live-fact limit, exit 3 (default: none)")
            ->check(whole_number);
    }
    for (auto* cmd : {check, run, explain}) {
        cmd->add_option("--max-input-size", o.max_input_bytes,
                        "Largest rule or fact file in bytes (default 67108864)")
            ->check(whole_number);
        cmd->add_option(
               "--max-nesting", o.max_nesting,
               "Deepest nesting of brackets/prefix operators in rules (1-256, default 256)")
            ->check(CLI::Range(1, 256));
    }

    auto* sweep =
        app.add_subcommand("sweep", "Rerun over a range of one param; show switch points");
    add_rules_argument(*sweep, o);
    sweep->add_option("--facts", o.facts, "Fact files or folders (default: facts/)");
    sweep->add_option("--format", o.format, "text|markdown|html")
        ->check(CLI::IsMember({"text", "markdown", "html"}));
    add_run_options(*sweep, o);  // --param NAME=LO..HI[:STEP] (one), other --param NAME=VALUE
    sweep->add_option("-o,--output", o.output_file, "Write the table to FILE (atomically)");

    auto* compare = app.add_subcommand("compare", "Analyse several subjects; print side by side");
    compare->add_option("facts", o.compare_facts,
                        "Fact files or folders, one subject each ([meta] subject)");
    // One value per occurrence (repeatable), so FACTS may follow these options.
    compare->add_option("--rules", o.rules, "Rule file or folder (repeatable; default: rules/)")
        ->allow_extra_args(false);
    compare->add_option("--facts", o.facts, "Facts for every subject (repeatable; default: facts/)")
        ->allow_extra_args(false);
    compare->add_option("--subject", o.compare_subjects, "A subject to analyse (repeatable)")
        ->allow_extra_args(false);
    compare->add_option("--format", o.format, "text|json|markdown|html")
        ->check(CLI::IsMember({"text", "json", "markdown", "html"}));
    compare->add_option("--strategy", o.strategy, "Conflict resolution: depth|breadth|lex|mea")
        ->check(CLI::IsMember({"depth", "breadth", "lex", "mea"}));
    compare->add_option("--param", o.params, "Override a param: NAME=VALUE (repeatable)");
    compare->add_option("--max-firings", o.max_firings, "Firing limit per subject")
        ->check(whole_number);
    compare->add_option("--timeout", o.timeout_seconds, "Stop with exit 3 after SECONDS")
        ->check(seconds_number);
    compare->add_option("--max-facts", o.max_facts, "Live-fact limit, exit 3 (default: none)")
        ->check(whole_number);
    compare
        ->add_option("--max-input-size", o.max_input_bytes,
                     "Largest rule or fact file in bytes (default 67108864)")
        ->check(whole_number);
    compare
        ->add_option("--max-nesting", o.max_nesting,
                     "Deepest nesting of brackets/prefix operators in rules (1-256, default 256)")
        ->check(CLI::Range(1, 256));
    compare->add_option("-o,--output", o.output_file, "Write the table to FILE (atomically)");

    // Further subcommands: add a block above this marker (keep the marker line).
    // @subcommands-end

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion&) {
        std::cout << version_text << '\n';
        return 0;
    } catch (const CLI::ParseError& e) {
        std::cerr << "maslahat: error: " << e.what() << "\n"
                  << "Run 'maslahat --help' for usage.\n";
        return 2;
    }
    for (const auto* sub : app.get_subcommands()) {
        o.command = sub->get_name();
    }
    o.facts_given = !o.facts.empty();
    if (o.command == "explain" && o.why.empty() && o.why_not.empty()) {
        std::cerr << "maslahat: error: explain needs --why ID or --why-not ID\n";
        return 2;
    }
    if (o.rules.empty()) {
        o.rules.emplace_back("rules");
    }
    if (const auto problem = output_problem(o)) {
        std::cerr << "maslahat: error: " << *problem << '\n';
        return 2;
    }
    return o;
}

}  // namespace maslahat::cli
