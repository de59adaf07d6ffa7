// The diagnostic area of one handle: header fields plus records, what SQLGetDiagRec/SQLGetDiagField read.
// Every ODBC call except the diagnostic functions clears it first (dispatch.h).
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <exception>
#include <string>
#include <string_view>
#include <vector>

namespace igodbc::driver {

struct DiagRecord {
  std::string sqlstate;  // ODBC 3 state; ODBC 2 applications see odbc2State() of it
  SQLINTEGER native = 0;
  std::string message;  // already "[instagram-odbc] ..."
  SQLLEN rowNumber = SQL_NO_ROW_NUMBER;
  SQLINTEGER columnNumber = SQL_NO_COLUMN_NUMBER;
};

class Diagnostics {
 public:
  void clear();
  // Errors rank before warnings (ODBC's ordering rule); otherwise records keep their order.
  void add(DiagRecord record);
  void add(std::string sqlstate, std::string message, SQLINTEGER native = 0);
  const std::vector<DiagRecord>& records() const { return records_; }
  bool empty() const { return records_.empty(); }
  bool hasErrors() const;
  // SQL_SUCCESS_WITH_INFO when records were added, else SQL_SUCCESS: the usual end of a successful call.
  SQLRETURN success() const { return records_.empty() ? SQL_SUCCESS : SQL_SUCCESS_WITH_INFO; }

  SQLRETURN returnCode = SQL_SUCCESS;
  SQLLEN rowCount = 0;          // SQL_DIAG_ROW_COUNT (statements)
  SQLLEN cursorRowCount = 0;    // SQL_DIAG_CURSOR_ROW_COUNT
  std::string dynamicFunction;  // SQL_DIAG_DYNAMIC_FUNCTION, e.g. "SELECT CURSOR"
  SQLINTEGER dynamicFunctionCode = SQL_DIAG_UNKNOWN_STATEMENT;

 private:
  std::vector<DiagRecord> records_;
};

// What an internal function throws to fail the call with one diagnostic record. The message gets the
// "[instagram-odbc] " prefix here.
class OdbcError : public std::exception {
 public:
  OdbcError(std::string sqlstate, const std::string& message, SQLINTEGER native = 0);
  const char* what() const noexcept override { return record.message.c_str(); }
  DiagRecord record;
};

// ODBC 2 applications expect S1xxx and the other ODBC 2 states (psqlODBC's pair table).
std::string odbc2State(std::string_view odbc3State);
// SQL_DIAG_CLASS_ORIGIN / SQL_DIAG_SUBCLASS_ORIGIN: "ISO 9075" or "ODBC 3.0".
const char* classOrigin(std::string_view sqlstate);
const char* subclassOrigin(std::string_view sqlstate);

}  // namespace igodbc::driver
