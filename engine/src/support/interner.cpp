#include "maslahat/value.hpp"

#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace maslahat {
namespace {
struct Interner {
    std::deque<std::string> texts;
    std::unordered_map<std::string_view, Atom> ids;
};
Interner& interner() {
    static Interner table;
    return table;
}
}  // namespace

Atom intern(std::string_view text) {
    auto& table = interner();
    if (auto it = table.ids.find(text); it != table.ids.end()) {
        return it->second;
    }
    const auto atom = static_cast<Atom>(table.texts.size());
    table.texts.emplace_back(text);
    table.ids.emplace(table.texts.back(), atom);
    return atom;
}

std::string_view atom_text(Atom atom) {
    return interner().texts[atom];
}

}  // namespace maslahat
