// The runner of `maslahat test`: one fresh Engine per test, facts edited as TOML trees before
// loading, expectations checked by check.cpp.
#include "kbtest/runner.hpp"

#include "kbtest/check.hpp"
#include "kbtest/fact_edit.hpp"
#include "maslahat/engine.hpp"
#include "support/did_you_mean.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace maslahat::kbtest {
namespace {

namespace fs = std::filesystem;

// Fact files that scenarios share live in `fixtures/` folders, which are not test files.
constexpr std::string_view fixtures_folder = "fixtures";

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool has_extension(const fs::path& path, std::string_view extension) {
    return path.extension() == extension;
}

// Files and folders (every `*.toml` below, in lexical path order), as the engine reads them.
std::vector<std::string> expand_fact_paths(const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    for (const auto& path : paths) {
        std::error_code ec;
        if (!fs::is_directory(path, ec)) {
            out.push_back(path);
            continue;
        }
        std::vector<std::string> found;
        for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end;
             it.increment(ec)) {
            if (it->is_regular_file(ec) && has_extension(it->path(), ".toml")) {
                found.push_back(it->path().generic_string());
            }
        }
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

std::string match_text(const Override& edit) {
    std::string out;
    for (const auto& entry : edit.match) {
        out +=
            fmt::format("{}{} = {}", out.empty() ? "" : ", ", entry.key, write_value(entry.value));
    }
    return out.empty() ? std::string() : fmt::format(" with {}", out);
}

class TestRun {
public:
    TestRun(const TestCase& test, const std::string& file_path) : test_(test) {
        outcome_.name = test.name;
        outcome_.file = file_path;
        outcome_.line = test.line;
    }

    TestOutcome run(const std::vector<std::string>& rules) {
        if (!engine_.load_rules(rules)) {
            fail(test_.line, "the rules did not compile");
            return finish();
        }
        check_names();
        if (!load_facts() || !set_params() || !outcome_.failures.empty()) {
            return finish();
        }
        RunOptions options;
        if (!test_.strategy.empty()) {
            options.strategy = parse_strategy(test_.strategy).value_or(Strategy::Depth);
        }
        const RunResult result = engine_.run(options);
        if (auto why = check_run(result)) {
            fail(test_.line, *why);
        }
        std::string subject = test_.subject;
        if (subject.empty()) {
            const auto& meta = engine_.meta();
            if (auto it = meta.find("subject"); it != meta.end()) {
                subject = it->second;
            }
        }
        for (const auto& expect : test_.expectations) {
            if (auto why = check_expectation(expect, result, subject)) {
                fail(expect.line, *why);
            }
        }
        return finish();
    }

private:
    void fail(std::uint32_t line, std::string message) {
        outcome_.failures.emplace_back(line, std::move(message));
    }

    // Fails on a load or --param error: the first new error in the line (with its position,
    // when it has one), every new diagnostic aside for standard error.
    void fail_with_diagnostics(std::uint32_t line, std::string_view what, std::size_t first) {
        const auto& all = engine_.diagnostics().all();
        const std::vector<Diagnostic> fresh(
            all.begin() + static_cast<std::ptrdiff_t>(std::min(first, all.size())), all.end());
        const auto error = std::find_if(fresh.begin(), fresh.end(), [](const Diagnostic& d) {
            return d.severity == Severity::Error;
        });
        if (error == fresh.end()) {
            fail(line, std::string(what));
            return;
        }
        if (error->span) {
            outcome_.diagnostics = render_text(fresh, engine_.sources());
            const auto pos = engine_.sources().position(error->span->file, error->span->begin);
            fail(line,
                 fmt::format("{}: {}:{}:{}: {}", what, engine_.sources().path(error->span->file),
                             pos.line, pos.column, error->message));
        } else {
            fail(line, fmt::format("{}: {}", what, error->message));
        }
    }

    std::size_t mark() const {
        return engine_.diagnostics().all().size();
    }

    TestOutcome finish() {
        return std::move(outcome_);
    }

    // Recommendation ids and templates the expectations name must exist in the program.
    void check_names() {
        const ProgramSummary summary = engine_.summary();
        std::vector<std::string_view> ids;
        for (const auto& [id, title] : summary.recommendations) {
            ids.push_back(id);
        }
        std::vector<std::string_view> templates;
        for (const auto& [name, slots] : summary.templates) {
            templates.push_back(name);
        }
        const auto known = [](const std::vector<std::string_view>& names, std::string_view n) {
            return std::find(names.begin(), names.end(), n) != names.end();
        };
        for (const auto& expect : test_.expectations) {
            if (expect.kind == Expectation::Kind::Recommendation && !known(ids, expect.name)) {
                fail(expect.line,
                     fmt::format("the rules declare no recommendation '{}'{}", expect.name,
                                 support::did_you_mean(expect.name, ids)));
            } else if (expect.kind == Expectation::Kind::Fact && !known(templates, expect.name)) {
                fail(expect.line, fmt::format("the rules declare no template '{}'{}", expect.name,
                                              support::did_you_mean(expect.name, templates)));
            } else if (expect.kind == Expectation::Kind::Finding &&
                       !known(templates, finding_template)) {
                fail(expect.line, fmt::format("the rules declare no template '{}', which "
                                              "'finding' expectations read",
                                              finding_template));
            }
        }
        for (const auto& edit : test_.overrides) {
            if (!known(templates, edit.template_name)) {
                fail(edit.line,
                     fmt::format("the rules declare no template '{}'{}", edit.template_name,
                                 support::did_you_mean(edit.template_name, templates)));
            }
        }
    }

    bool load_facts() {
        const std::vector<std::string> files = expand_fact_paths(test_.facts);
        const std::string inline_name =
            fmt::format("{} (facts_inline of test '{}')", outcome_.file, test_.name);
        const std::size_t before = mark();
        if (test_.overrides.empty()) {
            if (!files.empty() && !engine_.load_facts(files)) {
                fail_with_diagnostics(test_.line, "the facts did not load", before);
                return false;
            }
            if (!test_.facts_inline.empty() &&
                !engine_.load_facts_text(inline_name, test_.facts_inline)) {
                fail_with_diagnostics(test_.facts_inline_line, "the inline facts did not load",
                                      before);
                return false;
            }
            return true;
        }
        return load_edited_facts(files, inline_name);
    }

    // Parses every fact document, applies the overrides, and loads each document: edited ones
    // as rewritten TOML text, the others exactly as they are.
    bool load_edited_facts(const std::vector<std::string>& files, const std::string& inline_name) {
        SourceManager sources;
        DiagnosticSink sink;
        std::vector<TomlNode> documents;
        std::vector<std::string> names;
        for (const auto& file : files) {
            const auto text = read_file(file);
            std::optional<TomlNode> doc;
            if (text) {
                doc = parse_toml(sources, sources.add(file, *text), sink);
            }
            if (!doc) {  // let the engine say what is wrong with it
                const std::size_t before = mark();
                engine_.load_facts({file});
                fail_with_diagnostics(test_.line, "the facts did not load", before);
                return false;
            }
            documents.push_back(std::move(*doc));
            names.push_back(file);
        }
        if (!test_.facts_inline.empty()) {
            auto doc = parse_toml(sources, sources.add(inline_name, test_.facts_inline), sink);
            if (!doc) {
                const std::size_t before = mark();
                engine_.load_facts_text(inline_name, test_.facts_inline);
                fail_with_diagnostics(test_.facts_inline_line, "the inline facts did not load",
                                      before);
                return false;
            }
            documents.push_back(std::move(*doc));
            names.push_back(inline_name);
        }
        const EditResult edits = apply_overrides(test_.overrides, documents);
        for (std::size_t i = 0; i < test_.overrides.size(); ++i) {
            if (edits.matches[i] == 0) {
                const Override& edit = test_.overrides[i];
                fail(edit.line, fmt::format("the override matches no fact {}{}", edit.template_name,
                                            match_text(edit)));
            }
        }
        if (!outcome_.failures.empty()) {
            return false;
        }
        for (std::size_t i = 0; i < documents.size(); ++i) {
            const bool is_inline = i >= files.size();
            const std::size_t before = mark();
            bool ok = true;
            if (edits.changed[i]) {
                ok = engine_.load_facts_text(names[i] + " (as edited by the test)",
                                             write_toml(documents[i]));
            } else if (is_inline) {
                ok = engine_.load_facts_text(inline_name, test_.facts_inline);
            } else {
                ok = engine_.load_facts({names[i]});
            }
            if (!ok) {
                fail_with_diagnostics(is_inline ? test_.facts_inline_line : test_.line,
                                      "the facts did not load", before);
                return false;
            }
        }
        return true;
    }

    bool set_params() {
        for (const auto& [name, value] : test_.params) {
            const std::size_t before = mark();
            if (!engine_.set_param(name, value)) {
                fail_with_diagnostics(test_.line, "bad parameter", before);
                return false;
            }
        }
        return true;
    }

    const TestCase& test_;
    Engine engine_;
    TestOutcome outcome_;
};

}  // namespace

std::string TestOutcome::failure_line() const {
    auto sorted = failures;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string out;
    for (const auto& [at, message] : sorted) {
        if (out.empty()) {
            out = fmt::format("{}:{}: test '{}': {}", file, at, name, message);
        } else {
            out += fmt::format("; line {}: {}", at, message);
        }
    }
    return out;
}

TestOutcome run_test_case(const TestCase& test, const std::string& file_path,
                          const std::vector<std::string>& rules) {
    return TestRun(test, file_path).run(rules);
}

std::vector<std::string> find_test_files(const std::vector<std::string>& paths,
                                         std::vector<std::string>& missing) {
    std::vector<std::string> out;
    for (const auto& path : paths) {
        std::error_code ec;
        if (!fs::exists(path, ec)) {
            missing.push_back(path);
        } else if (fs::is_directory(path, ec)) {
            std::vector<std::string> found;
            for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end;
                 it.increment(ec)) {
                if (it->is_directory(ec) && it->path().filename() == fixtures_folder) {
                    it.disable_recursion_pending();
                } else if (it->is_regular_file(ec) && has_extension(it->path(), ".toml")) {
                    found.push_back(it->path().generic_string());
                }
            }
            std::sort(found.begin(), found.end());
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.push_back(path);
        }
    }
    return out;
}

