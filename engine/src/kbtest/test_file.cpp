// Reads a rule-test file from its TOML tree: checks every key, type and combination and turns
// the `[[test]]` tables into TestCases; every mistake is a diagnostic with its position.
#include "kbtest/test_file.hpp"

#include "support/did_you_mean.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

namespace maslahat::kbtest {
namespace {

using Keys = std::vector<std::string_view>;

const Keys file_keys = {"test", "defaults"};
const Keys defaults_keys = {"facts", "params", "subject", "strategy"};
const Keys test_keys = {"name",    "description", "facts",    "facts_inline", "params",
                        "subject", "strategy",    "override", "expect"};
const Keys override_keys = {"template", "match", "set", "unset", "remove"};
const Keys expect_kind_keys = {"recommend", "finding", "fact", "output", "max_firings"};
const Keys expect_keys = {"recommend",      "finding",    "fact",         "output",
                          "max_firings",    "subject",    "present",      "min_confidence",
                          "max_confidence", "confidence", "supported_by", "not_supported_by",
                          "slots",          "count"};
const Keys strategies = {"depth", "breadth", "lex", "mea"};

std::string article(std::string_view kind) {
    return (kind == "array" || kind == "integer") ? fmt::format("an {}", kind)
                                                  : fmt::format("a {}", kind);
}

std::string param_value(const std::vector<std::pair<std::string, std::string>>& params,
                        std::string_view name) {
    for (const auto& [key, value] : params) {
        if (key == name) {
            return value;
        }
    }
    return {};
}

class Reader {
public:
    Reader(const SourceManager& sources, FileId file, DiagnosticSink& sink)
        : sources_(sources), file_(file), sink_(sink) {}

    std::optional<TestFile> read(const TomlNode& root) {
        TestFile out;
        out.path = sources_.path(file_);
        check_keys(root, file_keys, "a rule test file");
        Defaults defaults;
        if (const TomlEntry* entry = root.find("defaults")) {
            if (require_kind(*entry, TomlNode::Kind::Table)) {
                read_defaults(entry->value, defaults);
            }
        }
        const TomlEntry* tests = root.find("test");
        if (tests == nullptr) {
            error(DiagCode::E0603, SourceSpan{file_, 0, 0},
                  "a rule test file needs at least one [[test]] table");
        } else if (require_tables(*tests)) {
            for (const auto& table : tests->value.items) {
                out.tests.push_back(read_test(table, defaults));
            }
        }
        if (errors_ > 0) {
            return std::nullopt;
        }
        return out;
    }

private:
    struct Defaults {
        std::vector<std::string> facts;
        std::vector<std::pair<std::string, std::string>> params;
        std::string subject;
        std::string strategy;
    };

    void error(DiagCode code, SourceSpan span, std::string message) {
        ++errors_;
        sink_.error(code, span, std::move(message));
    }

    std::uint32_t line_of(const TomlNode& node) const {
        return sources_.position(file_, node.span.begin).line;
    }

    void check_keys(const TomlNode& table, const Keys& allowed, std::string_view where) {
        for (const auto& entry : table.entries) {
            if (std::find(allowed.begin(), allowed.end(), entry.key) == allowed.end()) {
                error(DiagCode::E0601, entry.key_span,
                      fmt::format("unknown key '{}' in {}{}", entry.key, where,
                                  support::did_you_mean(entry.key, allowed)));
            }
        }
    }

    bool require_kind(const TomlEntry& entry, TomlNode::Kind kind) {
        if (entry.value.kind == kind) {
            return true;
        }
        error(DiagCode::E0602, entry.value.span,
              fmt::format("'{}' must be {}, not {}", entry.key, article(kind_name(kind)),
                          article(kind_name(entry.value.kind))));
        return false;
    }

    // An array of tables (`[[key]]`).
    bool require_tables(const TomlEntry& entry) {
        const bool ok = entry.value.is_array() &&
                        std::all_of(entry.value.items.begin(), entry.value.items.end(),
                                    [](const TomlNode& n) { return n.is_table(); });
        if (!ok) {
            error(DiagCode::E0602, entry.value.span,
                  fmt::format("'{}' must be an array of tables, written [[...{}]]", entry.key,
                              entry.key));
        }
        return ok;
    }

    std::optional<std::string> string_of(const TomlNode& table, std::string_view key) {
        const TomlEntry* entry = table.find(key);
        if (entry == nullptr || !require_kind(*entry, TomlNode::Kind::String)) {
            return std::nullopt;
        }
        return entry->value.text;
    }

