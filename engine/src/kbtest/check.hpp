// The expectation checker of `maslahat test`: compares one `[[test.expect]]` with the result
// of a run and says what differed, in a sentence fit for the failure line
// ("expected recommendation B for Uzbekistan, got none"). Needs no engine, only RunResult.
#pragma once

#include "kbtest/test_file.hpp"
#include "maslahat/result.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace maslahat::kbtest {

/// The template and slots the `finding = "T4"` shorthand reads (rules/schema.rules):
/// a fact `finding(country: SUBJECT, item: T4)`.
inline constexpr std::string_view finding_template = "finding";
inline constexpr std::string_view finding_subject_slot = "country";
inline constexpr std::string_view finding_item_slot = "item";

/// Nothing when the expectation holds; otherwise what differed. `subject` is the test's
/// subject, used when the expectation names none (empty: any subject).
std::optional<std::string> check_expectation(const Expectation& expect, const RunResult& result,
                                             std::string_view subject);

/// Nothing when the run ended normally (done or halted, no run-time error); otherwise why not.
std::optional<std::string> check_run(const RunResult& result);

/// A confidence as messages show it: up to six significant digits ("0.76", "1").
std::string confidence_text(double confidence);

}  // namespace maslahat::kbtest
