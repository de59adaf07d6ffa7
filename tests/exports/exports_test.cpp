// The driver's exported ODBC entry points equal what its SQLGetFunctions reports (driver/exports/functions.h
// promises it: unixODBC disables every function the driver reports as missing, and calling one reported but
// not exported fails). The library is loaded directly, not through a driver manager, because a driver manager
// answers SQLGetFunctions from its own lookups. Usage: exports_test <nm> <libinstagramodbc.so>
#include <dlfcn.h>
#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#include <cstdio>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

// Every function of the ODBC 3.x API by its SQL_API_* id, as sql.h and sqlext.h define them. Id 6 is
// SQLColAttribute in ODBC 3 and SQLColAttributes in ODBC 2: either name counts.
const std::map<SQLUSMALLINT, std::vector<std::string>> kApi = {
    {SQL_API_SQLALLOCCONNECT, {"SQLAllocConnect"}},
    {SQL_API_SQLALLOCENV, {"SQLAllocEnv"}},
    {SQL_API_SQLALLOCHANDLE, {"SQLAllocHandle"}},
    {SQL_API_SQLALLOCHANDLESTD, {"SQLAllocHandleStd"}},
    {SQL_API_SQLALLOCSTMT, {"SQLAllocStmt"}},
    {SQL_API_SQLBINDCOL, {"SQLBindCol"}},
    {SQL_API_SQLBINDPARAM, {"SQLBindParam"}},
    {SQL_API_SQLBINDPARAMETER, {"SQLBindParameter"}},
    {SQL_API_SQLBROWSECONNECT, {"SQLBrowseConnect"}},
    {SQL_API_SQLBULKOPERATIONS, {"SQLBulkOperations"}},
    {SQL_API_SQLCANCEL, {"SQLCancel"}},
    {SQL_API_SQLCANCELHANDLE, {"SQLCancelHandle"}},
    {SQL_API_SQLCLOSECURSOR, {"SQLCloseCursor"}},
    {SQL_API_SQLCOLATTRIBUTE, {"SQLColAttribute", "SQLColAttributes"}},
    {SQL_API_SQLCOLUMNPRIVILEGES, {"SQLColumnPrivileges"}},
    {SQL_API_SQLCOLUMNS, {"SQLColumns"}},
    {SQL_API_SQLCONNECT, {"SQLConnect"}},
    {SQL_API_SQLCOPYDESC, {"SQLCopyDesc"}},
    {SQL_API_SQLDATASOURCES, {"SQLDataSources"}},
    {SQL_API_SQLDESCRIBECOL, {"SQLDescribeCol"}},
    {SQL_API_SQLDESCRIBEPARAM, {"SQLDescribeParam"}},
    {SQL_API_SQLDISCONNECT, {"SQLDisconnect"}},
    {SQL_API_SQLDRIVERCONNECT, {"SQLDriverConnect"}},
    {SQL_API_SQLDRIVERS, {"SQLDrivers"}},
    {SQL_API_SQLENDTRAN, {"SQLEndTran"}},
    {SQL_API_SQLERROR, {"SQLError"}},
    {SQL_API_SQLEXECDIRECT, {"SQLExecDirect"}},
    {SQL_API_SQLEXECUTE, {"SQLExecute"}},
    {SQL_API_SQLEXTENDEDFETCH, {"SQLExtendedFetch"}},
    {SQL_API_SQLFETCH, {"SQLFetch"}},
    {SQL_API_SQLFETCHSCROLL, {"SQLFetchScroll"}},
    {SQL_API_SQLFOREIGNKEYS, {"SQLForeignKeys"}},
    {SQL_API_SQLFREECONNECT, {"SQLFreeConnect"}},
    {SQL_API_SQLFREEENV, {"SQLFreeEnv"}},
    {SQL_API_SQLFREEHANDLE, {"SQLFreeHandle"}},
    {SQL_API_SQLFREESTMT, {"SQLFreeStmt"}},
    {SQL_API_SQLGETCONNECTATTR, {"SQLGetConnectAttr"}},
    {SQL_API_SQLGETCONNECTOPTION, {"SQLGetConnectOption"}},
    {SQL_API_SQLGETCURSORNAME, {"SQLGetCursorName"}},
    {SQL_API_SQLGETDATA, {"SQLGetData"}},
    {SQL_API_SQLGETDESCFIELD, {"SQLGetDescField"}},
    {SQL_API_SQLGETDESCREC, {"SQLGetDescRec"}},
    {SQL_API_SQLGETDIAGFIELD, {"SQLGetDiagField"}},
    {SQL_API_SQLGETDIAGREC, {"SQLGetDiagRec"}},
    {SQL_API_SQLGETENVATTR, {"SQLGetEnvAttr"}},
    {SQL_API_SQLGETFUNCTIONS, {"SQLGetFunctions"}},
    {SQL_API_SQLGETINFO, {"SQLGetInfo"}},
    {SQL_API_SQLGETSTMTATTR, {"SQLGetStmtAttr"}},
    {SQL_API_SQLGETSTMTOPTION, {"SQLGetStmtOption"}},
    {SQL_API_SQLGETTYPEINFO, {"SQLGetTypeInfo"}},
    {SQL_API_SQLMORERESULTS, {"SQLMoreResults"}},
    {SQL_API_SQLNATIVESQL, {"SQLNativeSql"}},
    {SQL_API_SQLNUMPARAMS, {"SQLNumParams"}},
    {SQL_API_SQLNUMRESULTCOLS, {"SQLNumResultCols"}},
    {SQL_API_SQLPARAMDATA, {"SQLParamData"}},
    {SQL_API_SQLPARAMOPTIONS, {"SQLParamOptions"}},
    {SQL_API_SQLPREPARE, {"SQLPrepare"}},
    {SQL_API_SQLPRIMARYKEYS, {"SQLPrimaryKeys"}},
    {SQL_API_SQLPROCEDURECOLUMNS, {"SQLProcedureColumns"}},
    {SQL_API_SQLPROCEDURES, {"SQLProcedures"}},
    {SQL_API_SQLPUTDATA, {"SQLPutData"}},
    {SQL_API_SQLROWCOUNT, {"SQLRowCount"}},
    {SQL_API_SQLSETCONNECTATTR, {"SQLSetConnectAttr"}},
    {SQL_API_SQLSETCONNECTOPTION, {"SQLSetConnectOption"}},
    {SQL_API_SQLSETCURSORNAME, {"SQLSetCursorName"}},
    {SQL_API_SQLSETDESCFIELD, {"SQLSetDescField"}},
    {SQL_API_SQLSETDESCREC, {"SQLSetDescRec"}},
    {SQL_API_SQLSETENVATTR, {"SQLSetEnvAttr"}},
    {SQL_API_SQLSETPARAM, {"SQLSetParam"}},
    {SQL_API_SQLSETPOS, {"SQLSetPos"}},
    {SQL_API_SQLSETSCROLLOPTIONS, {"SQLSetScrollOptions"}},
    {SQL_API_SQLSETSTMTATTR, {"SQLSetStmtAttr"}},
    {SQL_API_SQLSETSTMTOPTION, {"SQLSetStmtOption"}},
    {SQL_API_SQLSPECIALCOLUMNS, {"SQLSpecialColumns"}},
    {SQL_API_SQLSTATISTICS, {"SQLStatistics"}},
    {SQL_API_SQLTABLEPRIVILEGES, {"SQLTablePrivileges"}},
    {SQL_API_SQLTABLES, {"SQLTables"}},
    {SQL_API_SQLTRANSACT, {"SQLTransact"}},
};

