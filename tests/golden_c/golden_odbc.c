/* Golden-output regression program (the psqlODBC pattern): each scenario runs a fixed sequence of ODBC
 * calls through the unixODBC driver manager and prints what the driver answered, in a stable text form;
 * run_golden_c.sh compares the output with SCENARIO.out. Only C and libodbc: what any C client sees.
 *   golden_odbc SCENARIO   (connection string from IGODBC_GOLDEN_CONN) */
#include <sql.h>
#include <sqlext.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static SQLHENV env;
static SQLHDBC dbc;

static void diag(const char* what, SQLSMALLINT type, SQLHANDLE h, SQLRETURN rc) {
  SQLCHAR state[6], msg[1024];
  SQLINTEGER native;
  SQLSMALLINT len;
  printf("%s: rc=%d\n", what, (int)rc);
  for (SQLSMALLINT i = 1; SQLGetDiagRec(type, h, i, state, &native, msg, sizeof msg, &len) == SQL_SUCCESS; ++i)
    printf("  [%s] native=%d %s\n", (char*)state, (int)native, (char*)msg);
}

static void check(const char* what, SQLSMALLINT type, SQLHANDLE h, SQLRETURN rc) {
  if (rc == SQL_SUCCESS) return;
  diag(what, type, h, rc);
  if (!SQL_SUCCEEDED(rc)) exit(1);
}

static void connectAs(SQLINTEGER version) {
  const char* conn = getenv("IGODBC_GOLDEN_CONN");
  SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
  SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)(SQLLEN)version, 0);
  SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
  check("SQLDriverConnect", SQL_HANDLE_DBC, dbc,
        SQLDriverConnect(dbc, NULL, (SQLCHAR*)(conn ? conn : "DSN=InstagramTest"), SQL_NTS, NULL, 0, NULL,
                         SQL_DRIVER_NOPROMPT));
}

static SQLHSTMT newStatement(void) {
  SQLHSTMT st;
  SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
  return st;
}

/* The result's shape (name, SQL type, size, digits, nullable) and up to maxRows rows as text. */
static void dumpResult(SQLHSTMT st, int maxRows) {
  SQLSMALLINT cols = 0;
  SQLNumResultCols(st, &cols);
  for (SQLUSMALLINT c = 1; c <= cols; ++c) {
    SQLCHAR name[128];
    SQLSMALLINT nameLen, type, digits, nullable;
    SQLULEN size;
    SQLDescribeCol(st, c, name, sizeof name, &nameLen, &type, &size, &digits, &nullable);
    printf("column %d: %s type=%d size=%lu digits=%d nullable=%d\n", c, (char*)name, type, (unsigned long)size,
           digits, nullable);
  }
  int rows = 0;
  SQLRETURN rc;
  while ((rc = SQLFetch(st)) == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO) {
    if (rows++ >= maxRows) continue;
    printf("row:");
    for (SQLUSMALLINT c = 1; c <= cols; ++c) {
      SQLCHAR value[512];
      SQLLEN ind;
      SQLRETURN g = SQLGetData(st, c, SQL_C_CHAR, value, sizeof value, &ind);
      if (!SQL_SUCCEEDED(g)) printf(" <error %d>", (int)g);
      else if (ind == SQL_NULL_DATA) printf(" NULL");
      else printf(" '%s'", (char*)value);
      printf(c < cols ? " |" : "\n");
    }
  }
  if (rc != SQL_NO_DATA) diag("SQLFetch", SQL_HANDLE_STMT, st, rc);
  printf("rows: %d\n", rows);
  SQLFreeStmt(st, SQL_CLOSE);
}

