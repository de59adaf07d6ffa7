// Static (scrollable) cursors, SQLSetPos(SQL_POSITION) + SQLGetData on any row of a rowset,
// SQLSetPos(SQL_REFRESH) from the cursor's copy of the rowset, and the driver-manager default that PHP's
// PDO_ODBC uses (SQL_CUR_USE_IF_NEEDED) with data-at-execution parameters: unixODBC's cursor library crashes
// on those, so the driver must not need it.
#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "odbc_test_support.h"

using namespace odbctest;

namespace {

void exec(SQLHSTMT st, const std::string& sql) {
  SQLRETURN rc = SQLExecDirect(st, (SQLCHAR*)sql.c_str(), SQL_NTS);
  INFO(sql << "\n" << diagnostics(SQL_HANDLE_STMT, st));
  REQUIRE(SQL_SUCCEEDED(rc));
  SQLFreeStmt(st, SQL_CLOSE);
}

// A scratch table of `n` rows: i = 1..n.
void numbers(SQLHSTMT st, const std::string& table, int n) {
  exec(st, "CREATE TABLE " + table +
               " AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
               std::to_string(n) + ") SELECT i FROM n");
}

long getLong(SQLHSTMT st, SQLUSMALLINT column) {
  SQLINTEGER v = 0;
  SQLLEN ind = 0;
  SQLRETURN rc = SQLGetData(st, column, SQL_C_SLONG, &v, 0, &ind);
  INFO(diagnostics(SQL_HANDLE_STMT, st));
  REQUIRE(SQL_SUCCEEDED(rc));
  return v;
}

}  // namespace

TEST_CASE("PDO_ODBC's defaults: cursor library if needed, data-at-execution parameter, bound columns",
          "[scroll][pdo]") {
  SQLHENV env;
  SQLHDBC dbc;
  REQUIRE(SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env)));
  REQUIRE(SQL_SUCCEEDED(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0)));
  REQUIRE(SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc)));
  REQUIRE(SQL_SUCCEEDED(SQLSetConnectAttr(dbc, SQL_ATTR_ODBC_CURSORS, (SQLPOINTER)SQL_CUR_USE_IF_NEEDED, 0)));
  const std::string cs = defaultConnectionString();
  SQLRETURN rc =
      SQLDriverConnect(dbc, nullptr, (SQLCHAR*)cs.c_str(), SQL_NTS, nullptr, 0, nullptr, SQL_DRIVER_NOPROMPT);
  INFO(diagnostics(SQL_HANDLE_DBC, dbc));
  REQUIRE(SQL_SUCCEEDED(rc));
  SQLHSTMT st;
  REQUIRE(SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st)));
  numbers(st, "t_pdo", 5);

  // What PDO_ODBC does for `prepare('... WHERE i > ?')->execute([2])`.
  ODBC_OK(SQLPrepare(
      st, (SQLCHAR*)"SELECT i, 'row ' || i AS label FROM t_pdo WHERE i > CAST(? AS INTEGER) ORDER BY i",
      SQL_NTS));
  SQLLEN paramLen = SQL_LEN_DATA_AT_EXEC(1);
  ODBC_OK(
      SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 10, 0, (SQLPOINTER)1, 0, &paramLen));
  REQUIRE(SQLExecute(st) == SQL_NEED_DATA);
  SQLPOINTER token = nullptr;
  REQUIRE(SQLParamData(st, &token) == SQL_NEED_DATA);
  ODBC_OK(SQLPutData(st, (SQLPOINTER) "2", 1));
  ODBC_OK(SQLParamData(st, &token));
  char label[32];
  SQLLEN labelLen = 0;
  ODBC_OK(SQLBindCol(st, 2, SQL_C_CHAR, label, sizeof label, &labelLen));
  std::vector<std::string> got;
  while ((rc = SQLFetchScroll(st, SQL_FETCH_NEXT, 0)) != SQL_NO_DATA) {
    INFO(diagnostics(SQL_HANDLE_STMT, st));
    REQUIRE(SQL_SUCCEEDED(rc));
    got.emplace_back(label, static_cast<size_t>(labelLen));
  }
  CHECK(got == std::vector<std::string>{"row 3", "row 4", "row 5"});
  SQLFreeHandle(SQL_HANDLE_STMT, st);
  SQLDisconnect(dbc);
  SQLFreeHandle(SQL_HANDLE_DBC, dbc);
  SQLFreeHandle(SQL_HANDLE_ENV, env);
}

