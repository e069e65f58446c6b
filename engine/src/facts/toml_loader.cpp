// The only translation unit that includes toml++: parses a fact file and walks its tables
// against the program's templates (spec §6), reporting every error with its position.
#include "facts/load_facts.hpp"
#include "facts/nesting_guard.hpp"
#include "facts/preflight.hpp"
#include "facts/slot_domain.hpp"
#include "facts/toml_chunks.hpp"
#include "support/did_you_mean.hpp"
#include "support/parse_ahead.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <future>
#include <optional>
#include <sstream>
#include <string_view>
#include <unordered_map>
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

/// Appends `facts` to `out`.
void append(std::vector<FactInput>& out, std::vector<FactInput>&& facts) {
    if (out.empty()) {
        out = std::move(facts);
    } else {
        out.insert(out.end(), std::make_move_iterator(facts.begin()),
                   std::make_move_iterator(facts.end()));
    }
}

// toml++ keeps tables sorted by key; diagnostics and facts follow the file order instead.
// Fills `entries` (reused by the caller, to spare an allocation per fact).
void entries_in_file_order(const toml::table& table, std::vector<Entry>& entries) {
    entries.clear();
    entries.reserve(table.size());
    for (auto&& [key, node] : table) {
        entries.emplace_back(&key, &node);
    }
    const auto by_position = [](const Entry& a, const Entry& b) {
        return before(a.first->source().begin, b.first->source().begin);
    };
    if (!std::is_sorted(entries.begin(), entries.end(), by_position)) {
        std::stable_sort(entries.begin(), entries.end(), by_position);
    }
}