static void catalog(SQLINTEGER version) {
  connectAs(version);
  SQLHSTMT st = newStatement();
  printf("== SQLTables(schema Instagram, type TABLE)\n");
  check("SQLTables", SQL_HANDLE_STMT, st,
        SQLTables(st, NULL, 0, (SQLCHAR*)"Instagram", SQL_NTS, (SQLCHAR*)"%", SQL_NTS, (SQLCHAR*)"TABLE", SQL_NTS));
  dumpResult(st, 3);
  printf("== SQLTables(schema list)\n");
  check("SQLTables", SQL_HANDLE_STMT, st,
        SQLTables(st, (SQLCHAR*)"", 0, (SQLCHAR*)SQL_ALL_SCHEMAS, SQL_NTS, (SQLCHAR*)"", 0, (SQLCHAR*)"", 0));
  dumpResult(st, 10);
  printf("== SQLTables(type list)\n");
  check("SQLTables", SQL_HANDLE_STMT, st,
        SQLTables(st, (SQLCHAR*)"", 0, (SQLCHAR*)"", 0, (SQLCHAR*)"", 0, (SQLCHAR*)SQL_ALL_TABLE_TYPES, SQL_NTS));
  dumpResult(st, 10);
  printf("== SQLColumns(Media)\n");
  check("SQLColumns", SQL_HANDLE_STMT, st,
        SQLColumns(st, NULL, 0, (SQLCHAR*)"Instagram", SQL_NTS, (SQLCHAR*)"Media", SQL_NTS, (SQLCHAR*)"%", SQL_NTS));
  dumpResult(st, 4);
  printf("== SQLPrimaryKeys(Media)\n");
  check("SQLPrimaryKeys", SQL_HANDLE_STMT, st,
        SQLPrimaryKeys(st, NULL, 0, (SQLCHAR*)"Instagram", SQL_NTS, (SQLCHAR*)"Media", SQL_NTS));
  dumpResult(st, 4);
  printf("== SQLStatistics(Media)\n");
  check("SQLStatistics", SQL_HANDLE_STMT, st,
        SQLStatistics(st, NULL, 0, (SQLCHAR*)"Instagram", SQL_NTS, (SQLCHAR*)"Media", SQL_NTS, SQL_INDEX_ALL,
                      SQL_QUICK));
  dumpResult(st, 4);
  printf("== SQLSpecialColumns(Media)\n");
  check("SQLSpecialColumns", SQL_HANDLE_STMT, st,
        SQLSpecialColumns(st, SQL_BEST_ROWID, NULL, 0, (SQLCHAR*)"Instagram", SQL_NTS, (SQLCHAR*)"Media", SQL_NTS,
                          SQL_SCOPE_SESSION, SQL_NULLABLE));
  dumpResult(st, 4);
  printf("== SQLTablePrivileges / SQLColumnPrivileges (empty, shaped)\n");
  check("SQLTablePrivileges", SQL_HANDLE_STMT, st,
        SQLTablePrivileges(st, NULL, 0, (SQLCHAR*)"Instagram", SQL_NTS, (SQLCHAR*)"Media", SQL_NTS));
  dumpResult(st, 2);
  check("SQLColumnPrivileges", SQL_HANDLE_STMT, st,
        SQLColumnPrivileges(st, NULL, 0, (SQLCHAR*)"Instagram", SQL_NTS, (SQLCHAR*)"Media", SQL_NTS, (SQLCHAR*)"%",
                            SQL_NTS));
  dumpResult(st, 2);
  printf("== a scratch table in schema Local\n");
  check("CREATE", SQL_HANDLE_STMT, st, SQLExecDirect(st, (SQLCHAR*)"CREATE TABLE notes (id INTEGER PRIMARY KEY, body VARCHAR(40))", SQL_NTS));
  check("SQLTables", SQL_HANDLE_STMT, st,
        SQLTables(st, NULL, 0, (SQLCHAR*)"Local", SQL_NTS, (SQLCHAR*)"%", SQL_NTS, NULL, 0));
  dumpResult(st, 5);
  check("SQLColumns", SQL_HANDLE_STMT, st,
        SQLColumns(st, NULL, 0, (SQLCHAR*)"Local", SQL_NTS, (SQLCHAR*)"notes", SQL_NTS, NULL, 0));
  dumpResult(st, 5);
}

