// Helpers for the tests that go through the real unixODBC driver manager: connect to the DSN that
// with_emulator.sh wrote, run statements, read diagnostics, count the emulator's requests.
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <string>
#include <vector>

namespace odbctest {

std::string env(const char* name);
std::string defaultConnectionString(const std::string& extra = "");

struct Env {
  SQLHENV env = SQL_NULL_HENV;
  SQLHDBC dbc = SQL_NULL_HDBC;
  explicit Env(const std::string& connectionString = defaultConnectionString(),
               SQLINTEGER odbcVersion = SQL_OV_ODBC3);
  ~Env();
  SQLHSTMT statement() const;
};

// SQLSTATE and message of the first diagnostic record of a handle.
std::string sqlState(SQLSMALLINT handleType, SQLHANDLE handle);
std::string diagnostics(SQLSMALLINT handleType, SQLHANDLE handle);

// The number of requests in the emulator's log so far (one JSON line each) and their lines.
size_t requestCount();
std::vector<std::string> requestsSince(size_t mark);

}  // namespace odbctest

#define ODBC_OK(rc) REQUIRE(SQL_SUCCEEDED(rc))
