// Fetch paths through the driver manager: chunked SQLGetData, block cursors, C types.
#include <catch2/catch.hpp>
#include <cstring>
#include <string>

#include "odbc_test_support.h"

using namespace odbctest;

namespace {

void exec(SQLHSTMT st, const std::string& sql) {
  SQLRETURN rc = SQLExecDirect(st, (SQLCHAR*)sql.c_str(), SQL_NTS);
  INFO(sql << "\n" << diagnostics(SQL_HANDLE_STMT, st));
  REQUIRE(SQL_SUCCEEDED(rc));
  SQLFreeStmt(st, SQL_CLOSE);
}

// "héllo 😀 世界 שלום" repeated: 1-, 2-, 3- and 4-byte UTF-8 sequences and a surrogate pair in UTF-16.
const std::string kPiece =
    "h\xC3\xA9llo \xF0\x9F\x98\x80 \xE4\xB8\x96\xE7\x95\x8C \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D ";

std::u16string utf16(const std::string& s) {
  std::u16string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out += static_cast<char16_t>(0xD800 + (cp >> 10));
      out += static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
    } else {
      out += static_cast<char16_t>(cp);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("chunked SQLGetData into SQL_C_CHAR reports the remaining length exactly", "[getdata]") {
  Env e;
  SQLHSTMT st = e.statement();
  std::string text;
  for (int i = 0; i < 40; ++i) text += kPiece;
  exec(st, "CREATE TABLE t_chunks(v TEXT)");
  exec(st, "INSERT INTO t_chunks VALUES ('" + text + "')");
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT v FROM t_chunks", SQL_NTS));
  ODBC_OK(SQLFetch(st));

  std::string got;
  char buf[16];
  SQLLEN ind = 0;
  size_t remaining = text.size();
  for (;;) {
    SQLRETURN rc = SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind);
    if (rc == SQL_NO_DATA) break;
    REQUIRE(SQL_SUCCEEDED(rc));
    REQUIRE(ind == static_cast<SQLLEN>(remaining));  // the total still to come, this chunk included
    size_t chunk = std::strlen(buf);
    if (rc == SQL_SUCCESS_WITH_INFO) {
      CHECK(sqlState(SQL_HANDLE_STMT, st) == "01004");
      CHECK(chunk <= sizeof buf - 1);
    } else {
      CHECK(chunk == remaining);
    }
    got += std::string(buf, chunk);
    remaining -= chunk;
  }
  CHECK(got == text);
  CHECK(remaining == 0);
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

TEST_CASE("chunked SQLGetData into SQL_C_WCHAR keeps surrogate pairs whole", "[getdata]") {
  Env e;
  SQLHSTMT st = e.statement();
  std::string text;
  for (int i = 0; i < 25; ++i) text += kPiece;
  const std::u16string want = utf16(text);
  exec(st, "CREATE TABLE t_wchunks(v TEXT)");
  exec(st, "INSERT INTO t_wchunks VALUES ('" + text + "')");
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT v FROM t_wchunks", SQL_NTS));
  ODBC_OK(SQLFetch(st));

  std::u16string got;
  SQLWCHAR buf[7];  // odd size: a pair would straddle the boundary
  SQLLEN ind = 0;
  for (;;) {
    SQLRETURN rc = SQLGetData(st, 1, SQL_C_WCHAR, buf, sizeof buf, &ind);
    if (rc == SQL_NO_DATA) break;
    REQUIRE(SQL_SUCCEEDED(rc));
    REQUIRE(ind == static_cast<SQLLEN>((want.size() - got.size()) * sizeof(SQLWCHAR)));
    size_t n = 0;
    while (buf[n]) ++n;
    for (size_t k = 0; k < n; ++k) got += static_cast<char16_t>(buf[k]);
  }
  CHECK(got == want);
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

TEST_CASE("block cursor: column-wise and row-wise binding", "[bindcol]") {
  Env e;
  SQLHSTMT st = e.statement();
  exec(st, "CREATE TABLE t_rows(n INTEGER, s VARCHAR(10))");
  for (int i = 1; i <= 25; ++i)
    exec(st, "INSERT INTO t_rows VALUES (" + std::to_string(i) + ", 'r" + std::to_string(i) + "')");

  SECTION("column-wise") {
    SQLINTEGER n[10];
    SQLLEN nInd[10];
    char s[10][11];
    SQLLEN sInd[10];
    SQLULEN fetched = 0;
    SQLUSMALLINT status[10];
    ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)10, 0));
    ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0));
    ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0));
    ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT n, s FROM t_rows ORDER BY n", SQL_NTS));
    ODBC_OK(SQLBindCol(st, 1, SQL_C_SLONG, n, 0, nInd));
    ODBC_OK(SQLBindCol(st, 2, SQL_C_CHAR, s, sizeof s[0], sInd));
    int seen = 0;
    for (SQLULEN expect : {10u, 10u, 5u}) {
      ODBC_OK(SQLFetch(st));
      REQUIRE(fetched == expect);
      for (SQLULEN r = 0; r < fetched; ++r) {
        ++seen;
        CHECK(n[r] == seen);
        CHECK(std::string(s[r]) == "r" + std::to_string(seen));
        CHECK(status[r] == SQL_ROW_SUCCESS);
      }
      if (expect == 5u) CHECK(status[5] == SQL_ROW_NOROW);
    }
    CHECK(SQLFetch(st) == SQL_NO_DATA);
  }

  SECTION("row-wise") {
    struct Row {
      SQLBIGINT n;
      SQLLEN nInd;
      char s[11];
      SQLLEN sInd;
    } rows[8];
    SQLULEN fetched = 0;
    ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_TYPE, (SQLPOINTER)sizeof(Row), 0));
    ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)8, 0));
    ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0));
    ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT n, s FROM t_rows ORDER BY n", SQL_NTS));
    ODBC_OK(SQLBindCol(st, 1, SQL_C_SBIGINT, &rows[0].n, 0, &rows[0].nInd));
    ODBC_OK(SQLBindCol(st, 2, SQL_C_CHAR, rows[0].s, sizeof rows[0].s, &rows[0].sInd));
    int seen = 0;
    while (SQLFetch(st) != SQL_NO_DATA) {
      for (SQLULEN r = 0; r < fetched; ++r) {
        ++seen;
        CHECK(rows[r].n == seen);
        CHECK(rows[r].sInd == static_cast<SQLLEN>(std::string("r" + std::to_string(seen)).size()));
      }
    }
    CHECK(seen == 25);
  }
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

