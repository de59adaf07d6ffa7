#include "driver/exports/functions.h"

#include "driver/exports/api.h"
#include "driver/handles/connection.h"

namespace igodbc::driver {

const std::vector<ExportedFunction>& exportedFunctions() {
  static const std::vector<ExportedFunction> kFunctions = {
      {SQL_API_SQLALLOCHANDLE, "SQLAllocHandle", false},
      {SQL_API_SQLFREEHANDLE, "SQLFreeHandle", false},
      {SQL_API_SQLFREESTMT, "SQLFreeStmt", false},
      {SQL_API_SQLSETENVATTR, "SQLSetEnvAttr", false},
      {SQL_API_SQLGETENVATTR, "SQLGetEnvAttr", false},
      {SQL_API_SQLCONNECT, "SQLConnect", true},
      {SQL_API_SQLDRIVERCONNECT, "SQLDriverConnect", true},
      {SQL_API_SQLDISCONNECT, "SQLDisconnect", false},
      {SQL_API_SQLSETCONNECTATTR, "SQLSetConnectAttr", true},
      {SQL_API_SQLGETCONNECTATTR, "SQLGetConnectAttr", true},
      {SQL_API_SQLGETINFO, "SQLGetInfo", true},
      {SQL_API_SQLGETFUNCTIONS, "SQLGetFunctions", false},
      {SQL_API_SQLNATIVESQL, "SQLNativeSql", true},
      {SQL_API_SQLENDTRAN, "SQLEndTran", false},
      {SQL_API_SQLPREPARE, "SQLPrepare", true},
      {SQL_API_SQLEXECUTE, "SQLExecute", false},
      {SQL_API_SQLEXECDIRECT, "SQLExecDirect", true},
      {SQL_API_SQLCANCEL, "SQLCancel", false},
      {SQL_API_SQLCLOSECURSOR, "SQLCloseCursor", false},
      {SQL_API_SQLNUMPARAMS, "SQLNumParams", false},
      {SQL_API_SQLBINDPARAMETER, "SQLBindParameter", false},
      {SQL_API_SQLDESCRIBEPARAM, "SQLDescribeParam", false},
      {SQL_API_SQLPARAMDATA, "SQLParamData", false},
      {SQL_API_SQLPUTDATA, "SQLPutData", false},
      {SQL_API_SQLNUMRESULTCOLS, "SQLNumResultCols", false},
      {SQL_API_SQLDESCRIBECOL, "SQLDescribeCol", true},
      {SQL_API_SQLCOLATTRIBUTE, "SQLColAttribute", true},
      {SQL_API_SQLBINDCOL, "SQLBindCol", false},
      {SQL_API_SQLFETCH, "SQLFetch", false},
      {SQL_API_SQLFETCHSCROLL, "SQLFetchScroll", false},
      {SQL_API_SQLSETPOS, "SQLSetPos", false},
      {SQL_API_SQLEXTENDEDFETCH, "SQLExtendedFetch", false},
      {SQL_API_SQLGETDATA, "SQLGetData", false},
      {SQL_API_SQLROWCOUNT, "SQLRowCount", false},
      {SQL_API_SQLMORERESULTS, "SQLMoreResults", false},
      {SQL_API_SQLSETSTMTATTR, "SQLSetStmtAttr", true},
      {SQL_API_SQLGETSTMTATTR, "SQLGetStmtAttr", true},
      {SQL_API_SQLTABLES, "SQLTables", true},
      {SQL_API_SQLCOLUMNS, "SQLColumns", true},
      {SQL_API_SQLGETTYPEINFO, "SQLGetTypeInfo", true},
      {SQL_API_SQLPRIMARYKEYS, "SQLPrimaryKeys", true},
      {SQL_API_SQLFOREIGNKEYS, "SQLForeignKeys", true},
      {SQL_API_SQLSTATISTICS, "SQLStatistics", true},
      {SQL_API_SQLSPECIALCOLUMNS, "SQLSpecialColumns", true},
      {SQL_API_SQLPROCEDURES, "SQLProcedures", true},
      {SQL_API_SQLPROCEDURECOLUMNS, "SQLProcedureColumns", true},
      {SQL_API_SQLTABLEPRIVILEGES, "SQLTablePrivileges", true},
      {SQL_API_SQLCOLUMNPRIVILEGES, "SQLColumnPrivileges", true},
      {SQL_API_SQLGETCURSORNAME, "SQLGetCursorName", true},
      {SQL_API_SQLSETCURSORNAME, "SQLSetCursorName", true},
      {SQL_API_SQLGETDIAGREC, "SQLGetDiagRec", true},
      {SQL_API_SQLGETDIAGFIELD, "SQLGetDiagField", true},
      {SQL_API_SQLGETDESCFIELD, "SQLGetDescField", true},
      {SQL_API_SQLSETDESCFIELD, "SQLSetDescField", true},
      {SQL_API_SQLGETDESCREC, "SQLGetDescRec", true},
      {SQL_API_SQLSETDESCREC, "SQLSetDescRec", false},
      {SQL_API_SQLCOPYDESC, "SQLCopyDesc", false},
  };
  return kFunctions;
}

SQLRETURN getFunctions(Connection&, SQLUSMALLINT function, SQLUSMALLINT* supported) {
  if (!supported) throw OdbcError("HY009", "Invalid use of null pointer: SupportedPtr");
  const auto& list = exportedFunctions();
  if (function == SQL_API_ODBC3_ALL_FUNCTIONS) {
    for (int i = 0; i < SQL_API_ODBC3_ALL_FUNCTIONS_SIZE; ++i) supported[i] = 0;
    for (const ExportedFunction& f : list)
      supported[f.id >> 4] |= static_cast<SQLUSMALLINT>(1u << (f.id & 0xF));
    return SQL_SUCCESS;
  }
  if (function == SQL_API_ALL_FUNCTIONS) {  // ODBC 2: 100 flags, ids below 100 only
    for (int i = 0; i < 100; ++i) supported[i] = SQL_FALSE;
    for (const ExportedFunction& f : list)
      if (f.id < 100) supported[f.id] = SQL_TRUE;
    return SQL_SUCCESS;
  }
  *supported = SQL_FALSE;
  for (const ExportedFunction& f : list)
    if (f.id == function) *supported = SQL_TRUE;
  return SQL_SUCCESS;
}

}  // namespace igodbc::driver
