// Descriptor audit: SQLGetDescField on every field of the four implicit descriptors after SQLPrepare,
// SQLBindCol and SQLBindParameter, with the C width the ODBC reference gives each field; and
// SQLSetDescField's refusals (HY016 on the IRD, HY091 for fields a descriptor kind lacks or only reads).
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <string>

#include "odbc_test_support.h"

using namespace odbctest;

namespace {

enum Kind { ARD, APD, IRD, IPD };
const char* kKindNames[] = {"ARD", "APD", "IRD", "IPD"};

SQLHDESC handleOf(SQLHSTMT st, Kind k) {
  const SQLINTEGER attr[] = {SQL_ATTR_APP_ROW_DESC, SQL_ATTR_APP_PARAM_DESC, SQL_ATTR_IMP_ROW_DESC,
                             SQL_ATTR_IMP_PARAM_DESC};
  SQLHDESC d = SQL_NULL_HDESC;
  REQUIRE(SQL_SUCCEEDED(SQLGetStmtAttr(st, attr[k], &d, 0, nullptr)));
  return d;
}

constexpr int64_t kAny = INT64_MIN;  // a value the test does not pin (present, right width)

struct GetCase {
  Kind kind;
  SQLSMALLINT rec;
  SQLSMALLINT field;
  const char* name;
  int width;  // bytes of a fixed field, 0 for a string field
  int64_t expected;
  const char* text = nullptr;  // expected string for string fields (nullptr: any)
};

int64_t widen(const unsigned char* buf, int width) {
  switch (width) {
    case 2: {
      SQLSMALLINT v;
      std::memcpy(&v, buf, 2);
      return v;
    }
    case 4: {
      SQLINTEGER v;
      std::memcpy(&v, buf, 4);
      return v;
    }
    default: {
      int64_t v;
      std::memcpy(&v, buf, 8);
      return v;
    }
  }
}

}  // namespace

