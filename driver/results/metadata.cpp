// Catalog functions: validate the arguments, build the query (catalog.h) and run it as the statement's
// result, so catalog rows go through the same fetch, binding and conversion paths as any query.
#include "driver/catalog/catalog.h"
#include "driver/exports/api.h"
#include "driver/handles/statement.h"

namespace igodbc::driver {

namespace {

CatalogOptions options(const Statement& st) {
  return CatalogOptions{st.odbc2(), st.metadataId == SQL_TRUE};
}

template <class Build>
SQLRETURN run(Statement& st, Build build) {
  st.requireNoCursor();
  ensureCatalogTables(st.conn->engine());
  return st.runQuery(build(options(st)));
}

void require(const OptString& arg, const char* name) {
  if (!arg) throw OdbcError("HY009", std::string("Invalid use of null pointer: ") + name + " is required");
}

// With SQL_ATTR_METADATA_ID on, schema and table arguments are identifiers and may not be null.
void requireIdentifiers(const Statement& st, std::initializer_list<const OptString*> args) {
  if (st.metadataId != SQL_TRUE) return;
  for (const OptString* a : args)
    if (!*a)
      throw OdbcError("HY009", "Invalid use of null pointer: SQL_ATTR_METADATA_ID requires every name");
}

}  // namespace

SQLRETURN tables(Statement& st, const OptString& catalog, const OptString& schema, const OptString& table,
                 const OptString& types) {
  requireIdentifiers(st, {&schema, &table});
  return run(st, [&](const CatalogOptions& o) { return tablesQuery(catalog, schema, table, types, o); });
}

SQLRETURN columns(Statement& st, const OptString& catalog, const OptString& schema, const OptString& table,
                  const OptString& column) {
  requireIdentifiers(st, {&schema, &table, &column});
  return run(st, [&](const CatalogOptions& o) { return columnsQuery(catalog, schema, table, column, o); });
}

SQLRETURN typeInfo(Statement& st, SQLSMALLINT sqlType) {
  // ODBC 2 codes for date and time name the same types.
  if (sqlType == SQL_DATE) sqlType = SQL_TYPE_DATE;
  if (sqlType == SQL_TIME) sqlType = SQL_TYPE_TIME;
  if (sqlType == SQL_TIMESTAMP) sqlType = SQL_TYPE_TIMESTAMP;
  return run(st, [&](const CatalogOptions& o) { return typeInfoQuery(sqlType, o); });
}

SQLRETURN primaryKeys(Statement& st, const OptString& catalog, const OptString& schema,
                      const OptString& table) {
  require(table, "TableName");
  return run(st, [&](const CatalogOptions& o) { return primaryKeysQuery(catalog, schema, table, o); });
}

SQLRETURN foreignKeys(Statement& st, const OptString& pkCatalog, const OptString& pkSchema,
                      const OptString& pkTable, const OptString& fkCatalog, const OptString& fkSchema,
                      const OptString& fkTable) {
  if (!pkTable && !fkTable)
    throw OdbcError("HY009", "Invalid use of null pointer: PKTableName or FKTableName is required");
  return run(st, [&](const CatalogOptions& o) {
    return foreignKeysQuery(pkCatalog, pkSchema, pkTable, fkCatalog, fkSchema, fkTable, o);
  });
}

SQLRETURN statistics(Statement& st, const OptString& catalog, const OptString& schema, const OptString& table,
                     SQLUSMALLINT unique, SQLUSMALLINT reserved) {
  require(table, "TableName");
  if (unique != SQL_INDEX_UNIQUE && unique != SQL_INDEX_ALL)
    throw OdbcError("HY100", "Uniqueness option type out of range");
  if (reserved != SQL_ENSURE && reserved != SQL_QUICK)
    throw OdbcError("HY101", "Accuracy option type out of range");
  return run(st, [&](const CatalogOptions& o) { return statisticsQuery(catalog, schema, table, unique, o); });
}

SQLRETURN procedures(Statement& st, const OptString& catalog, const OptString& schema,
                     const OptString& procedure) {
  requireIdentifiers(st, {&schema, &procedure});
  return run(st, [&](const CatalogOptions& o) {
    return proceduresQuery(st.conn->engine(), catalog, schema, procedure, o);
  });
}

SQLRETURN procedureColumns(Statement& st, const OptString& catalog, const OptString& schema,
                           const OptString& procedure, const OptString& column) {
  requireIdentifiers(st, {&schema, &procedure, &column});
  return run(st, [&](const CatalogOptions& o) {
    return procedureColumnsQuery(st.conn->engine(), catalog, schema, procedure, column, o);
  });
}

SQLRETURN specialColumns(Statement& st, SQLUSMALLINT identifierType, const OptString& catalog,
                         const OptString& schema, const OptString& table, SQLUSMALLINT scope,
                         SQLUSMALLINT nullable) {
  require(table, "TableName");
  if (identifierType != SQL_BEST_ROWID && identifierType != SQL_ROWVER)
    throw OdbcError("HY097", "Column type out of range");
  if (scope != SQL_SCOPE_CURROW && scope != SQL_SCOPE_TRANSACTION && scope != SQL_SCOPE_SESSION)
    throw OdbcError("HY098", "Scope type out of range");
  if (nullable != SQL_NO_NULLS && nullable != SQL_NULLABLE)
    throw OdbcError("HY099", "Nullable type out of range");
  return run(st, [&](const CatalogOptions& o) {
    return specialColumnsQuery(identifierType, catalog, schema, table, o);
  });
}

SQLRETURN tablePrivileges(Statement& st, const OptString&, const OptString& schema, const OptString& table) {
  requireIdentifiers(st, {&schema, &table});
  return run(st, [&](const CatalogOptions& o) { return tablePrivilegesQuery(o); });
}

SQLRETURN columnPrivileges(Statement& st, const OptString&, const OptString& schema, const OptString& table,
                           const OptString& column) {
  require(table, "TableName");
  requireIdentifiers(st, {&schema, &column});
  return run(st, [&](const CatalogOptions& o) { return columnPrivilegesQuery(o); });
}

}  // namespace igodbc::driver
