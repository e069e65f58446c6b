// Gives the X3 parser enough stack. X3 recurses once per nesting level of the input, and
// debug/sanitizer builds use several KB of stack per level. The preflight bounds and measures
// the depth, so the parser runs on the caller's thread when the stack left there covers the
// input's depth (cheap: no thread per file), else on a new thread with a 256 MB stack.
#pragma once

#include <cstddef>
#include <cstdint>
#include <exception>
#include <utility>

namespace maslahat::dsl::detail {

/// The stack of the fallback thread (reserved, touched only as used).
inline constexpr std::size_t parser_stack_bytes = std::size_t{256} << 20;

/// Stack the parser needs for an input nested `depth` levels deep (brackets + prefix
/// operators, as the preflight counts them): a fixed base plus a per-level bound measured on
/// the hungriest build (clang -O0 with ASan + UBSan), with a margin; see docs/reliability.md.
std::size_t parser_stack_needed(std::uint32_t depth);

/// Bytes of stack left below the caller's frame on the current thread; 0 when unknown.
std::size_t stack_left();

/// Calls fn(arg) on a new thread with `stack_bytes` of stack and waits for it; calls it on the
/// current thread when no thread can be created.
void run_on_stack(std::size_t stack_bytes, void (*fn)(void*), void* arg);

/// Calls fn(arg) on the current thread when `needed` bytes of stack are left there, else via
/// run_on_stack(parser_stack_bytes, ...).
void run_with_stack(std::size_t needed, void (*fn)(void*), void* arg);

/// How many times run_with_stack had to start a thread (for tests).
std::size_t parser_threads_started();

/// Runs `f()` via run_with_stack for an input nested `depth` levels deep, rethrowing any
/// exception it throws.
template <typename F>
void run_with_big_stack(std::uint32_t depth, F&& f) {
    struct Job {
        F* f;
        std::exception_ptr error;
    } job{&f, nullptr};
    run_with_stack(
        parser_stack_needed(depth),
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
