// libFuzzer: the fields= builder for any table, any column mask, any login flavour and rules date, and the
// nested-selection renderer with arbitrary edge names: never a crash, `id` always first.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "schema/schema.h"
#include "sql/vtab/fields.h"

using namespace igodbc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 10) return 0;
  const auto& tables = schema::allTables();
  const schema::Table& table = tables[data[0] % tables.size()];
  uint64_t colUsed = 0;
  std::memcpy(&colUsed, data + 1, sizeof colUsed);
  sql::FieldOptions options;
  options.facebookLogin = (data[9] & 1) != 0;
  options.rulesDate.assign(reinterpret_cast<const char*>(data + 10), std::min<size_t>(size - 10, 10));
  sql::FieldList fields = sql::projectedFields(table, colUsed, options);
  if (fields.empty() || fields.names().front() != "id") std::abort();
  std::string edge(reinterpret_cast<const char*>(data + 10), size - 10);
  sql::FieldList inner;
  for (size_t i = 0; i < edge.size(); i += 7) inner.add(edge.substr(i, 7));
  inner.remove(edge.substr(0, 7));
  (void)sql::nest(edge, inner);
  (void)fields.str();
  return 0;
}
