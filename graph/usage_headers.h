// The usage headers of Graph responses: X-App-Usage and X-Business-Use-Case-Usage, parsed
// into rows, and the process-wide store of the latest row per key that feeds sys_ratelimit
// and the rate governor. Thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace igodbc::graph {

struct UsageRow {
  std::string header;    // "X-App-Usage" or "X-Business-Use-Case-Usage"
  std::string objectId;  // BUC key, or "app"
  std::string type;      // BUC type, or "app"
  std::optional<int> callCount, totalCputime, totalTime, regainMinutes;  // percents; minutes
  int64_t observedAtMs = 0;                                              // Unix time in ms

  int maxPercent() const;  // the highest of the three percentages (0 when none)
};

// Malformed or hostile values give no rows (never throw). At most 100 rows per header.
std::vector<UsageRow> parseAppUsage(std::string_view json, int64_t observedAtMs);
std::vector<UsageRow> parseBucUsage(std::string_view json, int64_t observedAtMs);

class UsageStore {
 public:
  static UsageStore& process();  // shared by every connection of the process

  void record(const std::vector<UsageRow>& rows);
  std::vector<UsageRow> snapshot() const;  // sorted by header, objectId, type
  void clear();

 private:
  mutable std::mutex mutex_;
  std::vector<UsageRow> rows_;
};

}  // namespace igodbc::graph
