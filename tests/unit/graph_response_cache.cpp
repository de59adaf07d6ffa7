#include <catch2/catch.hpp>
#include <chrono>
#include <memory>

#include "graph/response_cache.h"

using namespace igodbc::graph;
using Clock = ResponseCache::Clock;
using std::chrono::seconds;

namespace {
CachedResponse answer(int64_t bytes, const char* url = "https://graph.example/v24.0/1?fields=id") {
  auto doc = std::make_shared<rapidjson::Document>();
  doc->SetObject();
  return CachedResponse{doc, 200, bytes, "v24.0", url};
}
}  // namespace

TEST_CASE("Within one statement an answer is reused; the next statement asks again without CacheSeconds",
          "[graph][response_cache]") {
  ResponseCache cache;  // CacheSeconds=0
  const Clock::time_point t0 = Clock::now();
  cache.beginStatement(t0);
  CHECK_FALSE(cache.find("k", t0));
  cache.store("k", answer(10), t0);
  auto hit = cache.find("k", t0 + seconds(3600));  // a long statement still reuses it
  REQUIRE(hit);
  CHECK(hit->status == 200);
  CHECK(hit->bytes == 10);
  CHECK(hit->apiVersion == "v24.0");
  CHECK(hit->url == "https://graph.example/v24.0/1?fields=id");
  cache.beginStatement(t0 + seconds(1));
  CHECK_FALSE(cache.find("k", t0 + seconds(1)));
  CHECK(cache.entries() == 0);
}

TEST_CASE("CacheSeconds reuses answers across statements until they are that old",
          "[graph][response_cache]") {
  ResponseCache cache(30);
  const Clock::time_point t0 = Clock::now();
  cache.beginStatement(t0);
  cache.store("k", answer(10), t0);
  cache.beginStatement(t0 + seconds(29));
  CHECK(cache.find("k", t0 + seconds(29)));
  // Reused in this statement: it stays usable for the rest of it, even past its age.
  CHECK(cache.find("k", t0 + seconds(45)));
  cache.beginStatement(t0 + seconds(46));
  CHECK_FALSE(cache.find("k", t0 + seconds(46)));
}

TEST_CASE("A write clears every answer", "[graph][response_cache]") {
  ResponseCache cache(600);
  const Clock::time_point t0 = Clock::now();
  cache.beginStatement(t0);
  cache.store("a", answer(10), t0);
  cache.store("b", answer(10), t0);
  cache.clear();
  CHECK_FALSE(cache.find("a", t0));
  CHECK_FALSE(cache.find("b", t0));
  CHECK(cache.bytes() == 0);
}

TEST_CASE("The byte budget evicts the least recently used answer", "[graph][response_cache]") {
  ResponseCache cache(0, 100);
  const Clock::time_point t0 = Clock::now();
  cache.beginStatement(t0);
  cache.store("a", answer(40), t0);
  cache.store("b", answer(40), t0);
  CHECK(cache.find("a", t0));        // a is now the most recently used
  cache.store("c", answer(40), t0);  // 120 > 100: b leaves
  CHECK(cache.find("a", t0));
  CHECK_FALSE(cache.find("b", t0));
  CHECK(cache.find("c", t0));
  CHECK(cache.bytes() == 80);
  cache.store("huge", answer(101), t0);  // larger than the budget: not kept, nothing evicted for it
  CHECK_FALSE(cache.find("huge", t0));
  CHECK(cache.entries() == 2);
  cache.store("a", answer(50), t0);  // replacing an answer does not count it twice
  CHECK(cache.bytes() == 90);
}

TEST_CASE("The cache key drops the credentials and keeps everything else", "[graph][response_cache]") {
  CHECK(responseCacheKey("https://h/v24.0/1/media?fields=id&limit=100&access_token=T&appsecret_proof=P") ==
        "https://h/v24.0/1/media?fields=id&limit=100");
  CHECK(responseCacheKey("https://h/v24.0/1/media?access_token=T&after=QVF&limit=25") ==
        "https://h/v24.0/1/media?after=QVF&limit=25");
  CHECK(responseCacheKey("https://h/v24.0/1/media?access_token=A") ==
        responseCacheKey("https://h/v24.0/1/media?access_token=B"));
  CHECK(responseCacheKey("https://h/v24.0/me") == "https://h/v24.0/me");
  CHECK(responseCacheKey("https://h/v24.0/me?") == "https://h/v24.0/me");
  CHECK(responseCacheKey("https://h/v24.0/me?x_access_token=1") == "https://h/v24.0/me?x_access_token=1");
  CHECK(responseCacheKey("https://h/v24.0/me?a=1&&b=2#frag") == "https://h/v24.0/me?a=1&b=2");
}

TEST_CASE("Hashtag media pages are never reused: their after cursor may repeat while advancing",
          "[graph][response_cache]") {
  CHECK_FALSE(cacheableGet("https://h/v24.0/17843853986012965/top_media?user_id=1&after=X"));
  CHECK_FALSE(cacheableGet("https://h/v24.0/17843853986012965/recent_media?user_id=1"));
  CHECK(cacheableGet("https://h/v24.0/1/media?fields=top_media"));
  CHECK(cacheableGet("https://h/v24.0/1/media"));
  CHECK(cacheableGet("https://h/v24.0/"));
}
