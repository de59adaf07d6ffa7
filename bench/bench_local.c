/* Local fetch benchmark: one scratch SQLite file of BENCH_ROWS rows (default 1,000,000) and 8 columns, read
 * (a) with plain sqlite3 calls, (b) through unixODBC + this driver (the file as its ScratchDatabase) and
 * (c) through unixODBC + Debian's sqliteodbc (package libsqliteodbc; skipped when absent), in the shapes
 * applications use: typed SQLBindCol, typed SQLGetData, everything as SQL_C_CHAR (isql, PHP, Perl, BI tools)
 * bound or read with SQLGetData, and row arrays of 1 and 1000 rows. Prints rows/s per shape and the ratios to
 * sqliteodbc and to plain sqlite3. No network: the driver reads only the scratch file, so no emulator runs.
 *
 *   bench_local DRIVER_SO [SQLITEODBC_SO]
 *   env: BENCH_ROWS (rows, default 1000000), BENCH_ROUNDS (best of, default 2), BENCH_DIR (where the file and
 *        the private odbc.ini go, kept afterwards, a file of the right size there reused; default a fresh
 * folder under $TMPDIR, removed), BENCH_SHAPES (a comma list of bind-typed, getdata-typed, bind-char,
 *        getdata-char, bind-typed-1000, bind-char-1000). */
#define _POSIX_C_SOURCE 200809L
#include <sql.h>
#include <sqlext.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define COLUMNS 8
#define CHAR_LEN 64
#define MAX_ARRAY 1000

static long rows_wanted = 1000000;
static int rounds = 2;
static const char* only_shapes = NULL;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char* what) {
  fprintf(stderr, "bench_local: %s\n", what);
  exit(1);
}

static int file_exists(const char* path) {
  return access(path, R_OK) == 0;
}

/* ---- the data: id, two integers, two doubles, two texts, a timestamp ---- */

static const char* kCreate =
    "CREATE TABLE bench_rows (Id INTEGER PRIMARY KEY, Likes INTEGER, Views BIGINT, Score DOUBLE, "
    "Ratio DOUBLE, Name VARCHAR(32), Caption VARCHAR(64), Posted TIMESTAMP)";

static void create_file(const char* path) {
  sqlite3* db;
  sqlite3_stmt* st;
  unlink(path);
  if (sqlite3_open(path, &db) != SQLITE_OK) die("cannot create the SQLite file");
  sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF", NULL, NULL, NULL);
  if (sqlite3_exec(db, kCreate, NULL, NULL, NULL) != SQLITE_OK) die(sqlite3_errmsg(db));
  sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2(db, "INSERT INTO bench_rows VALUES (?,?,?,?,?,?,?,?)", -1, &st, NULL);
  uint64_t x = 88172645463325252ull; /* xorshift: the same file every run */
  for (long i = 1; i <= rows_wanted; ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    char name[32], caption[64], posted[32];
    snprintf(name, sizeof name, "user_%05u", (unsigned)(x % 100000));
    snprintf(caption, sizeof caption, "Caption number %ld with some words #tag%u", i, (unsigned)(x % 977));
    snprintf(posted, sizeof posted, "2025-%02u-%02u %02u:%02u:%02u", (unsigned)(x % 12 + 1),
             (unsigned)(x % 28 + 1), (unsigned)(x % 24), (unsigned)(x / 7 % 60), (unsigned)(x / 11 % 60));
    sqlite3_bind_int64(st, 1, i);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)(x % 100000));
    sqlite3_bind_int64(st, 3, (sqlite3_int64)(x >> 20));
    sqlite3_bind_double(st, 4, (double)(x % 1000000) / 1000.0);         /* decimal-looking values */
    sqlite3_bind_double(st, 5, (double)(x >> 11) / 9007199254740992.0); /* 15-17 significant digits */
    sqlite3_bind_text(st, 6, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 7, caption, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 8, posted, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE) die(sqlite3_errmsg(db));
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close(db);
}

static long count_rows(const char* path) {
  sqlite3* db;
  sqlite3_stmt* st;
  long n = -1;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(db, "SELECT count(*) FROM bench_rows", -1, &st, NULL) == SQLITE_OK) {
    if (sqlite3_step(st) == SQLITE_ROW) n = (long)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return n;
}

