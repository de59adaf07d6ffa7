// SQLGetTypeInfo over temp.igodbc_types (filled by catalog_tables.cpp from the shared type mapping).
#include <sql.h>
#include <sqlext.h>

#include <string>
#include <vector>

#include "driver/catalog/catalog.h"
#include "driver/catalog/catalog_patterns.h"

namespace igodbc::driver {

std::string typeInfoQuery(int sqlType, const CatalogOptions& opts) {
  const char* dataType = opts.odbc2 ? "DATA_TYPE_2" : "DATA_TYPE";
  const std::vector<CatalogColumn> cols = {{"TYPE_NAME", "TYPE_NAME"},
                                           {dataType, "DATA_TYPE"},
                                           {"COLUMN_SIZE", "COLUMN_SIZE", "PRECISION"},
                                           {"LITERAL_PREFIX", "LITERAL_PREFIX"},
                                           {"LITERAL_SUFFIX", "LITERAL_SUFFIX"},
                                           {"CREATE_PARAMS", "CREATE_PARAMS"},
                                           {"NULLABLE", "NULLABLE"},
                                           {"CASE_SENSITIVE", "CASE_SENSITIVE"},
                                           {"SEARCHABLE", "SEARCHABLE"},
                                           {"UNSIGNED_ATTRIBUTE", "UNSIGNED_ATTRIBUTE"},
                                           {"FIXED_PREC_SCALE", "FIXED_PREC_SCALE", "MONEY"},
                                           {"AUTO_UNIQUE_VALUE", "AUTO_UNIQUE_VALUE", "AUTO_INCREMENT"},
                                           {"LOCAL_TYPE_NAME", "LOCAL_TYPE_NAME"},
                                           {"MINIMUM_SCALE", "MINIMUM_SCALE"},
                                           {"MAXIMUM_SCALE", "MAXIMUM_SCALE"},
                                           {"SQL_DATA_TYPE", "SQL_DATA_TYPE"},
                                           {"SQL_DATETIME_SUB", "SQL_DATETIME_SUB"},
                                           {"NUM_PREC_RADIX", "NUM_PREC_RADIX"},
                                           {"INTERVAL_PRECISION", "INTERVAL_PRECISION"}};
  std::string sql = "SELECT " + selectList(cols, opts.odbc2) + " FROM temp.igodbc_types";
  // Either generation of date/time codes selects the type: the Driver Manager may or may not have mapped it.
  if (sqlType != SQL_ALL_TYPES) {
    const std::string t = std::to_string(sqlType);
    sql += " WHERE DATA_TYPE = " + t + " OR DATA_TYPE_2 = " + t;
  }
  // One row per type, so DATA_TYPE alone gives the ODBC order ("then by closeness of the mapping").
  return sql + " ORDER BY " + dataType + ", TYPE_NAME";
}

}  // namespace igodbc::driver
