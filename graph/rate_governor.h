// Slows the driver down before Instagram blocks it (calling while throttled lengthens the
// block). Reads the process-wide UsageStore, so every connection of the process is governed by the same
// usage.
#pragma once

#include <chrono>
#include <mutex>
#include <string_view>

namespace igodbc::graph {

// Seconds to wait before a request to `path` (relative, or an absolute URL), given the usage last reported
// in the last 10 s for the app and for any account whose ID appears in the path: 0 below `thresholdPercent`
// (0 disables), rising linearly to `maxDelaySeconds` at 100 %.
double governorDelaySeconds(std::string_view path, int thresholdPercent, double maxDelaySeconds);

// Spaces governed requests out across threads: each takes the next start `delay` after the previous
// governed start (and at least `delay` from now), so requests in flight at once (MaxConcurrency, several
// connections) together start no faster than one request at a time would.
class GovernorSlots {
 public:
  using Clock = std::chrono::steady_clock;
  // Seconds to wait before starting a request that the governor delays by `delaySeconds` (0: no wait, and
  // no slot taken).
  double reserve(double delaySeconds, Clock::time_point now);
  static GovernorSlots& process();

 private:
  std::mutex mutex_;
  Clock::time_point last_{};
};

// governorDelaySeconds, spaced out through GovernorSlots::process(): what a request waits before it starts.
double governorWaitSeconds(std::string_view path, int thresholdPercent, double maxDelaySeconds);

}  // namespace igodbc::graph
