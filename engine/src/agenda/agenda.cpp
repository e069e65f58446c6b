#include "agenda/agenda.hpp"

namespace maslahat::agenda {

Agenda::Agenda(Strategy strategy) : order_(ActivationOrder{strategy}) {}

void Agenda::set_strategy(Strategy strategy) {
    if (strategy == this->strategy()) {
        return;
    }
    order_ = Order(ActivationOrder{strategy});
    for (auto& [serial, entry] : by_serial_) {
        entry.position = order_.insert(&entry.activation).first;
    }
}

void Agenda::add(Activation activation) {
    const std::uint64_t serial = activation.serial;
    auto [it, inserted] = by_serial_.try_emplace(serial, Entry{std::move(activation), {}});
    if (inserted) {
        it->second.position = order_.insert(&it->second.activation).first;
    }
}

std::optional<Activation> Agenda::remove(std::uint64_t serial) {
    auto it = by_serial_.find(serial);
    if (it == by_serial_.end()) {
        return std::nullopt;
    }
    order_.erase(it->second.position);
    Activation out = std::move(it->second.activation);
    by_serial_.erase(it);
    return out;
}

std::optional<Activation> Agenda::pop() {
    if (order_.empty()) {
        return std::nullopt;
    }
    return remove((*order_.begin())->serial);
}

const Activation* Agenda::top() const {
    return order_.empty() ? nullptr : *order_.begin();
}

std::vector<const Activation*> Agenda::in_order() const {
    return {order_.begin(), order_.end()};
}

}  // namespace maslahat::agenda
