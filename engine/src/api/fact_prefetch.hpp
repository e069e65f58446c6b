// Fact files read and parsed ahead of Engine::load_facts (Engine::prefetch_facts): a thread
// takes the small files one by one while the rules are compiled; when load_facts needs them,
// the calling thread parses the files the thread has not started instead of waiting for it.
// Everything works on copies (own sources, no diagnostics): load_facts reads the files again
// and uses a parsed document only for the same path and text (facts::match_ready_files).
#pragma once

#include "facts/load_facts.hpp"

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace maslahat::api {

class FactPrefetch {
public:
    /// Starts the thread (throws std::system_error when there is none to start); without
    /// `start_thread`, take() does all the work (tests use it: the same results).
    FactPrefetch(std::vector<std::string> paths, std::size_t max_bytes, bool start_thread = true);
    FactPrefetch(const FactPrefetch&) = delete;
    FactPrefetch& operator=(const FactPrefetch&) = delete;
    ~FactPrefetch();

    /// The parsed files (any order; null entries for files left to load_facts), once all
    /// are parsed: the files no thread has started are parsed on the calling thread.
    std::vector<std::shared_ptr<facts::ReadyFactFile>> take();

private:
    /// Expands the paths to the small fact files to parse (largest first) and publishes them.
    void list();
    /// Parses files by index until none is left to claim.
    void parse_claimed();

    std::vector<std::string> paths_;
    std::size_t max_bytes_;
    std::mutex mutex_;
    std::condition_variable expanded_;
    bool listed_ = false;                                        ///< files_ is final (list() ran)
    std::vector<std::string> files_;                             ///< the small fact files named
    std::vector<std::shared_ptr<facts::ReadyFactFile>> parsed_;  ///< by index of files_
    std::atomic<std::size_t> next_{0};                           ///< first file not claimed
    std::thread thread_;
};

}  // namespace maslahat::api
