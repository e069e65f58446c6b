// Test helper for the back end: compiles rule text with the real front end
// (dsl::parse_file + sema::analyze), builds the network, and drives a Session with facts
// given by template and slot names. Facts print as `tmpl(slot: value, ...)`.
#pragma once

#include "ir/program.hpp"
#include "maslahat/source.hpp"
#include "rete/network.hpp"
#include "runtime/session.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace maslahat::test {

struct Compiled {
    SourceManager sources;
    ir::Program program;
    rete::Network network;
};

/// Compiles `text` as one rule file; FAILs the test (printing diagnostics) on any error.
std::unique_ptr<Compiled> compile(const std::string& text);

using Slots = std::vector<std::pair<std::string, Value>>;

class Engine {
public:
    explicit Engine(const std::string& rules);
    /// Asserts a fact like a fact file would (missing slots take defaults or nil).
    std::uint32_t fact(std::string_view tmpl, const Slots& slots = {});
    runtime::RunOutcome run(agenda::Strategy s = agenda::Strategy::Depth,
                            std::uint64_t max_firings = 1'000'000);
    bool retract(std::uint32_t id) {
        return session->retract_fact(id);
    }
    /// Live facts of one template, printed, in id order.
    std::vector<std::string> facts(std::string_view tmpl) const;
    /// "ID subject cf" per live recommendation, in report order.
    std::vector<std::string> recommendations() const;
    const std::vector<std::string>& output() const {
        return session->output();
    }
    std::string print(const runtime::FactRecord& f) const;

    std::unique_ptr<Compiled> compiled;
    std::unique_ptr<runtime::Session> session;
};

Value sym(std::string_view s);
Value str(std::string_view s);
Value num(double d);
Value integer(std::int64_t i);

}  // namespace maslahat::test