TEST_CASE("static cursors scroll by the ODBC positioning rules", "[scroll]") {
  Env e;
  SQLHSTMT st = e.statement();
  numbers(st, "t_scroll", 25);
  ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0));
  SQLULEN scrollable = 0;
  ODBC_OK(SQLGetStmtAttr(st, SQL_ATTR_CURSOR_SCROLLABLE, &scrollable, 0, nullptr));
  CHECK(scrollable == SQL_SCROLLABLE);
  ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)10, 0));
  SQLINTEGER values[10];
  SQLLEN inds[10];
  SQLUSMALLINT status[10];
  SQLULEN fetched = 0;
  ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0));
  ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0));
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT i FROM t_scroll ORDER BY i", SQL_NTS));
  ODBC_OK(SQLBindCol(st, 1, SQL_C_SLONG, values, 0, inds));

  ODBC_OK(SQLFetchScroll(st, SQL_FETCH_LAST, 0));
  CHECK(fetched == 10);
  CHECK(values[0] == 16);
  CHECK(values[9] == 25);
  ODBC_OK(SQLFetchScroll(st, SQL_FETCH_PRIOR, 0));
  CHECK(values[0] == 6);
  // PRIOR from row 6 would start before row 1: the rowset is rows 1-10, with 01S06.
  CHECK(SQLFetchScroll(st, SQL_FETCH_PRIOR, 0) == SQL_SUCCESS_WITH_INFO);
  CHECK(sqlState(SQL_HANDLE_STMT, st) == "01S06");
  CHECK(values[0] == 1);
  ODBC_OK(SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, 20));
  CHECK(fetched == 6);
  CHECK(values[0] == 20);
  CHECK(status[5] == SQL_ROW_SUCCESS);
  CHECK(status[6] == SQL_ROW_NOROW);
  ODBC_OK(SQLFetchScroll(st, SQL_FETCH_RELATIVE, -15));
  CHECK(values[0] == 5);
  ODBC_OK(SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, -3));
  CHECK(values[0] == 23);
  SQLULEN rowNumber = 0;
  ODBC_OK(SQLGetStmtAttr(st, SQL_ATTR_ROW_NUMBER, &rowNumber, 0, nullptr));
  CHECK(rowNumber == 23);
  CHECK(SQLFetchScroll(st, SQL_FETCH_NEXT, 0) == SQL_NO_DATA);
  ODBC_OK(SQLFetchScroll(st, SQL_FETCH_FIRST, 0));
  CHECK(values[0] == 1);
  CHECK(SQLFetchScroll(st, SQL_FETCH_BOOKMARK, 0) == SQL_ERROR);
  CHECK(sqlState(SQL_HANDLE_STMT, st) == "HY106");
  SQLFreeStmt(st, SQL_CLOSE);
  SQLFreeStmt(st, SQL_UNBIND);

  // A forward-only cursor refuses to scroll, saying how to get one that can.
  ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_FORWARD_ONLY, 0));
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT i FROM t_scroll", SQL_NTS));
  CHECK(SQLFetchScroll(st, SQL_FETCH_LAST, 0) == SQL_ERROR);
  CHECK(sqlState(SQL_HANDLE_STMT, st) == "HY106");
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

