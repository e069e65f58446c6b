// The only translation unit that includes toml++: parses a fact file and walks its tables
// against the program's templates (spec §6), reporting every error with its position.
#include "facts/load_facts.hpp"
#include "facts/nesting_guard.hpp"
#include "facts/preflight.hpp"
#include "facts/slot_domain.hpp"
#include "facts/toml_chunks.hpp"
#include "support/did_you_mean.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

namespace maslahat::facts {
namespace {

constexpr std::string_view meta_key = "meta";

std::string_view toml_type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string:
            return "string";
        case toml::node_type::integer:
            return "integer";
        case toml::node_type::floating_point:
            return "float";
        case toml::node_type::boolean:
            return "boolean";
        case toml::node_type::date:
            return "date";
        case toml::node_type::time:
            return "time";
        case toml::node_type::date_time:
            return "date-time";
        case toml::node_type::array:
            return "array";
        case toml::node_type::table:
            return "table";
        case toml::node_type::none:
            break;
    }
    return "nothing";
}

// "Error while parsing string: encountered end-of-file" -> "TOML syntax error in string: ...".
std::string describe_parse_error(std::string_view description) {
    constexpr std::string_view prefix = "Error while parsing ";
    if (description.substr(0, prefix.size()) == prefix) {
        return fmt::format("TOML syntax error in {}", description.substr(prefix.size()));
    }
    std::string text(description);
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    }
    return "TOML syntax error: " + text;
}

bool before(const toml::source_position& a, const toml::source_position& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
}

using Entry = std::pair<const toml::key*, const toml::node*>;

// toml++ keeps tables sorted by key; diagnostics and facts follow the file order instead.
std::vector<Entry> entries_in_file_order(const toml::table& table) {
    std::vector<Entry> entries;
    entries.reserve(table.size());
    for (auto&& [key, node] : table) {
        entries.emplace_back(&key, &node);
    }
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return before(a.first->source().begin, b.first->source().begin);
    });
    return entries;
}

std::string meta_text(const toml::node& node) {
    if (const auto* s = node.as_string()) {
        return s->get();
    }
    if (const auto* i = node.as_integer()) {
        return std::to_string(i->get());
    }
    if (const auto* d = node.as_floating_point()) {
        return Value::number(d->get()).to_string();
    }
    if (const auto* b = node.as_boolean()) {
        return b->get() ? "true" : "false";
    }
    if (const auto* array = node.as_array()) {
        std::string out = "[";
        for (std::size_t i = 0; i < array->size(); ++i) {
            out += i == 0 ? "" : ", ";
            out += meta_text(*array->get(i));
        }
        return out + "]";
    }
    std::ostringstream out;
    node.visit([&out](const auto& n) { out << n; });
    return out.str();
}

// toml++ positions are 1-based lines and code-point columns (not counting a BOM); spans are
// byte offsets into the buffer held by the SourceManager.
std::uint32_t offset_of(const SourceManager& sources, FileId file, const toml::source_position& pos,
                        std::uint32_t line_base = 0) {
    return sources.offset(file, LineColumn{pos.line + line_base, pos.column});
}

class Loader {
public:
    Loader(const ir::Program& program, const SourceManager& sources, FileId file,
           DiagnosticSink& sink)
        : program_(program), sources_(sources), file_(file), sink_(sink) {}

    /// Positions of the next tables parsed are this many lines into the file.
    void set_line_base(std::uint32_t base) {
        line_base_ = base;
    }

    void load(const toml::table& root) {
        for (const auto& [key, node] : entries_in_file_order(root)) {
            const std::string_view name = key->str();
            if (name == meta_key) {
                load_meta(*key, *node);
            } else if (const auto* table = node->as_table()) {
                load_template(*key, {table});
            } else if (const auto* array = node->as_array();
                       array != nullptr && !array->empty() && array->is_array_of_tables()) {
                std::vector<const toml::table*> tables;
                for (const auto& element : *array) {
                    tables.push_back(element.as_table());
                }
                load_template(*key, tables);
            } else {
                error(DiagCode::E0402, span_of(key->source()),
                      fmt::format("key '{}' is outside any table (facts are written as "
                                  "[template] tables)",
                                  name));
            }
        }
    }

