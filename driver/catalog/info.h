// SQLGetInfo answers as typed values; the ODBC layer writes them into the caller's buffer with the width the
// info type prescribes.
#pragma once

#include <sql.h>
#include <sqlext.h>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace igodbc::driver {

// String, SQLUSMALLINT, SQLUINTEGER (also bitmasks), or SQLULEN (handles/pointers sized values).
using InfoValue = std::variant<std::string, SQLUSMALLINT, SQLUINTEGER, SQLULEN>;

struct InfoContext {
  std::string dsn;         // data source name, empty when connected with a DRIVER= string
  std::string serverName;  // host of GraphURL
  std::string userName;    // the Instagram/Facebook user name if known, else empty
  bool readOnly = false;   // SQL_ATTR_ACCESS_MODE
  bool odbc2 = false;
};

// nullopt for an info type this driver does not know (the caller answers HY096).
std::optional<InfoValue> infoValue(SQLUSMALLINT infoType, const InfoContext& ctx);

}  // namespace igodbc::driver