    // A string or an array of strings.
    std::vector<std::string> strings_of(const TomlEntry& entry) {
        std::vector<std::string> out;
        if (entry.value.kind == TomlNode::Kind::String) {
            out.push_back(entry.value.text);
            return out;
        }
        if (entry.value.is_array()) {
            for (const auto& item : entry.value.items) {
                if (item.kind != TomlNode::Kind::String) {
                    error(DiagCode::E0602, item.span,
                          fmt::format("'{}' must hold strings, not {}", entry.key,
                                      article(kind_name(item.kind))));
                } else {
                    out.push_back(item.text);
                }
            }
            return out;
        }
        error(DiagCode::E0602, entry.value.span,
              fmt::format("'{}' must be a string or an array of strings, not {}", entry.key,
                          article(kind_name(entry.value.kind))));
        return out;
    }

    std::vector<std::pair<std::string, std::string>> read_params(const TomlEntry& entry) {
        std::vector<std::pair<std::string, std::string>> out;
        if (!require_kind(entry, TomlNode::Kind::Table)) {
            return out;
        }
        for (const auto& param : entry.value.entries) {
            const auto kind = param.value.kind;
            if (kind == TomlNode::Kind::Table || kind == TomlNode::Kind::Array) {
                error(DiagCode::E0602, param.value.span,
                      fmt::format("parameter '{}' must be a string, number or boolean, not {}",
                                  param.key, article(kind_name(kind))));
                continue;
            }
            out.emplace_back(param.key, param_text(param.value));
        }
        return out;
    }

    std::string read_strategy(const TomlEntry& entry) {
        if (!require_kind(entry, TomlNode::Kind::String)) {
            return {};
        }
        const std::string& name = entry.value.text;
        if (std::find(strategies.begin(), strategies.end(), name) == strategies.end()) {
            error(DiagCode::E0602, entry.value.span,
                  fmt::format("unknown strategy '{}' (use depth, breadth, lex or mea){}", name,
                              support::did_you_mean(name, strategies)));
            return {};
        }
        return name;
    }

    void read_defaults(const TomlNode& table, Defaults& out) {
        check_keys(table, defaults_keys, "[defaults]");
        if (const TomlEntry* facts = table.find("facts")) {
            out.facts = strings_of(*facts);
        }
        if (const TomlEntry* params = table.find("params")) {
            out.params = read_params(*params);
        }
        if (auto subject = string_of(table, "subject")) {
            out.subject = *subject;
        }
        if (const TomlEntry* strategy = table.find("strategy")) {
            out.strategy = read_strategy(*strategy);
        }
    }

    TestCase read_test(const TomlNode& table, const Defaults& defaults) {
        TestCase test;
        test.line = line_of(table);
        check_keys(table, test_keys, "a [[test]] table");
        if (auto name = string_of(table, "name")) {
            test.name = *name;
        } else if (table.find("name") == nullptr) {
            error(DiagCode::E0603, table.span, "a [[test]] table needs a 'name'");
        }
        (void)string_of(table, "description");
        test.facts = defaults.facts;
        if (const TomlEntry* facts = table.find("facts")) {
            test.facts = strings_of(*facts);
        }
        if (const TomlEntry* inline_facts = table.find("facts_inline")) {
            if (require_kind(*inline_facts, TomlNode::Kind::String)) {
                test.facts_inline = inline_facts->value.text;
                // The key's line: toml++ places a multi-line string at its last line.
                test.facts_inline_line =
                    sources_.position(file_, inline_facts->key_span.begin).line;
            }
        }
        test.params = defaults.params;
        if (const TomlEntry* params = table.find("params")) {
            for (auto& [name, value] : read_params(*params)) {
                const std::string& key = name;  // clang 14 cannot capture a structured binding
                auto same = std::find_if(test.params.begin(), test.params.end(),
                                         [&key](const auto& p) { return p.first == key; });
                if (same != test.params.end()) {
                    same->second = value;
                } else {
                    test.params.emplace_back(name, value);
                }
            }
        }
        // The subject: the test's own `subject`, else its `subject` parameter, else the
        // defaults' `subject`, else their `subject` parameter.
        test.subject = defaults.subject;
        if (test.subject.empty()) {
            test.subject = param_value(defaults.params, "subject");
        }
        if (const TomlEntry* params = table.find("params")) {
            if (const TomlEntry* subject = params->value.find("subject");
                subject != nullptr && subject->value.kind == TomlNode::Kind::String) {
                test.subject = subject->value.text;
            }
        }
        if (auto subject = string_of(table, "subject")) {
            test.subject = *subject;
        }
        test.strategy = defaults.strategy;
        if (const TomlEntry* strategy = table.find("strategy")) {
            test.strategy = read_strategy(*strategy);
        }
        if (const TomlEntry* overrides = table.find("override")) {
            if (require_tables(*overrides)) {
                for (const auto& item : overrides->value.items) {
                    test.overrides.push_back(read_override(item));
                }
            }
        }
        const TomlEntry* expects = table.find("expect");
        if (expects == nullptr) {
            error(DiagCode::E0603, table.span,
                  test.name.empty()
                      ? std::string("a [[test]] table has no [[test.expect]] table")
                      : fmt::format("test '{}' has no [[test.expect]] table", test.name));
        } else if (require_tables(*expects)) {
            for (const auto& item : expects->value.items) {
                test.expectations.push_back(read_expect(item));
            }
        }
        return test;
    }