/* (a) plain sqlite3: every value read in its own type (texts as text). */
static long read_sqlite(const char* path) {
  sqlite3* db;
  sqlite3_stmt* st;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) die("cannot open the SQLite file");
  sqlite3_prepare_v2(db, "SELECT * FROM bench_rows", -1, &st, NULL);
  long n = 0;
  volatile int64_t sink = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    sink += sqlite3_column_int64(st, 0) + sqlite3_column_int64(st, 1) + sqlite3_column_int64(st, 2);
    sink += (int64_t)(sqlite3_column_double(st, 3) + sqlite3_column_double(st, 4));
    for (int c = 5; c < 8; ++c) sink += sqlite3_column_bytes(st, c) + (sqlite3_column_text(st, c) != NULL);
    ++n;
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

/* ---- ODBC ---- */

static SQLHENV env;

static void check(SQLRETURN rc, SQLSMALLINT type, SQLHANDLE h, const char* what) {
  if (SQL_SUCCEEDED(rc)) return;
  SQLCHAR state[6] = "", msg[512] = "";
  SQLINTEGER native;
  SQLSMALLINT len;
  SQLGetDiagRec(type, h, 1, state, &native, msg, sizeof msg, &len);
  fprintf(stderr, "bench_local: %s failed: %s %s\n", what, state, msg);
  exit(1);
}

static SQLHDBC connect_dsn(const char* dsn) {
  SQLHDBC dbc;
  SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
  char cs[128];
  snprintf(cs, sizeof cs, "DSN=%s", dsn);
  SQLCHAR out[1024];
  SQLSMALLINT outLen;
  check(SQLDriverConnect(dbc, NULL, (SQLCHAR*)cs, SQL_NTS, out, sizeof out, &outLen, SQL_DRIVER_NOPROMPT),
        SQL_HANDLE_DBC, dbc, "SQLDriverConnect");
  return dbc;
}

enum Shape { BIND_TYPED, GETDATA_TYPED, BIND_CHAR, GETDATA_CHAR, BIND_TYPED_ARRAY, BIND_CHAR_ARRAY, SHAPES };
static const char* kShapeNames[SHAPES] = {"bind typed, array 1",    "SQLGetData typed",
                                          "bind CHAR, array 1",     "SQLGetData CHAR",
                                          "bind typed, array 1000", "bind CHAR, array 1000"};
static const char* kShapeKeys[SHAPES] = {"bind-typed",   "getdata-typed",   "bind-char",
                                         "getdata-char", "bind-typed-1000", "bind-char-1000"};

/* The typed C type of each column. */
static const SQLSMALLINT kTyped[COLUMNS] = {SQL_C_SBIGINT, SQL_C_SBIGINT,       SQL_C_SBIGINT,
                                            SQL_C_DOUBLE,  SQL_C_DOUBLE,        SQL_C_CHAR,
                                            SQL_C_CHAR,    SQL_C_TYPE_TIMESTAMP};

/* Column-wise buffers big enough for MAX_ARRAY rows of any column. */
static char* buffers[COLUMNS];
static SQLLEN* indicators[COLUMNS];

static size_t element_size(SQLSMALLINT ctype) {
  switch (ctype) {
    case SQL_C_SBIGINT:
      return sizeof(int64_t);
    case SQL_C_DOUBLE:
      return sizeof(double);
    case SQL_C_TYPE_TIMESTAMP:
      return sizeof(SQL_TIMESTAMP_STRUCT);
    default:
      return CHAR_LEN;
  }
}

