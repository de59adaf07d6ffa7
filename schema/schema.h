// The SQL tables, declared once. Everything else (virtual-table shapes, catalog functions, fields=
// lists, generated docs, tests) reads these declarations; nothing here knows about ODBC, SQLite or HTTP.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace igodbc::schema {

enum class SqlType { Varchar, WVarchar, BigInt, Integer, Double, Bit, Timestamp, Date };
enum class TableKind { Table, View, SystemTable };

// Which operators on a column the planner may turn into Graph request parameters.
enum Push : unsigned {
  kPushNone = 0,
  kPushEq = 1u << 0,     // col = v
  kPushIn = 1u << 1,     // col IN (...), received whole through sqlite3_vtab_in
  kPushRange = 1u << 2,  // <, <=, >, >= (a Timestamp becomes since/until)
  kPushNull = 1u << 3,   // IS NULL / IS NOT NULL (re-checked by the cursor only)
};

// Availability rules for a column's Graph field.
enum ColumnFlag : unsigned {
  kFlagNone = 0,
  kNoCase = 1u << 0,              // compared with COLLATE NOCASE (usernames, hashtag names)
  kFacebookLoginOnly = 1u << 1,   // not requested with Instagram Login; NULL there
  kInstagramLoginOnly = 1u << 2,  // not requested with Facebook Login; NULL there
};

// Where a column's value comes from. Json: the path in the Graph object ("a", "a.b", "a[]" for a
// comma-joined array). Path: the ID in the request path (the account being walked). Parent: the ID of the
// enclosing object (the album of a child). Derived: computed by the driver (positions, sequence numbers).
enum class Origin { Json, Path, Parent, Derived };

struct Column {
  std::string_view name;
  SqlType type;
  int size;  // COLUMN_SIZE: characters for VARCHAR, UTF-16 code units for WVARCHAR; ignored for numbers
  bool nullable;
  Origin origin;
  std::string_view json;  // Graph JSON path when origin == Json
  unsigned push = kPushNone;
  unsigned flags = kFlagNone;
  std::string_view availableFrom = {};  // "YYYY-MM-DD": the field exists on all versions from that day
  std::string_view notes = {};
};

// What reading a table costs in Graph calls, for the planner to compare plans (sql/vtab/plan.cpp). Column
// names are of the table; empty: none.
struct Cost {
  std::string_view key;      // = or IN on it reads the objects by ID instead of walking
  std::string_view account;  // selects the accounts walked
  std::string_view time;     // a range on it narrows the walk
  double walkCalls = 1;      // calls of an unconstrained walk of one account; 0: answered without a call
  double rowsPerCall = 100;  // rows per call of that walk
  bool keyIsUnique = false;  // = on the key yields at most one row
  bool newestFirst = false;  // the walk returns rows by `time` descending within one account
  // Columns besides the key whose = / IN values are read through their own object (a media's or a comment's
  // edge), a call or two instead of a walk; a join that feeds them IDs is then the cheap order.
  std::vector<std::string_view> parentKeys = {};
};

// Plans of a table with one must consume = or IN on `column` (directly or through a join); otherwise the
// statement fails with "Table Instagram.{table} needs a filter on {column} (for example: {example}).
// {reason}".
struct RequiredFilter {
  std::string_view column;
  std::string_view example;
  std::string_view reason;
  std::string_view orColumn = {};  // a second column that satisfies the requirement as well ("Name or Id")
};

struct Writes;  // schema/writes.h: what INSERT/UPDATE/DELETE do on a writable table

struct ForeignKey {
  std::string_view column;
  std::string_view refTable;
  std::string_view refColumn;
};

struct Table {
  std::string_view name;
  TableKind kind;
  Cost cost;
  std::vector<Column> columns;
  std::vector<std::string_view> primaryKey;
  std::vector<std::vector<std::string_view>> uniqueKeys;
  std::vector<ForeignKey> foreignKeys;
  std::string_view purpose;
  std::string_view readOnlyHint = {};           // appended to "Instagram.X is read-only"
  const Writes* writes = nullptr;               // nullptr: the table refuses every write (read-only)
  std::optional<RequiredFilter> required = {};  // absent: any plan will do
};

// The required filter of a declared table (case-insensitive name); nullptr for tables without one.
const RequiredFilter* requiredFilter(std::string_view table);
// "{column}" or "{column} or {orColumn}", as the message names them.
std::string requiredColumnsText(const RequiredFilter& filter);

// The one schema every Instagram object lives in.
inline constexpr std::string_view kSchemaName = "Instagram";

const std::vector<Table>& allTables();
const Table* findTable(std::string_view name);               // case-insensitive; nullptr if unknown
int columnIndex(const Table& table, std::string_view name);  // case-insensitive; -1 if unknown
std::string_view typeName(SqlType type);                     // "VARCHAR", "WVARCHAR", "BIGINT", ...
std::string declaredType(const Column& column);              // "VARCHAR(32)", "TIMESTAMP", ...
std::string_view tableKindName(TableKind kind);              // "TABLE", "VIEW", "SYSTEM TABLE"
// The CREATE TABLE statement handed to sqlite3_declare_vtab: declared types and NOCASE collations.
std::string createTableSql(const Table& table);
// The top-level Graph field behind a JSON path: "owner.id" -> "owner", "tasks[]" -> "tasks".
std::string_view graphField(std::string_view jsonPath);

}  // namespace igodbc::schema
