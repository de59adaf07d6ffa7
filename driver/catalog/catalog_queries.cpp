// Catalog functions as SELECTs over the temp tables of catalog_tables.cpp. Catalog arguments are ignored
// (we report no catalogs, and tools pass SQL_DATABASE_NAME or "%" back anyway) except for the special
// SQLTables lists.
#include <sql.h>
#include <sqlext.h>

#include <string>
#include <vector>

#include "driver/catalog/catalog.h"
#include "driver/catalog/catalog_patterns.h"

namespace igodbc::driver {

namespace {

constexpr ArgKind kPattern = ArgKind::Pattern;
constexpr ArgKind kOrdinary = ArgKind::Ordinary;

bool isEmpty(const CatalogArg& a) {
  return a && a->empty();
}
bool noTypes(const CatalogArg& a) {
  return !a || a->find_first_not_of(" ") == std::string::npos;
}
bool given(const CatalogArg& a) {
  return a && !a->empty();
}

std::string select(const std::vector<CatalogColumn>& cols, const CatalogOptions& opts, const char* table) {
  return "SELECT " + selectList(cols, opts.odbc2) + " FROM temp." + table + " WHERE 1";
}

const std::vector<CatalogColumn>& tablesColumns() {
  static const std::vector<CatalogColumn> cols = {{"TABLE_CAT", "TABLE_CAT", "TABLE_QUALIFIER"},
                                                  {"TABLE_SCHEM", "TABLE_SCHEM", "TABLE_OWNER"},
                                                  {"TABLE_NAME", "TABLE_NAME"},
                                                  {"TABLE_TYPE", "TABLE_TYPE"},
                                                  {"REMARKS", "REMARKS"}};
  return cols;
}

}  // namespace

std::string tablesQuery(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& table,
                        const CatalogArg& tableTypes, const CatalogOptions& opts) {
  const auto& cols = tablesColumns();
  // The special enumerations need the other arguments to be empty strings (not null). Excel lists tables
  // with catalog "%", empty names and types "TABLE,VIEW", so a type list keeps the ordinary meaning.
  if (catalog && *catalog == SQL_ALL_CATALOGS && isEmpty(schema) && isEmpty(table) && noTypes(tableTypes))
    return select(cols, opts, "igodbc_schemas") + " AND 0";
  if (schema && *schema == SQL_ALL_SCHEMAS && isEmpty(catalog) && isEmpty(table) && noTypes(tableTypes))
    return select(cols, opts, "igodbc_schemas") + " ORDER BY TABLE_SCHEM";
  if (tableTypes && *tableTypes == SQL_ALL_TABLE_TYPES && isEmpty(catalog) && isEmpty(schema) &&
      isEmpty(table))
    return select(cols, opts, "igodbc_table_types") + " ORDER BY TABLE_TYPE";
  return select(cols, opts, "igodbc_tables") + argFilter("TABLE_SCHEM", schema, kPattern, opts.metadataId) +
         argFilter("TABLE_NAME", table, kPattern, opts.metadataId) +
         (tableTypes ? inList("TABLE_TYPE", parseTableTypes(*tableTypes)) : "") +
         " ORDER BY TABLE_TYPE, TABLE_CAT, TABLE_SCHEM, TABLE_NAME";
}

std::string columnsQuery(const CatalogArg&, const CatalogArg& schema, const CatalogArg& table,
                         const CatalogArg& column, const CatalogOptions& opts) {
  // ODBC 2 applications get their column names and date/time codes; the ODBC 3 extras follow (the
  // Driver Manager expects them).
  const std::vector<CatalogColumn> cols = {{"TABLE_CAT", "TABLE_CAT", "TABLE_QUALIFIER"},
                                           {"TABLE_SCHEM", "TABLE_SCHEM", "TABLE_OWNER"},
                                           {"TABLE_NAME", "TABLE_NAME"},
                                           {"COLUMN_NAME", "COLUMN_NAME"},
                                           {opts.odbc2 ? "DATA_TYPE_2" : "DATA_TYPE", "DATA_TYPE"},
                                           {"TYPE_NAME", "TYPE_NAME"},
                                           {"COLUMN_SIZE", "COLUMN_SIZE", "PRECISION"},
                                           {"BUFFER_LENGTH", "BUFFER_LENGTH", "LENGTH"},
                                           {"DECIMAL_DIGITS", "DECIMAL_DIGITS", "SCALE"},
                                           {"NUM_PREC_RADIX", "NUM_PREC_RADIX", "RADIX"},
                                           {"NULLABLE", "NULLABLE"},
                                           {"REMARKS", "REMARKS"},
                                           {"COLUMN_DEF", "COLUMN_DEF"},
                                           {"SQL_DATA_TYPE", "SQL_DATA_TYPE"},
                                           {"SQL_DATETIME_SUB", "SQL_DATETIME_SUB"},
                                           {"CHAR_OCTET_LENGTH", "CHAR_OCTET_LENGTH"},
                                           {"ORDINAL_POSITION", "ORDINAL_POSITION"},
                                           {"IS_NULLABLE", "IS_NULLABLE"}};
  return select(cols, opts, "igodbc_columns") + argFilter("TABLE_SCHEM", schema, kPattern, opts.metadataId) +
         argFilter("TABLE_NAME", table, kPattern, opts.metadataId) +
         argFilter("COLUMN_NAME", column, kPattern, opts.metadataId) +
         " ORDER BY TABLE_CAT, TABLE_SCHEM, TABLE_NAME, ORDINAL_POSITION";
}

std::string primaryKeysQuery(const CatalogArg&, const CatalogArg& schema, const CatalogArg& table,
                             const CatalogOptions& opts) {
  const std::vector<CatalogColumn> cols = {{"TABLE_CAT", "TABLE_CAT", "TABLE_QUALIFIER"},
                                           {"TABLE_SCHEM", "TABLE_SCHEM", "TABLE_OWNER"},
                                           {"TABLE_NAME", "TABLE_NAME"},
                                           {"COLUMN_NAME", "COLUMN_NAME"},
                                           {"KEY_SEQ", "KEY_SEQ"},
                                           {"PK_NAME", "PK_NAME"}};
  return select(cols, opts, "igodbc_pkeys") + argFilter("TABLE_SCHEM", schema, kOrdinary, opts.metadataId) +
         argFilter("TABLE_NAME", table, kOrdinary, opts.metadataId) +
         " ORDER BY TABLE_CAT, TABLE_SCHEM, TABLE_NAME, KEY_SEQ";
}

std::string foreignKeysQuery(const CatalogArg&, const CatalogArg& pkSchema, const CatalogArg& pkTable,
                             const CatalogArg&, const CatalogArg& fkSchema, const CatalogArg& fkTable,
                             const CatalogOptions& opts) {
  const std::vector<CatalogColumn> cols = {{"PKTABLE_CAT", "PKTABLE_CAT", "PKTABLE_QUALIFIER"},
                                           {"PKTABLE_SCHEM", "PKTABLE_SCHEM", "PKTABLE_OWNER"},
                                           {"PKTABLE_NAME", "PKTABLE_NAME"},
                                           {"PKCOLUMN_NAME", "PKCOLUMN_NAME"},
                                           {"FKTABLE_CAT", "FKTABLE_CAT", "FKTABLE_QUALIFIER"},
                                           {"FKTABLE_SCHEM", "FKTABLE_SCHEM", "FKTABLE_OWNER"},
                                           {"FKTABLE_NAME", "FKTABLE_NAME"},
                                           {"FKCOLUMN_NAME", "FKCOLUMN_NAME"},
                                           {"KEY_SEQ", "KEY_SEQ"},
                                           {"UPDATE_RULE", "UPDATE_RULE"},
                                           {"DELETE_RULE", "DELETE_RULE"},
                                           {"FK_NAME", "FK_NAME"},
                                           {"PK_NAME", "PK_NAME"},
                                           {"DEFERRABILITY", "DEFERRABILITY"}};
  // Keys referencing the primary key table are sorted by the referencing tables, and the other way round.
  const bool byPrimary = given(fkTable) && !given(pkTable);
  return select(cols, opts, "igodbc_fkeys") +
         argFilter("PKTABLE_SCHEM", pkSchema, kOrdinary, opts.metadataId) +
         argFilter("PKTABLE_NAME", pkTable, kOrdinary, opts.metadataId) +
         argFilter("FKTABLE_SCHEM", fkSchema, kOrdinary, opts.metadataId) +
         argFilter("FKTABLE_NAME", fkTable, kOrdinary, opts.metadataId) +
         (byPrimary ? " ORDER BY PKTABLE_CAT, PKTABLE_SCHEM, PKTABLE_NAME, KEY_SEQ"
                    : " ORDER BY FKTABLE_CAT, FKTABLE_SCHEM, FKTABLE_NAME, KEY_SEQ");
}

std::string statisticsQuery(const CatalogArg&, const CatalogArg& schema, const CatalogArg& table, int unique,
                            const CatalogOptions& opts) {
  const std::vector<CatalogColumn> cols = {{"TABLE_CAT", "TABLE_CAT", "TABLE_QUALIFIER"},
                                           {"TABLE_SCHEM", "TABLE_SCHEM", "TABLE_OWNER"},
                                           {"TABLE_NAME", "TABLE_NAME"},
                                           {"NON_UNIQUE", "NON_UNIQUE"},
                                           {"INDEX_QUALIFIER", "INDEX_QUALIFIER"},
                                           {"INDEX_NAME", "INDEX_NAME"},
                                           {"TYPE", "TYPE"},
                                           {"ORDINAL_POSITION", "ORDINAL_POSITION", "SEQ_IN_INDEX"},
                                           {"COLUMN_NAME", "COLUMN_NAME"},
                                           {"ASC_OR_DESC", "ASC_OR_DESC", "COLLATION"},
                                           {"CARDINALITY", "CARDINALITY"},
                                           {"PAGES", "PAGES"},
                                           {"FILTER_CONDITION", "FILTER_CONDITION"}};
  const std::string uniqueOnly =
      unique == SQL_INDEX_UNIQUE
          ? " AND (NON_UNIQUE IS NULL OR NON_UNIQUE = " + std::to_string(SQL_FALSE) + ")"
          : "";
  // The table columns lead the ODBC order so that a call without a table name stays grouped by table.
  return select(cols, opts, "igodbc_stats") + argFilter("TABLE_SCHEM", schema, kOrdinary, opts.metadataId) +
         argFilter("TABLE_NAME", table, kOrdinary, opts.metadataId) + uniqueOnly +
         " ORDER BY TABLE_CAT, TABLE_SCHEM, TABLE_NAME, NON_UNIQUE, TYPE, INDEX_QUALIFIER, INDEX_NAME, "
         "ORDINAL_POSITION";
}

std::string specialColumnsQuery(int identifierType, const CatalogArg&, const CatalogArg& schema,
                                const CatalogArg& table, const CatalogOptions& opts) {
  const std::vector<CatalogColumn> cols = {{"SCOPE", "SCOPE"},
                                           {"COLUMN_NAME", "COLUMN_NAME"},
                                           {opts.odbc2 ? "DATA_TYPE_2" : "DATA_TYPE", "DATA_TYPE"},
                                           {"TYPE_NAME", "TYPE_NAME"},
                                           {"COLUMN_SIZE", "COLUMN_SIZE", "PRECISION"},
                                           {"BUFFER_LENGTH", "BUFFER_LENGTH", "LENGTH"},
                                           {"DECIMAL_DIGITS", "DECIMAL_DIGITS", "SCALE"},
                                           {"PSEUDO_COLUMN", "PSEUDO_COLUMN"}};
  // The primary key identifies a row for the session (Graph IDs are stable); no column changes on update.
  if (identifierType != SQL_BEST_ROWID) return select(cols, opts, "igodbc_rowid") + " AND 0";
  return select(cols, opts, "igodbc_rowid") + argFilter("TABLE_SCHEM", schema, kOrdinary, opts.metadataId) +
         argFilter("TABLE_NAME", table, kOrdinary, opts.metadataId) +
         " ORDER BY SCOPE, TABLE_SCHEM, TABLE_NAME, KEY_SEQ";
}

namespace {
// SQLTablePrivileges' columns; SQLColumnPrivileges has COLUMN_NAME after TABLE_NAME.
std::vector<CatalogColumn> privilegesColumns(bool withColumnName) {
  std::vector<CatalogColumn> cols = {{"TABLE_CAT", "TABLE_CAT", "TABLE_QUALIFIER"},
                                     {"TABLE_SCHEM", "TABLE_SCHEM", "TABLE_OWNER"},
                                     {"TABLE_NAME", "TABLE_NAME"},
                                     {"GRANTOR", "GRANTOR"},
                                     {"GRANTEE", "GRANTEE"},
                                     {"PRIVILEGE", "PRIVILEGE"},
                                     {"IS_GRANTABLE", "IS_GRANTABLE"}};
  if (withColumnName) cols.insert(cols.begin() + 3, {"COLUMN_NAME", "COLUMN_NAME"});
  return cols;
}
}  // namespace

std::string tablePrivilegesQuery(const CatalogOptions& opts) {
  return select(privilegesColumns(false), opts, "igodbc_privileges") + " AND 0";
}

std::string columnPrivilegesQuery(const CatalogOptions& opts) {
  return select(privilegesColumns(true), opts, "igodbc_privileges") + " AND 0";
}

}  // namespace igodbc::driver
