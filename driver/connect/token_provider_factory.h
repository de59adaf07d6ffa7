// From connection properties to the token provider graph/ uses: InitiateOAuth=OFF gives the static token;
// GETANDREFRESH / REFRESH give the OAuth provider, which gets its first token here, at connect time, so a
// login (or its failure) happens in SQLConnect / SQLDriverConnect and not in the first query.
// Either is wrapped in oauth::TokenSession, which the OAuth procedures and AuthenticateAsPage work through.
#pragma once

#include <memory>
#include <string>

#include "driver/connect/connection_settings.h"
#include "net/http_session.h"
#include "net/logger.h"
#include "oauth/token_provider.h"
#include "oauth/token_session.h"

namespace igodbc::driver {

struct ConnectedTokens {
  std::shared_ptr<oauth::TokenProvider> provider;  // what graph/ asks: the session below
  std::shared_ptr<oauth::TokenSession> session;    // for the OAuth procedures (sql::Settings::tokens)
  std::string warning;                             // for a 01000 diagnostic; empty when none
};

// Throws OdbcError: 28000 when no token can be had, HYT00 when the browser login timed out.
ConnectedTokens connectTokens(const ConnectionSettings& s, const std::string& dsn, long loginTimeoutAttr,
                              std::shared_ptr<graph::Logger> logger);

// LogFile / Verbosity: null when no LogFile is set or Verbosity is 0. Throws SettingsError (08001) when the
// file cannot be opened. The connection's secrets are registered for scrubbing.
std::shared_ptr<graph::Logger> makeLogger(const ConnectionSettings& s);

// SSLServerCert and the proxy properties for libcurl. Throws SettingsError (08001) for a missing CA path.
graph::NetworkOptions networkOptions(const ConnectionSettings& s);

}  // namespace igodbc::driver