TEST_CASE("NULLs and typed conversions", "[convert]") {
  Env e;
  SQLHSTMT st = e.statement();
  exec(st, "CREATE TABLE t_types(i INTEGER, d DOUBLE, ts TIMESTAMP, dt DATE, b BIT, s VARCHAR(5))");
  exec(st, "INSERT INTO t_types VALUES (42, 2.5, '2024-05-01 12:34:56', '2024-05-01', 1, NULL)");
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT i, d, ts, dt, b, s FROM t_types", SQL_NTS));
  ODBC_OK(SQLFetch(st));
  SQLINTEGER i = 0;
  double d = 0;
  SQL_TIMESTAMP_STRUCT ts{};
  SQL_DATE_STRUCT dt{};
  unsigned char b = 0;
  char s[8];
  SQLLEN ind = 0;
  ODBC_OK(SQLGetData(st, 1, SQL_C_SLONG, &i, 0, &ind));
  CHECK(i == 42);
  ODBC_OK(SQLGetData(st, 2, SQL_C_DOUBLE, &d, 0, &ind));
  CHECK(d == 2.5);
  ODBC_OK(SQLGetData(st, 3, SQL_C_TYPE_TIMESTAMP, &ts, sizeof ts, &ind));
  CHECK((ts.year == 2024 && ts.month == 5 && ts.day == 1 && ts.hour == 12 && ts.minute == 34 &&
         ts.second == 56));
  ODBC_OK(SQLGetData(st, 4, SQL_C_TYPE_DATE, &dt, sizeof dt, &ind));
  CHECK((dt.year == 2024 && dt.month == 5 && dt.day == 1));
  ODBC_OK(SQLGetData(st, 5, SQL_C_BIT, &b, 0, &ind));
  CHECK(b == 1);
  ODBC_OK(SQLGetData(st, 6, SQL_C_CHAR, s, sizeof s, &ind));
  CHECK(ind == SQL_NULL_DATA);
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

TEST_CASE("emoji captions arrive intact as SQL_C_CHAR (UTF-8)", "[getdata][media]") {
  Env e;
  SQLHSTMT st = e.statement();
  ODBC_OK(SQLExecDirect(
      st, (SQLCHAR*)"SELECT Caption FROM Media WHERE Caption LIKE '%\xF0\x9F\x98\x80%' LIMIT 1", SQL_NTS));
  ODBC_OK(SQLFetch(st));
  char buf[8192];
  SQLLEN ind = 0;
  ODBC_OK(SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind));
  REQUIRE(ind > 0);
  CHECK(std::string(buf).find("\xF0\x9F\x98\x80") != std::string::npos);
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}
