// Runs independent, pure `produce(i)` steps (parsing rule files, fact files, pieces of a
// large fact file) on the calling thread and one helper thread, and hands every result to
// `consume(i, result)` on the calling thread strictly in order 0, 1, 2, ... So whatever
// consume does (interning, fact ids, diagnostics) happens in the same order as a sequential
// loop: the result does not depend on thread timing. At most `window` results wait unconsumed,
// which bounds memory.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace maslahat::support {

/// parse_ahead on the calling thread alone: the same calls in the same order, for steps too
/// small to be worth handing to another thread.
template <typename T, typename Produce, typename Consume>
bool produce_in_order(std::size_t n, Produce&& produce, Consume&& consume) {
    for (std::size_t i = 0; i < n; ++i) {
        std::optional<T> value;
        try {
            value = produce(i);
        } catch (...) {
            return false;  // as a failed step of parse_ahead
        }
        if (!value || !consume(i, std::move(*value))) {
            return false;
        }
    }
    return true;
}

/// Calls produce(i) -> std::optional<T> for i in [0, n) on up to two threads and
/// consume(i, T&&) -> bool in index order on the calling thread. Stops at the first produce
/// that returns nullopt (or throws) or consume that returns false, and returns false then;
/// steps after it may have been produced but are never consumed. `produce` must not touch
/// state shared with other steps or with `consume`. n < 2 runs on the calling thread only.
template <typename T, typename Produce, typename Consume>
bool parse_ahead(std::size_t n, std::size_t window, Produce&& produce, Consume&& consume) {
    if (window == 0) {
        window = 1;
    }
    if (n < 2) {
        return produce_in_order<T>(n, produce, consume);
    }
    struct Slot {
        bool ready = false;
        std::optional<T> value;
    };
    std::vector<Slot> slots(n);
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t next = 0;      // first step nobody has claimed
    std::size_t consumed = 0;  // steps handed to consume
    bool stop = false;

    // Claims and produces one step; the lock is held on entry and on return.
    const auto produce_one = [&](std::unique_lock<std::mutex>& lock) {
        const std::size_t i = next++;
        lock.unlock();
        std::optional<T> value;
        try {
            value = produce(i);
        } catch (...) {
            value.reset();  // a failed step: the caller falls back (and may see it again)
        }
        lock.lock();
        slots[i].value = std::move(value);
        slots[i].ready = true;
        changed.notify_all();
    };
    const auto may_claim = [&] { return !stop && next < n && next < consumed + window; };

    std::thread helper([&] {
        std::unique_lock<std::mutex> lock(mutex);
        while (!stop && next < n) {
            if (may_claim()) {
                produce_one(lock);
            } else {
                changed.wait(lock);
            }
        }
    });
    // stops and joins the helper however this function is left (consume may throw)
    struct Joiner {
        std::mutex& mutex;
        std::condition_variable& changed;
        bool& stop;
        std::thread& helper;
        ~Joiner() {
            {
                const std::lock_guard<std::mutex> lock(mutex);
                stop = true;
            }
            changed.notify_all();
            helper.join();
        }
    } joiner{mutex, changed, stop, helper};

    bool ok = true;
    for (std::size_t k = 0; k < n && ok; ++k) {
        std::optional<T> value;
        {
            std::unique_lock<std::mutex> lock(mutex);
            while (!slots[k].ready) {
                if (may_claim()) {
                    produce_one(lock);
                } else {
                    changed.wait(lock);
                }
            }
            value = std::move(slots[k].value);
            slots[k].value.reset();
        }
        ok = value.has_value() && consume(k, std::move(*value));
        {
            const std::lock_guard<std::mutex> lock(mutex);
            consumed = k + 1;
            stop = stop || !ok;
        }
        changed.notify_all();
    }
    return ok;
}

}  // namespace maslahat::support