std::vector<Entry> entries_in_file_order(const toml::table& table) {
    std::vector<Entry> entries;
    entries_in_file_order(table, entries);
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

    /// Appends the facts loaded so far to `out` in file order, and forgets them.
    void take_facts(std::vector<FactInput>& out) {
        const auto by_offset = [](const FactInput& a, const FactInput& b) {
            return a.span->begin < b.span->begin;
        };
        // already in order when each template's tables come in one run (toml++ groups
        // the tables of an array, and keeps keys sorted by name)
        if (!std::is_sorted(pending_.begin(), pending_.end(), by_offset)) {
            std::stable_sort(pending_.begin(), pending_.end(), by_offset);
        }
        append(out, std::move(pending_));
        pending_.clear();
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
        given_.assign(n, false);
        std::vector<bool>& given = given_;
        entries_in_file_order(table, fact_entries_);
        bool ok = true;
        for (const auto& [key, node] : fact_entries_) {
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
        // built only for a diagnostic: formatting it for every value costs more than the check
        const auto what = [&] {
            return element == 0 ? fmt::format("slot '{}' of template '{}'", slot.name, tmpl.name)
                                : fmt::format("element {} of slot '{}' of template '{}'", element,
                                              slot.name, tmpl.name);
        };
        if (!value) {
            error(DiagCode::E0406, span_of(node.source()),
                  fmt::format("{} expects {}, found {}", what(), element_type_name(slot.type),
                              found));
            return std::nullopt;
        }
        if (auto why = domain_violation(slot.type, *value)) {
            error(DiagCode::E0407, span_of(node.source()), fmt::format("{}: {}", what(), *why));
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
    // load_fact's scratch (it does not recurse): a table's entries, the slots it gives
    std::vector<Entry> fact_entries_;
    std::vector<bool> given_;
    std::uint32_t line_base_ = 0;
};

/// Pieces parsed ahead of the one being converted (see parse_ahead.hpp): each parsed piece
/// holds its toml++ document (~15x its text) until it is converted and freed. Measured on
/// filter-100k (7 MB): 256 KiB pieces 4 ahead took 70 MB peak RSS, 64 KiB pieces 64.5 MB
/// (the helper thread's malloc arena keeps its high-water mark), at the same speed. Session
/// 5 (farm-bench, paired): 32 KiB pieces 4 ahead against 64 KiB, the same wall time on
/// filter-10k and filter-100k (0.99x), peak RSS 11.9 -> 10.9 MB (filter-10k, median of 15;
/// CLIPS 12.1 MB) and 56.5 -> 55.1 MB; 2 ahead instead of 4 was 14 % slower on filter-100k.
constexpr std::size_t chunks_ahead = 4;

/// Parses and loads a large plain file piece by piece (see toml_chunks.hpp), appending the
/// facts to `out` in file order. toml++ parses the pieces on two threads; the pieces are
/// converted to facts one after the other, in file order, on this thread, each document freed
/// before the next is converted. Returns false, with nothing reported, when any piece fails:
/// the caller then parses the file whole so the diagnostics are exactly those of a whole-file
/// parse.
bool load_in_chunks(Loader& loader, const SourceManager& sources, FileId file,
                    const std::vector<TomlChunk>& chunks, std::vector<FactInput>& out) {
    const std::string_view text = sources.text(file);
    return support::parse_ahead<toml::table>(
        chunks.size(), chunks_ahead,
        [&](std::size_t i) -> std::optional<toml::table> {
            const TomlChunk& chunk = chunks[i];
            try {
                return toml::parse(text.substr(chunk.begin, chunk.end - chunk.begin));
            } catch (const toml::parse_error&) {
                return std::nullopt;
            }
        },
        [&](std::size_t i, toml::table&& root) {
            loader.set_line_base(chunks[i].line_base);
            loader.load(root);
            if (loader.failed()) {
                return false;
            }
            loader.take_facts(out);  // pieces are in file order: sorting each one suffices
            return true;
        });
}

/// A large plain file in pieces; false, with nothing reported, when the whole-file parse
/// must decide (see load_in_chunks).
bool load_large_file(const ir::Program& program, const SourceManager& sources, FileId file,
                     const std::vector<TomlChunk>& chunks, DiagnosticSink& sink,
                     std::vector<FactInput>& out, FactFileMeta* meta) {
    DiagnosticSink quiet;
    Loader loader(program, sources, file, quiet);
    std::vector<FactInput> facts;
    if (!load_in_chunks(loader, sources, file, chunks, facts)) {
        return false;
    }
    sink.report_all(quiet);  // warnings, if any
    append(out, std::move(facts));
    if (meta != nullptr) {
        *meta = loader.take_meta();
    }
    return true;
}

/// Converts a parsed fact file to facts (appended to `out` only when it has no error).
bool convert_document(const ir::Program& program, const SourceManager& sources, FileId file,
                      DiagnosticSink& sink, const toml::table& root, std::vector<FactInput>& out,
                      FactFileMeta* meta) {
    Loader loader(program, sources, file, sink);
    loader.load(root);
    if (loader.failed()) {
        return false;
    }
    loader.take_facts(out);
    if (meta != nullptr) {
        *meta = loader.take_meta();
    }
    return true;
}

void report_parse_error(const SourceManager& sources, FileId file, const toml::parse_error& e,
                        DiagnosticSink& sink) {
    const std::uint32_t at = offset_of(sources, file, e.source().begin);
    sink.error(DiagCode::E0401, SourceSpan{file, at, at}, describe_parse_error(e.description()));
}

bool load_whole_file(const ir::Program& program, const SourceManager& sources, FileId file,
                     DiagnosticSink& sink, std::vector<FactInput>& out, FactFileMeta* meta) {
    toml::table root;
    try {
        root = toml::parse(sources.text(file));
    } catch (const toml::parse_error& e) {
        report_parse_error(sources, file, e, sink);
        return false;
    }
    return convert_document(program, sources, file, sink, root, out, meta);
}

/// Files above this size are parsed in pieces (load_facts.hpp: largest_whole_fact_file).
constexpr std::size_t split_above = largest_whole_fact_file;

/// What load_fact_files' helper thread prepares for one small file: the byte and nesting
/// checks (their diagnostics held back) and, when they pass, the parsed document or the
/// parse error. Everything reads the file's text only.
struct PreparedFile {
    bool small = false;  ///< false: left to load_fact_file (large files split themselves)
    DiagnosticSink checks;
    bool checks_ok = false;
    std::optional<toml::table> root;
    DiagnosticSink parse_error;
};

PreparedFile prepare_small_file(const SourceManager& sources, FileId file) {
    PreparedFile p;
    if (sources.text(file).size() > split_above) {
        return p;
    }
    p.small = true;
    // the order of load_fact_file: no parse unless the bytes and the nesting depth are fine
    p.checks_ok = preflight_fact_bytes(sources, file, p.checks) &&
                  check_toml_nesting(sources, file, p.checks);
    if (p.checks_ok) {
        try {
            p.root = toml::parse(sources.text(file));
        } catch (const toml::parse_error& e) {
            report_parse_error(sources, file, e, p.parse_error);
        }
    }
    return p;
}

}  // namespace

/// A small fact file's text that passed every check and parsed, parsed from its own copy of
/// the text (parse_fact_file_ahead).
struct ReadyFactFile {
    std::string path;
    std::string text;
    toml::table root;
};

std::shared_ptr<ReadyFactFile> parse_fact_file_ahead(const SourceManager& sources, FileId file) {
    PreparedFile p = prepare_small_file(sources, file);
    if (!p.small || !p.checks_ok || !p.root || !p.checks.empty()) {
        return nullptr;  // loaded the usual way, with its diagnostics
    }
    return std::make_shared<ReadyFactFile>(ReadyFactFile{
        std::string(sources.path(file)), std::string(sources.text(file)), std::move(*p.root)});
}

bool ready_for(const ReadyFactFile& ready, const SourceManager& sources, FileId file) {
    return ready.path == sources.path(file) && ready.text == sources.text(file);
}

std::vector<std::shared_ptr<ReadyFactFile>> match_ready_files(
    const SourceManager& sources, const std::vector<FileId>& files,
    std::vector<std::shared_ptr<ReadyFactFile>> parsed) {
    // by path (a path given twice was parsed twice): one lookup per file, not a scan
    std::unordered_map<std::string_view, std::vector<std::size_t>> by_path;
    for (std::size_t j = 0; j < parsed.size(); ++j) {
        if (parsed[j] != nullptr) {
            by_path[parsed[j]->path].push_back(j);
        }
    }
    std::vector<std::shared_ptr<ReadyFactFile>> ready(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto it = by_path.find(sources.path(files[i]));
        if (it == by_path.end()) {
            continue;
        }
        for (const std::size_t j : it->second) {
            if (parsed[j] != nullptr && ready_for(*parsed[j], sources, files[i])) {
                ready[i] = std::move(parsed[j]);  // (its path stays valid: `ready` owns it)
                break;
            }
        }
    }
    return ready;
}

bool load_fact_files(const ir::Program& program, const SourceManager& sources,
                     const std::vector<FileId>& files, DiagnosticSink& sink,
                     std::vector<FactInput>& out, std::vector<FactFileMeta>& metas,
                     const std::vector<std::shared_ptr<ReadyFactFile>>* ready) {
    metas.assign(files.size(), FactFileMeta{});
    bool ok = true;
    // The shipped knowledge base is 13 small files: toml++ parses the next ones on a second
    // thread while this one converts, in file order, with the diagnostics of a plain loop.
    // A file parsed ahead (same path, same text) is not parsed again; when at most one is
    // left to parse, a second thread would only hand over documents that are ready.
    const auto is_ready = [&](std::size_t i) {
        return ready != nullptr && i < ready->size() && (*ready)[i] != nullptr;
    };
    std::size_t to_parse = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        to_parse += is_ready(i) ? 0 : 1;
    }
    const auto produce = [&](std::size_t i) -> std::optional<PreparedFile> {
        if (is_ready(i)) {
            PreparedFile p;  // what prepare_small_file gave for the same text
            p.small = true;
            p.checks_ok = true;
            p.root = std::move((*ready)[i]->root);
            return p;
        }
        return prepare_small_file(sources, files[i]);
    };
    const auto consume = [&](std::size_t i, PreparedFile&& p) {
        const FileId file = files[i];
        if (!p.small) {
            ok = load_fact_file(program, sources, file, sink, out, &metas[i]) && ok;
            return true;
        }
        sink.report_all(p.checks);
        sink.report_all(p.parse_error);
        ok = p.checks_ok && p.root &&
             convert_document(program, sources, file, sink, *p.root, out, &metas[i]) && ok;
        return true;
    };
    if (to_parse < 2) {
        support::produce_in_order<PreparedFile>(files.size(), produce, consume);
    } else {
        support::parse_ahead<PreparedFile>(files.size(), chunks_ahead, produce, consume);
    }
    return ok;
}

bool load_fact_file(const ir::Program& program, const SourceManager& sources, FileId file,
                    DiagnosticSink& sink, std::vector<FactInput>& out, FactFileMeta* meta) {
    if (!preflight_fact_bytes(sources, file, sink)) {
        return false;
    }
    // Large files are parsed in pieces (split_above). Small pieces keep the documents parsed
    // ahead (and the helper thread's heap) small.
    constexpr std::size_t chunk_bytes = 32 * 1024;
    const std::string_view text = sources.text(file);
    if (text.size() <= split_above) {
        if (!check_toml_nesting(sources, file, sink)) {
            return false;
        }
    } else {
        // two read-only scans of a large text: the nesting check on a second thread while
        // this one finds the cut points; its diagnostic (if any) is reported as before
        DiagnosticSink nesting_sink;
        auto nesting = std::async(std::launch::async,
                                  [&] { return check_toml_nesting(sources, file, nesting_sink); });
        const auto chunks = split_toml(text, chunk_bytes);
        const bool nesting_ok = nesting.get();
        sink.report_all(nesting_sink);
        if (!nesting_ok) {
            return false;
        }
        if (chunks.size() > 1 && load_large_file(program, sources, file, chunks, sink, out, meta)) {
            return true;
        }
    }
    return load_whole_file(program, sources, file, sink, out, meta);
}

}  // namespace maslahat::facts
