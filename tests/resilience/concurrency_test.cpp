// 8 threads, each with its own connection and statements, sharing one ODBC environment, run a
// bounded number of statements through the driver manager while another thread cancels a slow statement
// (SQLCancel). Built normally and under ThreadSanitizer (IGODBC_TSAN). Prints the longest cancel latency.
// Runs under with_emulator.sh (DSN InstagramTest, EMULATOR_BIN for a slow second emulator).
#include <signal.h>
#include <sql.h>
#include <sqlext.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace {

std::atomic<int> failures{0};

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

SQLHDBC connect(SQLHENV env, const std::string& cs) {
  SQLHDBC dbc = SQL_NULL_HDBC;
  SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
  SQLRETURN rc =
      SQLDriverConnect(dbc, nullptr, (SQLCHAR*)cs.c_str(), SQL_NTS, nullptr, 0, nullptr, SQL_DRIVER_NOPROMPT);
  if (!SQL_SUCCEEDED(rc)) fail("connect: " + state(SQL_HANDLE_DBC, dbc));
  return dbc;
}

long countRows(SQLHDBC dbc, const char* sql) {
  SQLHSTMT st = SQL_NULL_HSTMT;
  SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
  long n = -1;
  if (SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR*)sql, SQL_NTS))) {
    n = 0;
    while (SQL_SUCCEEDED(SQLFetch(st))) ++n;
  } else {
    fail(std::string(sql) + ": " + state(SQL_HANDLE_STMT, st));
  }
  SQLFreeHandle(SQL_HANDLE_STMT, st);
  return n;
}

struct SlowEmulator {
  pid_t pid = 0;
  std::string url;
  FILE* out = nullptr;
  explicit SlowEmulator(const std::string& bin) {
    std::string cmd = "exec '" + bin + "' --port 0 --faults 'latency:1:3000@/media' & echo $!";
    out = popen(cmd.c_str(), "r");
    char line[256];
    for (int i = 0; i < 2 && fgets(line, sizeof line, out); ++i) {
      std::string t(line);
      t = t.substr(0, t.find('\n'));
      if (t.rfind("http", 0) == 0)
        url = t;
      else
        pid = static_cast<pid_t>(std::atol(t.c_str()));
    }
  }
  ~SlowEmulator() {
    if (pid > 0) kill(pid, SIGTERM);
    if (out) pclose(out);
  }
};

}  // namespace

int main() {
  const char* statementsEnv = getenv("IGODBC_CONCURRENCY_STATEMENTS");
  const int kThreads = 8, kStatements = statementsEnv ? std::atoi(statementsEnv) : 6;
  SQLHENV env = SQL_NULL_HENV;
  SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
  SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);

  // Reference counts from one connection.
  SQLHDBC ref = connect(env, "DSN=InstagramTest");
  const char* queries[] = {"SELECT Id, Caption FROM Media", "SELECT Id, Username FROM Accounts",
                           "SELECT Id, Name FROM Pages", "SELECT Id FROM Stories"};
  std::vector<long> expected;
  for (const char* q : queries) expected.push_back(countRows(ref, q));
  SQLDisconnect(ref);
  SQLFreeHandle(SQL_HANDLE_DBC, ref);

  std::vector<std::thread> workers;
  for (int t = 0; t < kThreads; ++t)
    workers.emplace_back([&, t] {
      SQLHDBC dbc = connect(env, "DSN=InstagramTest");
      for (int i = 0; i < kStatements; ++i) {
        size_t q = static_cast<size_t>(t + i) % 4;
        long n = countRows(dbc, queries[q]);
        if (n != expected[q]) fail(std::string(queries[q]) + ": row count differs under concurrency");
      }
      SQLDisconnect(dbc);
      SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    });

  // Meanwhile: SQLCancel from another thread on a statement stuck behind 3 s of latency.
  double worstCancelMs = 0;
  const char* bin = getenv("EMULATOR_BIN");
  if (bin != nullptr) {
    SlowEmulator slow(bin);
    SQLHDBC dbc = connect(env, "DRIVER={Instagram ODBC Driver};GraphURL=" + slow.url +
                                   ";OAuthAccessToken=demo-token;MaxRetries=0");
    for (int round = 0; round < 3; ++round) {
      SQLHSTMT st = SQL_NULL_HSTMT;
      SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
      std::atomic<long long> cancelledAtNs{0};
      std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300 + 100 * round));
        cancelledAtNs = std::chrono::steady_clock::now().time_since_epoch().count();
        SQLCancel(st);
      });
      SQLRETURN rc = SQLExecDirect(st, (SQLCHAR*)"SELECT Id FROM Media", SQL_NTS);
      while (SQL_SUCCEEDED(rc) && SQL_SUCCEEDED(SQLFetch(st))) {
      }
      const auto doneNs = std::chrono::steady_clock::now().time_since_epoch().count();
      canceller.join();
      const double ms = (doneNs - cancelledAtNs.load()) / 1e6;
      const std::string s = state(SQL_HANDLE_STMT, st);
      if (s.rfind("HY008", 0) != 0) fail("cancelled statement: expected HY008, got '" + s + "'");
      worstCancelMs = std::max(worstCancelMs, ms);
      SQLFreeHandle(SQL_HANDLE_STMT, st);
    }
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    if (worstCancelMs > 1000) fail("SQLCancel took " + std::to_string(worstCancelMs) + " ms");
  }
  for (auto& w : workers) w.join();
  SQLFreeHandle(SQL_HANDLE_ENV, env);
  std::cout << "concurrency: " << kThreads << " threads x " << kStatements
            << " statements; longest SQLCancel latency " << worstCancelMs << " ms\n";
  return failures == 0 ? 0 : 1;
}
