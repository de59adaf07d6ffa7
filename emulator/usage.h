// Rate-limit usage headers (reference section 7): X-Business-Use-Case-Usage for calls about an
// Instagram account, keyed by the IG account id; X-App-Usage for everything else. Values are
// percentages of a budget. Counting is cumulative since start-up; rolling windows and throttling
// (codes 80002 / 4) are left to the fault-injection work, which can reuse this counter.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace igemu {

class UsageTracker {
 public:
  UsageTracker(int app_budget = 200, int buc_budget = 1000)
      : app_budget_(app_budget), buc_budget_(buc_budget) {}

  // Counts one call and returns the header to send (name, value).
  std::pair<std::string, std::string> record(const std::vector<std::string>& ig_account_ids);

 private:
  std::mutex mutex_;
  int app_budget_;
  int buc_budget_;
  long app_calls_ = 0;
  std::map<std::string, long> buc_calls_;
};

}  // namespace igemu