static void truncation(void) {
  connectAs(SQL_OV_ODBC3);
  SQLHSTMT st = newStatement();
  check("SQLExecDirect", SQL_HANDLE_STMT, st,
        SQLExecDirect(st, (SQLCHAR*)"SELECT 'abcdefghijklmnopqrstuvwxyz' AS letters, NULL AS absent, "
                                    "'☕😀' AS emoji, x'00FF10' AS bytes, 12345.678 AS num", SQL_NTS));
  check("SQLFetch", SQL_HANDLE_STMT, st, SQLFetch(st));
  char buf[10];
  SQLLEN ind;
  SQLRETURN rc;
  printf("== letters in 10-byte pieces\n");
  /* Each loop is bounded: a driver that makes no progress shows up as a long output, not a hang. */
  int guard = 0;
  while (guard++ < 12 && (rc = SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind)) != SQL_NO_DATA) {
    SQLCHAR state[6] = "";
    SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, state, NULL, NULL, 0, NULL);
    printf("rc=%d state=%s ind=%ld piece='%s'\n", (int)rc, (char*)state, (long)ind, buf);
    if (!SQL_SUCCEEDED(rc)) break;
  }
  printf("== NULL with and without an indicator\n");
  rc = SQLGetData(st, 2, SQL_C_CHAR, buf, sizeof buf, &ind);
  printf("rc=%d ind=%ld\n", (int)rc, (long)ind);
  rc = SQLGetData(st, 2, SQL_C_CHAR, buf, sizeof buf, NULL);
  diag("no indicator", SQL_HANDLE_STMT, st, rc);
  printf("== emoji as UTF-16 in 4-byte pieces\n");
  SQLWCHAR wbuf[2];
  guard = 0;
  while (guard++ < 12 && (rc = SQLGetData(st, 3, SQL_C_WCHAR, wbuf, sizeof wbuf, &ind)) != SQL_NO_DATA) {
    printf("rc=%d ind=%ld unit=%04x\n", (int)rc, (long)ind, (unsigned)wbuf[0]);
    if (!SQL_SUCCEEDED(rc)) break;
  }
  printf("== binary in 2-byte pieces\n");
  unsigned char bin[2];
  guard = 0;
  while (guard++ < 12 && (rc = SQLGetData(st, 4, SQL_C_BINARY, bin, sizeof bin, &ind)) != SQL_NO_DATA) {
    printf("rc=%d ind=%ld first=%02x\n", (int)rc, (long)ind, bin[0]);
    if (!SQL_SUCCEEDED(rc)) break;
  }
  printf("== number into a small integer and a short string\n");
  SQLSMALLINT small = 0;
  rc = SQLGetData(st, 5, SQL_C_SSHORT, &small, 0, &ind);
  diag("SQL_C_SSHORT", SQL_HANDLE_STMT, st, rc);
  printf("value=%d\n", small);
  char three[3];
  rc = SQLGetData(st, 5, SQL_C_CHAR, three, sizeof three, &ind);
  diag("3-byte SQL_C_CHAR", SQL_HANDLE_STMT, st, rc);
}

struct InfoType {
  SQLUSMALLINT id;
  const char* name;
  char kind; /* s: string, h: SQLUSMALLINT, i: SQLUINTEGER (masks in hex) */
};