    Override read_override(const TomlNode& table) {
        Override out;
        out.line = line_of(table);
        check_keys(table, override_keys, "a [[test.override]] table");
        if (auto name = string_of(table, "template")) {
            out.template_name = *name;
        } else if (table.find("template") == nullptr) {
            error(DiagCode::E0603, table.span, "a [[test.override]] table needs a 'template'");
        }
        if (const TomlEntry* match = table.find("match")) {
            if (require_kind(*match, TomlNode::Kind::Table)) {
                out.match = match->value.entries;
            }
        }
        const TomlEntry* set = table.find("set");
        const TomlEntry* unset = table.find("unset");
        const TomlEntry* remove = table.find("remove");
        const int actions = (set != nullptr) + (unset != nullptr) + (remove != nullptr);
        if (actions != 1) {
            error(DiagCode::E0603, table.span,
                  actions == 0 ? "a [[test.override]] table needs one of 'set', 'unset', 'remove'"
                               : "a [[test.override]] table takes only one of 'set', 'unset', "
                                 "'remove'");
        }
        if (set != nullptr && require_kind(*set, TomlNode::Kind::Table)) {
            out.action = Override::Action::Set;
            out.set = set->value.entries;
        } else if (unset != nullptr) {
            out.action = Override::Action::Unset;
            out.unset = strings_of(*unset);
        } else if (remove != nullptr && require_kind(*remove, TomlNode::Kind::Boolean)) {
            out.action = Override::Action::Remove;
            if (!remove->value.boolean) {
                error(DiagCode::E0602, remove->value.span,
                      "'remove' can only be true (leave it out to keep the facts)");
            }
        }
        return out;
    }

    std::optional<double> fraction_of(const TomlNode& table, std::string_view key) {
        const TomlEntry* entry = table.find(key);
        if (entry == nullptr) {
            return std::nullopt;
        }
        if (!entry->value.is_number()) {
            error(DiagCode::E0602, entry->value.span,
                  fmt::format("'{}' must be a number, not {}", key,
                              article(kind_name(entry->value.kind))));
            return std::nullopt;
        }
        const double value = entry->value.number();
        if (!(value >= 0.0 && value <= 1.0)) {
            error(DiagCode::E0602, entry->value.span,
                  fmt::format("'{}' must be between 0 and 1, not {}", key,
                              Value::number(value).to_string()));
            return std::nullopt;
        }
        return value;
    }

    std::optional<std::uint64_t> count_of(const TomlEntry& entry) {
        if (!require_kind(entry, TomlNode::Kind::Integer)) {
            return std::nullopt;
        }
        if (entry.value.integer < 0) {
            error(DiagCode::E0602, entry.value.span,
                  fmt::format("'{}' must not be negative", entry.key));
            return std::nullopt;
        }
        return static_cast<std::uint64_t>(entry.value.integer);
    }

    // Keys that only some kinds of expectation take.
    void only_for(const TomlNode& table, std::string_view kind_key, const Keys& keys,
                  const Keys& kinds) {
        if (std::find(kinds.begin(), kinds.end(), kind_key) != kinds.end()) {
            return;
        }
        for (const auto key : keys) {
            if (const TomlEntry* entry = table.find(key)) {
                error(DiagCode::E0603, entry->key_span,
                      fmt::format("'{}' does not apply to a '{}' expectation", key, kind_key));
            }
        }
    }

