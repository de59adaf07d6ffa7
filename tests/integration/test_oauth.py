"""OAuth and the connection layer through the driver manager against private emulators started
with OAuth flags: the browser flow with a scripted browser (curl following the dialog's redirect into the
driver's loopback listener), the headless flow (OAuthVerifier), stored tokens, refresh, the token file's
safety, expiry in the middle of a paged statement, four processes refreshing at once, TLS trust, and that
no secret ever shows up in a diagnostic."""
import base64
import hashlib
import json
import os
import socket
import stat
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pyodbc
import pytest

from conftest import dsn_string

# Under the sanitizer build the ASan runtime is preloaded into every child process, the scripted browser
# (bash + curl) included, and the browser flows time out there; they run in the normal build.
pytestmark = pytest.mark.skipif(os.environ.get("IGODBC_SANITIZED") == "1",
                                reason="browser subprocesses inherit the preloaded ASan runtime")

APP_ID = "138483919580948"
APP_SECRET = "demo-app-secret"


def emulator_binary():
    if os.environ.get("IGODBC_EMULATOR"):
        return os.environ["IGODBC_EMULATOR"]
    build = os.path.dirname(os.path.dirname(os.environ["IGODBC_DRIVER"]))
    return os.path.join(build, "emulator", "instagram-emulator")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Emulator:
    def __init__(self, *flags):
        self.proc = subprocess.Popen([emulator_binary(), "--port", "0", *flags], stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        self.url = self.proc.stdout.readline().strip()
        assert self.url, self.proc.stderr.read()

    def get(self, path, **params):
        q = urllib.parse.urlencode(params)
        with urllib.request.urlopen(f"{self.url}{path}?{q}") as r:
            return json.load(r)

    def stats(self):
        return self.get("/__oauth/stats")

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


@pytest.fixture
def emulator_factory():
    started = []

    def start(*flags):
        e = Emulator(*flags)
        started.append(e)
        return e

    yield start
    for e in started:
        e.stop()


@pytest.fixture
def emu(emulator_factory):
    return emulator_factory()


def write_browser(tmp_path, name="browser.sh", tamper_state=False):
    """A scripted browser: records that it ran, then follows the dialog's redirect into the listener."""
    marker = tmp_path / (name + ".ran")
    script = tmp_path / name
    if tamper_state:
        follow = ('loc=$(curl -s --noproxy "*" -o /dev/null -w "%{redirect_url}" "$1")\n'
                  'loc=$(printf %s "$loc" | sed "s/state=[^&#]*/state=forged/")\n'
                  'curl -s --noproxy "*" -o /dev/null "$loc"\n')
    else:
        follow = 'curl -s -L --max-redirs 3 --noproxy "*" -o /dev/null "$1"\n'
    script.write_text(f'#!/bin/sh\necho ran >> "{marker}"\n{follow}')
    script.chmod(0o700)
    return script, marker


def runs(marker):
    return len(marker.read_text().splitlines()) if marker.exists() else 0


def oauth_string(emu, tmp_path, browser=None, **extra):
    """The keys of a browser login; the browser command, token file and URLs go into a DSN of their own."""
    keys = {
        "DRIVER": "{Instagram ODBC Driver}",
        "GraphURL": emu.url,
        "InitiateOAuth": "GETANDREFRESH",
        "OAuthClientId": APP_ID,
        "OAuthClientSecret": APP_SECRET,
        "CallbackURL": f"http://localhost:{free_port()}/callback",
        "OAuthAuthorizationURL": f"{emu.url}/v24.0/dialog/oauth",
        "OAuthSettingsLocation": str(tmp_path / "tokens" / "dsn.json"),
        "LoginTimeout": "20",
    }
    if browser:
        keys["OAuthBrowserCommand"] = str(browser)
    keys.update(extra)
    return dsn_string(keys)


SECRETS_SEEN = []  # every secret a test used, checked against every diagnostic


def diagnostic(exc_info):
    text = str(exc_info.value)
    for s in SECRETS_SEEN + [APP_SECRET]:
        assert s not in text, "a secret leaked into a diagnostic"
    return text


def stored(tmp_path):
    return json.loads((tmp_path / "tokens" / "dsn.json").read_text())


def test_browser_flow_stores_a_private_token_and_reconnects_silently(emu, tmp_path):
    browser, marker = write_browser(tmp_path)
    cs = oauth_string(emu, tmp_path, browser)
    with pyodbc.connect(cs) as c:
        assert c.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] == 3
    assert runs(marker) == 1
    path = tmp_path / "tokens" / "dsn.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    tok = stored(tmp_path)
    SECRETS_SEEN.append(tok["access_token"])
    assert tok["version"] == 1 and tok["auth_mode"] == "FacebookLogin" and tok["client_id"] == APP_ID
    assert tok["access_token"].startswith("EAAG") and tok["expires_at"] > time.time() + 50 * 86400
    assert emu.stats() == {"codes": 1, "exchanges": 1, "long_lived": 1, "refreshes": 0}

    # GETANDREFRESH with a stored token: no browser.
    with pyodbc.connect(oauth_string(emu, tmp_path, browser)) as c:
        assert c.execute("SELECT COUNT(*) FROM Pages").fetchone()[0] >= 1
    assert runs(marker) == 1
    assert stored(tmp_path)["access_token"] == tok["access_token"]


