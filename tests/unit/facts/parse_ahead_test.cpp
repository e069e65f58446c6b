// parse_ahead (support/parse_ahead.hpp): steps produced on two threads are consumed in index
// order, a failed step stops everything after it, memory is bounded by the window; and a
// large file whose pieces mix templates loads in file order, like a whole-file load.
#include "support/parse_ahead.hpp"

#include "fact_schema.hpp"
#include "facts/toml_chunks.hpp"
#include "support/catch.hpp"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace maslahat;
using namespace maslahat::facts;
using maslahat::support::parse_ahead;
using namespace maslahat::facts::testing;

namespace {

/// Uneven work so that the two threads finish steps out of order.
void busy(std::size_t i) {
    std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 13 * 50));
}

}  // namespace

TEST_CASE("parse_ahead consumes every step in order", "[facts][parse_ahead]") {
    for (const std::size_t n : {0U, 1U, 2U, 3U, 50U}) {
        std::vector<std::size_t> order;
        const bool ok = parse_ahead<std::string>(
            n, 3,
            [](std::size_t i) {
                busy(i);
                return std::optional<std::string>(std::to_string(i * i));
            },
            [&](std::size_t i, std::string&& value) {
                CHECK(value == std::to_string(i * i));
                order.push_back(i);
                return true;
            });
        CHECK(ok);
        REQUIRE(order.size() == n);
        for (std::size_t i = 0; i < n; ++i) {
            CHECK(order[i] == i);
        }
    }
}

TEST_CASE("parse_ahead uses a second thread", "[facts][parse_ahead]") {
    std::atomic<int> main_thread{0};
    std::atomic<int> other_thread{0};
    const auto self = std::this_thread::get_id();
    const bool ok = parse_ahead<int>(
        40, 4,
        [&](std::size_t i) {
            (std::this_thread::get_id() == self ? main_thread : other_thread)++;
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            return std::optional<int>(static_cast<int>(i));
        },
        [&](std::size_t, int&&) {
            CHECK(std::this_thread::get_id() == self);  // consume only on the caller's thread
            return true;
        });
    CHECK(ok);
    CHECK(main_thread + other_thread == 40);
    CHECK(other_thread > 0);
}

TEST_CASE("parse_ahead keeps at most `window` steps waiting", "[facts][parse_ahead]") {
    std::atomic<std::size_t> produced{0};
    std::size_t consumed = 0;
    std::size_t most_waiting = 0;
    const bool ok = parse_ahead<int>(
        60, 2,
        [&](std::size_t) {
            ++produced;
            return std::optional<int>(1);
        },
        [&](std::size_t, int&&) {
            std::this_thread::sleep_for(std::chrono::microseconds(200));  // a slow consumer
            ++consumed;
            most_waiting = std::max(most_waiting, produced.load() - consumed);
            return true;
        });
    CHECK(ok);
    CHECK(consumed == 60);
    // the step being consumed was claimed within the window; up to `window` more may run
    CHECK(most_waiting <= 2);
}

TEST_CASE("parse_ahead stops at the first failed step", "[facts][parse_ahead]") {
    SECTION("produce fails") {
        std::vector<std::size_t> order;
        const bool ok = parse_ahead<int>(
            30, 3,
            [](std::size_t i) {
                busy(i);
                return i == 7 ? std::nullopt : std::optional<int>(static_cast<int>(i));
            },
            [&](std::size_t i, int&&) {
                order.push_back(i);
                return true;
            });
        CHECK_FALSE(ok);
        CHECK(order == std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6});
    }
    SECTION("produce throws") {
        std::size_t consumed = 0;
        const bool ok = parse_ahead<int>(
            30, 3,
            [](std::size_t i) -> std::optional<int> {
                if (i == 4) {
                    throw std::runtime_error("broken piece");
                }
                return static_cast<int>(i);
            },
            [&](std::size_t, int&&) { return ++consumed, true; });
        CHECK_FALSE(ok);
        CHECK(consumed == 4);
    }
    SECTION("consume refuses") {
        std::size_t consumed = 0;
        const bool ok = parse_ahead<int>(
            30, 3, [](std::size_t i) { return std::optional<int>(static_cast<int>(i)); },
            [&](std::size_t i, int&&) {
                ++consumed;
                return i != 10;
            });
        CHECK_FALSE(ok);
        CHECK(consumed == 11);
    }
    SECTION("consume throws: the helper thread is joined, the exception passes") {
        CHECK_THROWS_AS(parse_ahead<int>(
                            30, 3, [](std::size_t i) { return std::optional<int>(int(i)); },
                            [](std::size_t i, int&&) -> bool {
                                if (i == 5) {
                                    throw std::runtime_error("consumer failed");
                                }
                                return true;
                            }),
                        std::runtime_error);
    }
}

TEST_CASE("a large file whose pieces mix templates loads in file order", "[facts][chunks]") {
    // indicators and agreements alternate: toml++ groups each piece's tables by template, the
    // loader puts them back in file order piece by piece
    std::string text;
    for (int i = 0; i < 6000; ++i) {
        text += "[[indicator]]\nname = \"i" + std::to_string(i) +
                "\"\nvalue = " + std::to_string(i) + "\n\n[[agreement]]\ncountry = \"c" +
                std::to_string(i) + "\"\npartner = \"p\"\nkind = \"visa\"\n\n";
    }
    REQUIRE(text.size() > 256 * 1024);
    REQUIRE(split_toml(text, 64 * 1024).size() > 4);
    const auto r = load(text);
    INFO(r.diagnostics);
    REQUIRE(r.ok);
    REQUIRE(r.facts.size() == 12000);
    for (std::size_t i = 0; i < r.facts.size(); ++i) {
        CHECK(r.facts[i].template_index == (i % 2 == 0 ? indicator : agreement));
        if (i > 0) {
            CHECK(r.facts[i - 1].span->begin < r.facts[i].span->begin);
        }
    }
    CHECK(r.facts[9000].slots[1].as_number() == 4500);
}

TEST_CASE("a syntax error in an early piece is reported as in a whole-file load",
          "[facts][chunks]") {
    // the pieces after the broken one parse (possibly already, on the other thread), but the
    // file is then parsed whole: one diagnostic, at its place in the file
    std::string text;
    for (int i = 0; i < 12000; ++i) {
        text += "[[indicator]]\nname = \"i" + std::to_string(i) +
                "\"\nvalue = " + (i == 300 ? std::string("= 1") : std::to_string(i)) + "\n\n";
    }
    const auto r = load(text);
    CHECK_FALSE(r.ok);
    CHECK(r.errors == 1);
    CHECK(r.facts.empty());
    CHECK(r.diagnostics.find("facts/test.toml:1203:") != std::string::npos);
}

TEST_CASE("too deep nesting in a large file is reported once, before any parsing",
          "[facts][chunks]") {
    // the nesting check runs on a second thread while the file is cut into pieces
    std::string text;
    for (int i = 0; i < 12000; ++i) {
        text += "[[indicator]]\nname = \"i" + std::to_string(i) + "\"\nvalue = 1\n\n";
    }
    text += "[[indicator]]\nname = \"deep\"\nvalue = 1\nshare = " + std::string(300, '[') +
            std::string(300, ']') + "\n";
    const auto r = load(text);
    CHECK_FALSE(r.ok);
    CHECK(r.errors == 1);
    CHECK(r.facts.empty());
    CHECK(r.diagnostics.find("facts/test.toml:48004:") != std::string::npos);
    CHECK(r.diagnostics.find("nesting too deep") != std::string::npos);
}