// The functions sqlucode.h declares a wide (W) form of.
const std::set<std::string> kHasWideForm = {
    "SQLBrowseConnect",    "SQLColAttribute",   "SQLColAttributes",
    "SQLColumnPrivileges", "SQLColumns",        "SQLConnect",
    "SQLDataSources",      "SQLDescribeCol",    "SQLDriverConnect",
    "SQLDrivers",          "SQLError",          "SQLExecDirect",
    "SQLForeignKeys",      "SQLGetConnectAttr", "SQLGetConnectOption",
    "SQLGetCursorName",    "SQLGetDescField",   "SQLGetDescRec",
    "SQLGetDiagField",     "SQLGetDiagRec",     "SQLGetInfo",
    "SQLGetStmtAttr",      "SQLGetTypeInfo",    "SQLNativeSql",
    "SQLPrepare",          "SQLPrimaryKeys",    "SQLProcedureColumns",
    "SQLProcedures",       "SQLSetConnectAttr", "SQLSetConnectOption",
    "SQLSetCursorName",    "SQLSetDescField",   "SQLSetStmtAttr",
    "SQLSpecialColumns",   "SQLStatistics",     "SQLTablePrivileges",
    "SQLTables",
};

int failures = 0;

void fail(const std::string& what) {
  std::cerr << "FAIL: " << what << "\n";
  ++failures;
}

