// Connect / query / disconnect cycles through the unixODBC driver manager leave nothing behind.
// Built with AddressSanitizer in every build (LeakSanitizer replaces malloc for the whole process, so the
// driver is checked even when it is not instrumented itself). A keeper connection holds the driver loaded
// while LeakSanitizer looks: memory the driver's globals still reach is not a leak, memory nothing reaches
// is. Runs under with_emulator.sh (DSN InstagramTest). IGODBC_LEAK_CYCLES sets the number of cycles.
#include <sanitizer/lsan_interface.h>
#include <sql.h>
#include <sqlext.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

namespace {

int failures = 0;

void fail(const std::string& what) {
  std::cerr << "FAIL " << what << "\n";
  ++failures;
}

std::string state(SQLSMALLINT type, SQLHANDLE h) {
  SQLCHAR st[6] = {0}, msg[512] = {0};
  SQLINTEGER native = 0;
  SQLSMALLINT len = 0;
  SQLGetDiagRec(type, h, 1, st, &native, msg, sizeof msg, &len);
  return std::string(reinterpret_cast<char*>(st)) + " " + reinterpret_cast<char*>(msg);
}

SQLHDBC connect(SQLHENV env) {
  SQLHDBC dbc = SQL_NULL_HDBC;
  SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
  SQLRETURN rc = SQLDriverConnect(dbc, nullptr, (SQLCHAR*)"DSN=InstagramTest", SQL_NTS, nullptr, 0, nullptr,
                                  SQL_DRIVER_NOPROMPT);
  if (!SQL_SUCCEEDED(rc)) fail("connect: " + state(SQL_HANDLE_DBC, dbc));
  return dbc;
}

// Runs `sql` and reads up to `maxRows` rows with SQLGetData (then closes the cursor early).
void query(SQLHDBC dbc, const char* sql, int maxRows, bool expectError = false) {
  SQLHSTMT st = SQL_NULL_HSTMT;
  SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
  SQLRETURN rc = SQLExecDirect(st, (SQLCHAR*)sql, SQL_NTS);
  if (SQL_SUCCEEDED(rc) == expectError) fail(std::string(sql) + ": " + state(SQL_HANDLE_STMT, st));
  for (int n = 0; SQL_SUCCEEDED(rc) && n < maxRows && SQL_SUCCEEDED(SQLFetch(st)); ++n) {
    char buf[64];
    SQLLEN ind = 0;
    SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind);
  }
  SQLFreeStmt(st, SQL_CLOSE);
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

// A prepared statement with a bound parameter, executed twice.
void prepared(SQLHDBC dbc) {
  SQLHSTMT st = SQL_NULL_HSTMT;
  SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
  char id[32] = "17841400000000000";
  SQLLEN len = SQL_NTS;
  SQLPrepare(st, (SQLCHAR*)"SELECT Id, Caption FROM Media WHERE Id = ?", SQL_NTS);
  SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 32, 0, id, sizeof id, &len);
  for (int i = 0; i < 2; ++i) {
    SQLExecute(st);
    while (SQL_SUCCEEDED(SQLFetch(st))) {
    }
    SQLFreeStmt(st, SQL_CLOSE);
  }
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

void cycle(SQLHENV env) {
  SQLHDBC dbc = connect(env);
  query(dbc, "SELECT Id, Username FROM Accounts", 1000);
  query(dbc, "SELECT Id, Caption, Timestamp FROM Media", 150);  // two pages, the second one abandoned
  query(dbc, "SELECT Id FROM NoSuchTable", 0, true);
  query(dbc, "SELECT Seq, Url FROM sys_requests", 1000);
  prepared(dbc);
  SQLHSTMT st = SQL_NULL_HSTMT;
  SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
  SQLTables(st, nullptr, 0, nullptr, 0, nullptr, 0, nullptr, 0);
  while (SQL_SUCCEEDED(SQLFetch(st))) {
  }
  SQLFreeHandle(SQL_HANDLE_STMT, st);
  SQLDisconnect(dbc);
  SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

}  // namespace

int main() {
  const char* cyclesEnv = std::getenv("IGODBC_LEAK_CYCLES");
  const int cycles = cyclesEnv ? std::atoi(cyclesEnv) : 25;
  SQLHENV env = SQL_NULL_HENV;
  SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
  SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
  SQLHDBC keeper = connect(env);  // keeps the driver loaded while LeakSanitizer looks
  for (int i = 0; i < cycles; ++i) cycle(env);
  if (failures == 0) {
    if (__lsan_do_recoverable_leak_check() != 0) fail("LeakSanitizer found leaks (report above)");
  }
  SQLDisconnect(keeper);
  SQLFreeHandle(SQL_HANDLE_DBC, keeper);
  SQLFreeHandle(SQL_HANDLE_ENV, env);
  std::cout << "leak cycles: " << cycles << " connect/query/disconnect cycles, "
            << (failures == 0 ? "no leaks" : "FAILED") << "\n";
  return failures == 0 ? 0 : 1;
}