    bool failed() const {
        return errors_ > 0;
    }

    std::vector<FactInput> take_facts() {
        std::stable_sort(
            pending_.begin(), pending_.end(),
            [](const FactInput& a, const FactInput& b) { return a.span->begin < b.span->begin; });
        return std::move(pending_);
    }

    FactFileMeta take_meta() {
        return std::move(meta_);
    }

private:
    SourceSpan span_of(const toml::source_region& region) const {
        const std::uint32_t begin = offset_of(sources_, file_, region.begin, line_base_);
        const std::uint32_t end = offset_of(sources_, file_, region.end, line_base_);
        return SourceSpan{file_, begin, std::max(begin, end)};
    }

    void error(DiagCode code, SourceSpan span, std::string message) {
        sink_.error(code, span, std::move(message));
        ++errors_;
    }

    // ---- [meta] ----
    void load_meta(const toml::key& key, const toml::node& node) {
        if (const auto* table = node.as_table()) {
            flatten_meta("", *table);
            return;
        }
        error(DiagCode::E0406, span_of(key.source()),
              fmt::format("'meta' must be a single table [meta], found {}", toml_type_name(node)));
    }

    void flatten_meta(const std::string& prefix, const toml::table& table) {
        for (const auto& [key, node] : entries_in_file_order(table)) {
            const std::string name = prefix + std::string(key->str());
            if (const auto* inner = node->as_table()) {
                flatten_meta(name + ".", *inner);
            } else {
                meta_[name] = meta_text(*node);
            }
        }
    }

    // ---- [T] and [[T]] ----
    void load_template(const toml::key& key, const std::vector<const toml::table*>& tables) {
        const std::string_view name = key.str();
        const auto index = program_.find_template(name);
        if (!index) {
            std::vector<std::string_view> candidates{meta_key};
            for (const auto& t : program_.templates) {
                if (!t.builtin) {
                    candidates.push_back(t.name);
                }
            }
            error(DiagCode::E0403, span_of(key.source()),
                  fmt::format("unknown template '{}'{}", name,
                              support::did_you_mean(name, candidates)));
            return;
        }
        if (program_.templates[*index].builtin) {
            error(DiagCode::E0208, span_of(key.source()),
                  fmt::format("the built-in template '{}' cannot be asserted from a fact file",
                              name));
            return;
        }
        for (const auto* table : tables) {
            load_fact(*index, *table);
        }
    }

    void load_fact(ir::TemplateIndex index, const toml::table& table) {
        const ir::Template& tmpl = program_.templates[index];
        const std::size_t n = tmpl.slots.size();
        FactInput fact;
        fact.template_index = index;
        fact.slots.resize(n);
        fact.span = span_of(table.source());
        std::vector<bool> given(n, false);
        bool ok = true;
        for (const auto& [key, node] : entries_in_file_order(table)) {
            const auto slot = tmpl.slot_index(key->str());
            if (!slot) {
                std::vector<std::string_view> candidates;
                for (const auto& s : tmpl.slots) {
                    candidates.push_back(s.name);
                }
                error(DiagCode::E0404, span_of(key->source()),
                      fmt::format("template '{}' has no slot '{}'{}", tmpl.name, key->str(),
                                  support::did_you_mean(key->str(), candidates)));
                ok = false;
                continue;
            }
            given[*slot] = true;
            std::optional<Provenance> provenance;
            auto value = convert_slot(tmpl, tmpl.slots[*slot], *node, provenance);
            if (provenance) {
                // most facts carry none: the vector is only sized once one does
                fact.provenance.resize(n);
                fact.provenance[*slot] = std::move(provenance);
            }
            if (value) {
                fact.slots[*slot] = std::move(*value);
            } else {
                ok = false;
            }
        }
        for (std::size_t i = 0; i < n; ++i) {
            const ir::Slot& slot = tmpl.slots[i];
            if (given[i]) {
                continue;
            }
            if (slot.default_value) {
                fact.slots[i] = *slot.default_value;
            } else if (!slot.optional) {
                error(DiagCode::E0405, *fact.span,
                      fmt::format("missing required slot '{}' of template '{}'", slot.name,
                                  tmpl.name));
                ok = false;
            }
        }
        if (ok) {
            pending_.push_back(std::move(fact));
        }
    }

