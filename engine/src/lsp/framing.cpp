#include "lsp/framing.hpp"

#include <istream>
#include <ostream>

namespace maslahat::lsp {

std::optional<std::string> read_message(std::istream& in) {
    std::string line;
    std::optional<std::size_t> length;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.empty()) {
            if (!length) {
                continue;  // stray blank line between messages
            }
            std::string body(*length, '\0');
            in.read(body.data(), static_cast<std::streamsize>(*length));
            if (static_cast<std::size_t>(in.gcount()) != *length) {
                return std::nullopt;
            }
            return body;
        }
        constexpr std::string_view key = "content-length:";
        if (line.size() > key.size()) {
            std::string head = line.substr(0, key.size());
            for (auto& c : head) {
                c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            }
            if (head == key) {
                try {
                    length = static_cast<std::size_t>(std::stoull(line.substr(key.size())));
                } catch (...) {
                    return std::nullopt;
                }
            }
        }
    }
    return std::nullopt;
}

void write_message(std::ostream& out, const std::string& body) {
    out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
    out.flush();
}

}  // namespace maslahat::lsp
