// sys_requests: the request log of the most recent statement. Makes no Graph call.
#include "sql/fetch/snapshot_source.h"

namespace igodbc::sql {

namespace {

void fill(const graph::RequestRecord& r, RowFiller& row) {
  row.set("Seq", Value::integer(r.seq));
  row.set("StartedMs", Value::integer(r.startedMs));
  row.set("Method", Value::text(r.method));
  row.set("Url", Value::text(r.url));
  row.set("BatchSeq", integerOrNull(r.batchSeq));
  row.set("Attempt", Value::integer(r.attempt));
  row.set("Status", integerOrNull(r.status));
  row.set("ErrorCode", integerOrNull(r.errorCode));
  row.set("ErrorSubcode", integerOrNull(r.errorSubcode));
  row.set("ElapsedMs", integerOrNull(r.elapsedMs));
  row.set("Bytes", integerOrNull(r.bytes));
  row.set("Rows", Value::integer(r.rows));
  row.set("FromCache", Value::integer(r.fromCache ? 1 : 0));
  row.set("ApiVersion", r.apiVersion.empty() ? Value::null() : Value::text(r.apiVersion));
}

}  // namespace

std::unique_ptr<RowSource> openSysRequests(FetchContext& ctx) {
  std::vector<graph::RequestRecord> records;
  if (graph::Client* c = ctx.engine().graph()) records = c->log().snapshot();
  return std::make_unique<SnapshotSource<graph::RequestRecord>>(ctx, std::move(records), fill);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_sys_requests, {"sys_requests", &openSysRequests});
