#include "graph/usage_headers.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <tuple>

namespace igodbc::graph {

namespace {

constexpr size_t kMaxRows = 100;

std::optional<int> percent(const rapidjson::Value& obj, const char* name) {
  auto it = obj.FindMember(name);
  if (it == obj.MemberEnd()) return std::nullopt;
  if (it->value.IsInt64()) return static_cast<int>(std::clamp<int64_t>(it->value.GetInt64(), 0, 1000000));
  if (it->value.IsNumber()) return static_cast<int>(std::clamp(it->value.GetDouble(), 0.0, 1000000.0));
  return std::nullopt;
}

bool parse(std::string_view json, rapidjson::Document& doc) {
  if (json.empty() || json.size() > 16384) return false;
  doc.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  return !doc.HasParseError() && doc.IsObject();
}

}  // namespace

int UsageRow::maxPercent() const {
  return std::max({callCount.value_or(0), totalCputime.value_or(0), totalTime.value_or(0)});
}

std::vector<UsageRow> parseAppUsage(std::string_view json, int64_t observedAtMs) {
  rapidjson::Document doc;
  if (!parse(json, doc)) return {};
  UsageRow r{"X-App-Usage",
             "app",
             "app",
             percent(doc, "call_count"),
             percent(doc, "total_cputime"),
             percent(doc, "total_time"),
             std::nullopt,
             observedAtMs};
  return {r};
}

std::vector<UsageRow> parseBucUsage(std::string_view json, int64_t observedAtMs) {
  rapidjson::Document doc;
  std::vector<UsageRow> rows;
  if (!parse(json, doc)) return rows;
  for (auto& member : doc.GetObject()) {
    if (!member.value.IsArray()) continue;
    std::string id(member.name.GetString(), std::min<size_t>(member.name.GetStringLength(), 32));
    for (auto& entry : member.value.GetArray()) {
      if (!entry.IsObject() || rows.size() >= kMaxRows) continue;
      UsageRow r{"X-Business-Use-Case-Usage",
                 id,
                 "",
                 percent(entry, "call_count"),
                 percent(entry, "total_cputime"),
                 percent(entry, "total_time"),
                 percent(entry, "estimated_time_to_regain_access"),
                 observedAtMs};
      auto type = entry.FindMember("type");
      if (type != entry.MemberEnd() && type->value.IsString())
        r.type.assign(type->value.GetString(), std::min<size_t>(type->value.GetStringLength(), 32));
      rows.push_back(std::move(r));
    }
  }
  return rows;
}

UsageStore& UsageStore::process() {
  static UsageStore* store = new UsageStore();  // never destroyed: connections may outlive static teardown
  return *store;
}

void UsageStore::record(const std::vector<UsageRow>& rows) {
  if (rows.empty()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  for (const UsageRow& r : rows) {
    auto same = [&](const UsageRow& o) {
      return o.header == r.header && o.objectId == r.objectId && o.type == r.type;
    };
    auto it = std::find_if(rows_.begin(), rows_.end(), same);
    if (it != rows_.end())
      *it = r;
    else if (rows_.size() < 10000)
      rows_.push_back(r);
  }
}

std::vector<UsageRow> UsageStore::snapshot() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<UsageRow> out = rows_;
  std::sort(out.begin(), out.end(), [](const UsageRow& a, const UsageRow& b) {
    return std::tie(a.header, a.objectId, a.type) < std::tie(b.header, b.objectId, b.type);
  });
  return out;
}

void UsageStore::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  rows_.clear();
}

}  // namespace igodbc::graph
