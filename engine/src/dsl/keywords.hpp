// The keywords of the rule language (spec §2), listed once. The grammar builds its keyword
// symbol table from this list (names can never be keywords) and sema uses it for
// did-you-mean suggestions and for "keyword used as a name" messages.
#pragma once

#include <algorithm>
#include <array>
#include <string_view>

namespace maslahat::dsl {

inline constexpr std::array<std::string_view, 35> keywords = {"template", "recommendation",
                                                              "param",    "rule",
                                                              "when",     "then",
                                                              "end",      "salience",
                                                              "not",      "exists",
                                                              "test",     "assert",
                                                              "derive",   "retract",
                                                              "modify",   "recommend",
                                                              "for",      "confidence",
                                                              "because",  "bind",
                                                              "print",    "log",
                                                              "halt",     "count",
                                                              "sum",      "min",
                                                              "max",      "avg",
                                                              "over",     "in",
                                                              "contains", "and",
                                                              "or",       "true",
                                                              "false"};

/// True when `word` is one of the spec §2 keywords.
inline bool is_keyword(std::string_view word) {
    return std::find(keywords.begin(), keywords.end(), word) != keywords.end();
}

}  // namespace maslahat::dsl
