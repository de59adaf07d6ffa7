#include "net/utc_time.h"

#include <ctime>

namespace igodbc::graph {

std::string formatUtc(int64_t epochSeconds, const char* strftimeFormat) {
  const std::time_t t = static_cast<std::time_t>(epochSeconds);
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return {};
  char buf[64];
  const size_t n = std::strftime(buf, sizeof buf, strftimeFormat, &tm);
  return std::string(buf, n);
}

int64_t nowEpochSeconds() {
  return static_cast<int64_t>(std::time(nullptr));
}

}  // namespace igodbc::graph
