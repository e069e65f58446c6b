#include "cli/command_line.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace maslahat::cli {
namespace {

constexpr const char* version_text = "maslahat 0.1.0";

void add_rules_argument(CLI::App& cmd, CliOptions& o) {
    cmd.add_option("rules", o.rules, "Rule files or folders (default: rules/)");
}

void add_run_options(CLI::App& cmd, CliOptions& o) {
    cmd.add_option("--strategy", o.strategy, "Conflict resolution: depth|breadth|lex|mea")
        ->check(CLI::IsMember({"depth", "breadth", "lex", "mea"}));
    cmd.add_option("--param", o.params, "Override a param: NAME=VALUE (repeatable)");
    cmd.add_option("--max-firings", o.max_firings, "Firing limit (default 1000000)");
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
    explain->add_option("--format", o.format, "text|json|markdown")
        ->check(CLI::IsMember({"text", "json", "markdown"}));
    auto* why = explain->add_option("--why", o.why, "Recommendation id to explain");
    auto* why_not = explain->add_option("--why-not", o.why_not, "Recommendation id not made");
    why->excludes(why_not);
    add_run_options(*explain, o);
    explain->add_option("-o,--output", o.output_file, "Write the report to FILE (atomically)");

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
    return o;
}

}  // namespace maslahat::cli