#define INFO(id, kind) {id, #id, kind}
static const struct InfoType kInfo[] = {
    INFO(SQL_ACCESSIBLE_PROCEDURES, 's'), INFO(SQL_ACCESSIBLE_TABLES, 's'), INFO(SQL_ACTIVE_ENVIRONMENTS, 'h'),
    INFO(SQL_AGGREGATE_FUNCTIONS, 'i'), INFO(SQL_ALTER_TABLE, 'i'), INFO(SQL_ASYNC_MODE, 'i'),
    INFO(SQL_BATCH_ROW_COUNT, 'i'), INFO(SQL_BATCH_SUPPORT, 'i'), INFO(SQL_BOOKMARK_PERSISTENCE, 'i'),
    INFO(SQL_CATALOG_LOCATION, 'h'), INFO(SQL_CATALOG_NAME, 's'), INFO(SQL_CATALOG_NAME_SEPARATOR, 's'),
    INFO(SQL_CATALOG_TERM, 's'), INFO(SQL_CATALOG_USAGE, 'i'), INFO(SQL_COLLATION_SEQ, 's'),
    INFO(SQL_COLUMN_ALIAS, 's'), INFO(SQL_CONCAT_NULL_BEHAVIOR, 'h'), INFO(SQL_CONVERT_FUNCTIONS, 'i'),
    INFO(SQL_CONVERT_VARCHAR, 'i'), INFO(SQL_CORRELATION_NAME, 'h'), INFO(SQL_CREATE_TABLE, 'i'),
    INFO(SQL_CREATE_VIEW, 'i'), INFO(SQL_CURSOR_COMMIT_BEHAVIOR, 'h'), INFO(SQL_CURSOR_ROLLBACK_BEHAVIOR, 'h'),
    INFO(SQL_DATA_SOURCE_READ_ONLY, 's'), INFO(SQL_DATETIME_LITERALS, 'i'), INFO(SQL_DBMS_NAME, 's'),
    INFO(SQL_DEFAULT_TXN_ISOLATION, 'i'), INFO(SQL_DESCRIBE_PARAMETER, 's'), INFO(SQL_DRIVER_NAME, 's'),
    INFO(SQL_DRIVER_ODBC_VER, 's'), INFO(SQL_DROP_TABLE, 'i'), INFO(SQL_DYNAMIC_CURSOR_ATTRIBUTES1, 'i'),
    INFO(SQL_EXPRESSIONS_IN_ORDERBY, 's'), INFO(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES1, 'i'),
    INFO(SQL_FORWARD_ONLY_CURSOR_ATTRIBUTES2, 'i'), INFO(SQL_GETDATA_EXTENSIONS, 'i'), INFO(SQL_GROUP_BY, 'h'),
    INFO(SQL_IDENTIFIER_CASE, 'h'), INFO(SQL_IDENTIFIER_QUOTE_CHAR, 's'), INFO(SQL_INTEGRITY, 's'),
    INFO(SQL_KEYWORDS, 's'), INFO(SQL_LIKE_ESCAPE_CLAUSE, 's'), INFO(SQL_MAX_COLUMN_NAME_LEN, 'h'),
    INFO(SQL_MAX_CONCURRENT_ACTIVITIES, 'h'), INFO(SQL_MAX_IDENTIFIER_LEN, 'h'), INFO(SQL_MAX_ROW_SIZE, 'i'),
    INFO(SQL_MAX_SCHEMA_NAME_LEN, 'h'), INFO(SQL_MAX_STATEMENT_LEN, 'i'), INFO(SQL_MAX_TABLE_NAME_LEN, 'h'),
    INFO(SQL_MULT_RESULT_SETS, 's'), INFO(SQL_MULTIPLE_ACTIVE_TXN, 's'), INFO(SQL_NEED_LONG_DATA_LEN, 's'),
    INFO(SQL_NON_NULLABLE_COLUMNS, 'h'), INFO(SQL_NULL_COLLATION, 'h'), INFO(SQL_NUMERIC_FUNCTIONS, 'i'),
    INFO(SQL_ODBC_INTERFACE_CONFORMANCE, 'i'), INFO(SQL_OJ_CAPABILITIES, 'i'), INFO(SQL_ORDER_BY_COLUMNS_IN_SELECT, 's'),
    INFO(SQL_PARAM_ARRAY_ROW_COUNTS, 'i'), INFO(SQL_PARAM_ARRAY_SELECTS, 'i'), INFO(SQL_PROCEDURE_TERM, 's'),
    INFO(SQL_PROCEDURES, 's'), INFO(SQL_QUOTED_IDENTIFIER_CASE, 'h'), INFO(SQL_ROW_UPDATES, 's'),
    INFO(SQL_SCHEMA_TERM, 's'), INFO(SQL_SCHEMA_USAGE, 'i'), INFO(SQL_SCROLL_OPTIONS, 'i'),
    INFO(SQL_SEARCH_PATTERN_ESCAPE, 's'), INFO(SQL_SPECIAL_CHARACTERS, 's'), INFO(SQL_SQL_CONFORMANCE, 'i'),
    INFO(SQL_STATIC_CURSOR_ATTRIBUTES1, 'i'), INFO(SQL_STRING_FUNCTIONS, 'i'), INFO(SQL_SUBQUERIES, 'i'),
    INFO(SQL_SYSTEM_FUNCTIONS, 'i'), INFO(SQL_TABLE_TERM, 's'), INFO(SQL_TIMEDATE_FUNCTIONS, 'i'),
    INFO(SQL_TXN_CAPABLE, 'h'), INFO(SQL_TXN_ISOLATION_OPTION, 'i'), INFO(SQL_UNION, 'i'), INFO(SQL_USER_NAME, 's'),
    INFO(SQL_XOPEN_CLI_YEAR, 's'),
};

