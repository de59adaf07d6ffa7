// Reuse of GET responses. Within one statement an identical GET is answered once; across
// statements an answer is reused only while it is younger than CacheSeconds (0, the default: never). Writes
// clear everything, since a write can change what any cached read shows. Bounded in bytes, the least
// recently used answer leaving first, so a long scan cannot grow memory without limit. Pure logic (the
// clock is passed in); Client wires it to the wire.
#pragma once

#include <rapidjson/document.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace igodbc::graph {

struct CachedResponse {
  std::shared_ptr<const rapidjson::Document> json;
  int status = 200;
  int64_t bytes = 0;       // body size, also what the entry costs against the budget
  std::string apiVersion;  // facebook-api-version of the original answer
  std::string url;         // the original request's URL, redacted (what sys_requests shows for a reuse)
};

class ResponseCache {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr size_t kDefaultMaxBytes = size_t{8} << 20;

  explicit ResponseCache(double ttlSeconds = 0, size_t maxBytes = kDefaultMaxBytes)
      : ttl_(std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(ttlSeconds))),
        maxBytes_(maxBytes) {}

  // A new statement starts: answers of earlier statements stay usable only while younger than the TTL.
  void beginStatement(Clock::time_point now);
  // The answer stored under `key` when still usable; a hit keeps it usable for the rest of the statement.
  std::optional<CachedResponse> find(const std::string& key, Clock::time_point now);
  // Keeps `response` (an answer larger than the whole budget is not kept).
  void store(const std::string& key, CachedResponse response, Clock::time_point now);
  // After a write.
  void clear();

  size_t entries() const;
  size_t bytes() const;

 private:
  struct Entry {
    std::string key;
    CachedResponse response;
    Clock::time_point storedAt;
    uint64_t statement = 0;  // the statement that stored or last reused it
  };
  using List = std::list<Entry>;  // most recently used first

  bool usable(const Entry& e, Clock::time_point now) const;
  void erase(List::iterator it);

  const Clock::duration ttl_;
  const size_t maxBytes_;
  mutable std::mutex mutex_;
  List lru_;
  std::unordered_map<std::string, List::iterator> index_;
  size_t bytes_ = 0;
  uint64_t statement_ = 0;
};

// The cache key of a GET: its absolute URL without the credentials (access_token, appsecret_proof), which
// change with a token refresh but not the answer.
std::string responseCacheKey(std::string_view url);

// False for GETs whose repetition may legitimately answer differently: hashtag top_media / recent_media,
// whose `after` cursor may keep the same value on every page while still advancing.
bool cacheableGet(std::string_view url);

}  // namespace igodbc::graph
