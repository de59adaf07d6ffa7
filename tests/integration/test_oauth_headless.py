"""OAuth, second part, through the driver manager against private emulators: the headless login
through the OAuth procedures, Instagram Login end to end (short-lived, ig_exchange_token,
ig_refresh_token only once a token is 24 h old), the HTTPS callback listener, a proxy, AuthenticateAsPage, and
the 01000 warning for a Facebook token that cannot be extended. Every secret a test sees is checked against
every diagnostic and the log file."""
import base64
import http.server
import json
import os
import re
import socketserver
import stat
import threading
import time
import urllib.parse
import urllib.request

import pyodbc
import pytest

from conftest import driver_connect, dsn_string
from test_oauth import (APP_ID, APP_SECRET, emulator_factory, emu, free_port, make_test_ca,  # noqa: F401
                        write_browser, runs)

# Same rule as test_oauth.py: the scripted browsers are subprocesses that inherit the preloaded ASan runtime.
pytestmark = pytest.mark.skipif(os.environ.get("IGODBC_SANITIZED") == "1",
                                reason="browser subprocesses inherit the preloaded ASan runtime")

SECRETS = [APP_SECRET]


def no_secret_in(text):
    for s in SECRETS:
        assert s not in text, "a secret leaked"
    return text


def diag(exc_info):
    return no_secret_in(str(exc_info.value))


def keys_string(**keys):
    """The keys as a connection string, with the ones only a DSN may set in a DSN of their own."""
    return dsn_string(keys)


def stored_token(path):
    token = json.loads(path.read_text())["access_token"]
    SECRETS.append(token)
    return token


def headless_string(emu, tmp_path, **extra):
    keys = {
        "DRIVER": "{Instagram ODBC Driver}",
        "GraphURL": emu.url,
        "InitiateOAuth": "OFF",
        "OAuthClientId": APP_ID,
        "OAuthClientSecret": APP_SECRET,
        "CallbackURL": "http://localhost:33333/",
        "OAuthAuthorizationURL": f"{emu.url}/v24.0/dialog/oauth",
        "OAuthSettingsLocation": str(tmp_path / "tokens" / "dsn.json"),
        "LogFile": str(tmp_path / "driver.log"),
        "Verbosity": "5",
    }
    keys.update(extra)
    return keys_string(**keys)


