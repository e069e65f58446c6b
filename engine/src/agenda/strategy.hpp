// Conflict-resolution strategies (spec §5; CLIPS crstrtgy.c is the reference): depth
// (newest activation first, the default), breadth (oldest first), lex and mea (OPS5).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace maslahat::agenda {

enum class Strategy : std::uint8_t { Depth, Breadth, Lex, Mea };

std::optional<Strategy> parse_strategy(std::string_view name);
std::string_view strategy_name(Strategy s);

}  // namespace maslahat::agenda
