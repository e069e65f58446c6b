// Runs a function on a thread with a large stack. X3 recurses once per nesting level of the
// input and debug/sanitizer builds use several KB of stack per level, so the parser runs on a
// 256 MB stack (reserved, touched only as used) and the preflight depth limit stays safe.
#pragma once

#include <cstddef>
#include <exception>
#include <utility>

namespace maslahat::dsl::detail {

inline constexpr std::size_t parser_stack_bytes = std::size_t{256} << 20;

/// Calls fn(arg) on a new thread with `stack_bytes` of stack and waits for it; calls it on the
/// current thread when no thread can be created.
void run_on_stack(std::size_t stack_bytes, void (*fn)(void*), void* arg);

/// Convenience wrapper: runs `f()` via run_on_stack, rethrowing any exception it throws.
template <typename F>
void run_with_big_stack(F&& f) {
    struct Job {
        F* f;
        std::exception_ptr error;
    } job{&f, nullptr};
    run_on_stack(
        parser_stack_bytes,
        [](void* p) {
            auto* j = static_cast<Job*>(p);
            try {
                (*j->f)();
            } catch (...) {
                j->error = std::current_exception();
            }
        },
        &job);
    if (job.error) {
        std::rethrow_exception(job.error);
    }
}

}  // namespace maslahat::dsl::detail