def open_dialog(url):
    """What the user does in a browser elsewhere: open the dialog and copy the URL it redirects to."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None

    try:
        urllib.request.build_opener(NoRedirect).open(url)
    except urllib.error.HTTPError as e:
        assert e.code == 302
        return e.headers["Location"]
    raise AssertionError("the dialog did not redirect")


def code_of(location):
    return urllib.parse.parse_qs(urllib.parse.urlparse(location.split("#")[0]).query)["code"][0]


def test_oauth_procedures_are_listed_with_their_columns(emu, tmp_path):
    with pyodbc.connect(headless_string(emu, tmp_path)) as c:
        names = [r.procedure_name for r in c.cursor().procedures(schema="Instagram")]
        for p in ("GetOAuthAuthorizationURL", "GetOAuthAccessToken", "RefreshOAuthAccessToken", "GetTokenInfo"):
            assert p in names
        cols = [(r.column_name, r.column_type, r.type_name)
                for r in c.cursor().procedureColumns(procedure="GetOAuthAccessToken")]
        assert [n for n, t, _ in cols if t == 1] == ["Verifier", "CallbackUrl", "State", "LongLived"]
        assert [n for n, t, _ in cols if t == 3] == ["OAuthAccessToken", "OAuthRefreshToken", "ExpiresIn",
                                                     "ExpiresAt", "TokenType", "UserId", "Scopes", "StoredIn"]
        info = [r.column_name for r in c.cursor().procedureColumns(procedure="GetTokenInfo")]
        assert info == ["TokenKind", "AppId", "Application", "UserId", "IsValid", "IssuedAt", "ExpiresAt",
                        "DataAccessExpiresAt", "Scopes", "Source"]


def test_headless_login_through_the_procedures(emu, tmp_path):
    cs = headless_string(emu, tmp_path)
    with pyodbc.connect(cs, autocommit=True) as c:
        url, state = c.execute("{call GetOAuthAuthorizationURL()}").fetchone()
        assert re.fullmatch(r"[0-9a-f]{32}", state)
        q = urllib.parse.parse_qs(urllib.parse.urlparse(url).query)
        assert url.startswith(f"{emu.url}/v24.0/dialog/oauth?client_id={APP_ID}&redirect_uri=")
        assert q["state"] == [state] and q["response_type"] == ["code"] and q["code_challenge_method"] == ["S256"]
        assert "instagram_basic" in q["scope"][0] and "business_management" in q["scope"][0]
        location = open_dialog(url)
        SECRETS.append(code_of(location))

        row = c.execute("EXEC GetOAuthAccessToken @Verifier = ?", location).fetchone()
        token = stored_token(tmp_path / "tokens" / "dsn.json")
        # SQL gets a description of the token, not the token.
        assert token.startswith("EAAG") and row.OAuthAccessToken == row.OAuthRefreshToken == "********"
        assert row.StoredIn == str(tmp_path / "tokens" / "dsn.json")
        assert 5184000 - 5 <= row.ExpiresIn <= 5184000 and row.TokenType == "bearer"
        assert row.ExpiresAt > row.ExpiresAt.now() + __import__("datetime").timedelta(days=50)
        assert row.UserId is None and row.Scopes is None
        # The connection uses the new token at once.
        assert c.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] == 3
        stored = json.loads((tmp_path / "tokens" / "dsn.json").read_text())
        assert stored["access_token"] == token and stored["auth_mode"] == "FacebookLogin"
        assert stat.S_IMODE((tmp_path / "tokens" / "dsn.json").stat().st_mode) == 0o600

        kind, app, application, user, valid, issued, expires, data_exp, scopes, source = \
            c.execute("{call GetTokenInfo}").fetchone()
        assert (kind, app, valid, source) == ("USER", APP_ID, True, "debug_token")
        assert expires is not None and "instagram_basic" in scopes

        before = emu.stats()["long_lived"]
        fresh = c.execute("{call RefreshOAuthAccessToken}").fetchone()
        assert fresh.OAuthAccessToken == "********" and fresh.ExpiresAt is not None
        assert stored_token(tmp_path / "tokens" / "dsn.json") != token and emu.stats()["long_lived"] == before + 1
        assert c.execute("SELECT COUNT(*) FROM Pages").fetchone()[0] >= 1

    # Later connections take the stored token silently.
    with pyodbc.connect(headless_string(emu, tmp_path, InitiateOAuth="REFRESH")) as c:
        assert c.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] == 3
    no_secret_in((tmp_path / "driver.log").read_text())


def test_headless_refusals(emu, tmp_path):
    cs = headless_string(emu, tmp_path)
    with pyodbc.connect(cs, autocommit=True) as c:
        url, state = c.execute("EXEC GetOAuthAuthorizationURL @State = 'my-state-1'").fetchone()
        assert state == "my-state-1" and "state=my-state-1" in url
        location = open_dialog(url)
        SECRETS.append(code_of(location))
        with pytest.raises(pyodbc.Error) as e:
            c.execute("EXEC GetOAuthAccessToken @Verifier = ?, @State = 'forged'", location).fetchall()
        assert "22023" in diag(e) and "state" in str(e.value)
        # A redirect_uri one byte off is refused by the server (and uses the code up).
        with pytest.raises(pyodbc.Error) as e:
            c.execute("{call GetOAuthAccessToken(?, ?)}", location, "http://localhost:33333/x").fetchall()
        assert "28000" in diag(e) and "redirect_uri" in str(e.value)
        # Replayed code.
        with pytest.raises(pyodbc.Error) as e:
            c.execute("{call GetOAuthAccessToken(?)}", location).fetchall()
        assert "28000" in diag(e) and "has been used" in str(e.value)
        # What the dialog sends back when the user says no.
        denied = "http://localhost:33333/?error=access_denied&error_description=Permissions+error&state=s"
        with pytest.raises(pyodbc.Error) as e:
            c.execute("{call GetOAuthAccessToken(?)}", denied).fetchall()
        assert "28000" in diag(e) and "access_denied" in str(e.value)
        with pytest.raises(pyodbc.Error) as e:
            c.execute("{call GetOAuthAccessToken(?, NULL, NULL, 7)}", "abc").fetchall()
        assert "22023" in diag(e) and "LongLived" in str(e.value)
    assert not (tmp_path / "tokens" / "dsn.json").exists()
    # A procedure that needs a connection property the connection lacks.
    with pyodbc.connect(f"DRIVER={{Instagram ODBC Driver}};GraphURL={emu.url};OAuthAccessToken=demo-token") as c:
        with pytest.raises(pyodbc.Error) as e:
            c.execute("{call GetOAuthAuthorizationURL}").fetchall()
        assert "HY000" in diag(e) and "needs the OAuthClientId connection property" in str(e.value)
    no_secret_in((tmp_path / "driver.log").read_text())


# Media of a configured account (BusinessAccountId); test_instagram_login_reads_its_own_account_through_me covers
# the scope discovered through /me.
IG_QUERY = "SELECT Id FROM Media WHERE AccountId = '17841412790652093' LIMIT 3"


def ig_string(emu, tmp_path, browser, **extra):
    keys = {
        "DRIVER": "{Instagram ODBC Driver}",
        "GraphURL": emu.url,
        "AuthMode": "InstagramLogin",
        "InitiateOAuth": "GETANDREFRESH",
        "OAuthClientId": APP_ID,
        "OAuthClientSecret": APP_SECRET,
        "CallbackURL": f"http://localhost:{free_port()}/ig",
        "OAuthAuthorizationURL": f"{emu.url}/oauth/authorize",
        "OAuthAccessTokenURL": f"{emu.url}/oauth/access_token",
        "OAuthSettingsLocation": str(tmp_path / "tokens" / "ig.json"),
        "OAuthBrowserCommand": str(browser),
        "BusinessAccountId": "17841412790652093",
        "LoginTimeout": "20",
        "LogFile": str(tmp_path / "ig.log"),
        "Verbosity": "5",
    }
    keys.update(extra)
    return keys_string(**keys)


def test_instagram_login_end_to_end(emulator_factory, tmp_path):
    # The emulator allows ig_refresh_token at once; the driver still waits until the token is 24 h old.
    emu = emulator_factory("--oauth-refresh-min-age", "0")
    browser, marker = write_browser(tmp_path)
    path = tmp_path / "tokens" / "ig.json"
    with pyodbc.connect(ig_string(emu, tmp_path, browser)) as c:
        assert c.execute(IG_QUERY).fetchone()[0]
    tok = json.loads(path.read_text())
    SECRETS.append(tok["access_token"])
    assert runs(marker) == 1 and tok["auth_mode"] == "InstagramLogin" and tok["access_token"].startswith("IGAA")
    assert tok["user_id"] == "17841400008460056" and tok["expires_at"] > time.time() + 50 * 86400
    assert emu.stats() == {"codes": 1, "exchanges": 1, "long_lived": 1, "refreshes": 0}

    # Close to expiry but younger than 24 h: Instagram would refuse, so no refresh is tried.
    now = int(time.time())
    path.write_text(json.dumps(dict(tok, issued_at=now - 3600, expires_at=now + 600)))
    with pyodbc.connect(ig_string(emu, tmp_path, browser)) as c:
        c.execute(IG_QUERY).fetchall()
    assert emu.stats()["refreshes"] == 0 and json.loads(path.read_text())["access_token"] == tok["access_token"]

    # 25 h old and within the refresh margin: ig_refresh_token, once.
    path.write_text(json.dumps(dict(tok, issued_at=now - 25 * 3600, expires_at=now + 3600)))
    with pyodbc.connect(ig_string(emu, tmp_path, browser)) as c:
        c.execute(IG_QUERY).fetchall()
        info = c.execute("{call GetTokenInfo}").fetchone()
    fresh = json.loads(path.read_text())
    SECRETS.append(fresh["access_token"])
    assert emu.stats()["refreshes"] == 1 and fresh["access_token"] != tok["access_token"]
    assert fresh["expires_at"] > time.time() + 50 * 86400 and runs(marker) == 1
    assert (info.TokenKind, info.AppId, info.UserId, info.IsValid, info.Source) == \
        ("INSTAGRAM", APP_ID, "17841400008460056", True, "token store")
    no_secret_in((tmp_path / "ig.log").read_text())


def test_instagram_procedures_headless_and_refresh_rule(emu, tmp_path):
    cs = headless_string(emu, tmp_path, AuthMode="InstagramLogin", OAuthAuthorizationURL=f"{emu.url}/oauth/authorize",
                         OAuthAccessTokenURL=f"{emu.url}/oauth/access_token", BusinessAccountId="17841412790652093")
    with pyodbc.connect(cs, autocommit=True) as c:
        url, state = c.execute("{call GetOAuthAuthorizationURL}").fetchone()
        assert url.startswith(f"{emu.url}/oauth/authorize?client_id={APP_ID}&redirect_uri=")
        assert url.endswith("&state=" + state) and "code_challenge" not in url
        assert "instagram_business_basic" in urllib.parse.parse_qs(urllib.parse.urlparse(url).query)["scope"][0]
        location = open_dialog(url)
        assert location.endswith("#_")
        SECRETS.append(code_of(location))
        row = c.execute("{call GetOAuthAccessToken(?)}", location).fetchone()
        assert stored_token(tmp_path / "tokens" / "dsn.json").startswith("IGAA")
        assert row.OAuthAccessToken == "********" and row.UserId == "17841400008460056"
        assert row.Scopes == "instagram_business_basic"
        assert c.execute(IG_QUERY).fetchone()[0]
        # The emulator keeps Instagram's rule: a token younger than 24 h is not refreshed.
        with pytest.raises(pyodbc.Error) as e:
            c.execute("{call RefreshOAuthAccessToken}").fetchall()
        assert "28000" in diag(e) and "24 hours old" in str(e.value)
    no_secret_in((tmp_path / "driver.log").read_text())


def test_instagram_login_reads_its_own_account_through_me(emu, tmp_path, ds):
    """With Instagram Login /me is the professional account: without BusinessAccountId the scope and the
    Accounts row come from /me's user_id, not from its id (the Instagram-scoped user id the exchange returns)."""
    cs = headless_string(emu, tmp_path, AuthMode="InstagramLogin", OAuthAuthorizationURL=f"{emu.url}/oauth/authorize",
                         OAuthAccessTokenURL=f"{emu.url}/oauth/access_token")
    own = ds.accounts()[0]
    with pyodbc.connect(cs, autocommit=True) as c:
        url, _ = c.execute("{call GetOAuthAuthorizationURL}").fetchone()
        location = open_dialog(url)
        SECRETS.append(code_of(location))
        token = c.execute("{call GetOAuthAccessToken(?)}", location).fetchone()
        stored_token(tmp_path / "tokens" / "dsn.json")
        assert token.UserId != own["id"]
        rows = c.execute("SELECT Id, Username, FollowersCount, AccountType FROM Accounts").fetchall()
        assert [tuple(r) for r in rows] == [(own["id"], own["username"], own["followers_count"], "BUSINESS")]
        media = c.execute("SELECT AccountId FROM Media LIMIT 5").fetchall()
        assert len(media) == 5 and {r.AccountId for r in media} == {own["id"]}
        # Facebook-only objects stay refused with Instagram Login.
        with pytest.raises(pyodbc.Error) as e:
            c.execute("SELECT Id FROM Pages").fetchall()
        assert "HYC00" in diag(e)
    no_secret_in((tmp_path / "driver.log").read_text())


