#include "server/usage.h"

#include <algorithm>

#include "server/json.h"

namespace igemu {
namespace {

constexpr int64_t kAppWindow = 3600;   // platform limits: rolling hour
constexpr int64_t kBucWindow = 86400;  // BUC: rolling 24 h
constexpr int kNominalApp = 5000;      // percentages when no budget is configured
constexpr int kNominalBuc = 50000;

int64_t percent(size_t calls, int budget, int divisor) {
  return std::min<int64_t>(100, static_cast<int64_t>(calls) * 100 / (static_cast<int64_t>(budget) * divisor));
}

// Minutes until the oldest call leaves the window (the value is in minutes, 0 when free).
int64_t regain_minutes(const std::deque<int64_t>& calls, int budget, int64_t window, int64_t now) {
  if (budget <= 0 || calls.size() < static_cast<size_t>(budget) || calls.empty()) return 0;
  const int64_t seconds = calls.front() + window - now;
  return std::max<int64_t>(1, (seconds + 59) / 60);
}

}  // namespace

void UsageTracker::prune(std::deque<int64_t>& calls, int64_t window, int64_t now) {
  while (!calls.empty() && calls.front() <= now - window) calls.pop_front();
}

bool UsageTracker::app_exhausted(int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  prune(app_calls_, kAppWindow, now);
  return app_budget_ > 0 && app_calls_.size() >= static_cast<size_t>(app_budget_);
}

std::optional<std::string> UsageTracker::buc_exhausted(const std::vector<std::string>& ids, int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (buc_budget_ <= 0) return std::nullopt;
  for (const std::string& id : ids) {
    std::deque<int64_t>& calls = buc_calls_[id];
    prune(calls, kBucWindow, now);
    if (calls.size() >= static_cast<size_t>(buc_budget_)) return id;
  }
  return std::nullopt;
}

std::pair<std::string, std::string> UsageTracker::header(const std::vector<std::string>& ids, int64_t now) {
  JsonWriter w;
  if (ids.empty()) {
    prune(app_calls_, kAppWindow, now);
    const int budget = app_budget_ > 0 ? app_budget_ : kNominalApp;
    w.begin_object();
    w.key("call_count").integer(percent(app_calls_.size(), budget, 1));
    w.key("total_cputime").integer(percent(app_calls_.size(), budget, 4));
    w.key("total_time").integer(percent(app_calls_.size(), budget, 2));
    w.end_object();
    return {"X-App-Usage", w.take()};
  }
  const int budget = buc_budget_ > 0 ? buc_budget_ : kNominalBuc;
  w.begin_object();
  for (const std::string& id : ids) {
    std::deque<int64_t>& calls = buc_calls_[id];
    prune(calls, kBucWindow, now);
    w.key(id).begin_array().begin_object();
    w.key("type").string("instagram");
    w.key("call_count").integer(percent(calls.size(), budget, 1));
    w.key("total_cputime").integer(percent(calls.size(), budget, 4));
    w.key("total_time").integer(percent(calls.size(), budget, 2));
    w.key("estimated_time_to_regain_access").integer(regain_minutes(calls, buc_budget_, kBucWindow, now));
    w.end_object().end_array();
  }
  w.end_object();
  return {"X-Business-Use-Case-Usage", w.take()};
}

std::pair<std::string, std::string> UsageTracker::record(const std::vector<std::string>& ids, int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (ids.empty()) {
    app_calls_.push_back(now);
  } else {
    for (const std::string& id : ids) buc_calls_[id].push_back(now);
  }
  return header(ids, now);
}

std::pair<std::string, std::string> UsageTracker::peek(const std::vector<std::string>& ids, int64_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  return header(ids, now);
}

}  // namespace igemu
