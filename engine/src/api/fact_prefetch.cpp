#include "api/fact_prefetch.hpp"

#include "api/source_loader.hpp"
#include "maslahat/diagnostics.hpp"
#include "maslahat/source.hpp"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <utility>

namespace maslahat::api {
namespace {

/// One small fact file read into its own sources and parsed; null when it is unreadable or
/// would give any diagnostic.
std::shared_ptr<facts::ReadyFactFile> parse_one(const std::string& path, std::size_t max_bytes) {
    SourceManager own;
    DiagnosticSink ignored;
    const auto file = read_source(own, path, ignored, max_bytes);
    return file ? facts::parse_fact_file_ahead(own, *file) : nullptr;
}

/// Keeps the files small enough to be parsed whole (a large one is loaded in pieces, never
/// whole; one whose size cannot be read is left to load_facts), largest first: whoever is
/// left parsing the last file when load_facts needs them all then has a small one.
void small_files_largest_first(std::vector<std::string>& files) {
    std::vector<std::pair<std::uintmax_t, std::string>> sized;
    sized.reserve(files.size());
    for (std::string& f : files) {
        std::error_code ec;
        const std::uintmax_t size = std::filesystem::file_size(f, ec);
        if (!ec && size <= facts::largest_whole_fact_file) {
            sized.emplace_back(size, std::move(f));
        }
    }
    std::stable_sort(sized.begin(), sized.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    files.clear();
    for (auto& [size, f] : sized) {
        files.push_back(std::move(f));
    }
}

}  // namespace

FactPrefetch::FactPrefetch(std::vector<std::string> paths, std::size_t max_bytes, bool start_thread)
    : paths_(std::move(paths)), max_bytes_(max_bytes) {
    if (start_thread) {
        thread_ = std::thread([this] {
            list();
            parse_claimed();
        });
    }
}

void FactPrefetch::list() {
    std::vector<std::string> files;
    try {
        DiagnosticSink ignored;  // load_facts expands the paths again and reports
        files = expand_paths(paths_, ".toml", ignored);
        small_files_largest_first(files);
    } catch (...) {
        files.clear();  // (out of memory): load_facts does everything itself
    }
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        parsed_.resize(files.size());
        files_ = std::move(files);
        listed_ = true;
    }
    expanded_.notify_all();
}

FactPrefetch::~FactPrefetch() {
    next_.store(std::numeric_limits<std::size_t>::max() / 2);  // no file is started any more
    if (thread_.joinable()) {
        thread_.join();
    }
}

void FactPrefetch::parse_claimed() {
    for (;;) {
        const std::size_t i = next_.fetch_add(1);
        if (i >= files_.size()) {
            return;
        }
        try {
            parsed_[i] = parse_one(files_[i], max_bytes_);
        } catch (...) {
            parsed_[i] = nullptr;  // load_facts parses it
        }
    }
}

std::vector<std::shared_ptr<facts::ReadyFactFile>> FactPrefetch::take() {
    if (thread_.joinable()) {
        std::unique_lock<std::mutex> lock(mutex_);
        expanded_.wait(lock, [&] { return listed_; });
    } else if (!listed_) {
        list();
    }
    parse_claimed();  // the files the thread has not started: here rather than waiting
    if (thread_.joinable()) {
        thread_.join();
    }
    return std::move(parsed_);
}

}  // namespace maslahat::api