    Expectation read_expect(const TomlNode& table) {
        Expectation out;
        out.line = line_of(table);
        check_keys(table, expect_keys, "a [[test.expect]] table");
        std::vector<const TomlEntry*> kinds;
        for (const auto key : expect_kind_keys) {
            if (const TomlEntry* entry = table.find(key)) {
                kinds.push_back(entry);
            }
        }
        if (kinds.size() != 1) {
            error(DiagCode::E0603, kinds.empty() ? table.span : kinds[1]->key_span,
                  kinds.empty() ? "a [[test.expect]] table needs one of 'recommend', "
                                  "'finding', 'fact', 'output', 'max_firings'"
                                : fmt::format("a [[test.expect]] table checks one thing: "
                                              "'{}' and '{}' cannot be combined",
                                              kinds[0]->key, kinds[1]->key));
            return out;
        }
        const TomlEntry& kind = *kinds.front();
        only_for(table, kind.key, {"subject"}, {"recommend", "finding"});
        only_for(table, kind.key, {"present"}, {"recommend", "finding", "fact", "output"});
        only_for(
            table, kind.key,
            {"min_confidence", "max_confidence", "confidence", "supported_by", "not_supported_by"},
            {"recommend"});
        only_for(table, kind.key, {"slots", "count"}, {"fact"});
        if (kind.key == "max_firings") {
            out.kind = Expectation::Kind::MaxFirings;
            out.max_firings = count_of(kind).value_or(0);
            return out;
        }
        out.kind = kind.key == "recommend" ? Expectation::Kind::Recommendation
                   : kind.key == "finding" ? Expectation::Kind::Finding
                   : kind.key == "fact"    ? Expectation::Kind::Fact
                                           : Expectation::Kind::Output;
        if (require_kind(kind, TomlNode::Kind::String)) {
            out.name = kind.value.text;
            if (out.name.empty()) {
                error(DiagCode::E0602, kind.value.span,
                      fmt::format("'{}' must not be empty", kind.key));
            }
        }
        if (auto subject = string_of(table, "subject")) {
            out.subject = *subject;
        }
        if (const TomlEntry* present = table.find("present")) {
            if (require_kind(*present, TomlNode::Kind::Boolean)) {
                out.present = present->value.boolean;
            }
        }
        out.min_confidence = fraction_of(table, "min_confidence");
        out.max_confidence = fraction_of(table, "max_confidence");
        out.confidence = fraction_of(table, "confidence");
        if (const TomlEntry* rules = table.find("supported_by")) {
            out.supported_by = strings_of(*rules);
        }
        if (const TomlEntry* rules = table.find("not_supported_by")) {
            out.not_supported_by = strings_of(*rules);
        }
        if (out.kind == Expectation::Kind::Recommendation && !out.present) {
            for (const auto key : {"min_confidence", "max_confidence", "confidence", "supported_by",
                                   "not_supported_by"}) {
                if (const TomlEntry* entry = table.find(key)) {
                    error(DiagCode::E0603, entry->key_span,
                          fmt::format("'{}' cannot be checked when present = false", key));
                }
            }
        }
        if (out.min_confidence && out.max_confidence && *out.min_confidence > *out.max_confidence) {
            error(DiagCode::E0602, table.find("max_confidence")->value.span,
                  "'max_confidence' is below 'min_confidence'");
        }
        if (const TomlEntry* slots = table.find("slots")) {
            if (require_kind(*slots, TomlNode::Kind::Table)) {
                for (const auto& slot : slots->value.entries) {
                    out.slots.emplace_back(slot.key, to_value(slot.value));
                }
            }
        }
        if (const TomlEntry* count = table.find("count")) {
            out.count = count_of(*count);
            if (const TomlEntry* present = table.find("present")) {
                error(DiagCode::E0603, present->key_span,
                      "'present' and 'count' cannot be combined (count = 0 means absent)");
            }
        }
        return out;
    }

    const SourceManager& sources_;
    FileId file_;
    DiagnosticSink& sink_;
    std::size_t errors_ = 0;
};

}  // namespace

Value to_value(const TomlNode& node) {
    switch (node.kind) {
        case TomlNode::Kind::String:
        case TomlNode::Kind::Other:
            return Value::string(node.text);
        case TomlNode::Kind::Integer:
            return Value::integer(node.integer);
        case TomlNode::Kind::Float:
            return Value::number(node.floating);
        case TomlNode::Kind::Boolean:
            return Value::boolean(node.boolean);
        case TomlNode::Kind::Array: {
            std::vector<Value> items;
            items.reserve(node.items.size());
            for (const auto& item : node.items) {
                items.push_back(to_value(item));
            }
            return Value::list(std::move(items));
        }
        case TomlNode::Kind::Table:
            break;
    }
    return Value::string(write_value(node));
}

std::string param_text(const TomlNode& node) {
    return node.kind == TomlNode::Kind::String ? node.text : to_value(node).to_string();
}

std::optional<TestFile> parse_test_file(const SourceManager& sources, FileId file,
                                        DiagnosticSink& sink) {
    std::optional<TomlNode> root = parse_toml(sources, file, sink);
    if (!root) {
        return std::nullopt;
    }
    return Reader(sources, file, sink).read(*root);
}

}  // namespace maslahat::kbtest
