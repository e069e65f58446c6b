#include "dsl/big_stack.hpp"

#include <pthread.h>

namespace maslahat::dsl::detail {
namespace {

struct Call {
    void (*fn)(void*);
    void* arg;
};

void* trampoline(void* p) {
    auto* call = static_cast<Call*>(p);
    call->fn(call->arg);
    return nullptr;
}

}  // namespace

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

}  // namespace maslahat::dsl::detail
