// System tables (data-model section 9). They are read without any Graph call.
#include "schema/tables.h"

namespace igodbc::schema {

Table sysRequestsTable() {
  return Table{
      "sys_requests",
      TableKind::SystemTable,
      Source::SysRequests,
      {
          {"Seq", SqlType::Integer, 10, false, Origin::Derived, ""},
          {"StartedMs", SqlType::Integer, 10, false, Origin::Derived, "", kPushNone, kFlagNone, {},
           "milliseconds from the start of the statement"},
          {"Method", SqlType::Varchar, 8, false, Origin::Derived, ""},
          {"Url", SqlType::Varchar, 4096, false, Origin::Derived, "", kPushNone, kFlagNone, {},
           "secrets replaced by ***"},
          {"BatchSeq", SqlType::Integer, 10, true, Origin::Derived, ""},
          {"Attempt", SqlType::Integer, 10, false, Origin::Derived, ""},
          {"Status", SqlType::Integer, 10, true, Origin::Derived, ""},
          {"ErrorCode", SqlType::Integer, 10, true, Origin::Derived, ""},
          {"ErrorSubcode", SqlType::Integer, 10, true, Origin::Derived, ""},
          {"ElapsedMs", SqlType::Integer, 10, true, Origin::Derived, ""},
          {"Bytes", SqlType::BigInt, 19, true, Origin::Derived, ""},
          {"Rows", SqlType::Integer, 10, false, Origin::Derived, ""},
          {"FromCache", SqlType::Bit, 1, false, Origin::Derived, ""},
          {"ApiVersion", SqlType::Varchar, 16, true, Origin::Derived, ""},
      },
      {"Seq"},
      {},
      {},
      "The Graph calls made by the most recent statement on this connection.",
      "",
  };
}

}  // namespace igodbc::schema