    // ---- slot values ----
    std::optional<Value> convert_slot(const ir::Template& tmpl, const ir::Slot& slot,
                                      const toml::node& node,
                                      std::optional<Provenance>& provenance) {
        const auto* table = node.as_table();
        if (table == nullptr) {
            return convert_value(tmpl, slot, node);
        }
        // `{ value = ..., year = ..., source = "..." }`
        Provenance result;
        const toml::node* value = nullptr;
        bool ok = true;
        for (const auto& [key, item] : entries_in_file_order(*table)) {
            const std::string_view name = key->str();
            if (name == "value") {
                value = item;
            } else if (name == "year") {
                if (const auto* year = item->as_integer()) {
                    result.year = year->get();
                } else {
                    error(DiagCode::E0408, span_of(item->source()),
                          fmt::format("'year' in the provenance of slot '{}' must be an integer, "
                                      "found {}",
                                      slot.name, toml_type_name(*item)));
                    ok = false;
                }
            } else if (name == "source") {
                if (const auto* source = item->as_string()) {
                    result.source = source->get();
                } else {
                    error(DiagCode::E0408, span_of(item->source()),
                          fmt::format("'source' in the provenance of slot '{}' must be a string, "
                                      "found {}",
                                      slot.name, toml_type_name(*item)));
                    ok = false;
                }
            } else {
                std::string hint = support::did_you_mean(name, {"value", "year", "source"});
                if (hint.empty()) {
                    hint = " (expected value, year or source)";
                }
                error(DiagCode::E0408, span_of(key->source()),
                      fmt::format("unknown key '{}' in the provenance of slot '{}'{}", name,
                                  slot.name, hint));
                ok = false;
            }
        }
        if (value == nullptr) {
            error(DiagCode::E0408, span_of(table->source()),
                  fmt::format("the provenance of slot '{}' has no 'value'", slot.name));
            return std::nullopt;
        }
        auto converted = convert_value(tmpl, slot, *value);
        if (!converted || !ok) {
            return std::nullopt;
        }
        provenance = std::move(result);
        return converted;
    }

    std::optional<Value> convert_value(const ir::Template& tmpl, const ir::Slot& slot,
                                       const toml::node& node) {
        if (!slot.type.list) {
            return convert_scalar(tmpl, slot, node, 0);
        }
        const auto* array = node.as_array();
        if (array == nullptr) {
            error(DiagCode::E0406, span_of(node.source()),
                  fmt::format("slot '{}' of template '{}' expects {}, found {}", slot.name,
                              tmpl.name, slot_type_name(slot.type), toml_type_name(node)));
            return std::nullopt;
        }
        std::vector<Value> items;
        items.reserve(array->size());
        bool ok = true;
        for (std::size_t i = 0; i < array->size(); ++i) {
            if (auto item = convert_scalar(tmpl, slot, *array->get(i), i + 1)) {
                items.push_back(std::move(*item));
            } else {
                ok = false;
            }
        }
        if (!ok) {
            return std::nullopt;
        }
        return Value::list(std::move(items));
    }

