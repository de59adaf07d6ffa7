// Placeholder: escape translation lands with the SQL engine work.
#include "sql/engine.h"

namespace igodbc::sql {

std::string translateEscapes(std::string_view odbcSql) { return std::string(odbcSql); }

}  // namespace igodbc::sql
