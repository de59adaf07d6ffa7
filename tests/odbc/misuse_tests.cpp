// Misuse through the driver manager never crashes and answers with the standard state.
#include <catch2/catch.hpp>

#include "odbc_test_support.h"

using namespace odbctest;

TEST_CASE("errors carry SQLSTATEs and messages", "[errors]") {
  Env e;
  SQLHSTMT st = e.statement();
  CHECK(SQLExecDirect(st, (SQLCHAR*)"SELEC nothing", SQL_NTS) == SQL_ERROR);
  CHECK(sqlState(SQL_HANDLE_STMT, st) == "42000");
  CHECK(SQLExecDirect(st, (SQLCHAR*)"SELECT * FROM NoSuchTable", SQL_NTS) == SQL_ERROR);
  CHECK(sqlState(SQL_HANDLE_STMT, st) == "42S02");
  CHECK(SQLExecDirect(st, (SQLCHAR*)"SELECT NoSuchColumn FROM Media", SQL_NTS) == SQL_ERROR);
  CHECK(sqlState(SQL_HANDLE_STMT, st) == "42S22");
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

TEST_CASE("a rejected token is 28000 and the token is not echoed", "[errors]") {
  SQLHENV env;
  SQLHDBC dbc;
  REQUIRE(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env) == SQL_SUCCESS);
  SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
  REQUIRE(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc) == SQL_SUCCESS);
  std::string cs = "DRIVER={Instagram ODBC Driver};GraphURL=" + odbctest::env("EMULATOR_URL") +
                   ";OAuthAccessToken=not-the-right-token-123";
  SQLRETURN rc =
      SQLDriverConnect(dbc, nullptr, (SQLCHAR*)cs.c_str(), SQL_NTS, nullptr, 0, nullptr, SQL_DRIVER_NOPROMPT);
  if (SQL_SUCCEEDED(rc)) {
    SQLHSTMT st;
    REQUIRE(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st) == SQL_SUCCESS);
    CHECK(SQLExecDirect(st, (SQLCHAR*)"SELECT * FROM Media LIMIT 1", SQL_NTS) == SQL_ERROR);
    CHECK(sqlState(SQL_HANDLE_STMT, st) == "28000");
    CHECK(diagnostics(SQL_HANDLE_STMT, st).find("not-the-right-token-123") == std::string::npos);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    SQLDisconnect(dbc);
  } else {
    CHECK(sqlState(SQL_HANDLE_DBC, dbc) == "28000");
    CHECK(diagnostics(SQL_HANDLE_DBC, dbc).find("not-the-right-token-123") == std::string::npos);
  }
  SQLFreeHandle(SQL_HANDLE_DBC, dbc);
  SQLFreeHandle(SQL_HANDLE_ENV, env);
}

TEST_CASE("function sequence and invalid handles", "[misuse]") {
  Env e;
  SQLHSTMT st = e.statement();
  CHECK(SQLFetch(st) == SQL_ERROR);  // no cursor
  CHECK((sqlState(SQL_HANDLE_STMT, st) == "HY010" || sqlState(SQL_HANDLE_STMT, st) == "24000"));
  CHECK(SQLExecDirect(SQL_NULL_HSTMT, (SQLCHAR*)"SELECT 1", SQL_NTS) == SQL_INVALID_HANDLE);
  SQLCHAR buf[8];
  SQLSMALLINT len;
  CHECK(SQLGetInfo(e.dbc, 65000, buf, sizeof buf, &len) == SQL_ERROR);
  CHECK(sqlState(SQL_HANDLE_DBC, e.dbc) == "HY096");
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}
