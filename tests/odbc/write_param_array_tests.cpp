// Writes through the DM with parameter arrays: SQL_ATTR_PARAMSET_SIZE sets run one INSERT
// each, the status array and SQL_ATTR_PARAMS_PROCESSED_PTR say which ran, SQLRowCount counts the rows
// written, and SQL_DIAG_ROW_COUNT too when a write fails part-way. Comments are added to media of the shared
// emulator, never removed.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>

#include "odbc_test_support.h"

using namespace odbctest;

namespace {

// The first FEED media whose comments are enabled (1) or disabled (0).
std::string feedMedia(const Env& e, int enabled) {
  SQLHSTMT st = e.statement();
  std::string sql = "SELECT Id FROM Media WHERE MediaProductType = 'FEED' AND IsCommentEnabled = " +
                    std::to_string(enabled) + " LIMIT 1";
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)sql.c_str(), SQL_NTS));
  ODBC_OK(SQLFetch(st));
  char id[64] = {0};
  SQLLEN ind = 0;
  ODBC_OK(SQLGetData(st, 1, SQL_C_CHAR, id, sizeof id, &ind));
  SQLFreeHandle(SQL_HANDLE_STMT, st);
  return id;
}

size_t countWrites(const std::vector<std::string>& lines, const std::string& method) {
  return static_cast<size_t>(std::count_if(lines.begin(), lines.end(), [&](const std::string& l) {
    return l.find("\"method\":\"" + method + "\"") != std::string::npos;
  }));
}

int64_t scalar(const Env& e, const std::string& sql) {
  SQLHSTMT st = e.statement();
  ODBC_OK(SQLExecDirect(st, (SQLCHAR*)sql.c_str(), SQL_NTS));
  ODBC_OK(SQLFetch(st));
  SQLBIGINT v = 0;
  SQLLEN ind = 0;
  ODBC_OK(SQLGetData(st, 1, SQL_C_SBIGINT, &v, 0, &ind));
  SQLFreeHandle(SQL_HANDLE_STMT, st);
  return v;
}

// SQL_DIAG_ROW_COUNT: the rows written, also after a failure.
SQLLEN diagRowCount(SQLHSTMT st) {
  SQLLEN rows = -1;
  ODBC_OK(SQLGetDiagField(SQL_HANDLE_STMT, st, 0, SQL_DIAG_ROW_COUNT, &rows, 0, nullptr));
  return rows;
}

struct ParamArray {
  static constexpr int kSets = 3;
  char media[kSets][40] = {};
  char text[kSets][40] = {};
  SQLLEN mediaInd[kSets] = {};
  SQLLEN textInd[kSets] = {};
  SQLUSMALLINT status[kSets] = {};
  SQLULEN processed = 0;

  void set(int i, const std::string& m, const std::string& t) {
    std::strcpy(media[i], m.c_str());
    std::strcpy(text[i], t.c_str());
    mediaInd[i] = SQL_NTS;
    textInd[i] = SQL_NTS;
  }
  void bind(SQLHSTMT st) {
    ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_PARAM_BIND_TYPE, (SQLPOINTER)SQL_PARAM_BIND_BY_COLUMN, 0));
    ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)(SQLULEN)kSets, 0));
    ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, status, 0));
    ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &processed, 0));
    ODBC_OK(SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 32, 0, media, 40, mediaInd));
    ODBC_OK(SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_WVARCHAR, 300, 0, text, 40, textInd));
  }
};

}  // namespace

TEST_CASE("INSERT with a parameter array posts one comment per set", "[writes]") {
  Env e;
  std::string media = feedMedia(e, 1);
  int64_t before = scalar(e, "SELECT CommentsCount FROM Media WHERE Id = '" + media + "'");
  SQLHSTMT st = e.statement();
  ParamArray p;
  for (int i = 0; i < ParamArray::kSets; ++i) p.set(i, media, "array row " + std::to_string(i + 1));
  ODBC_OK(SQLPrepare(st, (SQLCHAR*)"INSERT INTO Comments (MediaId, Text) VALUES (?, ?)", SQL_NTS));
  p.bind(st);
  size_t mark = requestCount();
  REQUIRE(SQLExecute(st) == SQL_SUCCESS);
  CHECK(p.processed == 3);
  for (SQLUSMALLINT s : p.status) CHECK(s == SQL_PARAM_SUCCESS);
  SQLLEN rows = -1;
  ODBC_OK(SQLRowCount(st, &rows));
  CHECK(rows == 3);
  std::vector<std::string> lines = requestsSince(mark);
  CHECK(countWrites(lines, "POST") == 3);
  CHECK(lines.size() == 3);  // an INSERT reads nothing first
  SQLFreeHandle(SQL_HANDLE_STMT, st);

  CHECK(scalar(e, "SELECT COUNT(DISTINCT Id) FROM sys_identity WHERE TableName = 'Comments'") == 3);
  CHECK(scalar(e, "SELECT CommentsCount FROM Media WHERE Id = '" + media + "'") == before + 3);
  CHECK(scalar(e,
               "SELECT last_insert_rowid() = (SELECT CAST(Id AS INTEGER) FROM sys_identity WHERE Seq = 3)") ==
        1);
}

TEST_CASE("A failing parameter set stops the array; the status array says which sets ran", "[writes]") {
  Env e;
  std::string open = feedMedia(e, 1), closed = feedMedia(e, 0);
  SQLHSTMT st = e.statement();
  ParamArray p;
  p.set(0, open, "before the failure");
  p.set(1, closed, "comments are off here");
  p.set(2, open, "never sent");
  ODBC_OK(SQLPrepare(st, (SQLCHAR*)"INSERT INTO Comments (MediaId, Text) VALUES (?, ?)", SQL_NTS));
  p.bind(st);
  size_t mark = requestCount();
  REQUIRE(SQLExecute(st) == SQL_ERROR);
  CHECK(p.processed == 2);
  CHECK(p.status[0] == SQL_PARAM_SUCCESS);
  CHECK(p.status[1] == SQL_PARAM_ERROR);
  CHECK(p.status[2] == SQL_PARAM_UNUSED);
  // After SQL_ERROR the DM refuses SQLRowCount (HY010); the diagnostic header carries the count.
  CHECK(diagRowCount(st) == 1);
  CHECK(countWrites(requestsSince(mark), "POST") == 2);
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

TEST_CASE("A multi-row INSERT that fails part-way counts the rows written", "[writes]") {
  Env e;
  std::string open = feedMedia(e, 1), closed = feedMedia(e, 0);
  SQLHSTMT st = e.statement();
  std::string sql = "INSERT INTO Comments (MediaId, Text) VALUES ('" + open + "', 'one'), ('" + open +
                    "', 'two'), ('" + closed + "', 'three'), ('" + open + "', 'four')";
  REQUIRE(SQLExecDirect(st, (SQLCHAR*)sql.c_str(), SQL_NTS) == SQL_ERROR);
  std::string diag = diagnostics(SQL_HANDLE_STMT, st);
  CHECK(diag.find("2 of 4 rows were written before the failure") != std::string::npos);
  CHECK(diagRowCount(st) == 2);
  SQLFreeHandle(SQL_HANDLE_STMT, st);
  CHECK(scalar(e, "SELECT COUNT(*) FROM sys_identity") == 2);
}
