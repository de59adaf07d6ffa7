// sys_requests (data-model 9.1): the request log of the most recent statement. Makes no Graph call.
#include <optional>

#include "sql/row_source.h"

namespace igodbc::sql {

namespace {

template <typename T>
Value optional(const std::optional<T>& v) {
  return v ? Value::integer(static_cast<int64_t>(*v)) : Value::null();
}

class SysRequests : public RowSource {
 public:
  explicit SysRequests(FetchContext& ctx) : ctx_(ctx) {
    if (graph::Client* c = ctx.engine().graph()) records_ = c->log().snapshot();
  }

  bool next(Row& row, int& seq) override {
    if (index_ >= records_.size()) return false;
    const graph::RequestRecord& r = records_[index_++];
    row.assign(ctx_.table.columns.size(), Value::null());
    set(row, "Seq", Value::integer(r.seq));
    set(row, "StartedMs", Value::integer(r.startedMs));
    set(row, "Method", Value::text(r.method));
    set(row, "Url", Value::text(r.url));
    set(row, "BatchSeq", optional(r.batchSeq));
    set(row, "Attempt", Value::integer(r.attempt));
    set(row, "Status", optional(r.status));
    set(row, "ErrorCode", optional(r.errorCode));
    set(row, "ErrorSubcode", optional(r.errorSubcode));
    set(row, "ElapsedMs", optional(r.elapsedMs));
    set(row, "Bytes", optional(r.bytes));
    set(row, "Rows", Value::integer(r.rows));
    set(row, "FromCache", Value::integer(r.fromCache ? 1 : 0));
    set(row, "ApiVersion", r.apiVersion.empty() ? Value::null() : Value::text(r.apiVersion));
    seq = 0;
    return true;
  }

 private:
  void set(Row& row, const char* column, Value v) const {
    int i = ctx_.column(column);
    if (i >= 0) row[static_cast<size_t>(i)] = std::move(v);
  }

  FetchContext& ctx_;
  std::vector<graph::RequestRecord> records_;
  size_t index_ = 0;
};

}  // namespace

std::unique_ptr<RowSource> openSysRequests(FetchContext& ctx) {
  return std::make_unique<SysRequests>(ctx);
}

}  // namespace igodbc::sql
