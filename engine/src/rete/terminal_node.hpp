// TerminalNode: the end of one rule's path; every token reaching it is a match of the rule
// and is reported to the MatchListener (which turns it into an agenda activation).
#pragma once

#include <cstdint>

namespace maslahat::rete {

struct TerminalNode {
    std::uint32_t rule = 0;  ///< index into ir::Program::rules
};

}  // namespace maslahat::rete
