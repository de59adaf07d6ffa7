// sys_identity: the IDs created by the last INSERT statement, in order. Makes no Graph call.
#include "sql/sources/row_source.h"

namespace igodbc::sql {

namespace {

class SysIdentity : public RowSource {
 public:
  explicit SysIdentity(FetchContext& ctx) : ctx_(ctx), ids_(ctx.engine().insertedIds()) {}

  bool next(Row& row, int& seq) override {
    if (index_ >= ids_.size()) return false;
    const auto& [table, id] = ids_[index_++];
    row.assign(ctx_.table.columns.size(), Value::null());
    set(row, "Seq", Value::integer(static_cast<int64_t>(index_)));
    set(row, "TableName", Value::text(table));
    set(row, "Id", Value::text(id));
    seq = 0;
    return true;
  }

 private:
  void set(Row& row, const char* column, Value v) const {
    int i = ctx_.column(column);
    if (i >= 0) row[static_cast<size_t>(i)] = std::move(v);
  }

  FetchContext& ctx_;
  std::vector<std::pair<std::string, std::string>> ids_;  // a copy: an INSERT may run while this scan is open
  size_t index_ = 0;
};

}  // namespace

std::unique_ptr<RowSource> openSysIdentity(FetchContext& ctx) {
  return std::make_unique<SysIdentity>(ctx);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_sys_identity, {"sys_identity", &openSysIdentity});
