// A canonical text key of a rule's conditions, spans ignored. Variables are already token
// positions in the IR, so two rules that differ only in variable names or layout get the
// same key; used to find duplicate and shadowed rules.
#pragma once

#include "ir/program.hpp"

#include <string>

namespace maslahat::lint {

std::string condition_key(const ir::Rule& rule);

}  // namespace maslahat::lint