// The defined dynamic symbols of the library, as `nm -D --defined-only` lists them.
std::set<std::string> dynamicSymbols(const std::string& nm, const std::string& library) {
  std::set<std::string> out;
  const std::string command = "'" + nm + "' -D --defined-only '" + library + "'";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char line[512];
  while (fgets(line, sizeof line, pipe)) {
    std::string s(line);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    const auto space = s.rfind(' ');
    out.insert(space == std::string::npos ? s : s.substr(space + 1));
  }
  if (pclose(pipe) != 0) out.clear();
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: exports_test <nm> <libinstagramodbc.so>\n";
    return 2;
  }
  const std::set<std::string> symbols = dynamicSymbols(argv[1], argv[2]);
  if (symbols.empty()) {
    std::cerr << "no dynamic symbols read from " << argv[2] << "\n";
    return 2;
  }

  // Every exported symbol is an ODBC function: an ANSI name of the API or the W form of one.
  std::set<std::string> known;
  for (const auto& [id, names] : kApi)
    for (const std::string& n : names) known.insert(n);
  for (const std::string& s : symbols) {
    if (known.count(s)) continue;
    if (s.size() > 1 && s.back() == 'W' && kHasWideForm.count(s.substr(0, s.size() - 1))) continue;
    fail("exported symbol " + s + " is not an ODBC function");
  }

  void* lib = dlopen(argv[2], RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    std::cerr << "dlopen: " << dlerror() << "\n";
    return 2;
  }
  using AllocHandle = SQLRETURN (*)(SQLSMALLINT, SQLHANDLE, SQLHANDLE*);
  using SetEnvAttr = SQLRETURN (*)(SQLHENV, SQLINTEGER, SQLPOINTER, SQLINTEGER);
  using GetFunctions = SQLRETURN (*)(SQLHDBC, SQLUSMALLINT, SQLUSMALLINT*);
  using FreeHandle = SQLRETURN (*)(SQLSMALLINT, SQLHANDLE);
  auto allocHandle = reinterpret_cast<AllocHandle>(dlsym(lib, "SQLAllocHandle"));
  auto setEnvAttr = reinterpret_cast<SetEnvAttr>(dlsym(lib, "SQLSetEnvAttr"));
  auto getFunctions = reinterpret_cast<GetFunctions>(dlsym(lib, "SQLGetFunctions"));
  auto freeHandle = reinterpret_cast<FreeHandle>(dlsym(lib, "SQLFreeHandle"));
  if (!allocHandle || !setEnvAttr || !getFunctions || !freeHandle) {
    std::cerr << "the driver lacks SQLAllocHandle, SQLSetEnvAttr, SQLGetFunctions or SQLFreeHandle\n";
    return 2;
  }
  SQLHENV env = SQL_NULL_HENV;
  SQLHDBC dbc = SQL_NULL_HDBC;
  if (!SQL_SUCCEEDED(allocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env)) ||
      !SQL_SUCCEEDED(setEnvAttr(env, SQL_ATTR_ODBC_VERSION, reinterpret_cast<SQLPOINTER>(SQL_OV_ODBC3), 0)) ||
      !SQL_SUCCEEDED(allocHandle(SQL_HANDLE_DBC, env, &dbc))) {
    std::cerr << "could not allocate an environment and a connection\n";
    return 2;
  }

  SQLUSMALLINT bitmap[SQL_API_ODBC3_ALL_FUNCTIONS_SIZE] = {};
  if (!SQL_SUCCEEDED(getFunctions(dbc, SQL_API_ODBC3_ALL_FUNCTIONS, bitmap)))
    fail("SQL_API_ODBC3_ALL_FUNCTIONS");
  SQLUSMALLINT odbc2[100] = {};
  if (!SQL_SUCCEEDED(getFunctions(dbc, SQL_API_ALL_FUNCTIONS, odbc2))) fail("SQL_API_ALL_FUNCTIONS");

  // Reported exactly when exported, through all three ways of asking.
  int reported = 0;
  for (const auto& [id, names] : kApi) {
    bool exported = false;
    for (const std::string& n : names) exported = exported || symbols.count(n) > 0;
    const bool inBitmap = SQL_FUNC_EXISTS(bitmap, id);
    SQLUSMALLINT single = SQL_FALSE;
    getFunctions(dbc, id, &single);
    reported += inBitmap ? 1 : 0;
    if (inBitmap != exported)
      fail(names[0] + (exported ? " is exported but not reported" : " is reported but not exported"));
    if ((single == SQL_TRUE) != inBitmap) fail(names[0] + ": asked alone, SQLGetFunctions answers otherwise");
    if (id < 100 && (odbc2[id] == SQL_TRUE) != inBitmap)
      fail(names[0] + ": the ODBC 2 array answers otherwise");
    // A function with a W form is exported in both forms or in neither.
    for (const std::string& n : names) {
      if (!kHasWideForm.count(n)) continue;
      if (symbols.count(n) != symbols.count(n + "W")) fail(n + " and " + n + "W are not exported together");
    }
  }
  // No id the API does not define is reported.
  for (int id = 0; id < SQL_API_ODBC3_ALL_FUNCTIONS_SIZE * 16; ++id)
    if (SQL_FUNC_EXISTS(bitmap, id) && !kApi.count(static_cast<SQLUSMALLINT>(id)))
      fail("unknown function id " + std::to_string(id) + " is reported");

  freeHandle(SQL_HANDLE_DBC, dbc);
  freeHandle(SQL_HANDLE_ENV, env);
  if (failures) return 1;
  std::cout << reported << " functions reported, " << symbols.size() << " symbols exported: they agree\n";
  return 0;
}
