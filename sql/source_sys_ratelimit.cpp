// sys_ratelimit (data-model 9.2): the process-wide store of the latest usage headers (graph/usage_headers.h).
// Makes no Graph call.
#include <ctime>
#include <optional>

#include "graph/usage_headers.h"
#include "sql/row_source.h"

namespace igodbc::sql {

namespace {

Value optional(const std::optional<int>& v) {
  return v ? Value::integer(*v) : Value::null();
}

std::string timestampText(int64_t ms) {
  std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[24];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

class SysRateLimit : public RowSource {
 public:
  explicit SysRateLimit(FetchContext& ctx) : ctx_(ctx), rows_(graph::UsageStore::process().snapshot()) {}

  bool next(Row& row, int& seq) override {
    if (index_ >= rows_.size()) return false;
    const graph::UsageRow& u = rows_[index_++];
    row.assign(ctx_.table.columns.size(), Value::null());
    set(row, "Header", Value::text(u.header));
    set(row, "ObjectId", Value::text(u.objectId));
    set(row, "Type", Value::text(u.type));
    set(row, "CallCount", optional(u.callCount));
    set(row, "TotalCputime", optional(u.totalCputime));
    set(row, "TotalTime", optional(u.totalTime));
    set(row, "EstimatedTimeToRegainAccess", optional(u.regainMinutes));
    set(row, "ObservedAt", Value::text(timestampText(u.observedAtMs)));
    seq = 0;
    return true;
  }

 private:
  void set(Row& row, const char* column, Value v) const {
    int i = ctx_.column(column);
    if (i >= 0) row[static_cast<size_t>(i)] = std::move(v);
  }

  FetchContext& ctx_;
  std::vector<graph::UsageRow> rows_;
  size_t index_ = 0;
};

}  // namespace

std::unique_ptr<RowSource> openSysRateLimit(FetchContext& ctx) {
  return std::make_unique<SysRateLimit>(ctx);
}

}  // namespace igodbc::sql
