// Metadata without execution must not touch the Graph API (Tableau prepares and describes first, then runs
// WHERE 1=0 and LIMIT 0 probes).
#include <catch2/catch.hpp>

#include "odbc_test_support.h"

using namespace odbctest;

TEST_CASE("prepare and describe make no Graph call", "[prepare]") {
  Env e;
  SQLHSTMT st = e.statement();
  size_t mark = requestCount();
  ODBC_OK(SQLPrepare(st, (SQLCHAR*)"SELECT Id, Caption, Timestamp, LikeCount FROM Media WHERE AccountId = ?",
                     SQL_NTS));
  SQLSMALLINT cols = 0;
  ODBC_OK(SQLNumResultCols(st, &cols));
  REQUIRE(cols == 4);

  SQLCHAR name[64];
  SQLSMALLINT nameLen = 0, type = 0, digits = 0, nullable = 0;
  SQLULEN size = 0;
  ODBC_OK(SQLDescribeCol(st, 1, name, sizeof name, &nameLen, &type, &size, &digits, &nullable));
  CHECK(std::string((char*)name) == "Id");
  CHECK(type == SQL_VARCHAR);
  CHECK(size == 32);
  CHECK(nullable == SQL_NO_NULLS);
  ODBC_OK(SQLDescribeCol(st, 2, name, sizeof name, &nameLen, &type, &size, &digits, &nullable));
  CHECK(type == SQL_WVARCHAR);
  CHECK(size == 4000);
  CHECK(nullable == SQL_NULLABLE);
  ODBC_OK(SQLDescribeCol(st, 3, name, sizeof name, &nameLen, &type, &size, &digits, &nullable));
  CHECK(type == SQL_TYPE_TIMESTAMP);
  ODBC_OK(SQLDescribeCol(st, 4, name, sizeof name, &nameLen, &type, &size, &digits, &nullable));
  CHECK(type == SQL_BIGINT);

  SQLLEN display = 0;
  ODBC_OK(SQLColAttribute(st, 1, SQL_DESC_DISPLAY_SIZE, nullptr, 0, nullptr, &display));
  CHECK(display == 32);
  SQLCHAR base[64];
  SQLSMALLINT baseLen = 0;
  ODBC_OK(SQLColAttribute(st, 2, SQL_DESC_BASE_TABLE_NAME, base, sizeof base, &baseLen, nullptr));
  CHECK(std::string((char*)base) == "Media");

  CHECK(requestsSince(mark).empty());
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

TEST_CASE("WHERE 1=0 and LIMIT 0 make no Graph call", "[prepare]") {
  Env e;
  for (const char* sql : {"SELECT * FROM Media WHERE 1=0", "SELECT * FROM Media LIMIT 0",
                          "SELECT * FROM Accounts WHERE 1=0", "SELECT * FROM MediaChildren LIMIT 0"}) {
    INFO(sql);
    SQLHSTMT st = e.statement();
    size_t mark = requestCount();
    ODBC_OK(SQLExecDirect(st, (SQLCHAR*)sql, SQL_NTS));
    CHECK(SQLFetch(st) == SQL_NO_DATA);
    CHECK(requestsSince(mark).empty());
    SQLFreeHandle(SQL_HANDLE_STMT, st);
  }
}

TEST_CASE("ODBC 2 applications see ODBC 2 date/time type codes", "[odbc2]") {
  Env e(defaultConnectionString(), SQL_OV_ODBC2);
  SQLHSTMT st = e.statement();
  ODBC_OK(SQLPrepare(st, (SQLCHAR*)"SELECT Timestamp FROM Media", SQL_NTS));
  SQLCHAR name[64];
  SQLSMALLINT nameLen = 0, type = 0, digits = 0, nullable = 0;
  SQLULEN size = 0;
  ODBC_OK(SQLDescribeCol(st, 1, name, sizeof name, &nameLen, &type, &size, &digits, &nullable));
  CHECK(type == SQL_TIMESTAMP);
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}