static long read_odbc(SQLHDBC dbc, enum Shape shape) {
  SQLHSTMT st;
  check(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st), SQL_HANDLE_DBC, dbc, "SQLAllocHandle");
  const int typed = shape == BIND_TYPED || shape == GETDATA_TYPED || shape == BIND_TYPED_ARRAY;
  const int bind = shape != GETDATA_TYPED && shape != GETDATA_CHAR;
  const SQLULEN array = shape == BIND_TYPED_ARRAY || shape == BIND_CHAR_ARRAY ? MAX_ARRAY : 1;
  SQLULEN fetched = 0;
  if (array > 1) {
    check(SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)array, 0), SQL_HANDLE_STMT, st,
          "array size");
    check(SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0), SQL_HANDLE_STMT, st, "rows fetched");
  }
  check(SQLExecDirect(st, (SQLCHAR*)"SELECT * FROM bench_rows", SQL_NTS), SQL_HANDLE_STMT, st,
        "SQLExecDirect");
  SQLSMALLINT ctypes[COLUMNS];
  for (int c = 0; c < COLUMNS; ++c) {
    ctypes[c] = typed ? kTyped[c] : SQL_C_CHAR;
    if (bind)
      check(SQLBindCol(st, (SQLUSMALLINT)(c + 1), ctypes[c], buffers[c], (SQLLEN)element_size(ctypes[c]),
                       indicators[c]),
            SQL_HANDLE_STMT, st, "SQLBindCol");
  }
  long n = 0;
  volatile int64_t sink = 0;
  for (;;) {
    SQLRETURN rc = SQLFetch(st);
    if (rc == SQL_NO_DATA) break;
    check(rc, SQL_HANDLE_STMT, st, "SQLFetch");
    if (bind) {
      n += array > 1 ? (long)fetched : 1;
      sink += indicators[0][0];
      continue;
    }
    for (int c = 0; c < COLUMNS; ++c) {
      rc = SQLGetData(st, (SQLUSMALLINT)(c + 1), ctypes[c], buffers[c], (SQLLEN)element_size(ctypes[c]),
                      indicators[c]);
      if (!SQL_SUCCEEDED(rc)) check(rc, SQL_HANDLE_STMT, st, "SQLGetData");
      sink += indicators[c][0];
    }
    ++n;
  }
  SQLFreeHandle(SQL_HANDLE_STMT, st);
  return n;
}

/* Best rows/s of `rounds` runs; 0 when the shape is not selected. */
typedef long (*Reader)(void* ctx, enum Shape shape);
static double best_rate(Reader read, void* ctx, enum Shape shape) {
  double best = 0;
  for (int r = 0; r < rounds; ++r) {
    double t = now();
    long n = read(ctx, shape);
    t = now() - t;
    if (n != rows_wanted) {
      fprintf(stderr, "bench_local: read %ld rows instead of %ld (%s)\n", n, rows_wanted, kShapeNames[shape]);
      exit(1);
    }
    if (n / t > best) best = n / t;
  }
  return best;
}

static long odbc_reader(void* ctx, enum Shape shape) {
  return read_odbc((SQLHDBC)ctx, shape);
}
static long sqlite_reader(void* ctx, enum Shape shape) {
  (void)shape;
  return read_sqlite((const char*)ctx);
}

static int selected(enum Shape s) {
  if (!only_shapes) return 1;
  const char* key = kShapeKeys[s];
  size_t len = strlen(key);
  for (const char* p = only_shapes; (p = strstr(p, key)) != NULL; p += len)
    if ((p == only_shapes || p[-1] == ',') && (p[len] == ',' || p[len] == 0)) return 1;
  return 0;
}

