#include "odbc_test_support.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

namespace odbctest {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string defaultConnectionString(const std::string& extra) {
  return "DRIVER={Instagram ODBC Driver};GraphURL=" + odbctest::env("EMULATOR_URL") +
         ";OAuthAccessToken=demo-token;" + extra;
}

Env::Env(const std::string& connectionString, SQLINTEGER odbcVersion) {
  REQUIRE(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env) == SQL_SUCCESS);
  REQUIRE(SQL_SUCCEEDED(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION,
                                      reinterpret_cast<SQLPOINTER>(static_cast<intptr_t>(odbcVersion)), 0)));
  REQUIRE(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc) == SQL_SUCCESS);
  SQLCHAR out[1024];
  SQLSMALLINT outLen = 0;
  SQLRETURN rc = SQLDriverConnect(dbc, nullptr, (SQLCHAR*)connectionString.c_str(), SQL_NTS, out, sizeof out,
                                  &outLen, SQL_DRIVER_NOPROMPT);
  INFO(diagnostics(SQL_HANDLE_DBC, dbc));
  REQUIRE(SQL_SUCCEEDED(rc));
}

Env::~Env() {
  SQLDisconnect(dbc);
  SQLFreeHandle(SQL_HANDLE_DBC, dbc);
  SQLFreeHandle(SQL_HANDLE_ENV, env);
}

SQLHSTMT Env::statement() const {
  SQLHSTMT stmt = SQL_NULL_HSTMT;
  REQUIRE(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &stmt) == SQL_SUCCESS);
  return stmt;
}

std::string sqlState(SQLSMALLINT handleType, SQLHANDLE handle) {
  SQLCHAR state[6] = {0};
  SQLINTEGER native = 0;
  SQLCHAR msg[1024];
  SQLSMALLINT len = 0;
  if (!SQL_SUCCEEDED(SQLGetDiagRec(handleType, handle, 1, state, &native, msg, sizeof msg, &len))) return "";
  return reinterpret_cast<char*>(state);
}

std::string diagnostics(SQLSMALLINT handleType, SQLHANDLE handle) {
  std::string all;
  for (SQLSMALLINT i = 1;; ++i) {
    SQLCHAR state[6] = {0};
    SQLINTEGER native = 0;
    SQLCHAR msg[2048];
    SQLSMALLINT len = 0;
    if (!SQL_SUCCEEDED(SQLGetDiagRec(handleType, handle, i, state, &native, msg, sizeof msg, &len))) break;
    all += std::string(reinterpret_cast<char*>(state)) + " " + reinterpret_cast<char*>(msg) + "\n";
  }
  return all;
}

static std::vector<std::string> readLog() {
  std::this_thread::sleep_for(std::chrono::milliseconds(30));  // the emulator appends after responding
  std::vector<std::string> lines;
  std::ifstream in(env("REQUEST_LOG"));
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

size_t requestCount() {
  return readLog().size();
}

std::vector<std::string> requestsSince(size_t mark) {
  std::vector<std::string> lines = readLog();
  return std::vector<std::string>(lines.begin() + static_cast<long>(std::min(mark, lines.size())),
                                  lines.end());
}

}  // namespace odbctest
