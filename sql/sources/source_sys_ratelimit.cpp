// sys_ratelimit: the process-wide store of the latest usage headers (graph/usage_headers.h).
// Makes no Graph call.
#include <ctime>

#include "graph/usage_headers.h"
#include "net/utc_time.h"
#include "sql/fetch/snapshot_source.h"

namespace igodbc::sql {

namespace {

std::string timestampText(int64_t ms) {
  return graph::formatUtc(ms / 1000, "%Y-%m-%d %H:%M:%S");
}

void fill(const graph::UsageRow& u, RowFiller& row) {
  row.set("Header", Value::text(u.header));
  row.set("ObjectId", Value::text(u.objectId));
  row.set("Type", Value::text(u.type));
  row.set("CallCount", integerOrNull(u.callCount));
  row.set("TotalCputime", integerOrNull(u.totalCputime));
  row.set("TotalTime", integerOrNull(u.totalTime));
  row.set("EstimatedTimeToRegainAccess", integerOrNull(u.regainMinutes));
  row.set("ObservedAt", Value::text(timestampText(u.observedAtMs)));
}

}  // namespace

std::unique_ptr<RowSource> openSysRateLimit(FetchContext& ctx) {
  return std::make_unique<SnapshotSource<graph::UsageRow>>(ctx, graph::UsageStore::process().snapshot(),
                                                           fill);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_sys_ratelimit, {"sys_ratelimit", &openSysRateLimit});
