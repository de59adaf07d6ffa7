// System tables. They are read without any Graph call.
#include "schema/column_builders.h"
#include "schema/tables.h"

namespace igodbc::schema {

Table sysRequestsTable() {
  return Table{
      "sys_requests",
      TableKind::SystemTable,
      Cost{"", "", "", 0, 50},
      {
          derived("Seq", SqlType::Integer, 10, false),
          derived("StartedMs", SqlType::Integer, 10, false, "milliseconds from the start of the statement"),
          derived("Method", SqlType::Varchar, 8, false),
          derived("Url", SqlType::Varchar, 4096, false, "secrets replaced by ***"),
          derived("BatchSeq", SqlType::Integer, 10, true),
          derived("Attempt", SqlType::Integer, 10, false),
          derived("Status", SqlType::Integer, 10, true),
          derived("ErrorCode", SqlType::Integer, 10, true),
          derived("ErrorSubcode", SqlType::Integer, 10, true),
          derived("ElapsedMs", SqlType::Integer, 10, true),
          derived("Bytes", SqlType::BigInt, 19, true),
          derived("Rows", SqlType::Integer, 10, false),
          derived("FromCache", SqlType::Bit, 1, false),
          derived("ApiVersion", SqlType::Varchar, 16, true),
      },
      {"Seq"},
      {},
      {},
      "The Graph calls made by the most recent statement on this connection.",
      "",
  };
}

Table sysIdentityTable() {
  return Table{
      "sys_identity",
      TableKind::SystemTable,
      Cost{"", "", "", 0, 10},
      {
          derived("Seq", SqlType::Integer, 10, false, "row order within the statement"),
          derived("TableName", SqlType::Varchar, 64, false, "Comments or Replies"),
          derived("Id", SqlType::Varchar, 32, false, "the new Graph ID"),
      },
      {"Seq"},
      {},
      {},
      "IDs created by the last INSERT statement on this connection.",
      "",
  };
}

}  // namespace igodbc::schema
