// Entry points: handles and environment.
#include "driver/exports/exports.h"
#include "driver/handles/environment.h"
#include "driver/handles/statement.h"

using namespace igodbc::driver;

IGODBC_EXPORT SQLRETURN SQLAllocHandle(SQLSMALLINT type, SQLHANDLE input, SQLHANDLE* output) {
  return allocHandle(type, input, output);
}

IGODBC_EXPORT SQLRETURN SQLFreeHandle(SQLSMALLINT type, SQLHANDLE handle) {
  return freeHandle(type, handle);
}

IGODBC_EXPORT SQLRETURN SQLFreeStmt(SQLHSTMT stmt, SQLUSMALLINT option) {
  if (option == SQL_DROP) return freeHandle(SQL_HANDLE_STMT, stmt);
  return guarded<Statement>(stmt, [&](Statement& st) { return freeStmt(st, option); });
}

IGODBC_EXPORT SQLRETURN SQLSetEnvAttr(SQLHENV env, SQLINTEGER attribute, SQLPOINTER value, SQLINTEGER) {
  return guarded<Environment>(env, [&](Environment& e) { return e.setAttribute(attribute, value); });
}

IGODBC_EXPORT SQLRETURN SQLGetEnvAttr(SQLHENV env, SQLINTEGER attribute, SQLPOINTER value,
                                      SQLINTEGER bufferLength, SQLINTEGER* stringLength) {
  return guarded<Environment>(
      env, [&](Environment& e) { return e.getAttribute(attribute, value, bufferLength, stringLength); });
}
