// What one connection learns about insights: the media-kind cache (media ID ->
// media_type, media_product_type, owner, timestamp; those never change) and the metrics Instagram refused
// for a kind and call type. Lives in ModuleState, so it lasts as long as the connection.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace igodbc::sql {

struct MediaKindInfo {
  std::string mediaType;
  std::string productType;
  std::string owner;
  std::string timestamp;  // canonical 'YYYY-MM-DD HH:MM:SS'; empty when unknown
};

struct InsightMemory {
  std::map<std::string, MediaKindInfo> kinds;
  // "KIND|call|metric": call is "main", a breakdown name, or "opt-in".
  std::set<std::string> rejected;

  static std::string key(std::string_view kind, std::string_view call, std::string_view metric) {
    return std::string(kind) + "|" + std::string(call) + "|" + std::string(metric);
  }
  bool isRejected(std::string_view kind, std::string_view call, std::string_view metric) const {
    return rejected.count(key(kind, call, metric)) > 0;
  }
  // Rejected for the kind in any call type (sys_metrics.RejectedOnConnection).
  bool rejectedForKind(std::string_view kind, std::string_view metric) const {
    for (const std::string& k : rejected) {
      size_t a = k.find('|'), b = k.rfind('|');
      if (k.compare(0, a, kind) == 0 && k.compare(b + 1, std::string::npos, metric) == 0) return true;
    }
    return false;
  }
};

// The metrics a Graph error message names among `requested`: the names outside a
// "metric[i] must be one of the following values: …" list, else every requested name the message
// mentions as a word ("does not support the X metric", "Incompatible breakdowns (b) for metric (X)", …).
// Empty when the message names none of them.
std::vector<std::string> rejectedMetrics(std::string_view message, const std::vector<std::string>& requested);

}  // namespace igodbc::sql
