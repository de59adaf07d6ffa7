// Pure OAuth logic: PKCE, random state, the token file format and store, dialog URLs, redirects, redaction.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>

#include "driver/connect/connection_settings.h"
#include "net/logger.h"
#include "net/redact.h"
#include "oauth/authorization.h"
#include "oauth/pkce.h"
#include "oauth/stored_token.h"
#include "oauth/token_provider.h"
#include "oauth/token_store.h"

using namespace igodbc::oauth;

// Expected value computed independently: base64url(hashlib.sha256(verifier)) in Python.
TEST_CASE("PKCE S256 challenge", "[oauth]") {
  CHECK(codeChallengeS256("dBjftJeZ4CVP-mJ92Kq1y3lnd3MxIjCOqBL6qEYDBFw") ==
        "2Letzp_8wByxC226390-o0kkFPrHSTcj42Z9n7rnMH4");
  CHECK(base64Url("") == "");
  CHECK(base64Url("f") == "Zg");
  CHECK(base64Url("fo") == "Zm8");
  CHECK(base64Url("foo") == "Zm9v");
  CHECK(base64Url("\xfb\xff") == "-_8");
}

TEST_CASE("random state values are url-safe and differ", "[oauth]") {
  std::string a = randomToken(24), b = randomToken(24);
  CHECK(a.size() == 32);
  CHECK(a != b);
  CHECK(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
        std::string::npos);
}

TEST_CASE("token file format round-trips and rejects foreign files", "[oauth]") {
  StoredToken t;
  t.authMode = "InstagramLogin";
  t.clientId = "123";
  t.accessToken = "IGAA\"quoted\\";
  t.issuedAt = 1764300000;
  t.expiresAt = 1769484000;
  t.userId = "1784";
  std::string text = serializeToken(t);
  CHECK(text.find("\"version\":1") != std::string::npos);
  std::string error;
  auto back = parseStoredToken(text, error);
  REQUIRE(back);
  CHECK(back->accessToken == t.accessToken);
  CHECK(back->authMode == "InstagramLogin");
  CHECK(back->expiresAt == t.expiresAt);
  CHECK(back->userId == "1784");
  CHECK_FALSE(parseStoredToken("{\"version\":2,\"access_token\":\"x\"}", error));
  CHECK_FALSE(parseStoredToken("{\"version\":1}", error));
  CHECK_FALSE(parseStoredToken("not json", error));
  CHECK_FALSE(parseStoredToken("{\"version\":1,\"access_token\":\"x\"", error));  // torn write
}

