// SQLCancel from another thread and SQL_ATTR_QUERY_TIMEOUT: a long statement stops within a second with
// HY008 / HYT00, and the connection runs the next statement normally.
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "odbc_test_support.h"

using namespace odbctest;

namespace {

// Counts to a billion in SQLite: minutes of work unless something interrupts it.
SQLCHAR kLongQuery[] =
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) SELECT count(*) "
    "FROM n";

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void requireUsable(SQLHDBC dbc) {
  SQLHSTMT st;
  ODBC_OK(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st));
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT 41 + 1", SQL_NTS));
  ODBC_OK(SQLFetch(st));
  SQLINTEGER v = 0;
  ODBC_OK(SQLGetData(st, 1, SQL_C_SLONG, &v, 0, nullptr));
  CHECK(v == 42);
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

}  // namespace

TEST_CASE("SQLCancel from another thread interrupts a running statement", "[cancel]") {
  Env e;
  SQLHSTMT st = e.statement();
  auto start = std::chrono::steady_clock::now();
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(SQL_SUCCEEDED(SQLCancel(st)));
  });
  SQLRETURN rc = SQLExecDirect(st, kLongQuery, SQL_NTS);
  double took = secondsSince(start);
  canceller.join();
  CHECK(rc == SQL_ERROR);
  CHECK(sqlState(SQL_HANDLE_STMT, st) == "HY008");
  CHECK(took < 1.3);
  SQLFreeHandle(SQL_HANDLE_STMT, st);
  requireUsable(e.dbc);
}

TEST_CASE("SQL_ATTR_QUERY_TIMEOUT stops a long statement with HYT00", "[cancel]") {
  Env e;
  SQLHSTMT st = e.statement();
  ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, (SQLPOINTER)1, 0));
  SQLULEN timeout = 0;
  ODBC_OK(SQLGetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, &timeout, 0, nullptr));
  CHECK(timeout == 1);
  auto start = std::chrono::steady_clock::now();
  SQLRETURN rc = SQLExecDirect(st, kLongQuery, SQL_NTS);
  double took = secondsSince(start);
  CHECK(rc == SQL_ERROR);
  CHECK(sqlState(SQL_HANDLE_STMT, st) == "HYT00");
  CHECK(took >= 0.9);
  CHECK(took < 2.5);
  // The same statement handle runs a quick statement within its time-out.
  SQLFreeStmt(st, SQL_CLOSE);
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT 1", SQL_NTS));
  ODBC_OK(SQLFetch(st));
  SQLFreeHandle(SQL_HANDLE_STMT, st);
  requireUsable(e.dbc);
}

TEST_CASE("the connection's default query time-out applies to new statements", "[cancel]") {
  Env e;
  ODBC_OK(SQLSetConnectAttr(e.dbc, SQL_ATTR_QUERY_TIMEOUT, (SQLPOINTER)1, 0));
  SQLHSTMT st = e.statement();
  CHECK(SQLExecDirect(st, kLongQuery, SQL_NTS) == SQL_ERROR);
  CHECK(sqlState(SQL_HANDLE_STMT, st) == "HYT00");
  SQLFreeHandle(SQL_HANDLE_STMT, st);
  requireUsable(e.dbc);
}
