// Session: firing one activation — executing the actions of spec §4.3 against a snapshot
// of the matched token (so a `retract`/`modify` of a matched fact does not pull the
// bindings from under later actions), and reporting run-time errors (spec §7: naming the
// rule, the firing number and the matched facts).
#include "rete/eval.hpp"
#include "runtime/session.hpp"

#include <fmt/format.h>

namespace maslahat::runtime {

struct Session::Firing {
    const agenda::Activation& activation;
    const ir::Rule& rule;
    std::vector<rete::Binding> bindings;
    std::vector<Value> locals;
    rete::Frame frame;
};

namespace {

/// Stores a value as its slot's type wants it (an int given to a `number` slot).
Value coerce(const ir::Slot& slot, Value v) {
    if (!slot.type.list && slot.type.base == ir::BaseType::Number && v.kind() == ValueKind::Int) {
        return Value::number(static_cast<double>(v.as_int()));
    }
    if (slot.type.base == ir::BaseType::String && v.kind() == ValueKind::Symbol) {
        return Value::string_atom(v.atom());
    }
    if (slot.type.base == ir::BaseType::Symbol && v.kind() == ValueKind::String) {
        return Value::symbol_atom(v.atom());
    }
    return v;
}

std::string text_of(const Value& v) {
    return v.to_string();
}

}  // namespace

Diagnostic Session::runtime_error(const Firing& f, DiagCode code, const SourceSpan& span,
                                  const std::string& message) const {
    std::string facts;
    for (const std::uint32_t id : f.activation.facts) {
        facts += fmt::format("{}{}", facts.empty() ? "" : ", ", id);
    }
    Diagnostic d;
    d.code = code;
    d.span = span;
    d.message = fmt::format("{} in rule '{}' (firing {}, matched facts: {})", message, f.rule.name,
                            firings_, facts.empty() ? "none" : facts);
    return d;
}

std::optional<Diagnostic> Session::fire(const agenda::Activation& activation) {
    const ir::Rule& rule = program_.rules[activation.rule];
    ++firings_;
    ++fire_counts_[activation.rule];
    Firing f{activation, rule, std::move(spare_bindings_), std::vector<Value>(rule.local_count),
             rete::Frame{}};
    memory_->snapshot(activation.token, f.bindings);
    f.frame.facts = &memory_->facts();
    f.frame.flat = &f.bindings;
    f.frame.params = &params_;
    f.frame.locals = &f.locals;
    // what this firing will retract: matches holding those facts are not built meanwhile
    for (const auto& action : rule.actions) {
        if ((action.kind == ir::ActionKind::Retract || action.kind == ir::ActionKind::Modify) &&
            action.fact_token < f.bindings.size() &&
            f.bindings[action.fact_token].fact != rete::no_fact) {
            memory_->doom(f.bindings[action.fact_token].fact);
        }
    }
    current_rule_ = activation.rule;
    firing_serial_ = activation.serial;
    firing_token_gone_ = false;
    if (tracer_ != nullptr) {
        tracer_->rule_fired(
            FiringEvent{firings_, activation.rule, rule.name, agenda::as_span(activation.facts)});
    }
    std::optional<Diagnostic> error;
    for (const auto& action : rule.actions) {
        error = execute(f, action);
        if (!error && pending_error_) {
            error = std::move(pending_error_);
            pending_error_.reset();
        }
        if (error) {
            break;  // `halt` does not break: spec "stop after this firing"
        }
    }
    memory_->clear_doomed();
    current_rule_.reset();
    firing_serial_ = 0;
    f.bindings.clear();  // its values (lists) are released; the capacity serves the next firing
    spare_bindings_ = std::move(f.bindings);
    return error;
}

std::optional<Diagnostic> Session::execute(Firing& f, const ir::Action& action) {
    std::optional<rete::EvalError> error;
    const auto eval = [&](const ir::Expr& e) { return rete::evaluate(e, f.frame, error); };
    const auto failed = [&]() -> std::optional<Diagnostic> {
        return runtime_error(f, error->code, error->span, error->message);
    };
    const auto fact_at = [&](ir::TokenIndex pos) -> std::uint32_t {
        return pos < f.bindings.size() ? rete::index(f.bindings[pos].fact) : 0;
    };
    switch (action.kind) {
        case ir::ActionKind::Assert:
        case ir::ActionKind::Derive: {
            const ir::Template& tmpl = program_.templates[action.template_index];
            std::vector<Value>& slots = slot_buffer_;  // its storage is reused (FactTable::add)
            slots.assign(tmpl.slots.size(), Value());
            for (std::size_t i = 0; i < tmpl.slots.size(); ++i) {
                if (tmpl.slots[i].default_value) {
                    slots[i] = *tmpl.slots[i].default_value;
                }
            }
            for (const auto& sv : action.slots) {
                Value v = eval(sv.value);
                if (error) {
                    return failed();
                }
                slots[sv.slot] = coerce(tmpl.slots[sv.slot], std::move(v));
            }
            Meta meta;
            meta.origin.rule = f.activation.rule;
            meta.origin.firing = firings_;
            if (action.kind == ir::ActionKind::Derive) {
                if (firing_token_gone_) {
                    return std::nullopt;  // its match is already gone: nothing to support
                }
                assert_internal(action.template_index, std::move(slots), std::move(meta),
                                f.activation.serial);
            } else {
                assert_internal(action.template_index, std::move(slots), std::move(meta),
                                std::nullopt);
            }
            return std::nullopt;
        }
        case ir::ActionKind::Retract: {
            const std::uint32_t id = fact_at(action.fact_token);
            if (id == 0 || !memory_->facts().live(rete::make_id<rete::FactId>(id))) {
                return runtime_error(f, DiagCode::E0904, action.span,
                                     fmt::format("retract of fact {} which is no longer in "
                                                 "working memory",
                                                 id));
            }
            retract_internal(id);
            return std::nullopt;
        }
        case ir::ActionKind::Modify: {
            const std::uint32_t id = fact_at(action.fact_token);
            const auto fid = rete::make_id<rete::FactId>(id);
            if (id == 0 || !memory_->facts().live(fid)) {
                return runtime_error(f, DiagCode::E0904, action.span,
                                     fmt::format("modify of fact {} which is no longer in "
                                                 "working memory",
                                                 id));
            }
            const rete::Fact& old = memory_->facts().get(fid);
            const ir::Template& tmpl = program_.templates[old.template_index];
            std::vector<Value>& slots = slot_buffer_;  // its storage is reused (FactTable::add)
            slots.assign(old.slots.begin(), old.slots.end());
            Meta meta;
            meta.origin.rule = f.activation.rule;
            meta.origin.firing = firings_;
            meta.provenance = meta_[memory_->facts().record_index(fid)].provenance;
            for (const auto& sv : action.slots) {
                Value v = eval(sv.value);
                if (error) {
                    return failed();
                }
                slots[sv.slot] = coerce(tmpl.slots[sv.slot], std::move(v));
                if (sv.slot < meta.provenance.size()) {
                    meta.provenance[sv.slot].reset();
                }
            }
            const ir::TemplateIndex t = old.template_index;
            retract_internal(id);
            assert_internal(t, std::move(slots), std::move(meta), std::nullopt);
            return std::nullopt;
        }
        case ir::ActionKind::Recommend: {
            const Value subject = eval(action.subject);
            const Value cf = action.confidence ? eval(*action.confidence) : Value::number(1.0);
            const Value because = action.because ? eval(*action.because) : Value::string("");
            if (error) {
                return failed();
            }
            if (!cf.is_numeric() || !(cf.as_number() > 0.0 && cf.as_number() <= 1.0)) {
                const SourceSpan span = action.confidence ? action.confidence->span : action.span;
                return runtime_error(
                    f, DiagCode::E0906, span,
                    fmt::format("confidence {} is outside (0, 1]", cf.to_string()));
            }
            if (firing_token_gone_) {
                return std::nullopt;
            }
            const std::size_t r = tms_.recommendation(action.recommendation, text_of(subject));
            SupportRecord record{f.activation.rule,
                                 cf.as_number(),
                                 text_of(because),
                                 {f.activation.facts.begin(), f.activation.facts.end()},
                                 firings_};
            tms_.recs[r].supports.push_back({f.activation.serial, record});
            tms_.by_token[f.activation.serial].recommendations.push_back(r);
            refresh_recommendation(r);
            if (tracer_ != nullptr) {
                SupportEvent e;
                e.kind = SupportEvent::Kind::Recommendation;
                e.recommendation = program_.recommendations[action.recommendation].id;
                e.subject = tms_.recs[r].subject;
                e.rule = f.rule.name;
                e.firing = firings_;
                e.confidence = record.confidence;
                e.combined = tms_.recs[r].confidence;
                e.facts = agenda::as_span(f.activation.facts);
                tracer_->support_added(e);
            }
            return std::nullopt;
        }
        case ir::ActionKind::Bind: {
            Value v = eval(action.value);
            if (error) {
                return failed();
            }
            if (action.local >= f.locals.size()) {
                f.locals.resize(action.local + 1U);
            }
            f.locals[action.local] = std::move(v);
            return std::nullopt;
        }
        case ir::ActionKind::Print: {
            const Value v = eval(action.value);
            if (error) {
                return failed();
            }
            output_.push_back(text_of(v));
            return std::nullopt;
        }
        case ir::ActionKind::Log: {
            const Value v = eval(action.value);
            if (error) {
                return failed();
            }
            if (observer_ != nullptr) {
                const std::string text = text_of(v);
                observer_->log_record(
                    LogEvent{static_cast<LogLevel>(action.level), text, f.rule.name, firings_});
            }
            return std::nullopt;
        }
        case ir::ActionKind::Halt:
            current_rule_halted_ = true;
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace maslahat::runtime