TEST_CASE("file store: 0600 file in a 0700 folder, insecure files refused", "[oauth]") {
  char tmpl[] = "/tmp/igodbc-oauth-XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  std::string path = std::string(tmpl) + "/sub/dsn.json";
  auto store = openTokenStore(path, false);
  CHECK_FALSE(store->load());
  StoredToken t;
  t.accessToken = "EAAGsecret";
  {
    auto lock = store->lock();
    store->save(t);
  }
  struct stat st {};
  REQUIRE(stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  REQUIRE(stat((std::string(tmpl) + "/sub").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  CHECK(store->load()->accessToken == "EAAGsecret");
  chmod(path.c_str(), 0640);
  CHECK_THROWS_AS(store->load(), AuthError);
  CHECK(openTokenStore(path, true)->load()->accessToken == "EAAGsecret");
  std::system(("rm -rf " + std::string(tmpl)).c_str());
}

TEST_CASE("memory store is shared by name", "[oauth]") {
  auto a = openTokenStore("memory://unit-a", false);
  auto b = openTokenStore("memory://unit-a", false);
  auto c = openTokenStore("memory://unit-c", false);
  StoredToken t;
  t.accessToken = "tok";
  a->save(t);
  CHECK(b->load()->accessToken == "tok");
  CHECK_FALSE(c->load());
}

TEST_CASE("default settings location follows XDG", "[oauth]") {
  const char* oldHome = std::getenv("HOME");
  const std::string savedHome = oldHome ? oldHome : "";
  setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
  CHECK(defaultSettingsLocation("My DSN/1") == "/x/cfg/instagram-odbc/My_DSN_1.json");
  unsetenv("XDG_CONFIG_HOME");
  setenv("HOME", "/home/u", 1);
  CHECK(defaultSettingsLocation("") == "/home/u/.config/instagram-odbc/default.json");
  // No HOME: no shared fallback such as /tmp, but a message saying what to set.
  unsetenv("HOME");
  try {
    defaultSettingsLocation("dsn");
    FAIL("a location without HOME");
  } catch (const AuthError& e) {
    const std::string what = e.what();
    CHECK(what.find("HOME is not set") != std::string::npos);
    CHECK(what.find("OAuthSettingsLocation") != std::string::npos);
  }
  if (oldHome) setenv("HOME", savedHome.c_str(), 1);
}

namespace {

// A private scratch folder, removed at the end of the test.
struct ScratchDir {
  std::string path;
  ScratchDir() {
    char tmpl[] = "/tmp/igodbc-oauth-XXXXXX";
    REQUIRE(mkdtemp(tmpl) != nullptr);
    path = tmpl;
  }
  ~ScratchDir() { std::system(("rm -rf " + path).c_str()); }
};

std::string authFailure(const std::function<void()>& f) {
  try {
    f();
  } catch (const AuthError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("file store: a symbolic link in place of the lock file is refused", "[oauth]") {
  ScratchDir d;
  const std::string victim = d.path + "/victim";
  REQUIRE(symlink(victim.c_str(), (d.path + "/dsn.json.lock").c_str()) == 0);
  auto store = openTokenStore(d.path + "/dsn.json", false);
  std::string why = authFailure([&] { store->lock(); });
  CHECK(why.find("dsn.json.lock is a symbolic link") != std::string::npos);
  struct stat st {};
  CHECK(lstat(victim.c_str(), &st) != 0);  // the link's target was not created
}

TEST_CASE("file store: a folder others can write is refused with chmod advice", "[oauth]") {
  ScratchDir d;
  const std::string folder = d.path + "/shared";
  REQUIRE(mkdir(folder.c_str(), 0700) == 0);
  REQUIRE(chmod(folder.c_str(), 0777) == 0);
  auto store = openTokenStore(folder + "/dsn.json", false);
  for (const std::function<void()>& op :
       {std::function<void()>([&] { store->lock(); }), std::function<void()>([&] { store->load(); }),
        std::function<void()>([&] { store->save(StoredToken{}); })}) {
    std::string why = authFailure(op);
    CHECK(why.find("The token folder " + folder + " can be written by other users (mode 0777)") !=
          std::string::npos);
    CHECK(why.find("chmod 700") != std::string::npos);
  }
  struct stat st {};
  CHECK(stat((folder + "/dsn.json.lock").c_str(), &st) != 0);
  REQUIRE(chmod(folder.c_str(), 0700) == 0);
  StoredToken t;
  t.accessToken = "tok";
  {
    auto lock = store->lock();
    store->save(t);
  }
  CHECK(store->load()->accessToken == "tok");
}

TEST_CASE("file store: a folder above the token folder that others can write is refused", "[oauth]") {
  ScratchDir d;
  const std::string shared = d.path + "/shared", mine = shared + "/mine";
  REQUIRE(mkdir(shared.c_str(), 0700) == 0);
  REQUIRE(mkdir(mine.c_str(), 0700) == 0);
  REQUIRE(chmod(shared.c_str(), 0777) == 0);  // anyone could rename "mine" and put their own in its place
  auto store = openTokenStore(mine + "/dsn.json", false);
  std::string why = authFailure([&] { store->load(); });
  CHECK(why.find("The folder " + shared + " above the token folder") != std::string::npos);
  CHECK(why.find("mode 0777") != std::string::npos);
  // Sticky, like /tmp: others cannot rename what is not theirs, so the folder below is safe.
  REQUIRE(chmod(shared.c_str(), 01777) == 0);
  CHECK_NOTHROW(store->load());
  REQUIRE(chmod(shared.c_str(), 0700) == 0);
}

TEST_CASE("file store: a folder or file of another user is refused", "[oauth]") {
  if (geteuid() != 0) {
    WARN("not root: cannot give a folder to another user");
    return;
  }
  ScratchDir d;
  const std::string folder = d.path + "/theirs";
  REQUIRE(mkdir(folder.c_str(), 0755) == 0);
  REQUIRE(chown(folder.c_str(), 65534, 65534) == 0);  // nobody
  auto store = openTokenStore(folder + "/dsn.json", false);
  std::string why = authFailure([&] { store->lock(); });
  CHECK(why.find("The token folder " + folder + " belongs to another user (uid 65534)") != std::string::npos);
  CHECK(authFailure([&] { store->load(); }).find("belongs to another user") != std::string::npos);

  // A 0600 token file of another user in our own folder: not ours to trust.
  const std::string file = d.path + "/dsn.json";
  std::ofstream(file) << serializeToken(StoredToken{"FacebookLogin", "1", "foreign-token", 0, 0, ""});
  REQUIRE(chmod(file.c_str(), 0600) == 0);
  REQUIRE(chown(file.c_str(), 65534, 65534) == 0);
  CHECK(authFailure([&] { openTokenStore(file, true)->load(); }).find("belongs to another user") !=
        std::string::npos);
}

TEST_CASE("dialog URLs for both login flavours", "[oauth]") {
  OAuthOptions o;
  o.clientId = "123";
  o.callbackUrl = "http://localhost:33333/cb";
  std::string fb = buildAuthorizationUrl(o, "st", "ch");
  INFO(fb);
  CHECK(fb.rfind("https://www.facebook.com/v24.0/dialog/"
                 "oauth?client_id=123&redirect_uri=http%3A%2F%2Flocalhost%3A33333%2Fcb"
                 "&state=st&response_type=code&scope=instagram_basic,",
                 0) == 0);  // the dialog's documented parameter order
  CHECK(fb.find("&code_challenge=ch&code_challenge_method=S256") != std::string::npos);
  o.authMode = "InstagramLogin";
  o.scope = "instagram_business_basic";
  std::string ig = buildAuthorizationUrl(o, "st", "ch");
  CHECK(ig ==
        "https://www.instagram.com/oauth/"
        "authorize?client_id=123&redirect_uri=http%3A%2F%2Flocalhost%3A33333%2Fcb"
        "&response_type=code&scope=instagram_business_basic&state=st");
  o.authorizationUrl = "http://127.0.0.1:9/oauth/authorize?x=1";
  CHECK(buildAuthorizationUrl(o, "s", "").rfind("http://127.0.0.1:9/oauth/authorize?x=1&client_id=123", 0) ==
        0);
}

TEST_CASE("redirects: full URL, query, bare code, Instagram #_, errors", "[oauth]") {
  auto r = parseRedirect("http://localhost:33333/cb?code=AQD%2Fx&state=abc");
  CHECK(r.code == "AQD/x");
  CHECK(r.state == "abc");
  CHECK(parseRedirect("/cb?code=AQBx1&state=s#_").code == "AQBx1");
  CHECK(parseRedirect("AQDbare\n").code == "AQDbare");
  auto e = parseRedirect(
      "/cb?error_reason=user_denied&error=access_denied&error_description=Permissions+error&state=s");
  CHECK(e.error == "access_denied");
  CHECK(e.errorDescription == "Permissions error");
  CHECK(e.code.empty());
}

TEST_CASE("OAuth secrets are redacted in URLs and bodies", "[oauth]") {
  using igodbc::graph::redactUrl;
  CHECK(redactUrl("https://g/v24.0/oauth/access_token?client_id=1&client_secret=s3&code=AQD&code_verifier=v&"
                  "redirect_uri=x") ==
        "https://g/v24.0/oauth/"
        "access_token?client_id=1&client_secret=***&code=***&code_verifier=***&redirect_uri=x");
  CHECK(redactUrl("https://g/access_token?grant_type=ig_exchange_token&client_secret=s&access_token=IGAA") ==
        "https://g/access_token?grant_type=ig_exchange_token&client_secret=***&access_token=***");
  CHECK(redactUrl("grant_type=fb_exchange_token&fb_exchange_token=EAAG") ==
        "grant_type=fb_exchange_token&fb_exchange_token=***");
}

TEST_CASE("OAuth connection properties", "[oauth]") {
  using namespace igodbc::driver;
  auto resolve = [](std::map<std::string, std::string> m) {
    return resolveSettings([&](std::string_view k) -> std::optional<std::string> {
      auto it = m.find(std::string(k));
      if (it == m.end()) return std::nullopt;
      return it->second;
    });
  };
  ConnectionSettings s = resolve({{"InitiateOAuth", "getandrefresh"},
                                  {"LoginTimeout", "5"},
                                  {"ProxyPort", "3128"},
                                  {"ProxyServer", "proxy"},
                                  {"SSLServerCert", "/etc/ca.pem"}});
  CHECK(s.initiateOAuth == "GETANDREFRESH");  // no token needed
  CHECK(s.oauth.loginTimeoutSeconds == 5);
  CHECK(s.oauth.proxyPort == 3128);
  CHECK_THROWS_AS(resolve({{"InitiateOAuth", "ALWAYS"}}), SettingsError);
  CHECK_THROWS_AS(resolve({{"InitiateOAuth", "OFF"}}), SettingsError);  // OFF needs OAuthAccessToken
  CHECK(canonicalKey("oauthsettingslocation") == std::optional<std::string_view>("OAuthSettingsLocation"));
  CHECK(isSecretKey("ProxyPassword"));
}

TEST_CASE("log lines are redacted", "[oauth]") {
  using igodbc::graph::redactText;
  CHECK(redactText("GET https://g/x?access_token=EAAG1&fields=id -> 200") ==
        "GET https://g/x?access_token=***&fields=id -> 200");
  CHECK(redactText("{\"access_token\":\"IGAA9\",\"expires_in\":5}") ==
        "{\"access_token\":\"***\",\"expires_in\":5}");
  CHECK(redactText("redirect /cb?code=AQD1&state=s") == "redirect /cb?code=***&state=s");
  CHECK(redactText("response_type=code&scope=x") == "response_type=code&scope=x");
  CHECK(redactText("Authorization: Bearer EAAGxyz") == "Authorization: Bearer ***");
  CHECK(redactText("zipcode=123") == "zipcode=123");
}

TEST_CASE("headless PKCE verifier is derived from the state and valid for RFC 7636", "[oauth]") {
  std::string v = pkceVerifierForState("secret", "state1");
  CHECK(v == pkceVerifierForState("secret", "state1"));
  CHECK(v != pkceVerifierForState("secret", "state2"));
  CHECK(v != pkceVerifierForState("other", "state1"));
  CHECK(v.size() >= 43);
  CHECK(v.size() <= 128);
  CHECK(v.find_first_not_of("0123456789abcdef") == std::string::npos);
}
