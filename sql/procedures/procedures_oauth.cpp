// The OAuth procedures: the headless login for servers without a browser, refreshing
// on demand and describing the token. The work happens in oauth::TokenSession; this file maps arguments,
// result rows and errors. Anyone who can run SQL can call them, so a token they obtain is described
// (expiry, scopes, where it was stored), not shown: only GetOAuthAccessToken under the DSN-only
// AllowTokenInResults=true returns it.
#include "net/redact.h"
#include "oauth/token_session.h"
#include "sql/engine/engine.h"
#include "sql/engine/error_mapping.h"
#include "sql/procedures/procedures.h"
#include "sql/vtab/timeparse.h"

namespace igodbc::sql {

namespace {

using schema::SqlType;

oauth::TokenSession& session(ProcCall& call) {
  oauth::TokenSession* s = call.engine().settings().tokens.get();
  if (!s) throw EngineError({"HY000", 0, prefixed("This connection has no OAuth settings")});
  return *s;
}

void needs(ProcCall& call, const std::string& value, const char* property) {
  if (value.empty())
    throw EngineError(
        {"HY000", 0,
         prefixed(std::string(call.procedure().name) + " needs the " + property + " connection property")});
}

Value textOrNull(const std::string& s) {
  return s.empty() ? Value::null() : Value::text(s);
}

// What sys_connection_props shows for a secret that is set.

Value timeOrNull(int64_t t) {
  return t == 0 ? Value::null() : Value::text(formatTimestamp(t));
}

// Runs `body`, turning the OAuth layer's errors into diagnostics.
template <typename F>
std::vector<Row> guarded(F&& body) {
  try {
    return body();
  } catch (const oauth::OAuthArgumentError& e) {
    throw EngineError({"22023", 0, prefixed(e.what())});
  } catch (const oauth::AuthError& e) {
    throw EngineError({"28000", 0, prefixed(e.what())});
  }
}

// `reveal`: the caller may see the token itself (GetOAuthAccessToken with AllowTokenInResults).
std::vector<Row> grantedRow(ProcCall& call, const oauth::TokenSession::Granted& g, bool reveal) {
  if (!g.warning.empty()) call.warn(g.warning);
  const Value token = Value::text(reveal ? g.accessToken : graph::kMaskedSecret);
  return {{token, token, Value::integer(g.expiresIn), timeOrNull(g.expiresAt), Value::text("bearer"),
           textOrNull(g.userId), textOrNull(g.scopes), textOrNull(g.storedIn)}};
}

std::vector<Row> getAuthorizationUrl(ProcCall& call) {
  oauth::TokenSession& s = session(call);
  needs(call, s.options().clientId, "OAuthClientId");
  return guarded([&] {
    oauth::TokenSession::Authorization a =
        s.authorizationUrl(call.text("CallbackUrl"), call.text("Scope"), call.text("State"));
    return std::vector<Row>{{Value::text(a.url), Value::text(a.state)}};
  });
}

std::vector<Row> getAccessToken(ProcCall& call) {
  oauth::TokenSession& s = session(call);
  needs(call, s.options().clientId, "OAuthClientId");
  needs(call, s.options().clientSecret, "OAuthClientSecret");
  std::optional<int64_t> longLived = call.integer("LongLived");
  if (longLived && *longLived != 0 && *longLived != 1)
    throw EngineError({"22023", 0, prefixed("GetOAuthAccessToken.LongLived: must be 0 or 1")});
  return guarded([&] {
    return grantedRow(call,
                      s.exchangeCode(call.text("Verifier").value_or(""), call.text("CallbackUrl"),
                                     call.text("State"), longLived.value_or(1) == 1),
                      s.options().allowTokenInResults);
  });
}

std::vector<Row> refreshAccessToken(ProcCall& call) {
  oauth::TokenSession& s = session(call);
  if (s.options().authMode != "InstagramLogin") {
    needs(call, s.options().clientId, "OAuthClientId");
    needs(call, s.options().clientSecret, "OAuthClientSecret");
  }
  return guarded([&] { return grantedRow(call, s.refresh(call.text("OAuthRefreshToken")), false); });
}

std::vector<Row> getTokenInfo(ProcCall& call) {
  oauth::TokenSession& s = session(call);
  return guarded([&] {
    oauth::TokenInfo i = s.info();
    return std::vector<Row>{{textOrNull(i.kind), textOrNull(i.appId), textOrNull(i.application),
                             textOrNull(i.userId), Value::integer(i.valid ? 1 : 0), timeOrNull(i.issuedAt),
                             timeOrNull(i.expiresAt), timeOrNull(i.dataAccessExpiresAt), textOrNull(i.scopes),
                             Value::text(i.source)}};
  });
}

const std::vector<ProcColumn> kGranted = {
    {"OAuthAccessToken", SqlType::Varchar, 1024}, {"OAuthRefreshToken", SqlType::Varchar, 1024},
    {"ExpiresIn", SqlType::BigInt, 19},           {"ExpiresAt", SqlType::Timestamp, 19},
    {"TokenType", SqlType::Varchar, 16},          {"UserId", SqlType::Varchar, 32},
    {"Scopes", SqlType::Varchar, 1024},           {"StoredIn", SqlType::Varchar, 4096}};

}  // namespace

std::vector<Procedure> oauthProcedures() {
  return {
      {"GetOAuthAuthorizationURL",
       "Builds the URL of the login dialog (headless login, step 1); makes no call",
       {{"CallbackUrl", SqlType::Varchar, 2048, false, "default: the CallbackURL property"},
        {"Scope", SqlType::Varchar, 1024, false, "comma-separated; default: the login flavour's scopes"},
        {"State", SqlType::Varchar, 256, false, "default: 32 random hex characters"}},
       {{"URL", SqlType::Varchar, 4096}, {"State", SqlType::Varchar, 256}},
       getAuthorizationUrl},
      {"GetOAuthAccessToken",
       "Exchanges the authorization code for a (long-lived) token, stores it and starts using it",
       {{"Verifier", SqlType::Varchar, 4096, true, "the code, or the whole redirect URL"},
        {"CallbackUrl", SqlType::Varchar, 2048, false, "byte-identical to the authorization URL's"},
        {"State", SqlType::Varchar, 256, false, "must match the redirect URL's state"},
        {"LongLived", SqlType::Bit, 1, false, "default 1"}},
       kGranted,
       getAccessToken},
      {"RefreshOAuthAccessToken",
       "Refreshes (Instagram) or extends (Facebook) the token and starts using the new one",
       {{"OAuthRefreshToken", SqlType::Varchar, 1024, false, "default: the connection's current token"}},
       kGranted,
       refreshAccessToken},
      {"GetTokenInfo",
       "Describes the connection's token: debug_token, or the token store with Instagram Login",
       {},
       {{"TokenKind", SqlType::Varchar, 16},
        {"AppId", SqlType::Varchar, 32},
        {"Application", SqlType::WVarchar, 256},
        {"UserId", SqlType::Varchar, 32},
        {"IsValid", SqlType::Bit, 1},
        {"IssuedAt", SqlType::Timestamp, 19},
        {"ExpiresAt", SqlType::Timestamp, 19},
        {"DataAccessExpiresAt", SqlType::Timestamp, 19},
        {"Scopes", SqlType::Varchar, 4000},
        {"Source", SqlType::Varchar, 16}},
       getTokenInfo},
  };
}

}  // namespace igodbc::sql