    // `element` is 1-based for list elements, 0 for a scalar slot.
    std::optional<Value> convert_scalar(const ir::Template& tmpl, const ir::Slot& slot,
                                        const toml::node& node, std::size_t element) {
        std::optional<Value> value;
        std::string_view found = toml_type_name(node);
        switch (slot.type.base) {
            case ir::BaseType::String:
                if (const auto* s = node.as_string()) {
                    value = Value::string(s->get());
                }
                break;
            case ir::BaseType::Symbol:
                if (const auto* s = node.as_string()) {
                    value = Value::symbol(s->get());
                }
                break;
            case ir::BaseType::Bool:
                if (const auto* b = node.as_boolean()) {
                    value = Value::boolean(b->get());
                }
                break;
            case ir::BaseType::Int:
                if (const auto* i = node.as_integer()) {
                    value = Value::integer(i->get());
                }
                break;
            case ir::BaseType::Number:
                if (const auto* i = node.as_integer()) {
                    value = Value::number(static_cast<double>(i->get()));
                } else if (const auto* d = node.as_floating_point()) {
                    if (std::isnan(d->get())) {
                        found = "nan";
                    } else {
                        value = Value::number(d->get());
                    }
                }
                break;
        }
        const std::string what =
            element == 0 ? fmt::format("slot '{}' of template '{}'", slot.name, tmpl.name)
                         : fmt::format("element {} of slot '{}' of template '{}'", element,
                                       slot.name, tmpl.name);
        if (!value) {
            error(
                DiagCode::E0406, span_of(node.source()),
                fmt::format("{} expects {}, found {}", what, element_type_name(slot.type), found));
            return std::nullopt;
        }
        if (auto why = domain_violation(slot.type, *value)) {
            error(DiagCode::E0407, span_of(node.source()), fmt::format("{}: {}", what, *why));
            return std::nullopt;
        }
        return value;
    }

    const ir::Program& program_;
    const SourceManager& sources_;
    FileId file_;
    DiagnosticSink& sink_;
    std::size_t errors_ = 0;
    std::vector<FactInput> pending_;
    FactFileMeta meta_;
    std::uint32_t line_base_ = 0;
};

/// Parses and loads a large plain file piece by piece (see toml_chunks.hpp). Returns false,
/// with nothing reported, when any piece fails: the caller then parses the file whole so the
/// diagnostics are exactly those of a whole-file parse.
bool load_in_chunks(Loader& loader, const SourceManager& sources, FileId file,
                    const std::vector<TomlChunk>& chunks) {
    const std::string_view text = sources.text(file);
    for (const TomlChunk& chunk : chunks) {
        toml::table root;
        try {
            root = toml::parse(text.substr(chunk.begin, chunk.end - chunk.begin),
                               std::string_view(sources.path(file)));
        } catch (const toml::parse_error&) {
            return false;
        }
        loader.set_line_base(chunk.line_base);
        loader.load(root);
        if (loader.failed()) {
            return false;
        }
    }
    return true;
}

}  // namespace

bool load_fact_file(const ir::Program& program, const SourceManager& sources, FileId file,
                    DiagnosticSink& sink, std::vector<FactInput>& out, FactFileMeta* meta) {
    if (!preflight_fact_bytes(sources, file, sink) || !check_toml_nesting(sources, file, sink)) {
        return false;
    }
    // large files are parsed in pieces: the whole DOM would take ~15x the file's size
    constexpr std::size_t chunk_bytes = 256 * 1024;
    if (const auto chunks = split_toml(sources.text(file), chunk_bytes); chunks.size() > 1) {
        DiagnosticSink quiet;
        Loader loader(program, sources, file, quiet);
        if (load_in_chunks(loader, sources, file, chunks)) {
            for (const Diagnostic& d : quiet.all()) {
                sink.report(d);  // warnings, if any
            }
            auto facts = loader.take_facts();
            out.insert(out.end(), std::make_move_iterator(facts.begin()),
                       std::make_move_iterator(facts.end()));
            if (meta != nullptr) {
                *meta = loader.take_meta();
            }
            return true;
        }
    }
    toml::table root;
    try {
        root = toml::parse(sources.text(file), std::string_view(sources.path(file)));
    } catch (const toml::parse_error& e) {
        const std::uint32_t at = offset_of(sources, file, e.source().begin);
        sink.error(DiagCode::E0401, SourceSpan{file, at, at},
                   describe_parse_error(e.description()));
        return false;
    }
    Loader loader(program, sources, file, sink);
    loader.load(root);
    if (loader.failed()) {
        return false;
    }
    auto facts = loader.take_facts();
    out.insert(out.end(), std::make_move_iterator(facts.begin()),
               std::make_move_iterator(facts.end()));
    if (meta != nullptr) {
        *meta = loader.take_meta();
    }
    return true;
}

}  // namespace maslahat::facts
