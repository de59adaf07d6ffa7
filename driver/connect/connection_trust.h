// Which source may set which connection key. The DSN (odbc.ini) and the driver's section of odbcinst.ini are
// written by whoever installed the driver; a connection string may come from someone less trusted (a web
// form, a BI tool's data-source editor on a shared server). Keys that run a command, name a local file or
// choose what TLS trusts are therefore read only from those files, unless they opt in with
// AllowConnectionStringPaths=true; and a connection string may not send their credentials elsewhere.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "driver/connect/connection_settings.h"
#include "driver/connect/connection_string.h"

namespace igodbc::driver {

// OAuthBrowserCommand, LogFile, ScratchDatabase, OAuthSettingsLocation, OAuthAllowInsecureFile,
// CallbackCertificate, CallbackKey, SSLServerCert.
bool isTrustedSourceKey(std::string_view key);
// AllowConnectionStringPaths and AllowTokenInResults: never from a connection string. MaxValueBytes,
// MaxStatementBytes and MaxScratchMB: a connection string may only lower them.
bool isDsnOnlyKey(std::string_view key);

// Throws SettingsError (08001) when `cs` sets a key it may not, or overrides GraphURL, OAuthAccessTokenURL,
// OAuthAuthorizationURL or ProxyServer while a credential (token, app secret, proxy password, token store)
// comes from `trusted` (the DSN, or odbcinst.ini for DRIVER=). Messages name keys, never values.
void checkConnectionStringKeys(const ConnectionString& cs, const PropertyLookup& trusted);

// The text the connection uses for `key`: the connection string's when set (non-blank), else the trusted
// source's; DSN-only keys come from the trusted source alone. Call checkConnectionStringKeys first.
std::optional<std::string> effectiveValue(const ConnectionString& cs, const PropertyLookup& trusted,
                                          std::string_view key);

// Set and not blank.
bool isPresent(const std::optional<std::string>& v);

}  // namespace igodbc::driver
