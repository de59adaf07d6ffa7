// The warnings of one insight scan: one per reason per statement, with the number of objects (accounts or
// media) it applies to. emit() reports what is new since the last call, so a scan can report after each
// chunk and once more in finish() without repeating itself.
#pragma once

#include <map>
#include <set>
#include <string>

#include "sql/sources/row_source.h"

namespace igodbc::sql {

class WarningTally {
 public:
  // `one` and `many`: the noun for one object and for several ("account", "accounts").
  WarningTally(const char* one, const char* many) : one_(one), many_(many) {}

  void count(const std::string& reason, const std::string& object) { reasons_[reason].insert(object); }

  void emit(const FetchContext& ctx) {
    for (const auto& [reason, objects] : reasons_) {
      size_t& reported = reported_[reason];
      if (objects.size() == reported) continue;
      reported = objects.size();
      ctx.warn(reason + " for " + std::to_string(objects.size()) + " " +
               (objects.size() == 1 ? one_ : many_));
    }
  }

 private:
  const char* one_;
  const char* many_;
  std::map<std::string, std::set<std::string>> reasons_;
  std::map<std::string, size_t> reported_;
};

}  // namespace igodbc::sql