TEST_CASE("SQLGetData reads the row SQLSetPos positions on, in both cursor kinds", "[scroll][getdata]") {
  Env e;
  SQLHSTMT st = e.statement();
  numbers(st, "t_setpos", 7);
  for (SQLULEN cursor : {SQLULEN{SQL_CURSOR_FORWARD_ONLY}, SQLULEN{SQL_CURSOR_STATIC}}) {
    DYNAMIC_SECTION("cursor type " << cursor) {
      ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)cursor, 0));
      ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)4, 0));
      ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT i, i * 10 FROM t_setpos ORDER BY i", SQL_NTS));
      ODBC_OK(SQLFetch(st));  // rows 1-4, nothing bound
      CHECK(getLong(st, 1) == 1);
      ODBC_OK(SQLSetPos(st, 3, SQL_POSITION, SQL_LOCK_NO_CHANGE));
      CHECK(getLong(st, 2) == 30);
      CHECK(getLong(st, 1) == 3);
      ODBC_OK(SQLSetPos(st, 4, SQL_POSITION, SQL_LOCK_NO_CHANGE));
      CHECK(getLong(st, 1) == 4);
      CHECK(SQLSetPos(st, 5, SQL_POSITION, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
      CHECK(sqlState(SQL_HANDLE_STMT, st) == "HY107");
      // Read-only cursors (SQL_CONCUR_READ_ONLY): the SQLSetPos rule is HY092.
      CHECK(SQLSetPos(st, 1, SQL_UPDATE, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
      CHECK(sqlState(SQL_HANDLE_STMT, st) == "HY092");
      ODBC_OK(SQLFetch(st));  // rows 5-7: a partial rowset
      ODBC_OK(SQLSetPos(st, 3, SQL_POSITION, SQL_LOCK_NO_CHANGE));
      CHECK(getLong(st, 1) == 7);
      CHECK(SQLSetPos(st, 4, SQL_POSITION, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
      CHECK(SQLFetch(st) == SQL_NO_DATA);
      SQLFreeStmt(st, SQL_CLOSE);
    }
  }
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

namespace {

// Column-wise bound rowset of (i, label) with its status array and rows-fetched count, which the tests
// overwrite to see exactly what SQLSetPos(SQL_REFRESH) writes back.
struct BoundRowset {
  static constexpr int kRows = 4;
  SQLINTEGER ids[kRows];
  SQLLEN idInd[kRows];
  SQLCHAR labels[kRows][16];
  SQLLEN labelInd[kRows];
  SQLUSMALLINT status[kRows];
  SQLULEN fetched = 0;

  void bind(SQLHSTMT st) {
    ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)(SQLULEN)kRows, 0));
    ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0));
    ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0));
    ODBC_OK(SQLBindCol(st, 1, SQL_C_SLONG, ids, 0, idInd));
    ODBC_OK(SQLBindCol(st, 2, SQL_C_CHAR, labels, sizeof labels[0], labelInd));
  }
  // What an application might do to its buffers between the fetch and the refresh.
  void scribble() {
    for (int k = 0; k < kRows; ++k) {
      ids[k] = -1;
      idInd[k] = 12345;
      std::snprintf(reinterpret_cast<char*>(labels[k]), sizeof labels[k], "scribbled");
      labelInd[k] = 12345;
      status[k] = 99;
    }
    fetched = 999;
  }
  std::string label(int k) const { return reinterpret_cast<const char*>(labels[k]); }
  void checkRow(int k, int i) const {
    INFO("rowset row " << k + 1);
    CHECK(ids[k] == i);
    CHECK(idInd[k] == static_cast<SQLLEN>(sizeof(SQLINTEGER)));
    CHECK(label(k) == "row " + std::to_string(i));
    CHECK(labelInd[k] == static_cast<SQLLEN>(label(k).size()));
    CHECK(status[k] == SQL_ROW_SUCCESS);
  }
  void checkUntouched(int k) const {
    INFO("rowset row " << k + 1);
    CHECK(ids[k] == -1);
    CHECK(idInd[k] == 12345);
    CHECK(label(k) == "scribbled");
    CHECK(status[k] == 99);
  }
};

}  // namespace

