// Entry points: catalog functions (the queries come from catalog.h, see metadata.cpp).
#include "driver/exports/exports.h"
#include "driver/handles/statement.h"

using namespace igodbc::driver;

IGODBC_EXPORT SQLRETURN SQLTables(SQLHSTMT stmt, SQLCHAR* catalog, SQLSMALLINT catalogLength, SQLCHAR* schema,
                                  SQLSMALLINT schemaLength, SQLCHAR* table, SQLSMALLINT tableLength,
                                  SQLCHAR* types, SQLSMALLINT typesLength) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return tables(st, optString(catalog, catalogLength), optString(schema, schemaLength),
                  optString(table, tableLength), optString(types, typesLength));
  });
}

IGODBC_EXPORT SQLRETURN SQLTablesW(SQLHSTMT stmt, SQLWCHAR* catalog, SQLSMALLINT catalogLength,
                                   SQLWCHAR* schema, SQLSMALLINT schemaLength, SQLWCHAR* table,
                                   SQLSMALLINT tableLength, SQLWCHAR* types, SQLSMALLINT typesLength) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return tables(st, optString(catalog, catalogLength), optString(schema, schemaLength),
                  optString(table, tableLength), optString(types, typesLength));
  });
}

IGODBC_EXPORT SQLRETURN SQLColumns(SQLHSTMT stmt, SQLCHAR* catalog, SQLSMALLINT catalogLength,
                                   SQLCHAR* schema, SQLSMALLINT schemaLength, SQLCHAR* table,
                                   SQLSMALLINT tableLength, SQLCHAR* column, SQLSMALLINT columnLength) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return columns(st, optString(catalog, catalogLength), optString(schema, schemaLength),
                   optString(table, tableLength), optString(column, columnLength));
  });
}

IGODBC_EXPORT SQLRETURN SQLColumnsW(SQLHSTMT stmt, SQLWCHAR* catalog, SQLSMALLINT catalogLength,
                                    SQLWCHAR* schema, SQLSMALLINT schemaLength, SQLWCHAR* table,
                                    SQLSMALLINT tableLength, SQLWCHAR* column, SQLSMALLINT columnLength) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return columns(st, optString(catalog, catalogLength), optString(schema, schemaLength),
                   optString(table, tableLength), optString(column, columnLength));
  });
}

IGODBC_EXPORT SQLRETURN SQLPrimaryKeys(SQLHSTMT stmt, SQLCHAR* catalog, SQLSMALLINT catalogLength,
                                       SQLCHAR* schema, SQLSMALLINT schemaLength, SQLCHAR* table,
                                       SQLSMALLINT tableLength) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return primaryKeys(st, optString(catalog, catalogLength), optString(schema, schemaLength),
                       optString(table, tableLength));
  });
}

IGODBC_EXPORT SQLRETURN SQLPrimaryKeysW(SQLHSTMT stmt, SQLWCHAR* catalog, SQLSMALLINT catalogLength,
                                        SQLWCHAR* schema, SQLSMALLINT schemaLength, SQLWCHAR* table,
                                        SQLSMALLINT tableLength) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return primaryKeys(st, optString(catalog, catalogLength), optString(schema, schemaLength),
                       optString(table, tableLength));
  });
}

IGODBC_EXPORT SQLRETURN SQLForeignKeys(SQLHSTMT stmt, SQLCHAR* pkCatalog, SQLSMALLINT pkCatalogLength,
                                       SQLCHAR* pkSchema, SQLSMALLINT pkSchemaLength, SQLCHAR* pkTable,
                                       SQLSMALLINT pkTableLength, SQLCHAR* fkCatalog,
                                       SQLSMALLINT fkCatalogLength, SQLCHAR* fkSchema,
                                       SQLSMALLINT fkSchemaLength, SQLCHAR* fkTable,
                                       SQLSMALLINT fkTableLength) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return foreignKeys(st, optString(pkCatalog, pkCatalogLength), optString(pkSchema, pkSchemaLength),
                       optString(pkTable, pkTableLength), optString(fkCatalog, fkCatalogLength),
                       optString(fkSchema, fkSchemaLength), optString(fkTable, fkTableLength));
  });
}

