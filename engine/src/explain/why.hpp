// Building explanations from a finished run: the target check shared by --why and --why-not
// (unknown recommendation or subject: an error with a suggestion) and the support tree of a
// recommendation (--why), following derived facts back through the FiringLog.
#pragma once

#include "explain/explanation.hpp"
#include "explain/firing_log.hpp"
#include "ir/program.hpp"
#include "maslahat/result.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace maslahat::explain {

struct RunView {
    const ir::Program& program;  ///< with the run's param values
    const RunResult& result;
    const FiringLog& firings;
};

/// Checks that `id` names a declared recommendation and `subject` occurs in the run; returns
/// the subject to explain (the only one recommended `id` when `subject` is empty), or nullopt
/// with `error` set ("unknown recommendation 'X' (did you mean 'D'?)").
std::optional<std::string> resolve_target(const RunView& run, std::string_view id,
                                          std::string_view subject, std::string& error);

/// The support tree of recommendation `id` for `subject`; nullopt with `error` when it was
/// not made (or the target is unknown).
std::optional<WhyExplanation> build_why(const RunView& run, std::string_view id,
                                        std::string_view subject, std::string& error);

}  // namespace maslahat::explain