TEST_CASE("SQLSetPos(SQL_REFRESH) re-copies the rowset into the bound buffers, in both cursor kinds",
          "[scroll][refresh]") {
  Env e;
  SQLHSTMT st = e.statement();
  numbers(st, "t_refresh", 7);
  for (SQLULEN cursor : {SQLULEN{SQL_CURSOR_FORWARD_ONLY}, SQLULEN{SQL_CURSOR_STATIC}}) {
    DYNAMIC_SECTION("cursor type " << cursor) {
      BoundRowset b;
      ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)cursor, 0));
      b.bind(st);
      ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT i, 'row ' || i FROM t_refresh ORDER BY i", SQL_NTS));
      ODBC_OK(SQLFetch(st));  // rows 1-4; row 4 is SQLite's live row on a forward-only cursor
      REQUIRE(b.fetched == 4);

      // One row: only that row's buffers and status change, and SQLGetData then reads that row.
      b.scribble();
      CHECK(SQLSetPos(st, 4, SQL_REFRESH, SQL_LOCK_NO_CHANGE) == SQL_SUCCESS);
      b.checkRow(3, 4);
      for (int k = 0; k < 3; ++k) b.checkUntouched(k);
      CHECK(b.fetched == 999);  // a single-row operation is not a bulk one
      CHECK(getLong(st, 1) == 4);
      b.scribble();
      CHECK(SQLSetPos(st, 2, SQL_REFRESH, SQL_LOCK_NO_CHANGE) == SQL_SUCCESS);
      b.checkRow(1, 2);
      b.checkUntouched(0);
      b.checkUntouched(3);
      CHECK(getLong(st, 1) == 2);

      // Row 0: every row of the rowset but those the row operation array says to ignore.
      SQLUSMALLINT operations[BoundRowset::kRows] = {SQL_ROW_PROCEED, SQL_ROW_IGNORE, SQL_ROW_PROCEED,
                                                     SQL_ROW_PROCEED};
      ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_OPERATION_PTR, operations, 0));
      b.scribble();
      CHECK(SQLSetPos(st, 0, SQL_REFRESH, SQL_LOCK_NO_CHANGE) == SQL_SUCCESS);
      b.checkRow(0, 1);
      b.checkUntouched(1);
      b.checkRow(2, 3);
      b.checkRow(3, 4);
      CHECK(b.fetched == 3);
      CHECK(getLong(st, 1) == 1);  // the cursor is on the first row of the rowset
      ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_OPERATION_PTR, nullptr, 0));

      // Read-only: no positioned changes, and the buffers stay as the application left them.
      b.scribble();
      for (SQLUSMALLINT op : {SQLUSMALLINT{SQL_UPDATE}, SQLUSMALLINT{SQL_DELETE}}) {
        CHECK(SQLSetPos(st, 1, op, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
        CHECK(sqlState(SQL_HANDLE_STMT, st) == "HY092");
      }
      b.checkUntouched(0);
      CHECK(SQLSetPos(st, 1, SQL_REFRESH, SQL_LOCK_EXCLUSIVE) == SQL_ERROR);
      CHECK(sqlState(SQL_HANDLE_STMT, st) == "HYC00");

      // A partial rowset (rows 5-7): row 4 of the rowset does not exist.
      ODBC_OK(SQLFetch(st));
      REQUIRE(b.fetched == 3);
      b.scribble();
      CHECK(SQLSetPos(st, 4, SQL_REFRESH, SQL_LOCK_NO_CHANGE) == SQL_ERROR);
      CHECK(sqlState(SQL_HANDLE_STMT, st) == "HY107");
      CHECK(SQLSetPos(st, 0, SQL_REFRESH, SQL_LOCK_NO_CHANGE) == SQL_SUCCESS);
      for (int k = 0; k < 3; ++k) b.checkRow(k, 5 + k);
      CHECK(b.fetched == 3);

      if (cursor == SQL_CURSOR_STATIC) {
        // Scrolled back: the refresh copies the rows of the rowset the cursor is on now (2-5).
        ODBC_OK(SQLFetchScroll(st, SQL_FETCH_ABSOLUTE, 2));
        b.scribble();
        CHECK(SQLSetPos(st, 0, SQL_REFRESH, SQL_LOCK_NO_CHANGE) == SQL_SUCCESS);
        for (int k = 0; k < 4; ++k) b.checkRow(k, 2 + k);
      }
      SQLFreeStmt(st, SQL_CLOSE);
      SQLFreeStmt(st, SQL_UNBIND);
    }
  }
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

