#include "driver/connect/connection_trust.h"

#include <array>
#include <cstdint>
#include <utility>

namespace igodbc::driver {

namespace {

constexpr std::array<std::string_view, 8> kTrustedSourceKeys = {"OAuthBrowserCommand",
                                                                "LogFile",
                                                                "ScratchDatabase",
                                                                "OAuthSettingsLocation",
                                                                "OAuthAllowInsecureFile",
                                                                "CallbackCertificate",
                                                                "CallbackKey",
                                                                "SSLServerCert"};

constexpr std::array<std::string_view, 2> kDsnOnlyKeys = {"AllowConnectionStringPaths",
                                                          "AllowTokenInResults"};

// Where a credential is sent, and the credentials a redirect would give away.
constexpr std::array<std::string_view, 4> kDestinationKeys = {"GraphURL", "OAuthAccessTokenURL",
                                                              "OAuthAuthorizationURL", "ProxyServer"};
constexpr std::array<std::string_view, 3> kCredentialKeys = {"OAuthAccessToken", "OAuthClientSecret",
                                                             "ProxyPassword"};

template <size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view key) {
  for (std::string_view k : list)
    if (equalsIgnoreCase(k, key)) return true;
  return false;
}

std::string normalizedUrl(std::string_view v) {
  v = trim(v);
  while (!v.empty() && v.back() == '/') v.remove_suffix(1);
  return std::string(v);
}

// Meta's own hosts are never a redirect, whatever the DSN says.
bool isMetaGraphUrl(std::string_view url) {
  return url == "https://graph.facebook.com" || url == "https://graph.instagram.com";
}

constexpr char kWhere[] =
    "the DSN (odbc.ini) or, for DRIVER= connections, the driver's section of odbcinst.ini";

// The SQL ceilings protect the host process: a connection string may lower them, never raise them above the
// trusted source's value (or the default). Values that do not parse are left to resolveSettings' message.
void checkCeilings(const ConnectionString& cs, const PropertyLookup& trusted) {
  const sql::SqlLimits defaults;
  const std::pair<std::string_view, int64_t> ceilings[] = {{"MaxValueBytes", defaults.maxValueBytes},
                                                           {"MaxStatementBytes", defaults.maxStatementBytes},
                                                           {"MaxScratchMB", defaults.maxScratchMB}};
  auto number = [](const std::optional<std::string>& v) -> std::optional<int64_t> {
    if (!isPresent(v)) return std::nullopt;
    const std::string t(trim(*v));
    if (t.empty() || t.size() > 18 || t.find_first_not_of("0123456789") != std::string::npos)
      return std::nullopt;
    return std::stoll(t);
  };
  for (const auto& [key, fallback] : ceilings) {
    std::optional<int64_t> asked = number(cs.get(key));
    if (!asked) continue;
    const int64_t ceiling = number(trusted(key)).value_or(fallback);
    if (*asked > ceiling)
      throw SettingsError("08001", std::string(key) +
                                       " in the connection string may only lower the ceiling of " + kWhere +
                                       " (" + std::to_string(ceiling) +
                                       "); raise it in the DSN, or set "
                                       "AllowConnectionStringPaths=true there");
  }
}

}  // namespace

bool isPresent(const std::optional<std::string>& v) {
  return v && v->find_first_not_of(" \t\r\n") != std::string::npos;
}

bool isTrustedSourceKey(std::string_view key) {
  return listed(kTrustedSourceKeys, key);
}

bool isDsnOnlyKey(std::string_view key) {
  return listed(kDsnOnlyKeys, key);
}

void checkConnectionStringKeys(const ConnectionString& cs, const PropertyLookup& trusted) {
  for (std::string_view key : kDsnOnlyKeys)
    if (cs.has(key))
      throw SettingsError("08001",
                          std::string(key) + " can be set only in " + kWhere +
                              ", never in the connection string; remove it from the connection string");
  if (std::optional<std::string> allow = trusted("AllowConnectionStringPaths"); allow && isTrueValue(*allow))
    return;
  checkCeilings(cs, trusted);
  for (std::string_view key : kTrustedSourceKeys)
    if (isPresent(cs.get(key)))
      throw SettingsError("08001", std::string(key) +
                                       " names a command or a local file, so it is read only from " + kWhere +
                                       ", not from the connection string. Put " + std::string(key) +
                                       " in the DSN, or set AllowConnectionStringPaths=true in the DSN to "
                                       "allow it in connection strings");

  bool trustedCredential = false;
  for (std::string_view key : kCredentialKeys)
    if (!isPresent(cs.get(key)) && isPresent(trusted(key))) trustedCredential = true;
  // The token store is the DSN's: its token goes to GraphURL, and a login there writes into it.
  std::optional<std::string> initiate = effectiveValue(cs, trusted, "InitiateOAuth");
  if ((isPresent(initiate) && !equalsIgnoreCase(trim(*initiate), "OFF")) ||
      isPresent(trusted("OAuthSettingsLocation")))
    trustedCredential = true;
  if (!trustedCredential) return;
  for (std::string_view key : kDestinationKeys) {
    std::optional<std::string> given = cs.get(key);
    if (!isPresent(given)) continue;
    const std::string url = normalizedUrl(*given);
    if (url == normalizedUrl(trusted(key).value_or(""))) continue;
    if (equalsIgnoreCase(key, "GraphURL") && isMetaGraphUrl(url)) continue;
    throw SettingsError(
        "08001",
        std::string(key) + " in the connection string differs from " + kWhere +
            ", which supplies this connection's credentials (access token, app secret, proxy password "
            "or token store); the driver does not send them to another server. Set " +
            std::string(key) +
            " in the DSN, pass every credential in the connection string (with InitiateOAuth=OFF), or "
            "set AllowConnectionStringPaths=true in the DSN");
  }
}

std::optional<std::string> effectiveValue(const ConnectionString& cs, const PropertyLookup& trusted,
                                          std::string_view key) {
  if (!isDsnOnlyKey(key))
    if (std::optional<std::string> v = cs.get(key); isPresent(v)) return v;
  return trusted(key);
}

}  // namespace igodbc::driver