def test_https_callback_listener(emu, tmp_path):
    ssl = make_test_ca(tmp_path)
    port = free_port()
    # The first attempt does not trust the certificate and drops the handshake; the listener waits for the
    # next one, which trusts the test CA.
    script = tmp_path / "tlsbrowser.sh"
    marker = tmp_path / "tls.ran"
    script.write_text(
        "#!/bin/sh\n"
        f'echo ran >> "{marker}"\n'
        'loc=$(curl -s --noproxy "*" -o /dev/null -w "%{redirect_url}" "$1")\n'
        'curl -s --noproxy "*" -o /dev/null "$loc"\n'
        f'curl -s --noproxy "*" --cacert "{ssl / "ca.pem"}" -o "{tmp_path / "page.html"}" "$loc"\n')
    script.chmod(0o700)
    keys = dict(DRIVER="{Instagram ODBC Driver}", GraphURL=emu.url, InitiateOAuth="GETANDREFRESH",
                OAuthClientId=APP_ID, OAuthClientSecret=APP_SECRET, CallbackURL=f"https://localhost:{port}/cb",
                OAuthAuthorizationURL=f"{emu.url}/v24.0/dialog/oauth",
                OAuthSettingsLocation=str(tmp_path / "tokens" / "dsn.json"), OAuthBrowserCommand=str(script),
                LoginTimeout="20", CallbackCertificate=str(ssl / "server.pem"), CallbackKey=str(ssl / "server.key"))
    with pyodbc.connect(keys_string(**keys)) as c:
        assert c.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] == 3
    assert "Login finished" in (tmp_path / "page.html").read_text()
    assert runs(marker) == 1
    SECRETS.append(json.loads((tmp_path / "tokens" / "dsn.json").read_text())["access_token"])
    # A certificate without its key is a configuration error.
    del keys["CallbackKey"]
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(keys_string(**keys))
    assert "08001" in diag(e) and "CallbackKey" in str(e.value)