static void getinfo(void) {
  connectAs(SQL_OV_ODBC3);
  for (size_t i = 0; i < sizeof kInfo / sizeof kInfo[0]; ++i) {
    char text[4096];
    SQLSMALLINT len = 0;
    /* Guard bytes after the value catch a driver writing more than the type's width. */
    unsigned char raw[16];
    memset(raw, 0xAB, sizeof raw);
    SQLRETURN rc;
    if (kInfo[i].kind == 's') {
      rc = SQLGetInfo(dbc, kInfo[i].id, text, sizeof text, &len);
      if (SQL_SUCCEEDED(rc)) printf("%s = '%s' (len %d)\n", kInfo[i].name, text, len);
    } else {
      rc = SQLGetInfo(dbc, kInfo[i].id, raw, sizeof raw, &len);
      size_t width = kInfo[i].kind == 'h' ? sizeof(SQLUSMALLINT) : sizeof(SQLUINTEGER);
      int clean = raw[width] == 0xAB;
      unsigned long v = 0;
      if (kInfo[i].kind == 'h') { SQLUSMALLINT s; memcpy(&s, raw, sizeof s); v = s; }
      else { SQLUINTEGER u; memcpy(&u, raw, sizeof u); v = u; }
      if (SQL_SUCCEEDED(rc))
        printf("%s = 0x%lx (len %d%s)\n", kInfo[i].name, v, len, clean ? "" : ", WROTE PAST ITS WIDTH");
    }
    if (!SQL_SUCCEEDED(rc)) diag(kInfo[i].name, SQL_HANDLE_DBC, dbc, rc);
  }
  printf("== SQLGetFunctions(SQL_API_ODBC3_ALL_FUNCTIONS)\n");
  SQLUSMALLINT bits[SQL_API_ODBC3_ALL_FUNCTIONS_SIZE];
  check("SQLGetFunctions", SQL_HANDLE_DBC, dbc, SQLGetFunctions(dbc, SQL_API_ODBC3_ALL_FUNCTIONS, bits));
  printf("supported:");
  for (int f = 0; f < SQL_API_ODBC3_ALL_FUNCTIONS_SIZE * 16; ++f)
    if (SQL_FUNC_EXISTS(bits, f)) printf(" %d", f);
  printf("\n");
}

static void typeinfo(SQLINTEGER version) {
  connectAs(version);
  SQLHSTMT st = newStatement();
  check("SQLGetTypeInfo", SQL_HANDLE_STMT, st, SQLGetTypeInfo(st, SQL_ALL_TYPES));
  dumpResult(st, 100);
}