int main(int argc, char** argv) {
  if (argc < 2) die("usage: bench_local DRIVER_SO [SQLITEODBC_SO]");
  const char* driver = argv[1];
  const char* sqliteodbc = argc > 2 ? argv[2] : "/usr/lib/x86_64-linux-gnu/odbc/libsqlite3odbc.so";
  if (getenv("BENCH_ROWS")) rows_wanted = atol(getenv("BENCH_ROWS"));
  if (getenv("BENCH_ROUNDS")) rounds = atoi(getenv("BENCH_ROUNDS"));
  if (rounds < 1) rounds = 1;
  only_shapes = getenv("BENCH_SHAPES");
  const int have_sqliteodbc = file_exists(sqliteodbc);

  char dir[512];
  if (getenv("BENCH_DIR")) {
    snprintf(dir, sizeof dir, "%s", getenv("BENCH_DIR"));
  } else {
    const char* tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    snprintf(dir, sizeof dir, "%s/igodbc-bench.XXXXXX", tmp);
    if (!mkdtemp(dir)) die("cannot create a temporary folder");
  }
  char path[600], ini[600], inst[600];
  snprintf(path, sizeof path, "%s/bench_local.db", dir);
  snprintf(ini, sizeof ini, "%s/odbc.ini", dir);
  snprintf(inst, sizeof inst, "%s/odbcinst.ini", dir);

  printf(
      "Local fetch benchmark: %ld rows x %d columns (3 integer, 2 double, 2 text, 1 timestamp), best of %d\n",
      rows_wanted, COLUMNS, rounds);
  double t = now();
  const int reuse = getenv("BENCH_DIR") && file_exists(path) && count_rows(path) == rows_wanted;
  if (!reuse) create_file(path);
  printf("%s %s in %.1f s\n", reuse ? "reused" : "wrote", path, now() - t);

  /* A private unixODBC configuration: nothing outside `dir` is read or written. ScratchDatabase is a path
   * key, so it comes from the DSN; the token is never used (no Graph call is made for scratch tables). */
  FILE* f = fopen(inst, "w");
  if (!f) die("cannot write odbcinst.ini");
  fprintf(f, "[Instagram ODBC Driver]\nDriver=%s\n", driver);
  if (have_sqliteodbc) fprintf(f, "[SQLite3 Bench]\nDriver=%s\n", sqliteodbc);
  fclose(f);
  f = fopen(ini, "w");
  if (!f) die("cannot write odbc.ini");
  fprintf(
      f,
      "[IgBench]\nDriver=Instagram ODBC Driver\nGraphURL=http://127.0.0.1:9\nOAuthAccessToken=bench-token\n"
      "BusinessAccountId=1\nScratchDatabase=%s\n",
      path);
  if (have_sqliteodbc) fprintf(f, "[SqliteBench]\nDriver=SQLite3 Bench\nDatabase=%s\n", path);
  fclose(f);
  setenv("ODBCSYSINI", dir, 1);
  setenv("ODBCINI", ini, 1);

  for (int c = 0; c < COLUMNS; ++c) {
    buffers[c] = calloc(MAX_ARRAY, CHAR_LEN);
    indicators[c] = calloc(MAX_ARRAY, sizeof(SQLLEN));
    if (!buffers[c] || !indicators[c]) die("out of memory");
  }
  SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
  SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
  SQLHDBC ours = connect_dsn("IgBench");
  SQLHDBC theirs = have_sqliteodbc ? connect_dsn("SqliteBench") : SQL_NULL_HDBC;
  if (!have_sqliteodbc)
    printf("sqliteodbc not found at %s (apt-get install libsqliteodbc): skipped\n", sqliteodbc);

  const double plain = best_rate(sqlite_reader, path, BIND_TYPED);
  printf("plain sqlite3 (sqlite3_step + sqlite3_column_*): %.0f rows/s\n\n", plain);
  printf("%-24s %14s %14s %14s %10s\n", "shape", "driver rows/s", "sqliteodbc", "vs sqliteodbc",
         "vs sqlite3");
  for (int s = 0; s < SHAPES; ++s) {
    if (!selected((enum Shape)s)) continue;
    const double mine = best_rate(odbc_reader, ours, (enum Shape)s);
    const double other = have_sqliteodbc ? best_rate(odbc_reader, theirs, (enum Shape)s) : 0;
    if (other > 0)
      printf("%-24s %14.0f %14.0f %13.2fx %9.2fx\n", kShapeNames[s], mine, other, mine / other, mine / plain);
    else
      printf("%-24s %14.0f %14s %14s %9.2fx\n", kShapeNames[s], mine, "-", "-", mine / plain);
    fflush(stdout);
  }
  SQLDisconnect(ours);
  SQLFreeHandle(SQL_HANDLE_DBC, ours);
  if (have_sqliteodbc) {
    SQLDisconnect(theirs);
    SQLFreeHandle(SQL_HANDLE_DBC, theirs);
  }
  SQLFreeHandle(SQL_HANDLE_ENV, env);
  if (!getenv("BENCH_DIR")) {
    unlink(path);
    unlink(ini);
    unlink(inst);
    rmdir(dir);
  }
  return 0;
}
