// sys_connection_props (data-model 9.3): the connection's effective properties, read without a Graph call.
#include "schema/tables.h"

namespace igodbc::schema {

Table sysConnectionPropsTable() {
  return Table{
      "sys_connection_props",
      TableKind::SystemTable,
      Source::SysConnectionProps,
      {
          {"Name",
           SqlType::Varchar,
           64,
           false,
           Origin::Derived,
           "",
           kPushNone,
           kFlagNone,
           {},
           "property name; also Host, AccountScope, TokenExpiresAt"},
          {"Value",
           SqlType::Varchar,
           4096,
           true,
           Origin::Derived,
           "",
           kPushNone,
           kFlagNone,
           {},
           "NULL when unset; secrets that are set read ********"},
          {"Source",
           SqlType::Varchar,
           16,
           false,
           Origin::Derived,
           "",
           kPushNone,
           kFlagNone,
           {},
           "connection string, DSN, default, token store, derived"},
          {"IsSecret", SqlType::Bit, 1, false, Origin::Derived, ""},
      },
      {"Name"},
      {},
      {},
      "The connection's effective properties; secrets are masked.",
      "",
  };
}

}  // namespace igodbc::schema
