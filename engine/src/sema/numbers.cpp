#include "sema/literals.hpp"

#include <cctype>
#include <charconv>
#include <string>

namespace maslahat::sema {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

}  // namespace

std::optional<Value> decode_number(std::string_view text, SourceSpan span, DiagnosticSink& sink) {
    std::string digits;
    bool real = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '_') {
            const bool between =
                i > 0 && i + 1 < text.size() && is_digit(text[i - 1]) && is_digit(text[i + 1]);
            if (!between) {
                sink.error(
                    DiagCode::E0104, span,
                    "malformed number '" + std::string(text) + "': '_' may only separate digits");
                return std::nullopt;
            }
            continue;
        }
        if (c == '.' || c == 'e' || c == 'E') {
            real = true;
        }
        if (c == '+' && i == 0) {
            continue;  // from_chars does not take a leading '+'
        }
        digits += c;
    }
    const char* first = digits.data();
    const char* last = digits.data() + digits.size();
    if (!real) {
        std::int64_t value = 0;
        const auto [ptr, ec] = std::from_chars(first, last, value);
        if (ec == std::errc::result_out_of_range) {
            sink.error(DiagCode::E0104, span,
                       "integer literal " + std::string(text) +
                           " does not fit in 64 bits (write it as a number, e.g. " +
                           std::string(text) + ".0)");
            return std::nullopt;
        }
        if (ec != std::errc{} || ptr != last) {
            sink.error(DiagCode::E0104, span, "malformed number '" + std::string(text) + "'");
            return std::nullopt;
        }
        return Value::integer(value);
    }
    double value = 0;
    const auto [ptr, ec] = std::from_chars(first, last, value);
    if (ec == std::errc::result_out_of_range) {
        sink.error(DiagCode::E0104, span,
                   "number literal " + std::string(text) + " is out of the range of a double");
        return std::nullopt;
    }
    if (ec != std::errc{} || ptr != last) {
        sink.error(DiagCode::E0104, span, "malformed number '" + std::string(text) + "'");
        return std::nullopt;
    }
    return Value::number(value);
}

}  // namespace maslahat::sema
