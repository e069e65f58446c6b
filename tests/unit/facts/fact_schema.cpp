#include "fact_schema.hpp"

#include <utility>

namespace maslahat::facts::testing {
namespace {

ir::Slot slot(std::string name, ir::BaseType base, bool list = false) {
    ir::Slot s;
    s.name = std::move(name);
    s.type.base = base;
    s.type.list = list;
    return s;
}

ir::Slot optional(ir::Slot s) {
    s.optional = true;
    return s;
}

ir::Slot with_symbols(ir::Slot s, std::initializer_list<std::string_view> symbols) {
    for (const auto symbol : symbols) {
        s.type.symbols.push_back(intern(symbol));
    }
    return s;
}

ir::Slot with_range(ir::Slot s, double low, double high) {
    s.type.low = low;
    s.type.high = high;
    return s;
}

ir::Slot with_default(ir::Slot s, Value value) {
    s.default_value = std::move(value);
    return s;
}

ir::Template make_template(std::string name, std::vector<ir::Slot> slots) {
    ir::Template t;
    t.name = std::move(name);
    t.slots = std::move(slots);
    return t;
}

}  // namespace

ir::Program fact_schema() {
    using ir::BaseType;
    ir::Program program;
    ir::Template recommended = make_template(
        "recommended", {slot("id", BaseType::Symbol), slot("subject", BaseType::String),
                        slot("confidence", BaseType::Number)});
    recommended.builtin = true;
    program.templates.push_back(std::move(recommended));
    program.templates.push_back(make_template(
        "country", {slot("name", BaseType::String), optional(slot("iso3", BaseType::String)),
                    optional(with_symbols(slot("role", BaseType::Symbol, true),
                                          {"origin", "transit", "destination"})),
                    optional(with_range(slot("mipex", BaseType::Number), 0, 100)),
                    with_default(with_symbols(slot("inflow_trend", BaseType::Symbol),
                                              {"falling", "stable", "rising"}),
                                 Value::symbol("stable")),
                    slot("population", BaseType::Int),
                    with_default(slot("eu_member", BaseType::Bool), Value::boolean(false)),
                    optional(slot("tags", BaseType::String, true))}));
    program.templates.push_back(make_template(
        "agreement",
        {slot("country", BaseType::String), slot("partner", BaseType::String),
         with_symbols(slot("kind", BaseType::Symbol), {"labour", "readmission", "visa"}),
         optional(with_range(slot("year", BaseType::Int), 1990, 2030))}));
    program.templates.push_back(make_template(
        "indicator", {slot("name", BaseType::Symbol), slot("value", BaseType::Number),
                      optional(with_range(slot("share", BaseType::Number, true), 0, 1))}));
    return program;
}

Loaded load(std::string_view text, std::vector<FactInput> out, const std::string& path) {
    const ir::Program program = fact_schema();
    SourceManager sources;
    const FileId file = sources.add(path, std::string(text));
    DiagnosticSink sink;
    Loaded loaded;
    loaded.ok = load_fact_file(program, sources, file, sink, out, &loaded.meta);
    loaded.facts = std::move(out);
    loaded.diagnostics = render_text(sink.sorted(), sources);
    loaded.errors = sink.error_count();
    return loaded;
}

}  // namespace maslahat::facts::testing