TEST_CASE("descriptor audit: SQLGetDescField answers every field with its width", "[descriptor]") {
  Env e;
  SQLHSTMT st = e.statement();
  SQLRETURN rc = SQLExecDirect(
      st, (SQLCHAR*)"CREATE TABLE t_desc(i INTEGER NOT NULL, s VARCHAR(20), ts TIMESTAMP, d DOUBLE)",
      SQL_NTS);
  REQUIRE(SQL_SUCCEEDED(rc));
  SQLFreeStmt(st, SQL_CLOSE);

  // Before SQLPrepare the IRD describes nothing: HY007.
  SQLSMALLINT count = -1;
  CHECK(SQLGetDescField(handleOf(st, IRD), 0, SQL_DESC_COUNT, &count, 0, nullptr) == SQL_ERROR);
  CHECK(sqlState(SQL_HANDLE_DESC, handleOf(st, IRD)) == "HY007");

  ODBC_OK(
      SQLPrepare(st, (SQLCHAR*)"SELECT i, s, ts, d AS total FROM t_desc WHERE i = ? AND ts < ?", SQL_NTS));
  SQLINTEGER col = 0, param = 7;
  SQLLEN colInd = 0, paramInd = 0, tsInd = 0;
  SQL_TIMESTAMP_STRUCT ts{};
  ODBC_OK(SQLBindCol(st, 1, SQL_C_SLONG, &col, 0, &colInd));
  ODBC_OK(SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 10, 0, &param, 0, &paramInd));
  ODBC_OK(SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, 23, 3, &ts, 0,
                           &tsInd));
  const auto ptr = [](const void* p) { return static_cast<int64_t>(reinterpret_cast<intptr_t>(p)); };
  const int kP = sizeof(SQLPOINTER), kLen = sizeof(SQLLEN);

  const GetCase cases[] = {
      // Header fields.
      {ARD, 0, SQL_DESC_ALLOC_TYPE, "ALLOC_TYPE", 2, SQL_DESC_ALLOC_AUTO},
      {IPD, 0, SQL_DESC_ALLOC_TYPE, "ALLOC_TYPE", 2, SQL_DESC_ALLOC_AUTO},
      {ARD, 0, SQL_DESC_ARRAY_SIZE, "ARRAY_SIZE", kLen, 1},
      {APD, 0, SQL_DESC_ARRAY_SIZE, "ARRAY_SIZE", kLen, 1},
      {IRD, 0, SQL_DESC_ARRAY_STATUS_PTR, "ARRAY_STATUS_PTR", kP, 0},
      {ARD, 0, SQL_DESC_BIND_OFFSET_PTR, "BIND_OFFSET_PTR", kP, 0},
      {ARD, 0, SQL_DESC_BIND_TYPE, "BIND_TYPE", 4, SQL_BIND_BY_COLUMN},
      {ARD, 0, SQL_DESC_COUNT, "COUNT", 2, 1},
      {APD, 0, SQL_DESC_COUNT, "COUNT", 2, 2},
      {IRD, 0, SQL_DESC_COUNT, "COUNT", 2, 4},
      {IPD, 0, SQL_DESC_COUNT, "COUNT", 2, 2},
      {IPD, 0, SQL_DESC_ROWS_PROCESSED_PTR, "ROWS_PROCESSED_PTR", kP, 0},
      // ARD record: what SQLBindCol set.
      {ARD, 1, SQL_DESC_TYPE, "TYPE", 2, SQL_C_SLONG},
      {ARD, 1, SQL_DESC_CONCISE_TYPE, "CONCISE_TYPE", 2, SQL_C_SLONG},
      {ARD, 1, SQL_DESC_DATA_PTR, "DATA_PTR", kP, ptr(&col)},
      {ARD, 1, SQL_DESC_INDICATOR_PTR, "INDICATOR_PTR", kP, ptr(&colInd)},
      {ARD, 1, SQL_DESC_OCTET_LENGTH_PTR, "OCTET_LENGTH_PTR", kP, ptr(&colInd)},
      {ARD, 1, SQL_DESC_OCTET_LENGTH, "OCTET_LENGTH", kLen, 0},
      {ARD, 1, SQL_DESC_DATETIME_INTERVAL_CODE, "DATETIME_INTERVAL_CODE", 2, 0},
      {ARD, 1, SQL_DESC_DATETIME_INTERVAL_PRECISION, "DATETIME_INTERVAL_PRECISION", 4, kAny},
      {ARD, 1, SQL_DESC_LENGTH, "LENGTH", kLen, kAny},
      {ARD, 1, SQL_DESC_NUM_PREC_RADIX, "NUM_PREC_RADIX", 4, kAny},
      {ARD, 1, SQL_DESC_PRECISION, "PRECISION", 2, kAny},
      {ARD, 1, SQL_DESC_SCALE, "SCALE", 2, kAny},
      // APD and IPD records: what SQLBindParameter set.
      {APD, 1, SQL_DESC_CONCISE_TYPE, "CONCISE_TYPE", 2, SQL_C_SLONG},
      {APD, 1, SQL_DESC_DATA_PTR, "DATA_PTR", kP, ptr(&param)},
      {APD, 2, SQL_DESC_TYPE, "TYPE", 2, SQL_DATETIME},
      {APD, 2, SQL_DESC_CONCISE_TYPE, "CONCISE_TYPE", 2, SQL_C_TYPE_TIMESTAMP},
      {APD, 2, SQL_DESC_DATETIME_INTERVAL_CODE, "DATETIME_INTERVAL_CODE", 2, SQL_CODE_TIMESTAMP},
      {IPD, 1, SQL_DESC_CONCISE_TYPE, "CONCISE_TYPE", 2, SQL_INTEGER},
      {IPD, 1, SQL_DESC_PRECISION, "PRECISION", 2, 10},
      {IPD, 1, SQL_DESC_SCALE, "SCALE", 2, 0},
      {IPD, 1, SQL_DESC_PARAMETER_TYPE, "PARAMETER_TYPE", 2, SQL_PARAM_INPUT},
      {IPD, 1, SQL_DESC_NULLABLE, "NULLABLE", 2, SQL_NULLABLE},
      {IPD, 1, SQL_DESC_UNNAMED, "UNNAMED", 2, SQL_UNNAMED},
      {IPD, 1, SQL_DESC_ROWVER, "ROWVER", 2, SQL_FALSE},
      {IPD, 1, SQL_DESC_CASE_SENSITIVE, "CASE_SENSITIVE", 4, kAny},
      {IPD, 1, SQL_DESC_FIXED_PREC_SCALE, "FIXED_PREC_SCALE", 2, kAny},
      {IPD, 1, SQL_DESC_UNSIGNED, "UNSIGNED", 2, kAny},
      {IPD, 1, SQL_DESC_LOCAL_TYPE_NAME, "LOCAL_TYPE_NAME", 0, kAny},
      {IPD, 1, SQL_DESC_TYPE_NAME, "TYPE_NAME", 0, kAny},
      {IPD, 1, SQL_DESC_NAME, "NAME", 0, kAny},
      {IPD, 2, SQL_DESC_TYPE, "TYPE", 2, SQL_DATETIME},
      {IPD, 2, SQL_DESC_CONCISE_TYPE, "CONCISE_TYPE", 2, SQL_TYPE_TIMESTAMP},
      {IPD, 2, SQL_DESC_DATETIME_INTERVAL_CODE, "DATETIME_INTERVAL_CODE", 2, SQL_CODE_TIMESTAMP},
      {IPD, 2, SQL_DESC_LENGTH, "LENGTH", kLen, 23},
      {IPD, 2, SQL_DESC_PRECISION, "PRECISION (fractional seconds)", 2, 3},
      // IRD records: the result columns.
      {IRD, 1, SQL_DESC_NAME, "NAME", 0, kAny, "i"},
      {IRD, 1, SQL_DESC_LABEL, "LABEL", 0, kAny, "i"},
      {IRD, 1, SQL_DESC_UNNAMED, "UNNAMED", 2, SQL_NAMED},
      {IRD, 1, SQL_DESC_NULLABLE, "NULLABLE", 2, SQL_NO_NULLS},
      {IRD, 1, SQL_DESC_AUTO_UNIQUE_VALUE, "AUTO_UNIQUE_VALUE", 4, kAny},
      {IRD, 1, SQL_DESC_CASE_SENSITIVE, "CASE_SENSITIVE", 4, SQL_FALSE},
      {IRD, 1, SQL_DESC_DISPLAY_SIZE, "DISPLAY_SIZE", kLen, kAny},
      {IRD, 1, SQL_DESC_FIXED_PREC_SCALE, "FIXED_PREC_SCALE", 2, kAny},
      {IRD, 1, SQL_DESC_NUM_PREC_RADIX, "NUM_PREC_RADIX", 4, 10},
      {IRD, 1, SQL_DESC_OCTET_LENGTH, "OCTET_LENGTH", kLen, kAny},
      {IRD, 1, SQL_DESC_ROWVER, "ROWVER", 2, SQL_FALSE},
      {IRD, 1, SQL_DESC_SEARCHABLE, "SEARCHABLE", 2, kAny},
      {IRD, 1, SQL_DESC_UNSIGNED, "UNSIGNED", 2, SQL_FALSE},
      {IRD, 1, SQL_DESC_UPDATABLE, "UPDATABLE", 2, kAny},
      {IRD, 1, SQL_DESC_BASE_COLUMN_NAME, "BASE_COLUMN_NAME", 0, kAny, "i"},
      {IRD, 1, SQL_DESC_BASE_TABLE_NAME, "BASE_TABLE_NAME", 0, kAny, "t_desc"},
      {IRD, 1, SQL_DESC_TABLE_NAME, "TABLE_NAME", 0, kAny, "t_desc"},
      {IRD, 1, SQL_DESC_CATALOG_NAME, "CATALOG_NAME", 0, kAny},
      {IRD, 1, SQL_DESC_SCHEMA_NAME, "SCHEMA_NAME", 0, kAny},
      {IRD, 1, SQL_DESC_LITERAL_PREFIX, "LITERAL_PREFIX", 0, kAny},
      {IRD, 1, SQL_DESC_LITERAL_SUFFIX, "LITERAL_SUFFIX", 0, kAny},
      {IRD, 1, SQL_DESC_LOCAL_TYPE_NAME, "LOCAL_TYPE_NAME", 0, kAny},
      {IRD, 1, SQL_DESC_TYPE_NAME, "TYPE_NAME", 0, kAny},
      {IRD, 2, SQL_DESC_LENGTH, "LENGTH", kLen, 20},
      {IRD, 2, SQL_DESC_NULLABLE, "NULLABLE", 2, SQL_NULLABLE},
      {IRD, 2, SQL_DESC_CASE_SENSITIVE, "CASE_SENSITIVE", 4, SQL_TRUE},
      {IRD, 2, SQL_DESC_LITERAL_PREFIX, "LITERAL_PREFIX", 0, kAny, "'"},
      {IRD, 3, SQL_DESC_TYPE, "TYPE", 2, SQL_DATETIME},
      {IRD, 3, SQL_DESC_CONCISE_TYPE, "CONCISE_TYPE", 2, SQL_TYPE_TIMESTAMP},
      {IRD, 3, SQL_DESC_DATETIME_INTERVAL_CODE, "DATETIME_INTERVAL_CODE", 2, SQL_CODE_TIMESTAMP},
      {IRD, 4, SQL_DESC_NAME, "NAME", 0, kAny, "total"},
      {IRD, 4, SQL_DESC_CONCISE_TYPE, "CONCISE_TYPE", 2, SQL_DOUBLE},
      {IRD, 4, SQL_DESC_NUM_PREC_RADIX, "NUM_PREC_RADIX", 4, 10},  // sizes in decimal digits
  };
  for (const GetCase& c : cases) {
    INFO(kKindNames[c.kind] << " record " << c.rec << " SQL_DESC_" << c.name);
    SQLHDESC d = handleOf(st, c.kind);
    unsigned char buf[256];
    std::memset(buf, 0xAB, sizeof buf);
    SQLINTEGER len = -1;
    SQLRETURN got = SQLGetDescField(d, c.rec, c.field, buf, c.width ? c.width : sizeof buf, &len);
    INFO(diagnostics(SQL_HANDLE_DESC, d));
    REQUIRE(got == SQL_SUCCESS);
    if (c.width == 0) {
      CHECK(len == static_cast<SQLINTEGER>(std::strlen(reinterpret_cast<char*>(buf))));
      if (c.text) CHECK(std::string(reinterpret_cast<char*>(buf)) == c.text);
      continue;
    }
    CHECK(buf[c.width] == 0xAB);  // nothing written past the field's width
    if (c.expected != kAny) CHECK(widen(buf, c.width) == c.expected);
  }
  // Records past COUNT: SQL_NO_DATA; an unknown field: HY091.
  SQLSMALLINT v = 0;
  CHECK(SQLGetDescField(handleOf(st, ARD), 2, SQL_DESC_TYPE, &v, 0, nullptr) == SQL_NO_DATA);
  CHECK(SQLGetDescField(handleOf(st, IRD), 5, SQL_DESC_TYPE, &v, 0, nullptr) == SQL_NO_DATA);
  CHECK(SQLGetDescField(handleOf(st, IRD), 1, 9999, &v, 0, nullptr) == SQL_ERROR);
  CHECK(sqlState(SQL_HANDLE_DESC, handleOf(st, IRD)) == "HY091");
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

