// The only translation unit of the kbtest stage that includes toml++: converts a parsed TOML
// document into the plain TomlNode tree (with byte-offset spans) and writes trees back as TOML.
#include "kbtest/toml_doc.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <string_view>

namespace maslahat::kbtest {
namespace {

// toml++ positions are 1-based lines and code-point columns (not counting a BOM); spans are
// byte offsets into the buffer held by the SourceManager.
std::uint32_t offset_of(const SourceManager& sources, FileId file,
                        const toml::source_position& pos) {
    return sources.offset(file, LineColumn{pos.line, pos.column});
}

class Converter {
public:
    Converter(const SourceManager& sources, FileId file) : sources_(sources), file_(file) {}

    SourceSpan span_of(const toml::source_region& region) const {
        const std::uint32_t begin = offset_of(sources_, file_, region.begin);
        std::uint32_t end = offset_of(sources_, file_, region.end);
        // Keep carets on one line: a span running over several lines ends with its first line.
        if (region.end.line != region.begin.line) {
            const std::string_view text = sources_.text(file_);
            end = begin;
            while (end < text.size() && text[end] != '\n' && text[end] != '\r') {
                ++end;
            }
        }
        return SourceSpan{file_, begin, std::max(begin, end)};
    }

    TomlNode convert(const toml::node& node) const {
        TomlNode out;
        out.span = span_of(node.source());
        if (const auto* table = node.as_table()) {
            out.kind = TomlNode::Kind::Table;
            std::vector<std::pair<const toml::key*, const toml::node*>> entries;
            for (const auto& [key, value] : *table) {
                entries.emplace_back(&key, &value);
            }
            std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
                const auto& pa = a.first->source().begin;
                const auto& pb = b.first->source().begin;
                return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
            });
            for (const auto& [key, value] : entries) {
                out.entries.push_back(
                    TomlEntry{std::string(key->str()), span_of(key->source()), convert(*value)});
            }
        } else if (const auto* array = node.as_array()) {
            out.kind = TomlNode::Kind::Array;
            for (const auto& item : *array) {
                out.items.push_back(convert(item));
            }
        } else if (const auto* s = node.as_string()) {
            out.kind = TomlNode::Kind::String;
            out.text = s->get();
        } else if (const auto* i = node.as_integer()) {
            out.kind = TomlNode::Kind::Integer;
            out.integer = i->get();
        } else if (const auto* f = node.as_floating_point()) {
            out.kind = TomlNode::Kind::Float;
            out.floating = f->get();
        } else if (const auto* b = node.as_boolean()) {
            out.kind = TomlNode::Kind::Boolean;
            out.boolean = b->get();
        } else {
            out.kind = TomlNode::Kind::Other;
            std::ostringstream text;
            node.visit([&text](const auto& n) { text << n; });
            out.text = text.str();
        }
        return out;
    }

private:
    const SourceManager& sources_;
    FileId file_;
};

// "Error while parsing string: ..." -> "TOML syntax error in string: ...".
std::string describe_parse_error(std::string_view description) {
    constexpr std::string_view prefix = "Error while parsing ";
    if (description.substr(0, prefix.size()) == prefix) {
        return fmt::format("TOML syntax error in {}", description.substr(prefix.size()));
    }
    return fmt::format("TOML syntax error: {}", description);
}

bool bare_key(std::string_view key) {
    return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    });
}

std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20U || c == '\x7F') {
                    out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string write_key(std::string_view key) {
    return bare_key(key) ? std::string(key) : quoted(key);
}

std::string write_float(double d) {
    if (std::isnan(d)) {
        return "nan";
    }
    if (std::isinf(d)) {
        return d < 0 ? "-inf" : "inf";
    }
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, d);
    std::string text(buffer, result.ptr);
    if (text.find_first_of(".eE") == std::string::npos) {
        text += ".0";
    }
    return text;
}

bool is_array_of_tables(const TomlNode& node) {
    return node.is_array() && !node.items.empty() &&
           std::all_of(node.items.begin(), node.items.end(),
                       [](const TomlNode& item) { return item.is_table(); });
}

}  // namespace

const TomlEntry* TomlNode::find(std::string_view key) const {
    for (const auto& entry : entries) {
        if (entry.key == key) {
            return &entry;
        }
    }
    return nullptr;
}

