#include "graph/rate_governor.h"

#include <algorithm>
#include <chrono>
#include <cstdint>

#include "graph/usage_headers.h"

namespace igodbc::graph {

namespace {
constexpr int64_t kFreshMs = 10000;
}  // namespace

double governorDelaySeconds(std::string_view path, int thresholdPercent, double maxDelaySeconds) {
  if (thresholdPercent <= 0 || thresholdPercent >= 100) return 0;
  int usage = 0;
  const int64_t nowMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
  for (const UsageRow& r : UsageStore::process().snapshot()) {
    if (nowMs - r.observedAtMs > kFreshMs) continue;  // headers come only now and then: old ones say little
    bool applies =
        r.objectId == "app" || (!r.objectId.empty() && path.find(r.objectId) != std::string_view::npos);
    if (applies) usage = std::max(usage, r.maxPercent());
  }
  if (usage < thresholdPercent) return 0;
  double fraction = std::min(1.0, (usage - thresholdPercent + 1) / double(100 - thresholdPercent + 1));
  return fraction * maxDelaySeconds;
}

double GovernorSlots::reserve(double delaySeconds, Clock::time_point now) {
  if (delaySeconds <= 0) return 0;
  const auto delay = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(delaySeconds));
  std::lock_guard<std::mutex> lock(mutex_);
  const Clock::time_point start = std::max(now + delay, last_ + delay);
  last_ = start;
  return std::chrono::duration<double>(start - now).count();
}

GovernorSlots& GovernorSlots::process() {
  static GovernorSlots slots;
  return slots;
}

double governorWaitSeconds(std::string_view path, int thresholdPercent, double maxDelaySeconds) {
  return GovernorSlots::process().reserve(governorDelaySeconds(path, thresholdPercent, maxDelaySeconds),
                                          GovernorSlots::Clock::now());
}

}  // namespace igodbc::graph
