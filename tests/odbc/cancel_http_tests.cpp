// SQLCancel and SQL_ATTR_QUERY_TIMEOUT while the driver waits on Graph: a private emulator holds every
// /media request (3 s of latency, or a body that drips over 5 s); the waiting call must end within a second
// of the cancel with HY008 (HYT00 for the time-out), and the connection must run the next statement.
#include <signal.h>
#include <sys/types.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "odbc_test_support.h"

using namespace odbctest;

namespace {

// An emulator of our own with a fault rule, on a free port (it prints its URL first).
class FaultyEmulator {
 public:
  explicit FaultyEmulator(const std::string& faults) {
    const std::string bin = env("EMULATOR_BIN");
    REQUIRE(!bin.empty());
    const std::string cmd = "exec '" + bin + "' --port 0 --faults '" + faults + "' & echo $!";
    out_ = popen(cmd.c_str(), "r");
    REQUIRE(out_ != nullptr);
    char line[256];
    for (int i = 0; i < 2 && fgets(line, sizeof line, out_); ++i) {
      std::string t(line);
      t = t.substr(0, t.find('\n'));
      if (t.rfind("http", 0) == 0)
        url_ = t;
      else
        pid_ = static_cast<pid_t>(std::atol(t.c_str()));
    }
    REQUIRE(!url_.empty());
  }
  ~FaultyEmulator() {
    if (pid_ > 0) kill(pid_, SIGTERM);
    if (out_) pclose(out_);
  }
  std::string connectionString() const {
    return "DRIVER={Instagram ODBC Driver};GraphURL=" + url_ + ";OAuthAccessToken=demo-token;MaxRetries=0";
  }

 private:
  FILE* out_ = nullptr;
  pid_t pid_ = 0;
  std::string url_;
};

using Clock = std::chrono::steady_clock;

// Runs `sql` (and fetches everything) while another thread cancels after `delay`; returns the seconds
// between the cancel and the end of the call, and the call's SQLSTATE in `state`.
double cancelAfter(SQLHSTMT st, const char* sql, std::chrono::milliseconds delay, std::string& state) {
  std::atomic<Clock::rep> cancelledAt{0};
  std::atomic<bool> cancelOk{false};
  std::thread canceller([&] {
    std::this_thread::sleep_for(delay);
    cancelledAt = Clock::now().time_since_epoch().count();
    cancelOk = SQL_SUCCEEDED(SQLCancel(st));
  });
  SQLRETURN rc = SQLExecDirect(st, (SQLCHAR*)sql, SQL_NTS);
  while (SQL_SUCCEEDED(rc)) rc = SQLFetch(st);
  const Clock::rep done = Clock::now().time_since_epoch().count();
  canceller.join();
  CHECK(cancelOk);
  CHECK(rc == SQL_ERROR);
  state = sqlState(SQL_HANDLE_STMT, st);
  return std::chrono::duration<double>(Clock::duration(done - cancelledAt.load())).count();
}

// The connection still answers: a local statement and a Graph call that the fault rule does not hold.
void requireUsable(SQLHDBC dbc) {
  SQLHSTMT st;
  ODBC_OK(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st));
  SQLRETURN rc = SQLExecDirect(st, (SQLCHAR*)"SELECT Username FROM Accounts", SQL_NTS);
  INFO(diagnostics(SQL_HANDLE_STMT, st));
  REQUIRE(SQL_SUCCEEDED(rc));
  int rows = 0;
  while (SQL_SUCCEEDED(SQLFetch(st))) ++rows;
  CHECK(rows > 0);
  SQLFreeHandle(SQL_HANDLE_STMT, st);
}

}  // namespace

TEST_CASE("SQLCancel interrupts a statement waiting on a slow Graph response", "[cancel][http]") {
  for (const char* faults : {"latency:1:3000@/media", "drip:1:5000@/media"}) {
    DYNAMIC_SECTION(faults) {
      FaultyEmulator slow(faults);
      Env e(slow.connectionString());
      requireUsable(e.dbc);  // scope discovery happens here, outside the timed part
      SQLHSTMT st = e.statement();
      std::string state;
      const double took =
          cancelAfter(st, "SELECT Id, Caption FROM Media", std::chrono::milliseconds(400), state);
      CHECK(state == "HY008");
      CHECK(took < 1.0);
      SQLFreeHandle(SQL_HANDLE_STMT, st);
      requireUsable(e.dbc);
    }
  }
}

TEST_CASE("SQL_ATTR_QUERY_TIMEOUT ends a statement waiting on Graph with HYT00", "[cancel][http]") {
  FaultyEmulator slow("latency:1:4000@/media");
  Env e(slow.connectionString());
  requireUsable(e.dbc);
  SQLHSTMT st = e.statement();
  ODBC_OK(SQLSetStmtAttr(st, SQL_ATTR_QUERY_TIMEOUT, (SQLPOINTER)1, 0));
  const auto start = Clock::now();
  SQLRETURN rc = SQLExecDirect(st, (SQLCHAR*)"SELECT Id FROM Media", SQL_NTS);
  while (SQL_SUCCEEDED(rc)) rc = SQLFetch(st);
  const double took = std::chrono::duration<double>(Clock::now() - start).count();
  CHECK(rc == SQL_ERROR);
  CHECK(sqlState(SQL_HANDLE_STMT, st) == "HYT00");
  CHECK(took < 2.5);
  SQLFreeHandle(SQL_HANDLE_STMT, st);
  requireUsable(e.dbc);
}
