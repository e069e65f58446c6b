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

TEST_CASE("random adds and removes give the same buckets in both forms", "[rete][left]") {
    TokenStore tokens;
    LeftMemory intrusive(true);
    LeftMemory vectors(false);
    std::map<std::size_t, std::vector<TokenId>> model;  // vectors with swap-remove
    std::map<TokenId, std::size_t> where;
    std::mt19937 rng(12345);
    for (int step = 0; step < 20000; ++step) {
        if (where.empty() || rng() % 5 < 3) {
            const TokenId t = make(tokens);
            const std::size_t h = rng() % 4;
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
            for (std::size_t h = 0; h < 4; ++h) {
                REQUIRE(bucket(intrusive, tokens, h) == model[h]);
                REQUIRE(bucket(vectors, tokens, h) == model[h]);
            }
        }
    }
    CHECK(intrusive.size() == where.size());
    CHECK(vectors.size() == where.size());
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