IGODBC_EXPORT SQLRETURN SQLForeignKeysW(SQLHSTMT stmt, SQLWCHAR* pkCatalog, SQLSMALLINT pkCatalogLength,
                                        SQLWCHAR* pkSchema, SQLSMALLINT pkSchemaLength, SQLWCHAR* pkTable,
                                        SQLSMALLINT pkTableLength, SQLWCHAR* fkCatalog,
                                        SQLSMALLINT fkCatalogLength, SQLWCHAR* fkSchema,
                                        SQLSMALLINT fkSchemaLength, SQLWCHAR* fkTable,
                                        SQLSMALLINT fkTableLength) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return foreignKeys(st, optString(pkCatalog, pkCatalogLength), optString(pkSchema, pkSchemaLength),
                       optString(pkTable, pkTableLength), optString(fkCatalog, fkCatalogLength),
                       optString(fkSchema, fkSchemaLength), optString(fkTable, fkTableLength));
  });
}

IGODBC_EXPORT SQLRETURN SQLGetTypeInfo(SQLHSTMT stmt, SQLSMALLINT sqlType) {
  return guarded<Statement>(stmt, [&](Statement& st) { return typeInfo(st, sqlType); });
}

IGODBC_EXPORT SQLRETURN SQLStatistics(SQLHSTMT stmt, SQLCHAR* catalog, SQLSMALLINT catalogLength,
                                      SQLCHAR* schema, SQLSMALLINT schemaLength, SQLCHAR* table,
                                      SQLSMALLINT tableLength, SQLUSMALLINT unique, SQLUSMALLINT reserved) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return statistics(st, optString(catalog, catalogLength), optString(schema, schemaLength),
                      optString(table, tableLength), unique, reserved);
  });
}

IGODBC_EXPORT SQLRETURN SQLSpecialColumns(SQLHSTMT stmt, SQLUSMALLINT identifierType, SQLCHAR* catalog,
                                          SQLSMALLINT catalogLength, SQLCHAR* schema,
                                          SQLSMALLINT schemaLength, SQLCHAR* table, SQLSMALLINT tableLength,
                                          SQLUSMALLINT scope, SQLUSMALLINT nullable) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return specialColumns(st, identifierType, optString(catalog, catalogLength),
                          optString(schema, schemaLength), optString(table, tableLength), scope, nullable);
  });
}

IGODBC_EXPORT SQLRETURN SQLGetTypeInfoW(SQLHSTMT stmt, SQLSMALLINT sqlType) {
  return guarded<Statement>(stmt, [&](Statement& st) { return typeInfo(st, sqlType); });
}

IGODBC_EXPORT SQLRETURN SQLStatisticsW(SQLHSTMT stmt, SQLWCHAR* catalog, SQLSMALLINT catalogLength,
                                       SQLWCHAR* schema, SQLSMALLINT schemaLength, SQLWCHAR* table,
                                       SQLSMALLINT tableLength, SQLUSMALLINT unique, SQLUSMALLINT reserved) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return statistics(st, optString(catalog, catalogLength), optString(schema, schemaLength),
                      optString(table, tableLength), unique, reserved);
  });
}

IGODBC_EXPORT SQLRETURN SQLSpecialColumnsW(SQLHSTMT stmt, SQLUSMALLINT identifierType, SQLWCHAR* catalog,
                                           SQLSMALLINT catalogLength, SQLWCHAR* schema,
                                           SQLSMALLINT schemaLength, SQLWCHAR* table, SQLSMALLINT tableLength,
                                           SQLUSMALLINT scope, SQLUSMALLINT nullable) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return specialColumns(st, identifierType, optString(catalog, catalogLength),
                          optString(schema, schemaLength), optString(table, tableLength), scope, nullable);
  });
}

