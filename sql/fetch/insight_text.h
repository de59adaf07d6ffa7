// Small helpers the insight row sources (source_account_insights.cpp, source_audience.cpp,
// source_media_insights.cpp) share: JSON text, list membership, error-message matching and UTC days.
#pragma once

#include <rapidjson/document.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace igodbc::sql::insight {

constexpr int64_t kDay = 86400;

// A JSON string's text, or "" for anything else (absent, null, a number).
inline std::string text(const rapidjson::Value* v) {
  return v && v->IsString() ? std::string(v->GetString(), v->GetStringLength()) : std::string();
}

inline std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

inline bool contains(const std::vector<std::string>& list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

// Whether a Graph error message contains `what` (lower case), ignoring case: the wording varies by version.
inline bool mentions(const std::string& message, const char* what) {
  std::string m = message;
  for (char& c : m)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return m.find(what) != std::string::npos;
}

// The UTC day (days since 1970-01-01) holding Unix second `t`, also before 1970.
inline int64_t floorDay(int64_t t) {
  return t >= 0 ? t / kDay : -((-t + kDay - 1) / kDay);
}

}  // namespace igodbc::sql::insight