int run_suite(const std::vector<std::string>& rules, const std::vector<std::string>& tests,
              std::ostream& out, std::ostream& err) {
    std::vector<std::string> missing;
    const std::vector<std::string> files = find_test_files(tests, missing);
    for (const auto& path : missing) {
        err << fmt::format("maslahat: error: no such test file or folder '{}'\n", path);
    }
    if (!missing.empty()) {
        return 2;
    }
    {
        Engine check;  // compile once up front: broken rules make every test meaningless
        if (!check.load_rules(rules)) {
            err << check.render_diagnostics();
            return 1;
        }
    }
    std::size_t passed = 0;
    std::size_t failed = 0;
    for (const auto& path : files) {
        SourceManager sources;
        DiagnosticSink sink;
        std::optional<TestFile> file;
        if (const auto text = read_file(path)) {
            file = parse_test_file(sources, sources.add(path, *text), sink);
        } else {
            sink.error(DiagCode::E0107, std::nullopt,
                       fmt::format("cannot read test file '{}'", path));
        }
        if (!file) {
            err << render_text(sink.sorted(), sources);
            out << fmt::format("{}:1: the test file has {} error{} and was not run\n", path,
                               sink.error_count(), sink.error_count() == 1 ? "" : "s");
            ++failed;
            continue;
        }
        for (const auto& test : file->tests) {
            const TestOutcome outcome = run_test_case(test, path, rules);
            if (outcome.passed()) {
                ++passed;
                continue;
            }
            ++failed;
            err << outcome.diagnostics;
            out << outcome.failure_line() << '\n';
        }
    }
    if (files.empty()) {
        err << "maslahat: error: no test files found\n";
        ++failed;
    }
    out << fmt::format("{} passed, {} failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}

}  // namespace maslahat::kbtest