IGODBC_EXPORT SQLRETURN SQLProcedures(SQLHSTMT stmt, SQLCHAR* catalog, SQLSMALLINT catalogLength,
                                      SQLCHAR* schema, SQLSMALLINT schemaLength, SQLCHAR* procedure,
                                      SQLSMALLINT procedureLength) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return procedures(st, optString(catalog, catalogLength), optString(schema, schemaLength),
                      optString(procedure, procedureLength));
  });
}

IGODBC_EXPORT SQLRETURN SQLProceduresW(SQLHSTMT stmt, SQLWCHAR* catalog, SQLSMALLINT catalogLength,
                                       SQLWCHAR* schema, SQLSMALLINT schemaLength, SQLWCHAR* procedure,
                                       SQLSMALLINT procedureLength) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return procedures(st, optString(catalog, catalogLength), optString(schema, schemaLength),
                      optString(procedure, procedureLength));
  });
}

IGODBC_EXPORT SQLRETURN SQLProcedureColumns(SQLHSTMT stmt, SQLCHAR* catalog, SQLSMALLINT catalogLength,
                                            SQLCHAR* schema, SQLSMALLINT schemaLength, SQLCHAR* procedure,
                                            SQLSMALLINT procedureLength, SQLCHAR* column,
                                            SQLSMALLINT columnLength) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return procedureColumns(st, optString(catalog, catalogLength), optString(schema, schemaLength),
                            optString(procedure, procedureLength), optString(column, columnLength));
  });
}

IGODBC_EXPORT SQLRETURN SQLProcedureColumnsW(SQLHSTMT stmt, SQLWCHAR* catalog, SQLSMALLINT catalogLength,
                                             SQLWCHAR* schema, SQLSMALLINT schemaLength, SQLWCHAR* procedure,
                                             SQLSMALLINT procedureLength, SQLWCHAR* column,
                                             SQLSMALLINT columnLength) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return procedureColumns(st, optString(catalog, catalogLength), optString(schema, schemaLength),
                            optString(procedure, procedureLength), optString(column, columnLength));
  });
}

IGODBC_EXPORT SQLRETURN SQLTablePrivileges(SQLHSTMT stmt, SQLCHAR* catalog, SQLSMALLINT catalogLength,
                                           SQLCHAR* schema, SQLSMALLINT schemaLength, SQLCHAR* table,
                                           SQLSMALLINT tableLength) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return tablePrivileges(st, optString(catalog, catalogLength), optString(schema, schemaLength),
                           optString(table, tableLength));
  });
}

IGODBC_EXPORT SQLRETURN SQLColumnPrivileges(SQLHSTMT stmt, SQLCHAR* catalog, SQLSMALLINT catalogLength,
                                            SQLCHAR* schema, SQLSMALLINT schemaLength, SQLCHAR* table,
                                            SQLSMALLINT tableLength, SQLCHAR* column,
                                            SQLSMALLINT columnLength) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return columnPrivileges(st, optString(catalog, catalogLength), optString(schema, schemaLength),
                            optString(table, tableLength), optString(column, columnLength));
  });
}

IGODBC_EXPORT SQLRETURN SQLTablePrivilegesW(SQLHSTMT stmt, SQLWCHAR* catalog, SQLSMALLINT catalogLength,
                                            SQLWCHAR* schema, SQLSMALLINT schemaLength, SQLWCHAR* table,
                                            SQLSMALLINT tableLength) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return tablePrivileges(st, optString(catalog, catalogLength), optString(schema, schemaLength),
                           optString(table, tableLength));
  });
}

IGODBC_EXPORT SQLRETURN SQLColumnPrivilegesW(SQLHSTMT stmt, SQLWCHAR* catalog, SQLSMALLINT catalogLength,
                                             SQLWCHAR* schema, SQLSMALLINT schemaLength, SQLWCHAR* table,
                                             SQLSMALLINT tableLength, SQLWCHAR* column,
                                             SQLSMALLINT columnLength) {
  return guarded<Statement>(stmt, [&](Statement& st) {
    return columnPrivileges(st, optString(catalog, catalogLength), optString(schema, schemaLength),
                            optString(table, tableLength), optString(column, columnLength));
  });
}
