// The parser's stack budget (dsl/big_stack): inputs at the deepest nesting the preflight allows
// (256) parse on a thread whose stack is only parser_stack_needed(256) plus slack, without
// starting the 256 MB fallback thread; a budget that is too small crashes this test. Also
// prints the stack used per nesting level of each shape (the figure in docs/reliability.md).
#include "dsl/big_stack.hpp"
#include "dsl/preflight.hpp"
#include "support/catch.hpp"
#include "unit/dsl/dsl_test_support.hpp"

#include <cstring>
#include <functional>
#include <pthread.h>
#include <string>
#include <sys/mman.h>

using namespace maslahat::dsl;

namespace {

constexpr unsigned char paint = 0xA5;
constexpr std::size_t guard_bytes = 64 << 10;
constexpr std::size_t slack_bytes = 1 << 20;  // thread-local storage and this test's frames

struct StackRun {
    std::size_t used = 0;  ///< bytes of the stack written (painted bytes that changed)
    bool ran = false;
};

// Runs `fn` on a thread whose stack is `bytes` long (plus a PROT_NONE guard below it, so an
// overflow faults) and measures how much of the stack it wrote.
StackRun run_measured(std::size_t bytes, const std::function<void()>& fn) {
    StackRun result;
    void* map = mmap(nullptr, bytes + guard_bytes, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(map != MAP_FAILED);
    auto* base = static_cast<unsigned char*>(map);
    REQUIRE(mprotect(base, guard_bytes, PROT_NONE) == 0);
    unsigned char* stack = base + guard_bytes;
    std::memset(stack, paint, bytes);
    pthread_attr_t attr;
    REQUIRE(pthread_attr_init(&attr) == 0);
    REQUIRE(pthread_attr_setstack(&attr, stack, bytes) == 0);
    struct Job {
        const std::function<void()>* fn;
    } job{&fn};
    pthread_t thread{};
    const int rc = pthread_create(
        &thread, &attr,
        [](void* p) -> void* {
            (*static_cast<Job*>(p)->fn)();
            return nullptr;
        },
        &job);
    pthread_attr_destroy(&attr);
    REQUIRE(rc == 0);
    pthread_join(thread, nullptr);
    std::size_t untouched = 0;
    while (untouched < bytes && stack[untouched] == paint) {
        ++untouched;
    }
    result.used = bytes - untouched;
    result.ran = true;
    munmap(map, bytes + guard_bytes);
    return result;
}

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += s;
    }
    return out;
}

struct Shape {
    const char* name;
    std::string text;
};

// Each shape nests exactly to the preflight's limit (a pattern's own parenthesis counts too).
std::vector<Shape> deepest_shapes() {
    constexpr std::size_t n = detail::max_nesting_depth;
    const std::string head = "template x { a: int }\nrule r when x(a: ?v)\n    ";
    const std::string tail = "\nthen\n    print \"x\"\nend\n";
    return {
        {"parentheses",
         head + "test " + std::string(n, '(') + "?v > 1" + std::string(n, ')') + tail},
        {"unary minus", head + "test ?v > " + repeat("- ", n) + "1" + tail},
        {"not operator", head + "test " + repeat("not ", n) + "true" + tail},
        {"minus before parenthesis",
         head + "test ?v > " + repeat("-(", n / 2) + "1" + std::string(n / 2, ')') + tail},
        {"list literals", head + "test ?v in " + std::string(n, '[') + std::string(n, ']') + tail},
        {"call arguments",
         head + "test ?v > " + repeat("abs(", n) + "1" + std::string(n, ')') + tail},
        {"exists groups",
         head + repeat("exists { ", n - 1) + "x(a: 5)" + repeat(" }", n - 1) + tail},
        {"not/exists groups",
         head + repeat("not { exists { ", n / 3) + "x(a: 5)" + repeat(" } }", n / 3) + tail},
        {"slot constraint",
         head + "x(a: " + std::string(n - 1, '(') + "1" + std::string(n - 1, ')') + ")" + tail},
        {"assert action", "template x { a: int }\nrule r when x(a: ?v)\nthen\n    assert x(a: " +
                              std::string(n - 1, '(') + "1" + std::string(n - 1, ')') + ")\nend\n"},
    };
}

}  // namespace

TEST_CASE("the deepest inputs parse within parser_stack_needed on the caller's thread",
          "[dsl][stack]") {
    const std::size_t budget = detail::parser_stack_needed(detail::max_nesting_depth);
    for (const auto& shape : deepest_shapes()) {
        INFO(shape.name);
        const auto threads_before = detail::parser_threads_started();
        test::Parsed parsed;
        std::optional<detail::Preflight> checked;
        const auto run = run_measured(budget + slack_bytes, [&] {
            parsed.file = parsed.sources.add("deep.rules", shape.text);
            maslahat::DiagnosticSink probe;
            checked = detail::preflight(parsed.sources.text(parsed.file), parsed.file, probe);
            parsed.ast = parse_file(parsed.sources, parsed.file, parsed.sink);
        });
        REQUIRE(run.ran);
        REQUIRE(checked);
        CHECK(checked->depth >= detail::max_nesting_depth - 2);
        CHECK(parsed.ast);
        CHECK(detail::parser_threads_started() == threads_before);  // ran inline
        WARN(shape.name << ": depth " << checked->depth << ", " << run.used / 1024
                        << " KiB of stack, " << run.used / std::max<std::size_t>(1, checked->depth)
                        << " bytes per level (budget " << budget / 1024 << " KiB)");
    }
}

TEST_CASE("a thread without enough stack left hands the parse to the big-stack thread",
          "[dsl][stack]") {
    const auto threads_before = detail::parser_threads_started();
    const auto shapes = deepest_shapes();
    test::Parsed parsed;
    run_measured(256 << 10, [&] {  // 256 KiB: far less than the budget for depth 256
        parsed.file = parsed.sources.add("deep.rules", shapes[0].text);
        parsed.ast = parse_file(parsed.sources, parsed.file, parsed.sink);
    });
    CHECK(parsed.ast);
    CHECK(parsed.sink.empty());
    CHECK(detail::parser_threads_started() == threads_before + 1);
}

TEST_CASE("a shallow file parses on the caller's thread", "[dsl][stack]") {
    const auto threads_before = detail::parser_threads_started();
    auto p =
        test::parse("template x { a: int }\nrule r when x(a: ?v)\nthen\n    print \"x\"\nend\n");
    CHECK(p.ast);
    CHECK(detail::stack_left() > 0);
    CHECK(detail::parser_threads_started() == threads_before);
}
