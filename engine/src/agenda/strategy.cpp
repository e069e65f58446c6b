#include "agenda/strategy.hpp"

namespace maslahat::agenda {

std::optional<Strategy> parse_strategy(std::string_view name) {
    if (name == "depth") {
        return Strategy::Depth;
    }
    if (name == "breadth") {
        return Strategy::Breadth;
    }
    if (name == "lex") {
        return Strategy::Lex;
    }
    if (name == "mea") {
        return Strategy::Mea;
    }
    return std::nullopt;
}

std::string_view strategy_name(Strategy s) {
    switch (s) {
        case Strategy::Depth:
            return "depth";
        case Strategy::Breadth:
            return "breadth";
        case Strategy::Lex:
            return "lex";
        case Strategy::Mea:
            return "mea";
    }
    return "depth";
}

}  // namespace maslahat::agenda
