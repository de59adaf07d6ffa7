// A system table over an in-memory snapshot (sys_requests, sys_ratelimit): one row per record, its columns
// set by name, so a column the table does not declare is simply skipped. Makes no Graph call.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "sql/sources/row_source.h"

namespace igodbc::sql {

// Sets the columns of one row by name.
class RowFiller {
 public:
  RowFiller(const FetchContext& ctx, Row& row) : ctx_(ctx), row_(row) {
    row_.assign(ctx.table.columns.size(), Value::null());
  }
  void set(const char* column, Value v) {
    int i = ctx_.column(column);
    if (i >= 0) row_[static_cast<size_t>(i)] = std::move(v);
  }

 private:
  const FetchContext& ctx_;
  Row& row_;
};

template <typename T>
Value integerOrNull(const std::optional<T>& v) {
  return v ? Value::integer(static_cast<int64_t>(*v)) : Value::null();
}

template <typename Record>
class SnapshotSource : public RowSource {
 public:
  using Fill = std::function<void(const Record&, RowFiller&)>;
  SnapshotSource(FetchContext& ctx, std::vector<Record> records, Fill fill)
      : ctx_(ctx), records_(std::move(records)), fill_(std::move(fill)) {}

  bool next(Row& row, int& seq) override {
    if (index_ >= records_.size()) return false;
    RowFiller filler(ctx_, row);
    fill_(records_[index_++], filler);
    seq = 0;
    return true;
  }

 private:
  FetchContext& ctx_;
  std::vector<Record> records_;
  Fill fill_;
  size_t index_ = 0;
};

}  // namespace igodbc::sql
