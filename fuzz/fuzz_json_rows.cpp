// libFuzzer: a Graph response body through the JSON parser, the paging reader (data / paging.next) and the
// row mapper of every table, as a hostile server could send it: never a crash, never unbounded work.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "net/json_body.h"
#include "schema/schema.h"
#include "sql/fetch/paged_walk.h"
#include "sql/vtab/row_mapper.h"

using namespace igodbc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the table, the rest is the body.
  const auto& tables = schema::allTables();
  const schema::Table& table = tables[data[0] % tables.size()];
  std::string error;
  auto doc = graph::parseJsonBody(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1), error);
  if (!doc) return 0;
  sql::MapContext ctx;
  ctx.pathId = "17841405822304914";
  ctx.options.rulesDate = "2026-06-01";
  auto mapOne = [&](const rapidjson::Value& object) {
    sql::Row row;
    sql::mapRow(table, object, ~uint64_t{0}, ctx, row);
    (void)sql::rowidOf(table, row);
  };
  if (const rapidjson::Value* items = sql::dataArray(*doc)) {
    for (const rapidjson::Value& item : items->GetArray())
      if (item.IsObject()) mapOne(item);
  } else if (doc->IsObject()) {
    mapOne(*doc);
  }
  return 0;
}
