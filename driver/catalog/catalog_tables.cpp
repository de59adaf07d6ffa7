// The temp tables every catalog query reads. Instagram objects come from schema/ once per engine; the
// session's scratch tables (schema "Local") are reloaded whenever main's schema_version moved. Columns are
// declared with real types because the ODBC layer describes result columns from SQLite's declared types.
// Table names carry a prefix because SQLite resolves unqualified names in temp first.
#include <sql.h>
#include <sqlext.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "driver/catalog/catalog.h"
#include "driver/catalog/sql_type_info.h"
#include "schema/schema.h"
#include "schema/views.h"
#include "sql/engine/engine.h"

namespace igodbc::driver {

namespace {

constexpr const char* kInstagram = "Instagram";
constexpr const char* kLocal = "Local";

// Column definitions; ID is the type of every name column.
#define ID " VARCHAR(128)"
const char* const kTables[][2] = {
    {"igodbc_tables", "(TABLE_CAT" ID ", TABLE_SCHEM" ID ", TABLE_NAME" ID " NOT NULL, "
                      "TABLE_TYPE VARCHAR(32), REMARKS VARCHAR(254))"},
    // The special SQLTables lists (schemas, table types) share the SQLTables shape.
    {"igodbc_schemas", "(TABLE_CAT" ID ", TABLE_SCHEM" ID ", TABLE_NAME" ID ", TABLE_TYPE VARCHAR(32), "
                       "REMARKS VARCHAR(254))"},
    {"igodbc_table_types", "(TABLE_CAT" ID ", TABLE_SCHEM" ID ", TABLE_NAME" ID ", TABLE_TYPE VARCHAR(32), "
                           "REMARKS VARCHAR(254))"},
    {"igodbc_columns", "(TABLE_CAT" ID ", TABLE_SCHEM" ID ", TABLE_NAME" ID " NOT NULL, "
                       "COLUMN_NAME" ID " NOT NULL, DATA_TYPE SMALLINT NOT NULL, "
                       "TYPE_NAME" ID " NOT NULL, COLUMN_SIZE INTEGER, BUFFER_LENGTH INTEGER, "
                       "DECIMAL_DIGITS SMALLINT, NUM_PREC_RADIX SMALLINT, "
                       "NULLABLE SMALLINT NOT NULL, REMARKS VARCHAR(254), "
                       "COLUMN_DEF VARCHAR(254), SQL_DATA_TYPE SMALLINT NOT NULL, "
                       "SQL_DATETIME_SUB SMALLINT, CHAR_OCTET_LENGTH INTEGER, "
                       "ORDINAL_POSITION INTEGER NOT NULL, IS_NULLABLE VARCHAR(3), "
                       "DATA_TYPE_2 SMALLINT NOT NULL)"},
    {"igodbc_pkeys", "(TABLE_CAT" ID ", TABLE_SCHEM" ID ", TABLE_NAME" ID " NOT NULL, "
                     "COLUMN_NAME" ID " NOT NULL, KEY_SEQ SMALLINT NOT NULL, PK_NAME" ID ")"},
    {"igodbc_fkeys", "(PKTABLE_CAT" ID ", PKTABLE_SCHEM" ID ", PKTABLE_NAME" ID " NOT NULL, "
                     "PKCOLUMN_NAME" ID " NOT NULL, FKTABLE_CAT" ID ", FKTABLE_SCHEM" ID ", "
                     "FKTABLE_NAME" ID " NOT NULL, FKCOLUMN_NAME" ID " NOT NULL, "
                     "KEY_SEQ SMALLINT NOT NULL, UPDATE_RULE SMALLINT, "
                     "DELETE_RULE SMALLINT, FK_NAME" ID ", PK_NAME" ID ", DEFERRABILITY SMALLINT)"},
    {"igodbc_stats", "(TABLE_CAT" ID ", TABLE_SCHEM" ID ", TABLE_NAME" ID " NOT NULL, "
                     "NON_UNIQUE SMALLINT, INDEX_QUALIFIER" ID ", INDEX_NAME" ID ", "
                     "TYPE SMALLINT NOT NULL, ORDINAL_POSITION SMALLINT, COLUMN_NAME" ID ", "
                     "ASC_OR_DESC CHAR(1), CARDINALITY INTEGER, PAGES INTEGER, "
                     "FILTER_CONDITION" ID ")"},
    // Always empty: the shape of SQLTablePrivileges and SQLColumnPrivileges results.
    {"igodbc_privileges", "(TABLE_CAT" ID ", TABLE_SCHEM" ID ", TABLE_NAME" ID " NOT NULL, "
                          "COLUMN_NAME" ID " NOT NULL, GRANTOR" ID ", GRANTEE" ID " NOT NULL, "
                          "PRIVILEGE" ID " NOT NULL, IS_GRANTABLE VARCHAR(3))"},
    // SQLSpecialColumns rows plus the columns it filters and sorts on.
    {"igodbc_rowid", "(TABLE_SCHEM" ID ", TABLE_NAME" ID ", SCOPE SMALLINT, "
                     "COLUMN_NAME" ID " NOT NULL, DATA_TYPE SMALLINT NOT NULL, "
                     "DATA_TYPE_2 SMALLINT NOT NULL, TYPE_NAME" ID " NOT NULL, "
                     "COLUMN_SIZE INTEGER, BUFFER_LENGTH INTEGER, DECIMAL_DIGITS SMALLINT, "
                     "PSEUDO_COLUMN SMALLINT, KEY_SEQ SMALLINT)"},
    {"igodbc_types", "(TYPE_NAME" ID " NOT NULL, DATA_TYPE SMALLINT NOT NULL, "
                     "COLUMN_SIZE INTEGER, LITERAL_PREFIX" ID ", LITERAL_SUFFIX" ID ", "
                     "CREATE_PARAMS" ID ", NULLABLE SMALLINT NOT NULL, "
                     "CASE_SENSITIVE SMALLINT NOT NULL, SEARCHABLE SMALLINT NOT NULL, "
                     "UNSIGNED_ATTRIBUTE SMALLINT, FIXED_PREC_SCALE SMALLINT NOT NULL, "
                     "AUTO_UNIQUE_VALUE SMALLINT, LOCAL_TYPE_NAME" ID ", "
                     "MINIMUM_SCALE SMALLINT, MAXIMUM_SCALE SMALLINT, "
                     "SQL_DATA_TYPE SMALLINT NOT NULL, SQL_DATETIME_SUB SMALLINT, "
                     "NUM_PREC_RADIX INTEGER, INTERVAL_PRECISION SMALLINT, "
                     "DATA_TYPE_2 SMALLINT NOT NULL)"},
    // main_version: the main schema_version Local rows were loaded at; -1 = never.
    {"igodbc_state", "(main_version INTEGER NOT NULL)"},
};
#undef ID

// Tables holding Local rows, and the column naming their schema.
const char* const kLocalRows[][2] = {
    {"igodbc_tables", "TABLE_SCHEM"},  {"igodbc_columns", "TABLE_SCHEM"}, {"igodbc_pkeys", "TABLE_SCHEM"},
    {"igodbc_fkeys", "FKTABLE_SCHEM"}, {"igodbc_stats", "TABLE_SCHEM"},   {"igodbc_rowid", "TABLE_SCHEM"},
};

using Cell = std::variant<std::nullptr_t, int64_t, std::string_view>;

Cell num(int64_t v) {
  return v;
}
Cell numOrNull(bool applies, int64_t v) {
  return applies ? Cell(v) : Cell(nullptr);
}
Cell textOrNull(std::string_view s) {
  return s.empty() ? Cell(nullptr) : Cell(s);
}

void exec(sql::Engine& engine, const std::string& sql) {
  auto st = engine.prepare(sql);
  while (st->step()) {
  }
}

int64_t scalar(sql::Engine& engine, const std::string& sql) {
  auto st = engine.prepare(sql);
  return st->step() ? st->getInt64(0) : 0;
}

std::unique_ptr<sql::Statement> inserter(sql::Engine& engine, const char* table, int columns) {
  std::string sql = std::string("INSERT INTO temp.") + table + " VALUES (?";
  for (int i = 1; i < columns; ++i) sql += ",?";
  return engine.prepare(sql + ")");
}

void insert(sql::Statement& st, std::initializer_list<Cell> cells) {
  int i = 0;
  for (const Cell& c : cells) {
    ++i;
    if (const int64_t* v = std::get_if<int64_t>(&c))
      st.bindInt64(i, *v);
    else if (const std::string_view* s = std::get_if<std::string_view>(&c))
      st.bindText(i, *s);
    else
      st.bindNull(i);
  }
  st.step();
  st.reset();
}

struct ColumnDef {
  std::string_view schema, table, name;
  std::string declType;
  bool nullable;
  int ordinal;
  std::string_view remarks, defaultValue;  // empty = NULL
};

// One SQLColumns row, described by the same mapping SQLDescribeCol uses.
void insertColumn(sql::Statement& st, const ColumnDef& c) {
  const SqlTypeInfo t = sqlTypeInfo(c.declType);
  const bool text = t.sqlType == SQL_VARCHAR || t.sqlType == SQL_WVARCHAR || t.sqlType == SQL_VARBINARY;
  // DECIMAL_DIGITS applies to exact numbers and fractional seconds only (ODBC appendix D).
  const bool digits = t.sqlType == SQL_BIGINT || t.sqlType == SQL_INTEGER || t.sqlType == SQL_BIT ||
                      t.sqlType == SQL_TYPE_TIMESTAMP;
  insert(st, {nullptr, c.schema, c.table, c.name, num(t.sqlType), t.typeName, num(t.columnSize),
              num(t.octetLength), numOrNull(digits, t.decimalDigits),
              numOrNull(t.numPrecRadix != 0, t.numPrecRadix), num(c.nullable ? SQL_NULLABLE : SQL_NO_NULLS),
              textOrNull(c.remarks), textOrNull(c.defaultValue), num(t.verboseType),
              numOrNull(t.verboseType == SQL_DATETIME, t.subcode), numOrNull(text, t.octetLength),
              num(c.ordinal), c.nullable ? "YES" : "NO", num(odbc2Type(t.sqlType))});
}

// Rows derived from a schema's tables and primary keys: the SQL_TABLE_STAT row and the primary key as a
// unique index (SQLStatistics), and the key as best row identifier (SQLSpecialColumns).
void insertDerived(sql::Engine& engine, const char* schemaName) {
  const std::string schema = std::string("'") + schemaName + "'";
  exec(engine,
       "INSERT INTO temp.igodbc_stats SELECT TABLE_CAT, TABLE_SCHEM, TABLE_NAME, NULL, NULL, NULL, " +
           std::to_string(SQL_TABLE_STAT) +
           ", NULL, NULL, NULL, NULL, NULL, NULL FROM temp.igodbc_tables WHERE TABLE_SCHEM = " + schema);
  exec(engine,
       "INSERT INTO temp.igodbc_stats SELECT TABLE_CAT, TABLE_SCHEM, TABLE_NAME, " +
           std::to_string(SQL_FALSE) + ", NULL, PK_NAME, " + std::to_string(SQL_INDEX_OTHER) +
           ", KEY_SEQ, COLUMN_NAME, NULL, NULL, NULL, NULL FROM temp.igodbc_pkeys WHERE TABLE_SCHEM = " +
           schema);
  exec(engine, "INSERT INTO temp.igodbc_rowid SELECT k.TABLE_SCHEM, k.TABLE_NAME, " +
                   std::to_string(SQL_SCOPE_SESSION) +
                   ", c.COLUMN_NAME, c.DATA_TYPE, c.DATA_TYPE_2, c.TYPE_NAME, c.COLUMN_SIZE, c.BUFFER_LENGTH,"
                   " c.DECIMAL_DIGITS, " +
                   std::to_string(SQL_PC_NOT_PSEUDO) +
                   ", k.KEY_SEQ FROM temp.igodbc_pkeys k JOIN temp.igodbc_columns c ON c.TABLE_SCHEM = "
                   "k.TABLE_SCHEM AND c.TABLE_NAME = k.TABLE_NAME AND c.COLUMN_NAME = k.COLUMN_NAME WHERE "
                   "k.TABLE_SCHEM = " +
                   schema);
}

void insertInstagramKeys(sql::Engine& engine, const schema::Table& t) {
  auto pkeys = inserter(engine, "igodbc_pkeys", 6);
  auto fkeys = inserter(engine, "igodbc_fkeys", 14);
  auto stats = inserter(engine, "igodbc_stats", 13);
  const std::string name(t.name);
  for (size_t i = 0; i < t.primaryKey.size(); ++i)
    insert(*pkeys,
           {nullptr, kInstagram, t.name, t.primaryKey[i], num(static_cast<int64_t>(i + 1)), "PK_" + name});
  for (const schema::ForeignKey& fk : t.foreignKeys) {
    const schema::Table* ref = schema::findTable(fk.refTable);
    if (!ref) continue;  // a relationship to an object not declared yet would dangle in BI tools
    const std::string refName(ref->name);
    insert(*fkeys, {nullptr, kInstagram, ref->name, fk.refColumn, nullptr, kInstagram, t.name, fk.column,
                    num(1), num(SQL_NO_ACTION), num(SQL_NO_ACTION),
                    "FK_" + name + "_" + std::string(fk.column), "PK_" + refName, num(SQL_NOT_DEFERRABLE)});
  }
  for (const std::vector<std::string_view>& key : t.uniqueKeys) {
    std::string index = "UQ_" + name;
    for (std::string_view col : key) index += "_" + std::string(col);
    for (size_t i = 0; i < key.size(); ++i)
      insert(*stats, {nullptr, kInstagram, t.name, num(SQL_FALSE), nullptr, index, num(SQL_INDEX_OTHER),
                      num(static_cast<int64_t>(i + 1)), key[i], nullptr, nullptr, nullptr, nullptr});
  }
}

void insertInstagram(sql::Engine& engine) {
  auto tables = inserter(engine, "igodbc_tables", 5);
  auto columns = inserter(engine, "igodbc_columns", 19);
  // CDataCompat=true adds the compatibility views and alias columns.
  for (const schema::Table* table : schema::catalogTables(engine.settings().cdataCompat)) {
    const schema::Table& t = *table;
    insert(*tables, {nullptr, kInstagram, t.name, schema::tableKindName(t.kind), textOrNull(t.purpose)});
    for (size_t i = 0; i < t.columns.size(); ++i) {
      const schema::Column& c = t.columns[i];
      insertColumn(*columns, {kInstagram,
                              t.name,
                              c.name,
                              schema::declaredType(c),
                              c.nullable,
                              static_cast<int>(i + 1),
                              c.notes,
                              {}});
    }
    insertInstagramKeys(engine, t);
  }
  insertDerived(engine, kInstagram);
}

void insertLists(sql::Engine& engine) {
  auto schemas = inserter(engine, "igodbc_schemas", 5);
  for (const char* s : {kInstagram, kLocal}) insert(*schemas, {nullptr, s, nullptr, nullptr, nullptr});
  auto types = inserter(engine, "igodbc_table_types", 5);
  for (schema::TableKind k :
       {schema::TableKind::Table, schema::TableKind::View, schema::TableKind::SystemTable})
    insert(*types, {nullptr, nullptr, nullptr, schema::tableKindName(k), nullptr});
}

// The types SQLGetTypeInfo lists: ours, which CREATE TABLE on scratch tables also accepts.
void insertTypes(sql::Engine& engine) {
  auto st = inserter(engine, "igodbc_types", 20);
  for (const char* name :
       {"VARCHAR", "WVARCHAR", "BIGINT", "INTEGER", "DOUBLE", "BIT", "TIMESTAMP", "DATE"}) {
    const SqlTypeInfo t = sqlTypeInfo(name);
    const bool text = t.sqlType == SQL_VARCHAR || t.sqlType == SQL_WVARCHAR;
    const bool quoted = text || t.verboseType == SQL_DATETIME;
    const bool numeric = t.numPrecRadix != 0;
    const bool scaled = (numeric && t.sqlType != SQL_DOUBLE) || t.sqlType == SQL_TYPE_TIMESTAMP;
    // Largest declarable sizes: the non-LOB limits BI tools accept.
    const int64_t size = t.sqlType == SQL_VARCHAR ? 8000 : t.sqlType == SQL_WVARCHAR ? 4000 : t.columnSize;
    insert(*st, {t.typeName,
                 num(t.sqlType),
                 num(size),
                 quoted ? Cell("'") : Cell(nullptr),
                 quoted ? Cell("'") : Cell(nullptr),
                 text ? Cell("max length") : Cell(nullptr),
                 num(SQL_NULLABLE),
                 num(t.caseSensitive ? SQL_TRUE : SQL_FALSE),
                 num(t.searchable),
                 numOrNull(numeric, t.isUnsigned ? SQL_TRUE : SQL_FALSE),
                 num(SQL_FALSE),
                 numOrNull(numeric, SQL_FALSE),
                 t.typeName,
                 numOrNull(scaled, 0),
                 numOrNull(scaled, t.decimalDigits),
                 num(t.verboseType),
                 numOrNull(t.verboseType == SQL_DATETIME, t.subcode),
                 numOrNull(numeric, t.numPrecRadix),
                 nullptr,
                 num(odbc2Type(t.sqlType))});
  }
}

void createAll(sql::Engine& engine) {
  // A previous attempt may have stopped half-way, or a user dropped one table: start clean.
  for (const auto& t : kTables) exec(engine, std::string("DROP TABLE IF EXISTS temp.") + t[0]);
  for (const auto& t : kTables) exec(engine, std::string("CREATE TEMP TABLE ") + t[0] + t[1]);
  insertInstagram(engine);
  insertLists(engine);
  insertTypes(engine);
  exec(engine, "INSERT INTO temp.igodbc_state VALUES (-1)");
}

// A scratch table's columns and primary key. A view whose tables are gone cannot be described: it is
// listed without columns rather than failing the catalog call.
void insertScratchColumns(sql::Statement& info, sql::Statement& columns, sql::Statement& pkeys,
                          const std::string& table) {
  std::vector<std::pair<int64_t, std::string>> key;
  info.bindText(1, table);
  try {
    int ordinal = 0;
    while (info.step()) {
      const std::string name(info.getText(0)), type(info.getText(1)), def(info.getText(3));
      insertColumn(columns, {kLocal, table, name, type, info.getInt64(2) == 0, ++ordinal, {}, def});
      if (info.getInt64(4) > 0) key.emplace_back(info.getInt64(4), name);
    }
  } catch (const sql::EngineError&) {
  }
  info.reset();
  std::sort(key.begin(), key.end());
  for (size_t i = 0; i < key.size(); ++i)
    insert(pkeys, {nullptr, kLocal, table, key[i].second, num(static_cast<int64_t>(i + 1)), "PK_" + table});
}

void reloadLocal(sql::Engine& engine) {
  for (const auto& t : kLocalRows)
    exec(engine, std::string("DELETE FROM temp.") + t[0] + " WHERE " + t[1] + " = '" + kLocal + "'");
  auto tables = inserter(engine, "igodbc_tables", 5);
  auto columns = inserter(engine, "igodbc_columns", 19);
  auto pkeys = inserter(engine, "igodbc_pkeys", 6);
  auto info =
      engine.prepare("SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?1, 'main')");
  for (const auto& [name, type] : engine.scratchTables()) {
    insert(*tables, {nullptr, kLocal, name, type, nullptr});
    insertScratchColumns(*info, *columns, *pkeys, name);
  }
  insertDerived(engine, kLocal);
}

// All tables present. A rollback of the transaction that created them, or a user's DROP, removes some.
bool complete(sql::Engine& engine) {
  std::string names;
  for (const auto& t : kTables) names += std::string(names.empty() ? "'" : ",'") + t[0] + "'";
  const int64_t present = scalar(
      engine, "SELECT count(*) FROM sqlite_temp_master WHERE type = 'table' AND name IN (" + names + ")");
  return present == static_cast<int64_t>(std::size(kTables));
}

}  // namespace

void ensureCatalogTables(sql::Engine& engine) {
  if (!complete(engine)) createAll(engine);
  const int64_t version = scalar(engine, "PRAGMA main.schema_version");
  if (version == scalar(engine, "SELECT main_version FROM temp.igodbc_state")) return;
  reloadLocal(engine);
  exec(engine, "UPDATE temp.igodbc_state SET main_version = " + std::to_string(version));
}

}  // namespace igodbc::driver
