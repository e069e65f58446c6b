// `maslahat compare [FACTS...] [--subject S]... [--rules R]... [--facts F]...`: runs the
// analysis once per subject and prints recommendations and SWOT findings side by side.
// A FACTS argument (file or folder) names one subject by its [meta] subject (else the first
// text slot of its first fact) and is loaded with the shared --facts (default facts/); a
// --subject S column runs over the shared facts alone. `param subject`, when the program
// declares it, is set to each column's subject.
#pragma once

#include "cli/command_line.hpp"

namespace maslahat::cli {

/// Exit code: 0 done, 1 errors in the input (missing file, unknown subject, rule or fact
/// errors) or at run time, 2 bad command line, 3 a limit reached.
int run_compare(const CliOptions& options);

}  // namespace maslahat::cli
