#include "engine_fixture.hpp"

#include "dsl/parse.hpp"
#include "rete/builder.hpp"
#include "sema/analyze.hpp"
#include "support/catch.hpp"

#include <fmt/format.h>

namespace maslahat::test {

std::unique_ptr<Compiled> compile(const std::string& text) {
    auto c = std::make_unique<Compiled>();
    DiagnosticSink sink;
    const FileId file = c->sources.add("test.rules", text);
    std::vector<sema::ParsedFile> files;
    if (auto ast = dsl::parse_file(c->sources, file, sink)) {
        files.push_back(sema::ParsedFile{file, std::move(*ast)});
    }
    std::optional<ir::Program> program;
    if (!sink.has_errors()) {
        program = sema::analyze(c->sources, files, sink);
    }
    INFO(render_text(sink.sorted(), c->sources));
    REQUIRE(!sink.has_errors());
    REQUIRE(program.has_value());
    c->program = std::move(*program);
    c->network = rete::build_network(c->program);
    return c;
}

Engine::Engine(const std::string& rules)
    : compiled(compile(rules)),
      session(std::make_unique<runtime::Session>(compiled->program, compiled->network)) {}

std::uint32_t Engine::fact(std::string_view tmpl, const Slots& slots) {
    const auto t = compiled->program.find_template(tmpl);
    REQUIRE(t.has_value());
    const ir::Template& decl = compiled->program.templates[*t];
    FactInput in;
    in.template_index = *t;
    in.slots.resize(decl.slots.size());
    in.provenance.resize(decl.slots.size());
    for (std::size_t i = 0; i < decl.slots.size(); ++i) {
        if (decl.slots[i].default_value) {
            in.slots[i] = *decl.slots[i].default_value;
        }
    }
    for (const auto& [name, value] : slots) {
        const auto s = decl.slot_index(name);
        INFO("slot " << name);
        REQUIRE(s.has_value());
        Value v = value;
        if (decl.slots[*s].type.base == ir::BaseType::Number && !decl.slots[*s].type.list &&
            v.kind() == ValueKind::Int) {
            v = Value::number(static_cast<double>(v.as_int()));
        }
        in.slots[*s] = v;
    }
    return session->assert_fact(in);
}

runtime::RunOutcome Engine::run(agenda::Strategy s, std::uint64_t max_firings) {
    runtime::RunOptions options;
    options.strategy = s;
    options.max_firings = max_firings;
    return session->run(options);
}

std::string Engine::print(const runtime::FactRecord& f) const {
    const ir::Template& decl = compiled->program.templates[f.template_index];
    std::string out = decl.name + "(";
    for (std::size_t i = 0; i < f.slots.size(); ++i) {
        out +=
            fmt::format("{}{}: {}", i == 0 ? "" : ", ", decl.slots[i].name, f.slots[i].to_string());
    }
    return out + ")";
}

std::vector<std::string> Engine::facts(std::string_view tmpl) const {
    std::vector<std::string> out;
    for (const auto& f : session->facts()) {
        if (compiled->program.templates[f.template_index].name == tmpl) {
            out.push_back(print(f));
        }
    }
    return out;
}

std::vector<std::string> Engine::recommendations() const {
    std::vector<std::string> out;
    for (const auto& r : session->recommendations()) {
        out.push_back(fmt::format("{} {} {}", compiled->program.recommendations[r.id].id, r.subject,
                                  Value::number(r.confidence).to_string()));
    }
    return out;
}

Value sym(std::string_view s) {
    return Value::symbol(s);
}
Value str(std::string_view s) {
    return Value::string(s);
}
Value num(double d) {
    return Value::number(d);
}
Value integer(std::int64_t i) {
    return Value::integer(i);
}

}  // namespace maslahat::test
