// sys_connection_props: the connection's effective properties, read without a Graph call.
#include "schema/column_builders.h"
#include "schema/tables.h"

namespace igodbc::schema {

Table sysConnectionPropsTable() {
  return Table{
      "sys_connection_props",
      TableKind::SystemTable,
      Cost{"", "", "", 0, 30},
      {
          derived("Name", SqlType::Varchar, 64, false,
                  "property name; also Host, AccountScope, TokenExpiresAt"),
          derived("Value", SqlType::Varchar, 4096, true,
                  "NULL when unset; secrets that are set read ********"),
          derived("Source", SqlType::Varchar, 16, false,
                  "connection string, DSN, default, token store, derived"),
          derived("IsSecret", SqlType::Bit, 1, false),
      },
      {"Name"},
      {},
      {},
      "The connection's effective properties; secrets are masked.",
      "",
  };
}

}  // namespace igodbc::schema
