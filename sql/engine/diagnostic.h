// A failure or warning as the driver reports it: SQLSTATE, native error and a message that already starts
// with "[instagram-odbc] " and says what to do. sql/ produces these; driver/ only copies them into ODBC
// diagnostic records.
#pragma once

#include <stdexcept>
#include <string>

namespace igodbc::sql {

struct Diagnostic {
  std::string sqlstate;  // ODBC 3 state, e.g. "42000"
  int native = 0;        // Graph error code where one exists
  std::string message;
};

class EngineError : public std::runtime_error {
 public:
  explicit EngineError(Diagnostic d) : std::runtime_error(d.message), diag(std::move(d)) {}
  Diagnostic diag;
};

// "[instagram-odbc] " + text.
std::string prefixed(const std::string& text);

}  // namespace igodbc::sql