class Proxy:
    """A tiny forward proxy for http:// URLs (absolute-form requests), optionally with Basic auth."""

    def __init__(self, user=None, password=None):
        self.seen = []
        outer = self
        expected = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode() if user else None

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def relay(self):
                if expected and self.headers.get("Proxy-Authorization") != expected:
                    self.send_response(407)
                    self.send_header("Proxy-Authenticate", 'Basic realm="test"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                outer.seen.append(self.path.split("?")[0])
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)) or None
                req = urllib.request.Request(self.path, data=body, method=self.command)
                opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
                try:
                    r = opener.open(req)
                except urllib.error.HTTPError as err:
                    r = err
                data = r.read()
                self.send_response(r.status if hasattr(r, "status") else r.code)
                for k in ("Content-Type", "Content-Encoding", "X-App-Usage"):
                    if r.headers.get(k):
                        self.send_header(k, r.headers[k])
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = relay

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def test_proxy_properties(emu, tmp_path):
    proxy = Proxy(user="proxyuser", password="proxy-secret-pw")
    SECRETS.append("proxy-secret-pw")
    try:
        log = tmp_path / "proxy.log"
        cs = keys_string(GraphURL=emu.url, OAuthAccessToken="demo-token", ProxyServer="127.0.0.1",
                         ProxyPort=proxy.port, ProxyUser="proxyuser", ProxyPassword="proxy-secret-pw", LogFile=log,
                         Verbosity=5)
        with pyodbc.connect(cs) as c:
            assert c.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] == 3
        assert any(p.endswith("/me/accounts") for p in proxy.seen)
        no_secret_in(log.read_text())
        # Wrong proxy password: 407 from the proxy, a network-class error naming no password.
        with pytest.raises(pyodbc.Error) as e:
            pyodbc.connect(cs.replace("proxy-secret-pw", "wrong-proxy-pw")).execute(
                "SELECT COUNT(*) FROM Accounts").fetchone()
        assert "wrong-proxy-pw" not in diag(e)
        # ProxyExceptions: the emulator's host bypasses the proxy.
        proxy.seen.clear()
        with pyodbc.connect(cs + ";ProxyExceptions=127.0.0.1") as c:
            assert c.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] == 3
        assert proxy.seen == []
    finally:
        proxy.stop()