def test_refresh_mode_never_opens_a_browser(emu, tmp_path):
    browser, marker = write_browser(tmp_path)
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(oauth_string(emu, tmp_path, browser, InitiateOAuth="REFRESH"))
    text = diagnostic(e)
    assert "28000" in text and "never opens a browser" in text
    assert runs(marker) == 0


def test_world_readable_token_file_is_refused(emu, tmp_path):
    browser, marker = write_browser(tmp_path)
    pyodbc.connect(oauth_string(emu, tmp_path, browser)).close()
    path = tmp_path / "tokens" / "dsn.json"
    path.chmod(0o644)
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(oauth_string(emu, tmp_path, browser))
    assert "28000" in diagnostic(e) and "chmod 600" in str(e.value)
    # The opt-out accepts it.
    pyodbc.connect(oauth_string(emu, tmp_path, browser, OAuthAllowInsecureFile="1")).close()
    assert runs(marker) == 1


def test_denied_login_is_28000(emulator_factory, tmp_path):
    emu = emulator_factory("--oauth-deny", "1")
    browser, _ = write_browser(tmp_path)
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(oauth_string(emu, tmp_path, browser))
    text = diagnostic(e)
    assert "28000" in text and "access_denied" in text
    assert not (tmp_path / "tokens" / "dsn.json").exists()


# pyodbc repeats a failed SQLDriverConnectW as SQLDriverConnect; ansi=True makes one attempt where the count
# of attempts matters.
def test_state_mismatch_is_refused(emu, tmp_path):
    browser, marker = write_browser(tmp_path, tamper_state=True)
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(oauth_string(emu, tmp_path, browser), ansi=True)
    assert "28000" in diagnostic(e) and "state did not match" in str(e.value)
    assert runs(marker) == 1
    assert emu.stats()["exchanges"] == 0


def test_login_timeout_is_hyt00(emu, tmp_path):
    script = tmp_path / "nobrowser.sh"
    script.write_text("#!/bin/sh\nexit 0\n")
    script.chmod(0o700)
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(oauth_string(emu, tmp_path, script, LoginTimeout="1"))
    assert "HYT00" in diagnostic(e) and "dialog/oauth" in str(e.value)


def headless_code(emu, redirect):
    """What a user does on another machine: open the dialog, copy the redirect URL."""
    q = urllib.parse.urlencode({"client_id": APP_ID, "redirect_uri": redirect, "state": "s1",
                                "response_type": "code"})

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        opener.open(f"{emu.url}/v24.0/dialog/oauth?{q}")
    except urllib.error.HTTPError as e:
        assert e.code == 302
        return e.headers["Location"]
    raise AssertionError("the dialog did not redirect")


def test_headless_verifier_and_replayed_code(emu, tmp_path):
    redirect = "http://localhost:33333/"
    location = headless_code(emu, redirect)
    SECRETS_SEEN.append(urllib.parse.parse_qs(urllib.parse.urlparse(location).query)["code"][0])
    keys = dict(CallbackURL=redirect, OAuthVerifier=location, OAuthBrowserCommand="/bin/false")
    with pyodbc.connect(oauth_string(emu, tmp_path, None, **keys)) as c:
        assert c.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] == 3
    SECRETS_SEEN.append(stored(tmp_path)["access_token"])
    # The same code again (another token store): single use.
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(oauth_string(emu, tmp_path, None, OAuthSettingsLocation=str(tmp_path / "other.json"), **keys))
    assert "28000" in diagnostic(e) and "has been used" in str(e.value)
    # A redirect_uri that differs by one byte is refused too.
    location = headless_code(emu, redirect)
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(oauth_string(emu, tmp_path, None, CallbackURL=redirect + "x", OAuthVerifier=location,
                                    OAuthSettingsLocation=str(tmp_path / "third.json")), ansi=True)
    assert "redirect_uri is identical" in diagnostic(e)


