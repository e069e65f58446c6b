// FactTable: ids keep growing for the session (spec §5) while the storage of retracted
// facts is reused after reclaim(); equal-content lookup; pages of dead ids are freed.
#include "rete/fact_table.hpp"

#include "support/catch.hpp"
#include "support/reserved_vector.hpp"

#include <memory>
#include <string>

using namespace maslahat;
using namespace maslahat::rete;

namespace {
std::vector<Value> slots(std::int64_t v) {
    return {Value::integer(v)};
}
}  // namespace

TEST_CASE("fact ids grow while records are reused", "[rete][facts]") {
    FactTable table;
    const FactId a = table.add(1, slots(1));
    CHECK(index(a) == 1);
    const std::uint32_t record = table.record_index(a);
    table.kill(a);
    // killed but not reclaimed: still readable, not live, its record not reused yet
    CHECK_FALSE(table.live(a));
    CHECK(table.get(a).slots[0].as_int() == 1);
    const FactId b = table.add(1, slots(2));
    CHECK(index(b) == 2);
    CHECK(table.record_index(b) != record);
    table.reclaim();
    const FactId c = table.add(1, slots(3));
    CHECK(index(c) == 3);
    CHECK(table.record_index(c) == record);  // a's record, reused
    CHECK_FALSE(table.live(a));
    CHECK(table.live(c));
    CHECK(table.get(c).slots[0].as_int() == 3);
    CHECK(table.live_count() == 2);
    CHECK(table.end_id() == 4);
}

TEST_CASE("a reused record keeps its slot storage and the caller its buffer", "[rete][facts]") {
    FactTable table;
    std::vector<Value> buffer = {Value::integer(1), Value::integer(2)};
    const FactId a = table.add(1, std::move(buffer));
    CHECK(buffer.capacity() == 0);  // a new record takes the buffer
    const Value* storage = table.get(a).slots.data();
    table.kill(a);
    table.reclaim();
    buffer = {Value::integer(3), Value::integer(4)};
    const Value* kept = buffer.data();
    const FactId b = table.add(1, std::move(buffer));
    CHECK(table.get(b).slots.data() == storage);  // a's storage, reused
    CHECK(table.get(b).slots == std::vector<Value>{Value::integer(3), Value::integer(4)});
    CHECK(buffer.data() == kept);  // the caller's buffer stays for its next fact
    CHECK(table.find_equal(1, {Value::integer(3), Value::integer(4)}) == b);
}

TEST_CASE("a hundred thousand modifies keep a constant number of records", "[rete][facts]") {
    FactTable table;
    FactId f = table.add(1, slots(0));
    for (std::int64_t i = 1; i <= 100'000; ++i) {
        table.kill(f);
        table.reclaim();
        f = table.add(1, slots(i));
    }
    CHECK(index(f) == 100'001);
    CHECK(table.record_count() <= 2);
    CHECK(table.live_count() == 1);
    CHECK(table.find_equal(1, slots(100'000)) == f);
    CHECK(table.find_equal(1, slots(99'999)) == no_fact);
    std::size_t seen = 0;
    table.for_each_live([&](const Fact& fact) {
        ++seen;
        CHECK(fact.id == f);
    });
    CHECK(seen == 1);
}

TEST_CASE("equal content is found only among live facts", "[rete][facts]") {
    FactTable table;
    const FactId a = table.add(2, slots(7));
    CHECK(table.find_equal(2, slots(7)) == a);
    CHECK(table.find_equal(3, slots(7)) == no_fact);  // other template
    table.kill(a);
    CHECK(table.find_equal(2, slots(7)) == no_fact);
}

TEST_CASE("a reserved vector keeps references while it grows", "[support]") {
    support::ReservedVector<int> v;
    CHECK(v.empty());
    int& first = v.emplace_back();
    first = 42;
    for (int i = 0; i < 100000; ++i) {  // past several commit steps
        v.emplace_back() = i;
    }
    CHECK(&first == &v[0]);
    CHECK(v[0] == 42);
    CHECK(v[100000] == 99999);
    CHECK(v.size() == 100001);
    v.grow_to(200000);
    CHECK(v.size() == 200000);
    CHECK(v[199999] == 0);  // default-constructed
    v.grow_to(10);
    CHECK(v.size() == 200000);
}

TEST_CASE("a reserved vector destroys its elements and moves its storage", "[support]") {
    const auto counter = std::make_shared<int>(0);
    {
        support::ReservedVector<std::shared_ptr<int>> v;
        for (int i = 0; i < 3; ++i) {
            v.emplace_back() = counter;
        }
        CHECK(counter.use_count() == 4);
        support::ReservedVector<std::shared_ptr<int>> moved(std::move(v));
        CHECK(v.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty
        CHECK(moved.size() == 3);
        CHECK(moved[2] == counter);
        support::ReservedVector<std::shared_ptr<int>> assigned;
        assigned.emplace_back() = counter;
        assigned = std::move(moved);  // the old element goes, the three come
        CHECK(assigned.size() == 3);
        CHECK(counter.use_count() == 4);
    }
    CHECK(counter.use_count() == 1);
}