TEST_CASE("descriptor audit: SQLSetDescField refuses what the ODBC reference refuses", "[descriptor]") {
  Env e;
  SQLHSTMT st = e.statement();
  ODBC_OK(SQLPrepare(st, (SQLCHAR*)"SELECT 1 WHERE 1 = ?", SQL_NTS));
  struct SetCase {
    Kind kind;
    SQLSMALLINT rec;
    SQLSMALLINT field;
    const char* name;
    intptr_t value;
    const char* state;  // "" = success
  };
  static SQLUSMALLINT statuses[4];
  static SQLULEN processed;
  const SetCase cases[] = {
      {IRD, 0, SQL_DESC_ARRAY_STATUS_PTR, "ARRAY_STATUS_PTR", reinterpret_cast<intptr_t>(statuses), ""},
      {IRD, 0, SQL_DESC_ROWS_PROCESSED_PTR, "ROWS_PROCESSED_PTR", reinterpret_cast<intptr_t>(&processed), ""},
      {IRD, 0, SQL_DESC_COUNT, "COUNT", 2, "HY016"},
      {IRD, 0, SQL_DESC_ARRAY_SIZE, "ARRAY_SIZE", 2, "HY016"},
      {IRD, 1, SQL_DESC_CONCISE_TYPE, "CONCISE_TYPE", SQL_CHAR, "HY016"},
      {IPD, 0, SQL_DESC_ARRAY_SIZE, "ARRAY_SIZE", 2, "HY091"},
      {IPD, 0, SQL_DESC_BIND_TYPE, "BIND_TYPE", 8, "HY091"},
      {IPD, 1, SQL_DESC_DATA_PTR, "DATA_PTR", 0, "HY091"},
      {IPD, 1, SQL_DESC_NULLABLE, "NULLABLE", SQL_NO_NULLS, "HY091"},
      {IPD, 1, SQL_DESC_UNNAMED, "UNNAMED", SQL_NAMED, "HY091"},
      {IPD, 1, SQL_DESC_UNNAMED, "UNNAMED", SQL_UNNAMED, ""},
      {IPD, 1, SQL_DESC_PARAMETER_TYPE, "PARAMETER_TYPE", SQL_PARAM_INPUT, ""},
      {ARD, 0, SQL_DESC_ROWS_PROCESSED_PTR, "ROWS_PROCESSED_PTR", 0, "HY091"},
      {ARD, 0, SQL_DESC_ALLOC_TYPE, "ALLOC_TYPE", SQL_DESC_ALLOC_USER, "HY091"},
      {ARD, 1, SQL_DESC_PARAMETER_TYPE, "PARAMETER_TYPE", SQL_PARAM_INPUT, "HY091"},
      {APD, 1, SQL_DESC_NULLABLE, "NULLABLE", SQL_NULLABLE, "HY091"},
      {APD, 1, SQL_DESC_DISPLAY_SIZE, "DISPLAY_SIZE", 10, "HY091"},
      {APD, 0, SQL_DESC_ARRAY_SIZE, "ARRAY_SIZE", 0, "HY024"},
      {APD, 1, 9999, "(unknown)", 0, "HY091"},
  };
  for (const SetCase& c : cases) {
    INFO(kKindNames[c.kind] << " record " << c.rec << " SQL_DESC_" << c.name);
    SQLHDESC d = handleOf(st, c.kind);
    SQLRETURN rc = SQLSetDescField(d, c.rec, c.field, reinterpret_cast<SQLPOINTER>(c.value), 0);
    INFO(diagnostics(SQL_HANDLE_DESC, d));
    if (*c.state == '\0') {
      CHECK(rc == SQL_SUCCESS);
    } else {
      CHECK(rc == SQL_ERROR);
      CHECK(sqlState(SQL_HANDLE_DESC, d) == c.state);
    }
  }

  // Setting the type sets the other type fields: SQL_DATETIME + code, and a character type's length.
  SQLHDESC ard = handleOf(st, ARD);
  ODBC_OK(SQLSetDescField(ard, 1, SQL_DESC_TYPE, (SQLPOINTER)SQL_DATETIME, 0));
  ODBC_OK(SQLSetDescField(ard, 1, SQL_DESC_DATETIME_INTERVAL_CODE, (SQLPOINTER)SQL_CODE_TIMESTAMP, 0));
  SQLSMALLINT concise = 0, precision = -1;
  ODBC_OK(SQLGetDescField(ard, 1, SQL_DESC_CONCISE_TYPE, &concise, 0, nullptr));
  ODBC_OK(SQLGetDescField(ard, 1, SQL_DESC_PRECISION, &precision, 0, nullptr));
  CHECK(concise == SQL_C_TYPE_TIMESTAMP);
  CHECK(precision == 6);
  ODBC_OK(SQLSetDescField(ard, 2, SQL_DESC_CONCISE_TYPE, (SQLPOINTER)SQL_C_CHAR, 0));
  SQLULEN length = 0;
  ODBC_OK(SQLGetDescField(ard, 2, SQL_DESC_LENGTH, &length, 0, nullptr));
  CHECK(length == 1);
  // Naming an IPD record makes it SQL_NAMED.
  SQLHDESC ipd = handleOf(st, IPD);
  ODBC_OK(SQLSetDescField(ipd, 1, SQL_DESC_NAME, (SQLPOINTER) "@p1", SQL_NTS));
  SQLSMALLINT unnamed = -1;
  ODBC_OK(SQLGetDescField(ipd, 1, SQL_DESC_UNNAMED, &unnamed, 0, nullptr));
  CHECK(unnamed == SQL_NAMED);
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}