def test_expiry_in_the_middle_of_a_paged_statement(emulator_factory, tmp_path, dataset):
    emu = emulator_factory("--oauth-expire-after-calls", "4")
    browser, marker = write_browser(tmp_path)
    with pyodbc.connect(oauth_string(emu, tmp_path, browser, PageSize="5")) as c:
        big = max(dataset["accounts"], key=lambda a: a.get("media_count", 0))
        ids = [r[0] for r in c.execute("SELECT Id FROM Media WHERE AccountId = ?", big["id"]).fetchall()]
    expected = [m["id"] for m in dataset["media"][big["id"]]]
    assert len(ids) == len(set(ids)) and sorted(ids) == sorted(expected)
    assert runs(marker) >= 2  # logged in again in the middle of the statement


CHILD = r"""
import pyodbc, sys
c = pyodbc.connect(sys.argv[1])
print(c.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0])
"""


def test_four_processes_refresh_once(emu, tmp_path):
    browser, marker = write_browser(tmp_path)
    cs = oauth_string(emu, tmp_path, browser)
    pyodbc.connect(cs).close()
    path = tmp_path / "tokens" / "dsn.json"
    tok = json.loads(path.read_text())
    # Make the stored token look nearly expired (it is still valid at the emulator).
    tok["issued_at"] = int(time.time()) - 1000
    tok["expires_at"] = int(time.time()) + 60
    path.write_text(json.dumps(tok))
    before = emu.stats()["long_lived"]
    procs = [subprocess.Popen([sys.executable, "-c", CHILD, cs], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(4)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert [o[0].strip() for o in outs] == ["3"] * 4
    assert emu.stats()["long_lived"] == before + 1
    fresh = json.loads(path.read_text())
    assert fresh["access_token"] != tok["access_token"] and fresh["expires_at"] > time.time() + 86400
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert runs(marker) == 1
    assert not [p for p in os.listdir(path.parent) if ".tmp." in p]


def make_test_ca(tmp_path):
    ssl = tmp_path / "tls"
    ssl.mkdir()

    def run(*args):
        subprocess.run(["openssl", *args], check=True, cwd=ssl, capture_output=True)

    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=instagram-odbc test CA")
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj",
        "/CN=127.0.0.1")
    (ssl / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    run("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
        "server.pem", "-days", "2", "-extfile", "ext.cnf")
    return ssl


def test_untrusted_certificate_refused_and_accepted_with_sslservercert(emulator_factory, tmp_path):
    ssl = make_test_ca(tmp_path)
    emu = emulator_factory("--tls-cert", str(ssl / "server.pem"), "--tls-key", str(ssl / "server.key"))
    assert emu.url.startswith("https://")
    base = dict(GraphURL=emu.url, OAuthAccessToken="demo-token")
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(dsn_string(base)).execute("SELECT COUNT(*) FROM Accounts").fetchone()
    assert "08S01" in diagnostic(e) or "certificate" in str(e.value).lower()
    with pyodbc.connect(dsn_string(dict(base, SSLServerCert=ssl / "ca.pem"))) as c:
        assert c.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] == 3
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(dsn_string(dict(base, SSLServerCert=ssl / "missing.pem")))
    assert "08001" in diagnostic(e)


def key_pin(ssl, pem):
    """SSLServerCert's sha256//<base64> for the public key of certificate `pem`."""
    pub = subprocess.run(["openssl", "x509", "-in", pem, "-pubkey", "-noout"], check=True, cwd=ssl,
                         capture_output=True).stdout
    der = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "der"], input=pub, check=True,
                         capture_output=True).stdout
    return "sha256//" + base64.b64encode(hashlib.sha256(der).digest()).decode()


def make_misnamed_cert(ssl):
    """A server certificate from the test CA that names another host than 127.0.0.1."""
    def run(*args):
        subprocess.run(["openssl", *args], check=True, cwd=ssl, capture_output=True)

    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "other.key", "-out", "other.csr", "-subj",
        "/CN=other.example")
    (ssl / "other.cnf").write_text("subjectAltName=DNS:other.example\n")
    run("x509", "-req", "-in", "other.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out",
        "other.pem", "-days", "2", "-extfile", "other.cnf")


