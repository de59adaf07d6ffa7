// SQLConnect (properties from the DSN through libodbcinst), SQLDriverConnect (the string overrides the DSN,
// or for DRIVER= the driver's section of odbcinst.ini, within connection_trust.h's rules; no dialogs: every
// completion mode behaves like SQL_DRIVER_NOPROMPT), SQLDisconnect and SQLNativeSql.
#include <odbcinst.h>

#include <algorithm>

#include "driver/connect/connection_props.h"
#include "driver/connect/connection_string.h"
#include "driver/connect/connection_trust.h"
#include "driver/exports/api.h"
#include "driver/handles/connection.h"
#include "sql/engine/engine.h"

namespace igodbc::driver {

namespace {

// A value no one writes in a DSN, to tell "not set" from "set to empty".
constexpr char kUnset[] = "\x01unset\x01";

// `section` of odbc.ini (a DSN) or odbcinst.ini (a driver).
std::optional<std::string> readProfile(const std::string& section, std::string_view key, const char* file) {
  char buf[8192];
  std::string k(key);
  int n = SQLGetPrivateProfileString(section.c_str(), k.c_str(), kUnset, buf, sizeof buf, file);
  if (n < 0) return std::nullopt;
  std::string v(buf, static_cast<size_t>(std::min<int>(n, static_cast<int>(sizeof buf) - 1)));
  if (v == kUnset) return std::nullopt;
  return v;
}

std::optional<std::string> readDsn(const std::string& dsn, std::string_view key) {
  return readProfile(dsn, key, "odbc.ini");
}

bool present(const std::optional<std::string>& v) {
  return isPresent(v);
}

}  // namespace

SQLRETURN connect(Connection& c, const std::string& dsnArg, const OptString&, const OptString& password) {
  if (c.connected()) throw OdbcError("08002", "Connection name in use: already connected");
  const std::string dsn = dsnArg.empty() ? "DEFAULT" : dsnArg;
  ConnectionSettings s = resolveSettings([&](std::string_view key) -> std::optional<std::string> {
    // The password argument of SQLConnect is the access token (isql DSN user token).
    if (key == "OAuthAccessToken" && present(password)) return password;
    return readDsn(dsn, key);
  });
  recordPropertyOrigins(s, [&](std::string_view key) -> std::optional<std::pair<std::string, std::string>> {
    if (key == "OAuthAccessToken" && present(password)) return std::make_pair("connection string", *password);
    if (std::optional<std::string> v = readDsn(dsn, key); present(v)) return std::make_pair("DSN", *v);
    return std::nullopt;
  });
  c.open(s, dsn);
  return c.diags.success();
}

SQLRETURN driverConnect(Connection& c, const std::string& in, const OutString& out, SQLSMALLINT* outLength,
                        SQLUSMALLINT completion) {
  if (completion != SQL_DRIVER_NOPROMPT && completion != SQL_DRIVER_COMPLETE &&
      completion != SQL_DRIVER_PROMPT && completion != SQL_DRIVER_COMPLETE_REQUIRED)
    throw OdbcError("HY110", "Invalid driver completion " + std::to_string(completion));
  if (c.connected()) throw OdbcError("08002", "Connection name in use: already connected");
  if (out.capacity < 0) throw OdbcError("HY090", "Invalid buffer length " + std::to_string(out.capacity));
  const ConnectionString cs = parseConnectionString(in);

  // DSN or DRIVER, whichever comes first, names where the rest comes from.
  std::optional<std::string> dsn;
  std::optional<std::string> driver;
  for (const auto& [key, value] : cs.pairs) {
    if (!dsn && !driver && equalsIgnoreCase(key, "DSN") && !value.empty()) dsn = value;
    if (!dsn && !driver && equalsIgnoreCase(key, "DRIVER")) driver = value;
    if (!canonicalKey(key))
      c.diags.add("01S00", sql::prefixed("Invalid connection string attribute: " + key +
                                         " is not a property of this driver and was ignored"));
  }

  // What the administrator wrote: the DSN, or for DRIVER= the driver's section of odbcinst.ini.
  const std::string trustedSource = dsn ? "DSN" : "odbcinst.ini";
  const PropertyLookup trusted = [&](std::string_view key) -> std::optional<std::string> {
    if (dsn) return readDsn(*dsn, key);
    if (driver && !driver->empty()) return readProfile(*driver, key, "odbcinst.ini");
    return std::nullopt;
  };
  checkConnectionStringKeys(cs, trusted);
  auto effective = [&](std::string_view key) { return effectiveValue(cs, trusted, key); };
  ConnectionSettings s = resolveSettings(effective);
  recordPropertyOrigins(s, [&](std::string_view key) -> std::optional<std::pair<std::string, std::string>> {
    if (std::optional<std::string> v = cs.get(key); present(v) && !isDsnOnlyKey(key))
      return std::make_pair("connection string", *v);
    if (std::optional<std::string> v = trusted(key); present(v)) return std::make_pair(trustedSource, *v);
    return std::nullopt;
  });
  c.open(s, dsn.value_or(""));

  // The completed string: where it came from, then what the application gave, never a secret. Reconnecting
  // with it gets the rest (secrets included) from the DSN, odbcinst.ini or the token store again; an
  // application that passed the token itself passes it again.
  // DRIVER is conventionally braced (driver names have spaces).
  std::string completed = dsn ? formatPair("DSN", *dsn) : "DRIVER={" + driver.value_or("") + "}";
  for (std::string_view key : propertyNames())
    if (std::optional<std::string> v = cs.get(key); present(v) && !isSecretKey(key) && !isDsnOnlyKey(key))
      completed += ";" + formatPair(key, *v);
  if (std::optional<std::string> v = cs.get("UID")) completed += ";" + formatPair("UID", *v);
  completed += ";";
  putString(c, completed, out, outLength);
  return c.diags.success();
}

SQLRETURN disconnect(Connection& c) {
  if (!c.connected()) throw OdbcError("08003", "Connection not open");
  c.close();
  return SQL_SUCCESS;
}

SQLRETURN nativeSql(Connection& c, const std::string& in, const OutString& out, SQLINTEGER* outLength) {
  if (!c.connected()) throw OdbcError("08003", "Connection not open");
  return putString(c, sql::translateEscapes(in), out, outLength);
}

}  // namespace igodbc::driver
