#include "maslahat/engine.hpp"

#include "agenda/strategy.hpp"
#include "api/engine_impl.hpp"
#include "api/source_loader.hpp"
#include "dsl/parse.hpp"
#include "facts/load_facts.hpp"
#include "support/did_you_mean.hpp"
#include "support/parse_ahead.hpp"

#include <charconv>
#include <cmath>
#include <system_error>

namespace maslahat {

static_assert(static_cast<int>(Strategy::Depth) == static_cast<int>(agenda::Strategy::Depth) &&
              static_cast<int>(Strategy::Mea) == static_cast<int>(agenda::Strategy::Mea));

std::optional<Strategy> parse_strategy(std::string_view name) {
    const auto strategy = agenda::parse_strategy(name);
    if (!strategy) {
        return std::nullopt;
    }
    return static_cast<Strategy>(*strategy);  // same enumerators, same order
}

bool Engine::Impl::parse(FileId file) {
    auto ast = dsl::parse_file(sources, file, sink, max_nesting);
    if (!ast) {
        return false;
    }
    parsed.push_back(sema::ParsedFile{file, std::move(*ast)});
    return true;
}

void Engine::Impl::parse_files(const std::vector<std::string>& paths) {
    // Read every file first (SourceManager only grows here), each read's diagnostics held
    // back, then parse them on two threads (X3 parsing reads the sources only) and report
    // in file order: diagnostics and ASTs are those of reading and parsing one by one.
    struct Read {
        std::optional<FileId> file;
        DiagnosticSink diagnostics;
    };
    std::vector<Read> reads(paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i) {
        reads[i].file = api::read_source(sources, paths[i], reads[i].diagnostics, max_source_bytes);
    }
    struct Parsed {
        std::optional<dsl::ast::File> ast;
        DiagnosticSink diagnostics;
    };
    support::parse_ahead<Parsed>(
        paths.size(), files_ahead,
        [&](std::size_t i) -> std::optional<Parsed> {
            Parsed p;
            if (reads[i].file) {
                p.ast = dsl::parse_file(sources, *reads[i].file, p.diagnostics, max_nesting);
            }
            return p;
        },
        [&](std::size_t i, Parsed&& p) {
            sink.report_all(reads[i].diagnostics);
            sink.report_all(p.diagnostics);
            if (p.ast) {
                parsed.push_back(sema::ParsedFile{*reads[i].file, std::move(*p.ast)});
            }
            return true;
        });
}

bool Engine::Impl::analyze() {
    network.reset();
    program = sema::analyze(sources, parsed, sink);
    return program.has_value() && !sink.has_errors();
}

bool Engine::Impl::load_fact_files(
    const std::vector<FileId>& files,
    const std::vector<std::shared_ptr<facts::ReadyFactFile>>* ready) {
    if (!program) {
        sink.error(DiagCode::E0504, std::nullopt, "fact files need rules: no program is loaded");
        return false;
    }
    std::vector<FactInput> loaded;
    std::map<std::string, std::string> loaded_meta = meta;
    std::vector<facts::FactFileMeta> file_metas;
    const bool ok =
        facts::load_fact_files(*program, sources, files, sink, loaded, file_metas, ready);
    for (auto& file_meta : file_metas) {
        for (auto& [key, value] : file_meta) {
            loaded_meta[key] = std::move(value);
        }
    }
    if (!ok) {
        return false;  // all or nothing across the whole call (spec §6)
    }
    if (facts.empty()) {
        facts = std::move(loaded);  // no second buffer of the same size
    } else {
        facts.insert(facts.end(), std::make_move_iterator(loaded.begin()),
                     std::make_move_iterator(loaded.end()));
    }
    meta = std::move(loaded_meta);
    return true;
}

Engine::Engine() : impl_(std::make_unique<Impl>()) {}
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

bool Engine::load_rules(const std::vector<std::string>& paths) {
    const std::size_t errors_before = impl_->sink.error_count();
    const auto files = api::expand_paths(paths, ".rules", impl_->sink);
    if (files.empty() && impl_->sink.error_count() == errors_before) {
        impl_->sink.error(DiagCode::E0504, std::nullopt, api::no_files_message("rule", paths));
    }
    impl_->parse_files(files);
    if (impl_->sink.error_count() != errors_before) {
        // Check what parsed anyway, so that semantic errors are reported with syntax errors.
        impl_->analyze();
        impl_->program.reset();
        return false;
    }
    return impl_->analyze();
}

bool Engine::load_rules_text(std::string name, std::string text) {
    const std::size_t errors_before = impl_->sink.error_count();
    impl_->parse(impl_->sources.add(std::move(name), std::move(text)));
    const bool analyzed = impl_->analyze();
    if (impl_->sink.error_count() != errors_before) {
        impl_->program.reset();
        return false;
    }
    return analyzed;
}

bool Engine::load_facts(const std::vector<std::string>& paths) {
    const std::size_t errors_before = impl_->sink.error_count();
    const auto files = api::expand_paths(paths, ".toml", impl_->sink);
    if (files.empty() && !paths.empty() && impl_->sink.error_count() == errors_before) {
        impl_->sink.warning(DiagCode::W0004, std::nullopt, api::no_files_message("fact", paths));
    }
    std::vector<FileId> ids;
    for (const auto& path : files) {
        if (const auto file =
                api::read_source(impl_->sources, path, impl_->sink, impl_->max_source_bytes)) {
            ids.push_back(*file);
        }
    }
    if (impl_->sink.error_count() != errors_before) {
        return false;
    }
    // the files prefetch_facts parsed from the same path and text are not parsed again
    std::vector<std::shared_ptr<facts::ReadyFactFile>> ready;
    if (impl_->prefetched) {
        std::vector<std::shared_ptr<facts::ReadyFactFile>> parsed;
        try {
            parsed = impl_->prefetched->take();
        } catch (...) {
            parsed.clear();  // (out of memory): everything is parsed here
        }
        impl_->prefetched.reset();
        ready = facts::match_ready_files(impl_->sources, ids, std::move(parsed));
    }
    return impl_->load_fact_files(ids, ready.empty() ? nullptr : &ready);
}

void Engine::prefetch_facts(const std::vector<std::string>& paths) {
    impl_->prefetched.reset();  // (a previous prefetch: its thread stops after its file)
    try {
        impl_->prefetched = std::make_unique<api::FactPrefetch>(paths, impl_->max_source_bytes);
    } catch (const std::system_error&) {
        impl_->prefetched.reset();  // no thread: load_facts parses everything itself
    }
}

bool Engine::load_facts_text(std::string name, std::string text) {
    return impl_->load_fact_files({impl_->sources.add(std::move(name), std::move(text))});
}

void Engine::set_max_source_bytes(std::size_t bytes) {
    impl_->max_source_bytes = bytes;
}

void Engine::set_max_nesting(std::uint32_t depth) {
    impl_->max_nesting = depth;
}

bool Engine::set_param(std::string_view name, std::string_view text) {
    auto& sink = impl_->sink;
    if (!impl_->program) {
        sink.error(DiagCode::E0502, std::nullopt, "--param needs rules: no program is loaded");
        return false;
    }
    auto& params = impl_->program->params;
    const auto index = impl_->program->find_param(name);
    if (!index) {
        std::vector<std::string_view> names;
        for (const auto& p : params) {
            names.emplace_back(p.name);
        }
        sink.error(DiagCode::E0502, std::nullopt,
                   "unknown param '" + std::string(name) + "' in --param" +
                       support::did_you_mean(name, names));
        return false;
    }
    ir::Param& param = params[*index];
    const auto wrong_type = [&](std::string_view expected) {
        sink.error(DiagCode::E0503, std::nullopt,
                   "--param " + param.name + " expects " + std::string(expected) + ", got '" +
                       std::string(text) + "'");
        return false;
    };
    std::string digits;
    for (const char c : text) {
        if (c != '_') {
            digits += c;
        }
    }
    const char* first = digits.data();
    const char* last = digits.data() + digits.size();
    switch (param.type) {
        case ir::BaseType::Int: {
            std::int64_t v = 0;
            const auto [ptr, ec] = std::from_chars(first, last, v);
            if (digits.empty() || ec != std::errc() || ptr != last) {
                return wrong_type("an int");
            }
            param.value = Value::integer(v);
            return true;
        }
        case ir::BaseType::Number: {
            double v = 0;
            const auto [ptr, ec] = std::from_chars(first, last, v);
            if (digits.empty() || ec != std::errc() || ptr != last || !std::isfinite(v)) {
                return wrong_type("a number");
            }
            param.value = Value::number(v);
            return true;
        }
        case ir::BaseType::Bool:
            if (text != "true" && text != "false") {
                return wrong_type("true or false");
            }
            param.value = Value::boolean(text == "true");
            return true;
        case ir::BaseType::Symbol:
            if (text.empty()) {
                return wrong_type("a symbol");
            }
            param.value = Value::symbol(text);
            return true;
        case ir::BaseType::String:
            param.value = Value::string(text);
            return true;
    }
    return wrong_type("a value");
}

const std::map<std::string, std::string>& Engine::meta() const {
    return impl_->meta;
}

const ir::Program* Engine::program() const {
    return impl_->program ? &*impl_->program : nullptr;
}

ProgramSummary Engine::summary() const {
    ProgramSummary out;
    if (!impl_->program) {
        return out;
    }
    for (const auto& r : impl_->program->recommendations) {
        out.recommendations.emplace_back(r.id, r.title);
    }
    for (const auto& p : impl_->program->params) {
        out.params.push_back(p.name);
    }
    for (const auto& t : impl_->program->templates) {
        std::vector<std::string> slots;
        for (const auto& slot : t.slots) {
            slots.push_back(slot.name);
        }
        out.templates.emplace_back(t.name, std::move(slots));
    }
    out.rules = impl_->program->rules.size();
    return out;
}

const DiagnosticSink& Engine::diagnostics() const {
    return impl_->sink;
}

const SourceManager& Engine::sources() const {
    return impl_->sources;
}

std::string Engine::render_diagnostics() const {
    return render_text(impl_->sink.sorted(), impl_->sources);
}

}  // namespace maslahat
