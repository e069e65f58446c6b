// LeftMemory: intrusive buckets (links in the tokens) and vector buckets iterate a bucket in
// the same order, that of a vector with swap-remove, whatever the adds and removes were.
#include "rete/left_memory.hpp"

#include "support/catch.hpp"

#include <algorithm>
#include <map>
#include <random>
#include <vector>

using namespace maslahat;
using namespace maslahat::rete;

namespace {

std::vector<TokenId> bucket(const LeftMemory& m, const TokenStore& tokens, std::size_t h) {
    std::vector<TokenId> out;
    m.for_each(tokens, h, [&](TokenId t) { out.push_back(t); });
    return out;
}

TokenId make(TokenStore& tokens) {
    return tokens.make(no_token, NodeId{}, no_fact, false, Value());
}

}  // namespace

TEST_CASE("a left bucket keeps the order of a vector with swap-remove", "[rete][left]") {
    TokenStore tokens;
    LeftMemory intrusive(true);
    LeftMemory vectors(false);
    std::vector<TokenId> ids;
    for (int i = 0; i < 6; ++i) {
        ids.push_back(make(tokens));
    }
    for (const TokenId t : ids) {
        intrusive.add(tokens, 7, t);
        vectors.add(tokens, 7, t);
    }
    CHECK(bucket(intrusive, tokens, 7) == ids);
    // removing the second moves the last into its place
    intrusive.remove(tokens, 7, ids[1]);
    vectors.remove(tokens, 7, ids[1]);
    const std::vector<TokenId> after{ids[0], ids[5], ids[2], ids[3], ids[4]};
    CHECK(bucket(intrusive, tokens, 7) == after);
    CHECK(bucket(vectors, tokens, 7) == after);
    // the last, then the one before it (the hole is next to the last), then the head
    for (const TokenId t : {ids[4], ids[2], ids[0]}) {
        intrusive.remove(tokens, 7, t);
        vectors.remove(tokens, 7, t);
    }
    CHECK(bucket(intrusive, tokens, 7) == std::vector<TokenId>{ids[3], ids[5]});
    CHECK(bucket(vectors, tokens, 7) == std::vector<TokenId>{ids[3], ids[5]});
    CHECK(intrusive.size() == 2);
    for (const TokenId t : {ids[3], ids[5]}) {
        intrusive.remove(tokens, 7, t);
    }
    CHECK(intrusive.size() == 0);
    CHECK(bucket(intrusive, tokens, 7).empty());
    CHECK(bucket(intrusive, tokens, 8).empty());
}

namespace {
/// Random adds and removes over `hashes` different join-key hashes (spread over 64 bits);
/// the buckets of both forms are checked against a model every 97 steps.
void check_random_steps(std::size_t hashes, std::uint32_t seed) {
    TokenStore tokens;
    LeftMemory intrusive(true);
    LeftMemory vectors(false);
    std::map<std::size_t, std::vector<TokenId>> model;  // vectors with swap-remove
    std::map<TokenId, std::size_t> where;
    std::mt19937 rng(seed);
    const auto hash_of = [](std::size_t k) { return k * 0xff51afd7ed558ccdULL; };
    for (int step = 0; step < 20000; ++step) {
        if (where.empty() || rng() % 5 < 3) {
            const TokenId t = make(tokens);
            const std::size_t h = hash_of(rng() % hashes);
            intrusive.add(tokens, h, t);
            vectors.add(tokens, h, t);
            model[h].push_back(t);
            where[t] = h;
        } else {
            auto it = where.begin();
            std::advance(it, static_cast<long>(rng() % where.size()));
            const auto [t, h] = *it;
            where.erase(it);
            intrusive.remove(tokens, h, t);
            vectors.remove(tokens, h, t);
            auto& v = model[h];
            *std::find(v.begin(), v.end(), t) = v.back();
            v.pop_back();
            tokens.free(t);  // ids are reused, as in the network
        }
        if (step % 97 == 0) {
            for (std::size_t k = 0; k < hashes; ++k) {
                const std::size_t h = hash_of(k);
                REQUIRE(bucket(intrusive, tokens, h) == model[h]);
                REQUIRE(bucket(vectors, tokens, h) == model[h]);
            }
        }
    }
    CHECK(intrusive.size() == where.size());
    CHECK(vectors.size() == where.size());
}
}  // namespace

TEST_CASE("random adds and removes give the same buckets in both forms", "[rete][left]") {
    SECTION("few join-key values: long buckets") {
        check_random_steps(4, 12345);
    }
    SECTION("many values: buckets made, emptied, reused and dropped as the table grows") {
        check_random_steps(3000, 99);
    }
}

TEST_CASE("a memory without join keys keeps its one bucket when it empties", "[rete][left]") {
    TokenStore tokens;
    LeftMemory keyless(true, false);
    LeftMemory vectors(false);
    std::vector<TokenId> model;
    std::mt19937 rng(7);
    for (int step = 0; step < 5000; ++step) {
        if (model.empty() || rng() % 2 == 0) {
            const TokenId t = make(tokens);
            keyless.add(tokens, 0, t);
            vectors.add(tokens, 0, t);
            model.push_back(t);
        } else {
            const std::size_t i = rng() % model.size();
            const TokenId t = model[i];
            keyless.remove(tokens, 0, t);
            vectors.remove(tokens, 0, t);
            model[i] = model.back();
            model.pop_back();
            tokens.free(t);
        }
        REQUIRE(bucket(keyless, tokens, 0) == model);
        REQUIRE(bucket(vectors, tokens, 0) == model);
    }
    CHECK(keyless.size() == model.size());
}
