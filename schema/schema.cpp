// Lookup and rendering helpers over the declarations.
#include "schema/schema.h"

#include <strings.h>

#include "schema/tables.h"

namespace igodbc::schema {

namespace {
bool sameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}
}  // namespace

const std::vector<Table>& allTables() {
#define IGODBC_CALL_TABLE(function) function(),
  static const std::vector<Table> tables = {IGODBC_SCHEMA_TABLES(IGODBC_CALL_TABLE)};
#undef IGODBC_CALL_TABLE
  return tables;
}

const Table* findTable(std::string_view name) {
  for (const Table& t : allTables())
    if (sameName(t.name, name)) return &t;
  return nullptr;
}

const RequiredFilter* requiredFilter(std::string_view table) {
  const Table* t = findTable(table);
  return t && t->required ? &*t->required : nullptr;
}

std::string requiredColumnsText(const RequiredFilter& filter) {
  std::string text(filter.column);
  if (!filter.orColumn.empty()) text += " or " + std::string(filter.orColumn);
  return text;
}

int columnIndex(const Table& table, std::string_view name) {
  for (size_t i = 0; i < table.columns.size(); ++i)
    if (sameName(table.columns[i].name, name)) return static_cast<int>(i);
  return -1;
}

std::string_view typeName(SqlType type) {
  switch (type) {
    case SqlType::Varchar:
      return "VARCHAR";
    case SqlType::WVarchar:
      return "WVARCHAR";
    case SqlType::BigInt:
      return "BIGINT";
    case SqlType::Integer:
      return "INTEGER";
    case SqlType::Double:
      return "DOUBLE";
    case SqlType::Bit:
      return "BIT";
    case SqlType::Timestamp:
      return "TIMESTAMP";
    case SqlType::Date:
      return "DATE";
  }
  return "VARCHAR";
}

std::string declaredType(const Column& column) {
  std::string t(typeName(column.type));
  if (column.type == SqlType::Varchar || column.type == SqlType::WVarchar)
    t += "(" + std::to_string(column.size) + ")";
  return t;
}

std::string_view tableKindName(TableKind kind) {
  switch (kind) {
    case TableKind::Table:
      return "TABLE";
    case TableKind::View:
      return "VIEW";
    case TableKind::SystemTable:
      return "SYSTEM TABLE";
  }
  return "TABLE";
}

std::string createTableSql(const Table& table) {
  std::string sql = "CREATE TABLE x(";
  for (size_t i = 0; i < table.columns.size(); ++i) {
    const Column& c = table.columns[i];
    if (i) sql += ", ";
    sql += "\"" + std::string(c.name) + "\" " + declaredType(c);
    if (!c.nullable) sql += " NOT NULL";
    if (c.flags & kNoCase) sql += " COLLATE NOCASE";
  }
  sql += ")";
  return sql;
}

std::string_view graphField(std::string_view jsonPath) {
  size_t end = jsonPath.find_first_of(".[");
  return end == std::string_view::npos ? jsonPath : jsonPath.substr(0, end);
}

}  // namespace igodbc::schema