def failed_once(conn, sql, *expected):
    """Runs `sql`, which must fail; returns its message after checking the SQLSTATE, that it names every
    `expected` text, never says to try again, and that the request log shows one attempt only."""
    with pytest.raises(pyodbc.Error) as e:
        conn.execute(sql).fetchall()
    text = diagnostic(e)
    assert e.value.args[0] == "08S01", e.value.args
    for want in expected:
        assert want in text, text
    assert "try again" not in text and "gave up" not in text, text
    assert tuple(conn.execute("SELECT COUNT(*), MAX(Attempt) FROM sys_requests").fetchone()) == (1, 1)
    return text


def test_pin_without_ca_chain_and_tls_failures_are_not_retried(emulator_factory, tmp_path):
    ssl = make_test_ca(tmp_path)
    emu = emulator_factory("--tls-cert", str(ssl / "server.pem"), "--tls-key", str(ssl / "server.key"))
    base = dict(GraphURL=emu.url, OAuthAccessToken="demo-token", MaxRetries="4", RetryMaxSeconds="30")
    # The server's own key pinned: trusted by the pin alone, with no CA chain anywhere.
    with pyodbc.connect(dsn_string(dict(base, SSLServerCert=key_pin(ssl, "server.pem")))) as c:
        assert c.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] == 3
    # Another key pinned (the CA's): refused on the first attempt, saying so.
    with pyodbc.connect(dsn_string(dict(base, SSLServerCert=key_pin(ssl, "ca.pem")))) as c:
        failed_once(c, "SELECT Id FROM Accounts", "does not match the pin in SSLServerCert")
    # No trust configured for the private CA: not trusted, and the message names SSLServerCert.
    with pyodbc.connect(dsn_string(base)) as c:
        failed_once(c, "SELECT Id FROM Accounts", "certificate is not trusted", "SSLServerCert=sha256//")
    # A certificate the CA issued for another name: refused with the CA, accepted with its key pinned.
    make_misnamed_cert(ssl)
    other = emulator_factory("--tls-cert", str(ssl / "other.pem"), "--tls-key", str(ssl / "other.key"))
    misnamed = dict(base, GraphURL=other.url)
    with pyodbc.connect(dsn_string(dict(misnamed, SSLServerCert=ssl / "ca.pem"))) as c:
        failed_once(c, "SELECT Id FROM Accounts", "does not name the host of GraphURL")
    with pyodbc.connect(dsn_string(dict(misnamed, SSLServerCert=key_pin(ssl, "other.pem")))) as c:
        assert c.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] == 3


def test_tls_failure_while_connecting_is_08001(emulator_factory, tmp_path):
    ssl = make_test_ca(tmp_path)
    emu = emulator_factory("--tls-cert", str(ssl / "server.pem"), "--tls-key", str(ssl / "server.key"))
    cs = oauth_string(emu, tmp_path, None, OAuthVerifier="a-code", SSLServerCert=key_pin(ssl, "ca.pem"))
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(cs)
    assert e.value.args[0] == "08001", e.value.args
    assert "does not match the pin in SSLServerCert" in diagnostic(e)


def test_invalid_initiate_oauth_value(emu, tmp_path):
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(oauth_string(emu, tmp_path, None, InitiateOAuth="SOMETIMES"))
    assert "08001" in diagnostic(e)


def test_log_file_and_diagnostics_hold_no_secret(emulator_factory, tmp_path):
    emu = emulator_factory("--oauth-expire-after-calls", "3")
    browser, marker = write_browser(tmp_path)
    log = tmp_path / "driver.log"
    cs = oauth_string(emu, tmp_path, browser, LogFile=str(log), Verbosity="5", PageSize="5")
    with pyodbc.connect(cs) as c:
        c.execute("SELECT Id FROM Media").fetchall()  # several logins and refreshes on the way
        first = stored(tmp_path)["access_token"]
    assert runs(marker) >= 2
    text = log.read_text()
    assert "[http] GET" in text and "logged in" in text and "access_token=***" in text
    secrets = [APP_SECRET, first, "demo-token"] + SECRETS_SEEN
    for s in secrets:
        assert s not in text, "a secret leaked into the log"
    for line in text.splitlines():
        assert "code=***" in line or "code=" not in line.replace("response_type=code", "")
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    # InitiateOAuth=OFF with a wrong token: the diagnostic and the log name no token.
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(dsn_string(dict(GraphURL=emu.url, OAuthAccessToken="wrong-secret-token",
                                       OAuthClientSecret=APP_SECRET, LogFile=log, Verbosity=5))).execute(
            "SELECT COUNT(*) FROM Accounts").fetchone()
    assert "wrong-secret-token" not in diagnostic(e)
    assert "wrong-secret-token" not in log.read_text()
