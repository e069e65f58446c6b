// The process-wide time limit of `--timeout SECONDS` (issue 8): a thread that, when the time is
// up before the command finishes, prints a diagnostic and ends the process with exit 3. A
// report written with -o is renamed into place only at the end, so an old file stays intact.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

namespace maslahat::cli {

class Watchdog {
public:
    /// Starts the clock; `seconds` <= 0 means no limit (no thread). `grace_seconds` is added
    /// so that a limit the engine checks itself is reported by the engine first.
    explicit Watchdog(double seconds, double grace_seconds = 0.5);
    ~Watchdog();
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

private:
    std::mutex mutex_;
    std::condition_variable done_signal_;
    bool done_ = false;
    std::thread thread_;
};

}  // namespace maslahat::cli
