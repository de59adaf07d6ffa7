// Catalog functions as SQL: each builds the text of a query whose result set has exactly the columns ODBC
// prescribes (ODBC 2 names when the application asked for ODBC 2), over metadata tables that
// ensureCatalogTables() fills from schema/ and the scratch database. The statement then executes and fetches
// it like any other query, so catalog results share every fetch path (binding, SQLGetData, conversions).
#pragma once

#include <optional>
#include <string>

namespace igodbc::sql {
class Engine;
}

namespace igodbc::driver {

// An argument of a catalog function: absent (null pointer), or its text.
using CatalogArg = std::optional<std::string>;

struct CatalogOptions {
  bool odbc2 = false;       // SQL_ATTR_ODBC_VERSION == SQL_OV_ODBC2
  bool metadataId = false;  // SQL_ATTR_METADATA_ID: arguments are identifiers, not patterns
};

// Creates/refreshes temp tables describing Instagram objects and scratch tables. Cheap when current.
void ensureCatalogTables(sql::Engine& engine);

std::string tablesQuery(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& table,
                        const CatalogArg& tableTypes, const CatalogOptions& opts);
std::string columnsQuery(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& table,
                         const CatalogArg& column, const CatalogOptions& opts);
// SQLGetTypeInfo(SQL_ALL_TYPES = 0, or one type).
std::string typeInfoQuery(int sqlType, const CatalogOptions& opts);
std::string primaryKeysQuery(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& table,
                             const CatalogOptions& opts);
std::string foreignKeysQuery(const CatalogArg& pkCatalog, const CatalogArg& pkSchema,
                             const CatalogArg& pkTable, const CatalogArg& fkCatalog,
                             const CatalogArg& fkSchema, const CatalogArg& fkTable,
                             const CatalogOptions& opts);
std::string statisticsQuery(const CatalogArg& catalog, const CatalogArg& schema, const CatalogArg& table,
                            int unique, const CatalogOptions& opts);
// SQLProcedures / SQLProcedureColumns over the procedure registry (catalog_procedures.cpp); they create
// their own temp tables on first use.
std::string proceduresQuery(sql::Engine& engine, const CatalogArg& catalog, const CatalogArg& schema,
                            const CatalogArg& procedure, const CatalogOptions& opts);
std::string procedureColumnsQuery(sql::Engine& engine, const CatalogArg& catalog, const CatalogArg& schema,
                                  const CatalogArg& procedure, const CatalogArg& column,
                                  const CatalogOptions& opts);
std::string specialColumnsQuery(int identifierType, const CatalogArg& catalog, const CatalogArg& schema,
                                const CatalogArg& table, const CatalogOptions& opts);
// SQLTablePrivileges / SQLColumnPrivileges: Instagram has no SQL grants and scratch tables belong to the
// session, so both are empty result sets of the prescribed shape.
std::string tablePrivilegesQuery(const CatalogOptions& opts);
std::string columnPrivilegesQuery(const CatalogOptions& opts);

}  // namespace igodbc::driver
