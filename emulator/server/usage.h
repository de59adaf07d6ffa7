// Rate limits: X-Business-Use-Case-Usage for calls about an Instagram account,
// keyed by the IG account id (rolling 24 h), X-App-Usage for the app's platform calls (hashtags,
// business discovery, /me, …; rolling hour). Values are percentages of a budget. With a budget
// set, calls beyond it are refused: 80002 for an account, code 4 (HTTP 403) for the app. Without
// one nothing is refused and the percentages are against a nominal budget.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace igemu {

class UsageTracker {
 public:
  UsageTracker(int app_budget = 0, int buc_budget = 0) : app_budget_(app_budget), buc_budget_(buc_budget) {}

  // Whether the next call would exceed a budget: the app's, or (returned) the first account's.
  bool app_exhausted(int64_t now);
  std::optional<std::string> buc_exhausted(const std::vector<std::string>& ig_account_ids, int64_t now);

  // Counts one call and returns the header to send (name, value). An empty list is an app call.
  std::pair<std::string, std::string> record(const std::vector<std::string>& ig_account_ids, int64_t now);
  // The header as it stands, without counting a call (throttled answers, batch envelopes).
  std::pair<std::string, std::string> peek(const std::vector<std::string>& ig_account_ids, int64_t now);

 private:
  std::pair<std::string, std::string> header(const std::vector<std::string>& ids, int64_t now);
  void prune(std::deque<int64_t>& calls, int64_t window, int64_t now);

  std::mutex mutex_;
  int app_budget_;
  int buc_budget_;
  std::deque<int64_t> app_calls_;
  std::map<std::string, std::deque<int64_t>> buc_calls_;
};

}  // namespace igemu
