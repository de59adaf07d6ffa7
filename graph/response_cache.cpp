#include "graph/response_cache.h"

#include <iterator>

namespace igodbc::graph {

void ResponseCache::beginStatement(Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++statement_;
  for (auto it = lru_.begin(); it != lru_.end();) {
    auto victim = it++;
    if (!usable(*victim, now)) erase(victim);
  }
}

std::optional<CachedResponse> ResponseCache::find(const std::string& key, Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = index_.find(key);
  if (found == index_.end()) return std::nullopt;
  List::iterator it = found->second;
  if (!usable(*it, now)) {
    erase(it);
    return std::nullopt;
  }
  it->statement = statement_;
  lru_.splice(lru_.begin(), lru_, it);
  return it->response;
}

void ResponseCache::store(const std::string& key, CachedResponse response, Clock::time_point now) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = index_.find(key);
  if (found != index_.end()) erase(found->second);
  const size_t cost = response.bytes > 0 ? static_cast<size_t>(response.bytes) : 0;
  if (cost > maxBytes_ || !response.json) return;
  while (!lru_.empty() && bytes_ + cost > maxBytes_) erase(std::prev(lru_.end()));
  lru_.push_front(Entry{key, std::move(response), now, statement_});
  index_[key] = lru_.begin();
  bytes_ += cost;
}

void ResponseCache::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  lru_.clear();
  index_.clear();
  bytes_ = 0;
}

size_t ResponseCache::entries() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return lru_.size();
}

size_t ResponseCache::bytes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return bytes_;
}

bool ResponseCache::usable(const Entry& e, Clock::time_point now) const {
  if (e.statement == statement_) return true;
  return ttl_ > Clock::duration::zero() && now - e.storedAt < ttl_;
}

void ResponseCache::erase(List::iterator it) {
  const int64_t cost = it->response.bytes;
  bytes_ -= cost > 0 ? static_cast<size_t>(cost) : 0;
  index_.erase(it->key);
  lru_.erase(it);
}

std::string responseCacheKey(std::string_view url) {
  const size_t q = url.find('?');
  if (q == std::string_view::npos) return std::string(url);
  const size_t hash = url.find('#', q);
  const std::string_view query =
      url.substr(q + 1, hash == std::string_view::npos ? std::string_view::npos : hash - q - 1);
  std::string out(url.substr(0, q));
  char sep = '?';
  size_t start = 0;
  while (start <= query.size()) {
    size_t end = query.find('&', start);
    if (end == std::string_view::npos) end = query.size();
    const std::string_view param = query.substr(start, end - start);
    const std::string_view name = param.substr(0, param.find('='));
    if (!param.empty() && name != "access_token" && name != "appsecret_proof") {
      out += sep;
      out += param;
      sep = '&';
    }
    start = end + 1;
  }
  return out;
}

bool cacheableGet(std::string_view url) {
  std::string_view path = url.substr(0, url.find_first_of("?#"));
  for (std::string_view edge : {std::string_view("/top_media"), std::string_view("/recent_media")})
    if (path.size() >= edge.size() && path.substr(path.size() - edge.size()) == edge) return false;
  return true;
}

}  // namespace igodbc::graph