TEST_CASE("SQLSetPos(SQL_REFRESH) truncation is a row warning", "[scroll][refresh]") {
  Env e;
  SQLHSTMT st = e.statement();
  numbers(st, "t_refresh_trunc", 2);
  SQLCHAR text[2][4];
  SQLLEN ind[2];
  SQLUSMALLINT status[2];
  ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)2, 0));
  ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0));
  ODBC_OK(SQLBindCol(st, 1, SQL_C_CHAR, text, sizeof text[0], ind));
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT 'long label ' || i FROM t_refresh_trunc ORDER BY i", SQL_NTS));
  CHECK(SQLFetch(st) == SQL_SUCCESS_WITH_INFO);
  status[0] = status[1] = 99;
  CHECK(SQLSetPos(st, 2, SQL_REFRESH, SQL_LOCK_NO_CHANGE) == SQL_SUCCESS_WITH_INFO);
  CHECK(sqlState(SQL_HANDLE_STMT, st) == "01004");
  CHECK(std::string(reinterpret_cast<char*>(text[1])) == "lon");
  CHECK(ind[1] == 12);
  CHECK(status[0] == 99);
  CHECK(status[1] == SQL_ROW_SUCCESS_WITH_INFO);
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

TEST_CASE("SQLSetPos(SQL_REFRESH) on a static cursor over Instagram data sends no request",
          "[scroll][refresh]") {
  Env e;
  SQLHSTMT st = e.statement();
  SQLCHAR ids[3][40];
  SQLLEN ind[3];
  SQLUSMALLINT status[3];
  ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0));
  ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)3, 0));
  ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, status, 0));
  ODBC_OK(SQLBindCol(st, 1, SQL_C_CHAR, ids, sizeof ids[0], ind));
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT Id FROM Media LIMIT 3", SQL_NTS));
  ODBC_OK(SQLFetchScroll(st, SQL_FETCH_NEXT, 0));
  std::vector<std::string> fetched;
  for (auto& id : ids) fetched.emplace_back(reinterpret_cast<char*>(id));
  const size_t mark = requestCount();
  for (int k = 0; k < 3; ++k) {
    ids[k][0] = '\0';
    status[k] = 99;
  }
  // Insensitive: the copy the cursor read is what comes back, without asking Instagram again.
  CHECK(SQLSetPos(st, 0, SQL_REFRESH, SQL_LOCK_NO_CHANGE) == SQL_SUCCESS);
  for (int k = 0; k < 3; ++k) {
    CHECK(std::string(reinterpret_cast<char*>(ids[k])) == fetched[static_cast<size_t>(k)]);
    CHECK(status[k] == SQL_ROW_SUCCESS);
  }
  CHECK(requestsSince(mark).empty());
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

TEST_CASE("SQLSetPos(SQL_REFRESH) after SQLExtendedFetch updates that call's row status array",
          "[scroll][refresh]") {
  Env e;
  SQLHSTMT st = e.statement();
  numbers(st, "t_refresh_ext", 5);
  SQLINTEGER ids[3];
  SQLLEN ind[3];
  SQLUSMALLINT status[3];
  SQLULEN count = 0;
  ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_STATIC, 0));
  ODBC_OK(SQLSetStmtAttr(st, SQL_ROWSET_SIZE, (SQLPOINTER)3, 0));
  ODBC_OK(SQLBindCol(st, 1, SQL_C_SLONG, ids, 0, ind));
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)"SELECT i FROM t_refresh_ext ORDER BY i", SQL_NTS));
  ODBC_OK(SQLExtendedFetch(st, SQL_FETCH_ABSOLUTE, 2, &count, status));  // rows 2-4
  REQUIRE(count == 3);
  for (int k = 0; k < 3; ++k) {
    ids[k] = -1;
    status[k] = 99;
  }
  CHECK(SQLSetPos(st, 0, SQL_REFRESH, SQL_LOCK_NO_CHANGE) == SQL_SUCCESS);
  for (int k = 0; k < 3; ++k) {
    CHECK(ids[k] == 2 + k);
    CHECK(status[k] == SQL_ROW_SUCCESS);
  }
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}