/* Generated and set cursor names, their truncation and the name errors (34000, 3C000, 24000). */
static void cursorNames(SQLHSTMT st) {
  SQLHSTMT other = newStatement();
  SQLCHAR name[32];
  SQLSMALLINT len = 0;
  printf("== cursor names\n");
  SQLFreeStmt(st, SQL_CLOSE);
  check("SQLGetCursorName", SQL_HANDLE_STMT, st, SQLGetCursorName(st, name, sizeof name, &len));
  printf("generated: '%s' (len %d)\n", (char*)name, (int)len);
  check("SQLSetCursorName", SQL_HANDLE_STMT, st, SQLSetCursorName(st, (SQLCHAR*)"orders_cursor", SQL_NTS));
  check("SQLGetCursorName", SQL_HANDLE_STMT, st, SQLGetCursorName(st, name, sizeof name, &len));
  printf("set: '%s' (len %d)\n", (char*)name, (int)len);
  diag("SQLGetCursorName(buffer 6)", SQL_HANDLE_STMT, st, SQLGetCursorName(st, name, 6, &len));
  printf("truncated: '%s' (len %d)\n", (char*)name, (int)len);
  diag("SQLSetCursorName(duplicate)", SQL_HANDLE_STMT, other,
       SQLSetCursorName(other, (SQLCHAR*)"ORDERS_CURSOR", SQL_NTS));
  diag("SQLSetCursorName(reserved prefix)", SQL_HANDLE_STMT, other,
       SQLSetCursorName(other, (SQLCHAR*)"SQL_CUR9", SQL_NTS));
  check("SQLExecDirect", SQL_HANDLE_STMT, other, SQLExecDirect(other, (SQLCHAR*)"SELECT 1", SQL_NTS));
  diag("SQLSetCursorName(open cursor)", SQL_HANDLE_STMT, other,
       SQLSetCursorName(other, (SQLCHAR*)"late", SQL_NTS));
  SQLFreeHandle(SQL_HANDLE_STMT, other);
}

static void diagnostics(SQLINTEGER version) {
  connectAs(version);
  SQLHSTMT st = newStatement();
  const char* bad[] = {"SELECT * FROM NoSuchTable", "SELECT Nope FROM Media", "SELEC 1",
                       "INSERT INTO Media (Id) VALUES ('1')", "SELECT {fn NOSUCHFN(1)}"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
    printf("== %s\n", bad[i]);
    diag("SQLExecDirect", SQL_HANDLE_STMT, st, SQLExecDirect(st, (SQLCHAR*)bad[i], SQL_NTS));
    SQLFreeStmt(st, SQL_CLOSE);
  }
  printf("== a diagnostic field by field\n");
  SQLExecDirect(st, (SQLCHAR*)"SELECT * FROM NoSuchTable", SQL_NTS);
  SQLINTEGER count = 0;
  SQLGetDiagField(SQL_HANDLE_STMT, st, 0, SQL_DIAG_NUMBER, &count, 0, NULL);
  SQLCHAR text[256];
  SQLSMALLINT len;
  SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_CLASS_ORIGIN, text, sizeof text, &len);
  printf("records=%d class_origin='%s'", (int)count, (char*)text);
  SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_SUBCLASS_ORIGIN, text, sizeof text, &len);
  printf(" subclass_origin='%s'\n", (char*)text);
  cursorNames(st);
}

int main(int argc, char** argv) {
  const char* s = argc > 1 ? argv[1] : "";
  if (!strcmp(s, "catalog3")) catalog(SQL_OV_ODBC3);
  else if (!strcmp(s, "catalog2")) catalog(SQL_OV_ODBC2);
  else if (!strcmp(s, "truncation")) truncation();
  else if (!strcmp(s, "getinfo")) getinfo();
  else if (!strcmp(s, "typeinfo3")) typeinfo(SQL_OV_ODBC3);
  else if (!strcmp(s, "typeinfo2")) typeinfo(SQL_OV_ODBC2);
  else if (!strcmp(s, "diagnostics3")) diagnostics(SQL_OV_ODBC3);
  else if (!strcmp(s, "diagnostics2")) diagnostics(SQL_OV_ODBC2);
  else {
    fprintf(stderr, "usage: golden_odbc catalog3|catalog2|truncation|getinfo|typeinfo3|typeinfo2|diagnostics3|diagnostics2\n");
    return 2;
  }
  SQLDisconnect(dbc);
  SQLFreeHandle(SQL_HANDLE_DBC, dbc);
  SQLFreeHandle(SQL_HANDLE_ENV, env);
  return 0;
}
