#include "cli/watchdog.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace maslahat::cli {

Watchdog::Watchdog(double seconds, double grace_seconds) {
    if (!(seconds > 0)) {
        return;
    }
    const auto limit = std::chrono::duration<double>(seconds + grace_seconds);
    thread_ = std::thread([this, limit, seconds] {
        std::unique_lock lock(mutex_);
        if (done_signal_.wait_for(lock, limit, [this] { return done_; })) {
            return;
        }
        char text[160];
        const int n =
            std::snprintf(text, sizeof text,
                          "maslahat: error: time limit of %g s reached (--timeout)\n", seconds);
        if (n > 0) {
            (void)!::write(STDERR_FILENO, text, static_cast<std::size_t>(n));
        }
        std::_Exit(3);  // no destructors: other threads may still be running the engine
    });
}

Watchdog::~Watchdog() {
    if (!thread_.joinable()) {
        return;
    }
    {
        const std::lock_guard lock(mutex_);
        done_ = true;
    }
    done_signal_.notify_one();
    thread_.join();
}

}  // namespace maslahat::cli
