// `maslahat sweep [RULES...] --param NAME=LO..HI[:STEP] [--param N=V]... [--subject S]`:
// reruns the analysis for each value of one param and prints a table of the recommendations'
// confidences and the findings per value, then where each one switches on or off.
#pragma once

#include "cli/command_line.hpp"

namespace maslahat::cli {

/// Exit code: 0 done, 1 errors in the input, 2 bad range or param.
int run_sweep(const CliOptions& options);

}  // namespace maslahat::cli
