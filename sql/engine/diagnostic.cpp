#include "sql/engine/diagnostic.h"

namespace igodbc::sql {

std::string prefixed(const std::string& text) {
  return "[instagram-odbc] " + text;
}

}  // namespace igodbc::sql
