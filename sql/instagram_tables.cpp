// Placeholder until the virtual-table module lands: no Instagram tables yet.
#include "sql/instagram_tables.h"

namespace igodbc::sql {

void attachInstagramTables(Engine&) {}

}  // namespace igodbc::sql
