// The driver's internal API: one UTF-8 function per ODBC function that is more than a method call. The
// exported A and W entry points (exports_*.cpp) convert their string arguments and call these inside
// guarded() (dispatch.h).
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <optional>
#include <string>

#include "driver/convert/out_string.h"

namespace igodbc::driver {

class Handle;
class Connection;
class Statement;
class Descriptor;
using OptString = std::optional<std::string>;

// handles.cpp
SQLRETURN allocHandle(SQLSMALLINT type, SQLHANDLE input, SQLHANDLE* output);
SQLRETURN freeHandle(SQLSMALLINT type, SQLHANDLE handle);
SQLRETURN freeStmt(Statement& st, SQLUSMALLINT option);

// connect.cpp
SQLRETURN connect(Connection& c, const std::string& dsn, const OptString& user, const OptString& password);
SQLRETURN driverConnect(Connection& c, const std::string& in, const OutString& out, SQLSMALLINT* outLength,
                        SQLUSMALLINT completion);
SQLRETURN disconnect(Connection& c);
SQLRETURN nativeSql(Connection& c, const std::string& in, const OutString& out, SQLINTEGER* outLength);

// transactions.cpp
SQLRETURN endTran(SQLSMALLINT handleType, SQLHANDLE handle, SQLSMALLINT completion);

// results.cpp
SQLRETURN numResultCols(Statement& st, SQLSMALLINT* count);
SQLRETURN describeCol(Statement& st, SQLUSMALLINT column, const OutString& name, SQLSMALLINT* nameLength,
                      SQLSMALLINT* dataType, SQLULEN* columnSize, SQLSMALLINT* decimalDigits,
                      SQLSMALLINT* nullable);
SQLRETURN colAttribute(Statement& st, SQLUSMALLINT column, SQLUSMALLINT field, const OutString& text,
                       SQLSMALLINT* textLength, SQLLEN* numeric);
SQLRETURN bindCol(Statement& st, SQLUSMALLINT column, SQLSMALLINT cType, SQLPOINTER target,
                  SQLLEN bufferLength, SQLLEN* indicator);
SQLRETURN rowCount(Statement& st, SQLLEN* count);
SQLRETURN moreResults(Statement& st);
SQLRETURN fetchScroll(Statement& st, SQLSMALLINT orientation, SQLLEN offset);

// parameters.cpp
SQLRETURN bindParameter(Statement& st, SQLUSMALLINT number, SQLSMALLINT ioType, SQLSMALLINT cType,
                        SQLSMALLINT sqlType, SQLULEN columnSize, SQLSMALLINT decimalDigits, SQLPOINTER value,
                        SQLLEN bufferLength, SQLLEN* indicator);
SQLRETURN describeParam(Statement& st, SQLUSMALLINT number, SQLSMALLINT* dataType, SQLULEN* size,
                        SQLSMALLINT* decimalDigits, SQLSMALLINT* nullable);
SQLRETURN numParams(Statement& st, SQLSMALLINT* count);

// metadata.cpp: catalog functions run the queries catalog.h builds.
SQLRETURN tables(Statement& st, const OptString& catalog, const OptString& schema, const OptString& table,
                 const OptString& types);
SQLRETURN columns(Statement& st, const OptString& catalog, const OptString& schema, const OptString& table,
                  const OptString& column);
SQLRETURN typeInfo(Statement& st, SQLSMALLINT sqlType);
SQLRETURN primaryKeys(Statement& st, const OptString& catalog, const OptString& schema,
                      const OptString& table);
SQLRETURN foreignKeys(Statement& st, const OptString& pkCatalog, const OptString& pkSchema,
                      const OptString& pkTable, const OptString& fkCatalog, const OptString& fkSchema,
                      const OptString& fkTable);
SQLRETURN statistics(Statement& st, const OptString& catalog, const OptString& schema, const OptString& table,
                     SQLUSMALLINT unique, SQLUSMALLINT reserved);
SQLRETURN procedures(Statement& st, const OptString& catalog, const OptString& schema,
                     const OptString& procedure);
SQLRETURN procedureColumns(Statement& st, const OptString& catalog, const OptString& schema,
                           const OptString& procedure, const OptString& column);
SQLRETURN specialColumns(Statement& st, SQLUSMALLINT identifierType, const OptString& catalog,
                         const OptString& schema, const OptString& table, SQLUSMALLINT scope,
                         SQLUSMALLINT nullable);

SQLRETURN tablePrivileges(Statement& st, const OptString& catalog, const OptString& schema,
                          const OptString& table);
SQLRETURN columnPrivileges(Statement& st, const OptString& catalog, const OptString& schema,
                           const OptString& table, const OptString& column);

// cursor_name.cpp
SQLRETURN getCursorName(Statement& st, const OutString& name, SQLSMALLINT* nameLength);
SQLRETURN setCursorName(Statement& st, const std::string& name);

// diagnostics_api.cpp
SQLRETURN getDiagRec(SQLSMALLINT handleType, SQLHANDLE handle, SQLSMALLINT recNumber, const OutString& state,
                     SQLINTEGER* native, const OutString& message, SQLSMALLINT* messageLength);
SQLRETURN getDiagField(SQLSMALLINT handleType, SQLHANDLE handle, SQLSMALLINT recNumber, SQLSMALLINT field,
                       SQLPOINTER value, SQLSMALLINT bufferLength, SQLSMALLINT* stringLength, bool wide);

// get_info.cpp
SQLRETURN getInfo(Connection& c, SQLUSMALLINT type, SQLPOINTER value, SQLSMALLINT bufferLength,
                  SQLSMALLINT* stringLength, bool wide);
// functions.cpp
SQLRETURN getFunctions(Connection& c, SQLUSMALLINT function, SQLUSMALLINT* supported);

// descriptors_api.cpp
SQLRETURN getDescRec(Descriptor& d, SQLSMALLINT rec, const OutString& name, SQLSMALLINT* nameLength,
                     SQLSMALLINT* type, SQLSMALLINT* subType, SQLLEN* length, SQLSMALLINT* precision,
                     SQLSMALLINT* scale, SQLSMALLINT* nullable);
SQLRETURN setDescRec(Descriptor& d, SQLSMALLINT rec, SQLSMALLINT type, SQLSMALLINT subType, SQLLEN length,
                     SQLSMALLINT precision, SQLSMALLINT scale, SQLPOINTER data, SQLLEN* stringLength,
                     SQLLEN* indicator);
SQLRETURN copyDesc(SQLHDESC source, SQLHDESC target);

// Writes a string result and adds 01004 on truncation; returns SQL_SUCCESS or SQL_SUCCESS_WITH_INFO.
template <class L>
SQLRETURN putString(Handle& h, const std::string& utf8, const OutString& out, L* length);

}  // namespace igodbc::driver

#include "driver/exports/api_inl.h"
