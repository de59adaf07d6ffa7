#include "usage.h"

#include <algorithm>

#include "json.h"

namespace igemu {
namespace {

int64_t percent(long calls, int budget, int divisor) {
  return std::min<int64_t>(100, static_cast<int64_t>(calls) * 100 / (static_cast<int64_t>(budget) * divisor));
}

}  // namespace

std::pair<std::string, std::string> UsageTracker::record(const std::vector<std::string>& ig_account_ids) {
  std::lock_guard<std::mutex> lock(mutex_);
  JsonWriter w;
  if (ig_account_ids.empty()) {
    ++app_calls_;
    w.begin_object();
    w.key("call_count").integer(percent(app_calls_, app_budget_, 1));
    w.key("total_cputime").integer(percent(app_calls_, app_budget_, 4));
    w.key("total_time").integer(percent(app_calls_, app_budget_, 2));
    w.end_object();
    return {"X-App-Usage", w.take()};
  }
  w.begin_object();
  for (const std::string& id : ig_account_ids) {
    const long calls = ++buc_calls_[id];
    w.key(id).begin_array().begin_object();
    w.key("type").string("instagram");
    w.key("call_count").integer(percent(calls, buc_budget_, 1));
    w.key("total_cputime").integer(percent(calls, buc_budget_, 4));
    w.key("total_time").integer(percent(calls, buc_budget_, 2));
    w.key("estimated_time_to_regain_access").integer(0);
    w.end_object().end_array();
  }
  w.end_object();
  return {"X-Business-Use-Case-Usage", w.take()};
}

}  // namespace igemu