def test_authenticate_as_page(emu, tmp_path, dataset):
    page = dataset["pages"][0]
    SECRETS.extend(p["access_token"] for p in dataset["pages"])
    base = f"DRIVER={{Instagram ODBC Driver}};GraphURL={emu.url};OAuthAccessToken=demo-token"
    with pyodbc.connect(base + f";AuthenticateAsPage={page['name']}") as c:
        ids = [r[0] for r in c.execute("SELECT Id FROM Accounts").fetchall()]
    assert ids == [page["instagram_business_account"]["id"]]
    with pyodbc.connect(base + f";AuthenticateAsPage={page['id']}") as c:
        assert c.execute("SELECT COUNT(*) FROM Media").fetchone()[0] > 0
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(base + ";AuthenticateAsPage=No Such Page")
    assert "28000" in diag(e) and "not a Page this user manages" in str(e.value)


def connect_diagnostics(cs):
    """SQLDriverConnect through libodbc itself, for the connect-time warnings pyodbc drops."""
    rc, _, diags = driver_connect(cs)
    return rc, diags


def test_facebook_token_that_cannot_be_extended_warns_with_the_date(emulator_factory, tmp_path):
    # Long-lived tokens of one hour: an exchange gives no later expiry than the token already has.
    emu = emulator_factory("--oauth-long-lived", "3600")
    browser, marker = write_browser(tmp_path)
    path = tmp_path / "tokens" / "dsn.json"
    keys = dict(DRIVER="{Instagram ODBC Driver}", GraphURL=emu.url, InitiateOAuth="GETANDREFRESH",
                OAuthClientId=APP_ID, OAuthClientSecret=APP_SECRET, CallbackURL=f"http://localhost:{free_port()}/cb",
                OAuthAuthorizationURL=f"{emu.url}/v24.0/dialog/oauth", OAuthSettingsLocation=str(path),
                OAuthBrowserCommand=str(browser), LoginTimeout="20")
    cs = keys_string(**keys)
    pyodbc.connect(cs).close()
    tok = json.loads(path.read_text())
    SECRETS.append(tok["access_token"])
    # Issued 40 days ago, one hour left: inside the refresh margin.
    path.write_text(json.dumps(dict(tok, issued_at=int(time.time()) - 40 * 86400)))
    rc, diags = connect_diagnostics(cs)
    assert rc == 1, diags
    warnings = [m for s, m in diags if s == "01000"]
    assert warnings and "cannot be extended" in warnings[0]
    assert re.search(r"before \d{4}-\d{2}-\d{2} \d{2}:\d{2}", warnings[0])
    SECRETS.append(json.loads(path.read_text())["access_token"])
    for _, m in diags:
        no_secret_in(m)
    # The procedure says the same.
    with pyodbc.connect(cs, autocommit=True) as c:
        cur = c.execute("{call RefreshOAuthAccessToken}")
        assert cur.fetchone().OAuthAccessToken == "********"
        stored_token(path)
        msgs = [m[1] for m in cur.messages if "01000" in m[0]]
        assert any("cannot be extended" in m for m in msgs), cur.messages
    assert runs(marker) == 1
