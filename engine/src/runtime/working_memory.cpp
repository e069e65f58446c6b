// Session: asserting and retracting facts, duplicate detection, and truth maintenance —
// withdrawn supports retract derived facts (cascading) and recompute recommendations.
#include "runtime/session.hpp"

#include <fmt/format.h>

namespace maslahat::runtime {

FactEvent Session::fact_event(std::uint32_t id) const {
    const auto& f = memory_->facts().get(rete::make_id<rete::FactId>(id));
    FactEvent e;
    e.id = id;
    e.template_index = f.template_index;
    e.template_name = program_.templates[f.template_index].name;
    e.slots = f.slots;
    e.firing = current_rule_ ? firings_ : 0;
    return e;
}

std::uint32_t Session::assert_internal(ir::TemplateIndex t, std::vector<Value>&& slots, Meta meta,
                                       std::optional<std::uint64_t> logical_serial) {
    memory_->start();
    const std::size_t hash = rete::FactTable::content_hash(t, slots);  // once for both uses
    const rete::FactId existing = memory_->facts().find_equal(t, slots, hash);
    if (existing != rete::no_fact) {
        const std::uint32_t id = rete::index(existing);
        if (logical_serial) {
            // an unconditional fact stays unconditional; a derived one gains a support
            if (auto it = tms_.derived_count.find(id); it != tms_.derived_count.end()) {
                ++it->second;
                tms_.by_token[*logical_serial].derived.push_back(id);
            }
        } else {
            tms_.derived_count.erase(id);  // asserted: now unconditional (CLIPS)
        }
        return 0;
    }
    const auto id = static_cast<std::uint32_t>(memory_->facts().end_id());
    if (logical_serial) {
        tms_.derived_count[id] = 1;
        tms_.by_token[*logical_serial].derived.push_back(id);
    }
    ++clock_;
    if (tracer_ != nullptr) {
        // announced before it is matched, so traces read like CLIPS: fact, then activations
        FactEvent e;
        e.id = id;
        e.template_index = t;
        e.template_name = program_.templates[t].name;
        e.slots = slots;
        e.firing = current_rule_ ? firings_ : 0;
        tracer_->fact_asserted(e);
    }
    const rete::FactId fid = memory_->assert_fact(t, std::move(slots), hash);
    const std::uint32_t record = memory_->facts().record_index(fid);
    meta_.grow_to(std::size_t{record} + 1);
    meta_[record] = std::move(meta);
    if (tracer_ != nullptr) {
        if (logical_serial) {
            SupportEvent e;
            e.kind = SupportEvent::Kind::Fact;
            e.fact_id = id;
            e.rule = current_rule_ ? std::string_view(program_.rules[*current_rule_].name) : "";
            e.firing = firings_;
            tracer_->support_added(e);
        }
    }
    after_change();
    return id;
}

void Session::retract_internal(std::uint32_t id) {
    const auto fid = rete::make_id<rete::FactId>(id);
    if (!memory_->facts().live(fid)) {
        return;
    }
    ++clock_;
    if (tracer_ != nullptr) {
        tracer_->fact_retracted(fact_event(id));
    }
    memory_->retract_fact(fid);
    tms_.derived_count.erase(id);
    after_change();
}

void Session::after_change() {
    if (auto e = memory_->take_error(); e && !pending_error_) {
        const ir::Rule& r = program_.rules[e->rule];
        Diagnostic d;
        d.code = e->error.code;
        d.span = e->error.span;
        d.message = fmt::format("{} while matching rule '{}'", e->error.message, r.name);
        pending_error_ = std::move(d);
    }
    process_pending();
}

void Session::process_pending() {
    if (processing_) {
        return;
    }
    processing_ = true;
    while (!tms_.pending.empty()) {
        auto [serial, supports] = std::move(tms_.pending.front());
        tms_.pending.pop_front();
        for (const std::uint32_t f : supports.derived) {
            auto it = tms_.derived_count.find(f);
            if (it == tms_.derived_count.end()) {
                continue;  // made unconditional or already retracted
            }
            if (tracer_ != nullptr) {
                SupportEvent e;
                e.kind = SupportEvent::Kind::Fact;
                e.fact_id = f;
                tracer_->support_withdrawn(e);
            }
            if (--it->second == 0) {
                tms_.derived_count.erase(it);
                retract_internal(f);
            }
        }
        for (const std::size_t r : supports.recommendations) {
            auto& st = tms_.recs[r];
            for (auto it = st.supports.begin(); it != st.supports.end();) {
                if (it->serial != serial) {
                    ++it;
                    continue;
                }
                const SupportRecord record = it->record;
                it = st.supports.erase(it);
                refresh_recommendation(r);
                if (tracer_ != nullptr) {
                    SupportEvent e;
                    e.kind = SupportEvent::Kind::Recommendation;
                    e.recommendation = program_.recommendations[st.id].id;
                    e.subject = tms_.recs[r].subject;
                    e.rule = program_.rules[record.rule].name;
                    e.firing = record.firing;
                    e.confidence = record.confidence;
                    e.combined = tms_.recs[r].confidence;
                    e.facts = record.facts;
                    tracer_->support_withdrawn(e);
                }
            }
        }
    }
    processing_ = false;
}

void Session::refresh_recommendation(std::size_t r) {
    std::vector<double> cfs;
    std::uint32_t rule = 0;
    std::uint64_t firing = 0;
    {
        const auto& st = tms_.recs[r];
        for (const auto& s : st.supports) {
            cfs.push_back(s.record.confidence);
            rule = s.record.rule;
            firing = s.record.firing;
        }
    }
    const double cf = cfs.empty() ? 0.0 : combine_confidence(cfs);
    const std::uint32_t old_fact = tms_.recs[r].fact;
    const bool old_live =
        old_fact != 0 && memory_->facts().live(rete::make_id<rete::FactId>(old_fact));
    if (old_live && !cfs.empty() && cf == tms_.recs[r].confidence) {
        return;
    }
    tms_.recs[r].confidence = cf;
    tms_.recs[r].fact = 0;
    if (old_live) {
        retract_internal(old_fact);
    }
    if (cfs.empty()) {
        return;
    }
    const ir::Template& tmpl = program_.templates[ir::Program::recommended_template];
    std::vector<Value> slots(tmpl.slots.size());
    const auto put = [&](std::string_view name, Value v) {
        if (auto i = tmpl.slot_index(name)) {
            slots[*i] = std::move(v);
        }
    };
    put("id", Value::symbol(program_.recommendations[tms_.recs[r].id].id));
    put("subject", Value::string(tms_.recs[r].subject));
    put("confidence", Value::number(cf));
    Meta meta;
    meta.origin.rule = current_rule_ ? *current_rule_ : rule;
    meta.origin.firing = current_rule_ ? firings_ : firing;
    const std::uint32_t id = assert_internal(ir::Program::recommended_template, std::move(slots),
                                             std::move(meta), std::nullopt);
    tms_.recs[r].fact = id;
}

}  // namespace maslahat::runtime
