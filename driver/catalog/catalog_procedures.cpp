// SQLProcedures and SQLProcedureColumns: temp tables filled once per engine from the procedure registry
// (sql/procedures/procedures.h), read by queries built like the other catalog functions.
#include <sql.h>
#include <sqlext.h>

#include <string>
#include <vector>

#include "driver/catalog/catalog.h"
#include "driver/catalog/catalog_patterns.h"
#include "driver/catalog/sql_type_info.h"
#include "sql/engine/engine.h"
#include "sql/procedures/procedures.h"

namespace igodbc::driver {

namespace {

#define ID " VARCHAR(128)"
constexpr const char* kProcsTable =
    "(PROCEDURE_CAT" ID ", PROCEDURE_SCHEM" ID ", PROCEDURE_NAME" ID
    " NOT NULL, NUM_INPUT_PARAMS INTEGER, "
    "NUM_OUTPUT_PARAMS INTEGER, NUM_RESULT_SETS INTEGER, REMARKS VARCHAR(254), PROCEDURE_TYPE SMALLINT)";
constexpr const char* kProcColsTable =
    "(PROCEDURE_CAT" ID ", PROCEDURE_SCHEM" ID ", PROCEDURE_NAME" ID " NOT NULL, COLUMN_NAME" ID
    " NOT NULL, COLUMN_TYPE SMALLINT NOT NULL, DATA_TYPE SMALLINT NOT NULL, TYPE_NAME" ID
    " NOT NULL, COLUMN_SIZE INTEGER, BUFFER_LENGTH INTEGER, DECIMAL_DIGITS SMALLINT, NUM_PREC_RADIX "
    "SMALLINT, "
    "NULLABLE SMALLINT NOT NULL, REMARKS VARCHAR(254), COLUMN_DEF VARCHAR(254), SQL_DATA_TYPE SMALLINT NOT "
    "NULL, SQL_DATETIME_SUB SMALLINT, CHAR_OCTET_LENGTH INTEGER, ORDINAL_POSITION INTEGER NOT NULL, "
    "IS_NULLABLE VARCHAR(3), DATA_TYPE_2 SMALLINT NOT NULL)";
#undef ID

void exec(sql::Engine& engine, const std::string& text) {
  auto st = engine.prepare(text);
  while (st->step()) {
  }
}

std::string lit(std::string_view s) {
  return s.empty() ? "NULL" : sqlLiteral(s);
}
std::string num(long long v) {
  return std::to_string(v);
}
std::string numOrNull(bool applies, long long v) {
  return applies ? num(v) : "NULL";
}

std::string columnRow(const sql::Procedure& p, std::string_view name, schema::SqlType type, int size,
                      bool nullable, int columnType, int ordinal, std::string_view remarks) {
  schema::Column c{name, type, size, nullable, schema::Origin::Derived, {}};
  const SqlTypeInfo t = sqlTypeInfo(schema::declaredType(c));
  const bool text = t.sqlType == SQL_VARCHAR || t.sqlType == SQL_WVARCHAR;
  const bool digits = t.sqlType == SQL_BIGINT || t.sqlType == SQL_INTEGER || t.sqlType == SQL_BIT ||
                      t.sqlType == SQL_TYPE_TIMESTAMP;
  return "(NULL, 'Instagram', " + lit(p.name) + ", " + lit(name) + ", " + num(columnType) + ", " +
         num(t.sqlType) + ", " + lit(t.typeName) + ", " + num(static_cast<long long>(t.columnSize)) + ", " +
         num(t.octetLength) + ", " + numOrNull(digits, t.decimalDigits) + ", " +
         numOrNull(t.numPrecRadix != 0, t.numPrecRadix) + ", " + num(nullable ? SQL_NULLABLE : SQL_NO_NULLS) +
         ", " + lit(remarks) + ", NULL, " + num(t.verboseType) + ", " +
         numOrNull(t.verboseType == SQL_DATETIME, t.subcode) + ", " + numOrNull(text, t.octetLength) + ", " +
         num(ordinal) + ", " + (nullable ? "'YES'" : "'NO'") + ", " + num(odbc2Type(t.sqlType)) + ")";
}

void ensureProcedureTables(sql::Engine& engine) {
  auto st = engine.prepare(
      "SELECT count(*) FROM sqlite_temp_master WHERE type = 'table' AND name IN "
      "('igodbc_procs','igodbc_proc_cols')");
  if (st->step() && st->getInt64(0) == 2) return;
  exec(engine, "DROP TABLE IF EXISTS temp.igodbc_procs");
  exec(engine, "DROP TABLE IF EXISTS temp.igodbc_proc_cols");
  exec(engine, std::string("CREATE TEMP TABLE igodbc_procs ") + kProcsTable);
  exec(engine, std::string("CREATE TEMP TABLE igodbc_proc_cols ") + kProcColsTable);
  for (const sql::Procedure& p : sql::allProcedures()) {
    exec(engine, "INSERT INTO temp.igodbc_procs VALUES (NULL, 'Instagram', " + lit(p.name) + ", " +
                     num(static_cast<long long>(p.params.size())) + ", 0, 1, " + lit(p.purpose) + ", " +
                     num(SQL_PT_PROCEDURE) + ")");
    int ordinal = 0;
    for (const sql::ProcParam& a : p.params)
      exec(engine, "INSERT INTO temp.igodbc_proc_cols VALUES " +
                       columnRow(p, a.name, a.type, a.size, true, SQL_PARAM_INPUT, ++ordinal,
                                 a.required ? std::string_view("required") : a.notes));
    ordinal = 0;
    for (const sql::ProcColumn& c : p.columns)
      exec(engine, "INSERT INTO temp.igodbc_proc_cols VALUES " +
                       columnRow(p, c.name, c.type, c.size, c.nullable, SQL_RESULT_COL, ++ordinal, {}));
  }
}

}  // namespace

std::string proceduresQuery(sql::Engine& engine, const CatalogArg&, const CatalogArg& schema,
                            const CatalogArg& procedure, const CatalogOptions& opts) {
  ensureProcedureTables(engine);
  const std::vector<CatalogColumn> cols = {{"PROCEDURE_CAT", "PROCEDURE_CAT", "PROCEDURE_QUALIFIER"},
                                           {"PROCEDURE_SCHEM", "PROCEDURE_SCHEM", "PROCEDURE_OWNER"},
                                           {"PROCEDURE_NAME", "PROCEDURE_NAME"},
                                           {"NUM_INPUT_PARAMS", "NUM_INPUT_PARAMS"},
                                           {"NUM_OUTPUT_PARAMS", "NUM_OUTPUT_PARAMS"},
                                           {"NUM_RESULT_SETS", "NUM_RESULT_SETS"},
                                           {"REMARKS", "REMARKS"},
                                           {"PROCEDURE_TYPE", "PROCEDURE_TYPE"}};
  return "SELECT " + selectList(cols, opts.odbc2) + " FROM temp.igodbc_procs WHERE 1" +
         argFilter("PROCEDURE_SCHEM", schema, ArgKind::Pattern, opts.metadataId) +
         argFilter("PROCEDURE_NAME", procedure, ArgKind::Pattern, opts.metadataId) +
         " ORDER BY PROCEDURE_CAT, PROCEDURE_SCHEM, PROCEDURE_NAME";
}

std::string procedureColumnsQuery(sql::Engine& engine, const CatalogArg&, const CatalogArg& schema,
                                  const CatalogArg& procedure, const CatalogArg& column,
                                  const CatalogOptions& opts) {
  ensureProcedureTables(engine);
  std::vector<CatalogColumn> cols = {{"PROCEDURE_CAT", "PROCEDURE_CAT", "PROCEDURE_QUALIFIER"},
                                     {"PROCEDURE_SCHEM", "PROCEDURE_SCHEM", "PROCEDURE_OWNER"},
                                     {"PROCEDURE_NAME", "PROCEDURE_NAME"},
                                     {"COLUMN_NAME", "COLUMN_NAME"},
                                     {"COLUMN_TYPE", "COLUMN_TYPE"},
                                     {opts.odbc2 ? "DATA_TYPE_2" : "DATA_TYPE", "DATA_TYPE"},
                                     {"TYPE_NAME", "TYPE_NAME"},
                                     {"COLUMN_SIZE", "COLUMN_SIZE", "PRECISION"},
                                     {"BUFFER_LENGTH", "BUFFER_LENGTH", "LENGTH"},
                                     {"DECIMAL_DIGITS", "DECIMAL_DIGITS", "SCALE"},
                                     {"NUM_PREC_RADIX", "NUM_PREC_RADIX", "RADIX"},
                                     {"NULLABLE", "NULLABLE"},
                                     {"REMARKS", "REMARKS"}};
  if (!opts.odbc2) {
    std::vector<CatalogColumn> more = {{"COLUMN_DEF", "COLUMN_DEF"},
                                       {"SQL_DATA_TYPE", "SQL_DATA_TYPE"},
                                       {"SQL_DATETIME_SUB", "SQL_DATETIME_SUB"},
                                       {"CHAR_OCTET_LENGTH", "CHAR_OCTET_LENGTH"},
                                       {"ORDINAL_POSITION", "ORDINAL_POSITION"},
                                       {"IS_NULLABLE", "IS_NULLABLE"}};
    cols.insert(cols.end(), more.begin(), more.end());
  }
  // Parameters before result columns, each in declared order (ODBC: ordered by name, then column type).
  return "SELECT " + selectList(cols, opts.odbc2) + " FROM temp.igodbc_proc_cols WHERE 1" +
         argFilter("PROCEDURE_SCHEM", schema, ArgKind::Pattern, opts.metadataId) +
         argFilter("PROCEDURE_NAME", procedure, ArgKind::Pattern, opts.metadataId) +
         argFilter("COLUMN_NAME", column, ArgKind::Pattern, opts.metadataId) +
         " ORDER BY PROCEDURE_CAT, PROCEDURE_SCHEM, PROCEDURE_NAME, COLUMN_TYPE, ORDINAL_POSITION";
}

}  // namespace igodbc::driver
