#include "dsl/big_stack.hpp"

#include <atomic>
#include <cstdint>
#include <pthread.h>

namespace maslahat::dsl::detail {
namespace {

// Measured with tests/unit/dsl/stack_depth_test.cpp (see docs/reliability.md): the worst
// shape costs at most ~NN KB per level at clang -O0 + ASan; twice that is budgeted.
constexpr std::size_t base_bytes = std::size_t{512} << 10;
constexpr std::size_t bytes_per_level = std::size_t{64} << 10;

std::atomic<std::size_t> threads_started{0};

struct Call {
    void (*fn)(void*);
    void* arg;
};

void* trampoline(void* p) {
    auto* call = static_cast<Call*>(p);
    call->fn(call->arg);
    return nullptr;
}

// The lowest usable address of the current thread's stack, or 0 when it cannot be known.
std::uintptr_t stack_low_end() {
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) {
        return 0;
    }
    void* addr = nullptr;
    std::size_t size = 0;
    const bool ok = pthread_attr_getstack(&attr, &addr, &size) == 0;
    pthread_attr_destroy(&attr);
    return ok ? reinterpret_cast<std::uintptr_t>(addr) : 0;
}

}  // namespace

std::size_t parser_stack_needed(std::uint32_t depth) {
    return base_bytes + std::size_t{depth} * bytes_per_level;
}

std::size_t stack_left() {
    thread_local const std::uintptr_t low = stack_low_end();  // one system call per thread
    const auto here = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
    return low != 0 && here > low ? here - low : 0;
}

void run_on_stack(std::size_t stack_bytes, void (*fn)(void*), void* arg) {
    Call call{fn, arg};
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0) {
        fn(arg);
        return;
    }
    pthread_t thread{};
    const bool started = pthread_attr_setstacksize(&attr, stack_bytes) == 0 &&
                         pthread_create(&thread, &attr, &trampoline, &call) == 0;
    pthread_attr_destroy(&attr);
    if (!started) {
        fn(arg);
        return;
    }
    pthread_join(thread, nullptr);
}

void run_with_stack(std::size_t needed, void (*fn)(void*), void* arg) {
    if (stack_left() >= needed) {
        fn(arg);
        return;
    }
    threads_started.fetch_add(1, std::memory_order_relaxed);
    run_on_stack(parser_stack_bytes, fn, arg);
}

std::size_t parser_threads_started() {
    return threads_started.load(std::memory_order_relaxed);
}

}  // namespace maslahat::dsl::detail
