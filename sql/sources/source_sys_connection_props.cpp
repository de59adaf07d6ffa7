// sys_connection_props: the properties the driver handed over at connect time (secrets
// already masked there), plus AccountScope, known without a Graph call (BusinessAccountId or a fresh
// discovery; NULL before the first discovery).
#include "sql/sources/row_source.h"
#include "sql/vtab/scope.h"

namespace igodbc::sql {

namespace {

class ConnectionPropsSource : public RowSource {
 public:
  explicit ConnectionPropsSource(FetchContext& ctx) : props_(ctx.settings().connectionProps) {
    ConnectionProp scope{"AccountScope", std::nullopt, "derived", false};
    if (std::optional<std::vector<std::string>> known = knownScope(ctx.state)) {
      std::string list;
      for (const std::string& id : *known) list += (list.empty() ? "" : ",") + id;
      scope.value = list;
    }
    props_.push_back(std::move(scope));
  }

  bool next(Row& row, int& seq) override {
    if (index_ >= props_.size()) return false;
    const ConnectionProp& p = props_[index_++];
    row.assign(4, Value::null());
    row[0] = Value::text(p.name);
    if (p.value) row[1] = Value::text(*p.value);
    row[2] = Value::text(p.source);
    row[3] = Value::integer(p.secret ? 1 : 0);
    seq = 0;
    return true;
  }

 private:
  std::vector<ConnectionProp> props_;
  size_t index_ = 0;
};

}  // namespace

std::unique_ptr<RowSource> openSysConnectionProps(FetchContext& ctx) {
  return std::make_unique<ConnectionPropsSource>(ctx);
}

}  // namespace igodbc::sql

IGODBC_ROW_SOURCES(source_sys_connection_props, {"sys_connection_props", &openSysConnectionProps});
