#include "lsp/positions.hpp"

#include <algorithm>

namespace maslahat::lsp {
namespace {

/// Bytes of the UTF-8 sequence starting with `lead` (1 for stray continuation bytes).
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0) {
        return 4;
    }
    if (lead >= 0xE0) {
        return 3;
    }
    if (lead >= 0xC0) {
        return 2;
    }
    return 1;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

}  // namespace

Position position_of(std::string_view text, std::uint32_t offset) {
    Position p;
    const std::size_t end = std::min<std::size_t>(offset, text.size());
    std::size_t i = 0;
    while (i < end) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++p.line;
            p.character = 0;
            ++i;
            continue;
        }
        const std::size_t n = sequence_length(c);
        p.character += n == 4 ? 2 : 1;
        i += n;
    }
    return p;
}

std::uint32_t offset_of(std::string_view text, Position position) {
    std::size_t i = 0;
    for (std::uint32_t line = 0; line < position.line && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
        }
    }
    std::uint32_t units = 0;
    while (i < text.size() && text[i] != '\n' && units < position.character) {
        const std::size_t n = sequence_length(static_cast<unsigned char>(text[i]));
        units += n == 4 ? 2 : 1;
        i += n;
    }
    return static_cast<std::uint32_t>(std::min(i, text.size()));
}

std::string uri_to_path(std::string_view uri) {
    constexpr std::string_view scheme = "file://";
    if (uri.substr(0, scheme.size()) != scheme) {
        return std::string(uri);
    }
    uri.remove_prefix(scheme.size());
    std::string out;
    for (std::size_t i = 0; i < uri.size(); ++i) {
        if (uri[i] == '%' && i + 2 < uri.size()) {
            const int high = hex_digit(uri[i + 1]);
            const int low = hex_digit(uri[i + 2]);
            if (high >= 0 && low >= 0) {
                out += static_cast<char>(high * 16 + low);
                i += 2;
            } else {
                out += uri[i];
            }
        } else {
            out += uri[i];
        }
    }
    return out;
}

std::string path_to_uri(std::string_view path) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out = "file://";
    for (char c : path) {
        const auto u = static_cast<unsigned char>(c);
        const bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                           (u >= '0' && u <= '9') || c == '/' || c == '-' || c == '_' || c == '.' ||
                           c == '~';
        if (plain) {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4U];
            out += hex[u & 15U];
        }
    }
    return out;
}

}  // namespace maslahat::lsp