TomlEntry* TomlNode::find(std::string_view key) {
    for (auto& entry : entries) {
        if (entry.key == key) {
            return &entry;
        }
    }
    return nullptr;
}

std::string_view kind_name(TomlNode::Kind kind) {
    switch (kind) {
        case TomlNode::Kind::Table:
            return "table";
        case TomlNode::Kind::Array:
            return "array";
        case TomlNode::Kind::String:
            return "string";
        case TomlNode::Kind::Integer:
            return "integer";
        case TomlNode::Kind::Float:
            return "float";
        case TomlNode::Kind::Boolean:
            return "boolean";
        case TomlNode::Kind::Other:
            break;
    }
    return "date/time";
}

std::optional<TomlNode> parse_toml(const SourceManager& sources, FileId file,
                                   DiagnosticSink& sink) {
    toml::table root;
    try {
        root = toml::parse(sources.text(file), std::string_view(sources.path(file)));
    } catch (const toml::parse_error& e) {
        const std::uint32_t at = offset_of(sources, file, e.source().begin);
        sink.error(DiagCode::E0401, SourceSpan{file, at, at},
                   describe_parse_error(e.description()));
        return std::nullopt;
    }
    return Converter(sources, file).convert(root);
}

std::string write_value(const TomlNode& value) {
    switch (value.kind) {
        case TomlNode::Kind::String:
            return quoted(value.text);
        case TomlNode::Kind::Integer:
            return std::to_string(value.integer);
        case TomlNode::Kind::Float:
            return write_float(value.floating);
        case TomlNode::Kind::Boolean:
            return value.boolean ? "true" : "false";
        case TomlNode::Kind::Other:
            return value.text;
        case TomlNode::Kind::Array: {
            std::string out = "[";
            for (std::size_t i = 0; i < value.items.size(); ++i) {
                out += i == 0 ? "" : ", ";
                out += write_value(value.items[i]);
            }
            return out + "]";
        }
        case TomlNode::Kind::Table:
            break;
    }
    if (value.entries.empty()) {
        return "{}";
    }
    std::string out = "{ ";
    for (std::size_t i = 0; i < value.entries.size(); ++i) {
        out += i == 0 ? "" : ", ";
        out += write_key(value.entries[i].key) + " = " + write_value(value.entries[i].value);
    }
    return out + " }";
}

std::string write_toml(const TomlNode& root) {
    struct Section {
        std::string header;
        const TomlNode* table;
    };
    std::string out;
    std::vector<Section> sections;
    for (const auto& entry : root.entries) {
        if (entry.value.is_table()) {
            sections.push_back({"[" + write_key(entry.key) + "]", &entry.value});
        } else if (is_array_of_tables(entry.value)) {
            for (const auto& item : entry.value.items) {
                sections.push_back({"[[" + write_key(entry.key) + "]]", &item});
            }
        } else {
            out += write_key(entry.key) + " = " + write_value(entry.value) + "\n";
        }
    }
    std::stable_sort(sections.begin(), sections.end(), [](const Section& a, const Section& b) {
        return a.table->span.begin < b.table->span.begin;
    });
    for (const auto& section : sections) {
        out += (out.empty() ? "" : "\n") + section.header + "\n";
        for (const auto& entry : section.table->entries) {
            out += write_key(entry.key) + " = " + write_value(entry.value) + "\n";
        }
    }
    return out;
}

bool same_value(const TomlNode& a, const TomlNode& b) {
    if (a.is_number() && b.is_number()) {
        return a.number() == b.number();
    }
    if (a.kind != b.kind) {
        return false;
    }
    switch (a.kind) {
        case TomlNode::Kind::String:
        case TomlNode::Kind::Other:
            return a.text == b.text;
        case TomlNode::Kind::Boolean:
            return a.boolean == b.boolean;
        case TomlNode::Kind::Array:
            return a.items.size() == b.items.size() &&
                   std::equal(a.items.begin(), a.items.end(), b.items.begin(), same_value);
        case TomlNode::Kind::Table:
            return a.entries.size() == b.entries.size() &&
                   std::all_of(a.entries.begin(), a.entries.end(), [&b](const TomlEntry& e) {
                       const TomlEntry* other = b.find(e.key);
                       return other != nullptr && same_value(e.value, other->value);
                   });
        default:
            return false;
    }
}

}  // namespace maslahat::kbtest
