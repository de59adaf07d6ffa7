"""Hostile connection strings: whoever writes a connection string must not run commands, write files, choose
what TLS trusts, send the DSN's credentials elsewhere, read tokens back, or stall the connect. Keys that name a
command or a file come from the DSN (or odbcinst.ini) only, unless the DSN opts in with
AllowConnectionStringPaths=true."""
import json
import os
import sqlite3
import time

import pyodbc
import pytest

from conftest import add_dsn, connection_string, driver_connect
from test_oauth import APP_ID, APP_SECRET, emulator_factory  # noqa: F401
from test_oauth_headless import code_of, headless_string, open_dialog

PATH_KEYS = ["OAuthBrowserCommand", "LogFile", "ScratchDatabase", "OAuthSettingsLocation", "OAuthAllowInsecureFile",
             "CallbackCertificate", "CallbackKey", "SSLServerCert"]


def refused(exc_info, *words):
    text = str(exc_info.value)
    assert "08001" in text, text
    for w in words:
        assert w in text, text
    return text


def props(c):
    rows = c.cursor().execute("SELECT Name, Value, Source FROM sys_connection_props").fetchall()
    return {r.Name: (r.Value, r.Source) for r in rows}


def test_browser_command_from_the_connection_string_runs_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    cs = connection_string(OAuthAccessToken="", InitiateOAuth="GETANDREFRESH", OAuthClientId=APP_ID,
                           OAuthClientSecret=APP_SECRET, OAuthBrowserCommand="{touch pwned}",
                           LoginTimeout="2")
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(cs, ansi=True)
    text = refused(e, "OAuthBrowserCommand", "AllowConnectionStringPaths=true")
    assert "pwned" not in text  # the value is never quoted
    time.sleep(0.3)
    assert list(tmp_path.iterdir()) == []  # `touch pwned` would have made it, had it run


@pytest.mark.parametrize("key", PATH_KEYS)
def test_path_keys_from_the_connection_string_are_refused(key, tmp_path):
    target = tmp_path / "planted"
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(connection_string(**{key: str(target)}), ansi=True)
    refused(e, key, "in the DSN")
    assert not target.exists()
    # Also through a DSN: the connection string still may not add them.
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(f"DSN=InstagramTest;{key}={target}", ansi=True)
    refused(e, key)
    assert not target.exists()


def test_log_file_and_scratch_database_from_a_dsn(tmp_path):
    log, scratch = tmp_path / "driver.log", tmp_path / "scratch.db"
    name = add_dsn(GraphURL=os.environ["EMULATOR_URL"], OAuthAccessToken="demo-token", LogFile=log, Verbosity=5,
                   ScratchDatabase=scratch)
    with pyodbc.connect(f"DSN={name}", autocommit=True) as c:
        assert c.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] == 3
        c.execute("CREATE TABLE kept (x INTEGER)")
        c.execute("INSERT INTO kept VALUES (42)")
        p = props(c)
    assert p["LogFile"] == (str(log), "DSN") and p["ScratchDatabase"] == (str(scratch), "DSN")
    assert p["AllowConnectionStringPaths"] == ("false", "default")
    assert "[http] GET" in log.read_text() and "demo-token" not in log.read_text()
    assert sqlite3.connect(scratch).execute("SELECT x FROM kept").fetchall() == [(42,)]


def test_the_dsn_can_allow_paths_in_connection_strings(tmp_path):
    log = tmp_path / "chosen.log"
    name = add_dsn(GraphURL=os.environ["EMULATOR_URL"], OAuthAccessToken="demo-token",
                   AllowConnectionStringPaths="true")
    with pyodbc.connect(f"DSN={name};LogFile={log};Verbosity=5") as c:
        assert c.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] == 3
        p = props(c)
    assert p["LogFile"] == (str(log), "connection string")
    assert p["AllowConnectionStringPaths"] == ("true", "DSN")
    assert "[http] GET" in log.read_text()


@pytest.mark.parametrize("key", ["AllowConnectionStringPaths", "AllowTokenInResults"])
def test_the_opt_ins_cannot_come_from_the_connection_string(key, tmp_path):
    log = tmp_path / "x.log"
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(connection_string(**{key: "true", "LogFile": log}), ansi=True)
    refused(e, key, "only in the DSN")
    assert not log.exists()


def test_odbcinst_driver_section_is_trusted_for_driver_connections(tmp_path):
    log = tmp_path / "from-odbcinst.log"
    odbcinst = os.path.join(os.environ["IGODBC_TEST_DIR"], "odbcinst.ini")
    with open(odbcinst, encoding="utf-8") as f:
        original = f.read()
    try:
        with open(odbcinst, "a", encoding="utf-8") as f:
            f.write(f"\n[Instagram ODBC Hostile Test]\nDriver={os.environ['IGODBC_DRIVER']}\nLogFile={log}\n"
                    f"Verbosity=5\n")
        cs = (f"DRIVER={{Instagram ODBC Hostile Test}};GraphURL={os.environ['EMULATOR_URL']};"
              "OAuthAccessToken=demo-token")
        with pyodbc.connect(cs) as c:
            assert c.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] == 3
            assert props(c)["LogFile"] == (str(log), "odbcinst.ini")
        assert "[http] GET" in log.read_text()
    finally:
        with open(odbcinst, "w", encoding="utf-8") as f:  # later tests see the driver list they started with
            f.write(original)


def test_the_dsn_token_is_not_sent_to_another_graph_url():
    # The same emulator under another name: a different URL as far as the driver can tell.
    other = os.environ["EMULATOR_URL"].replace("127.0.0.1", "localhost")
    assert other != os.environ["EMULATOR_URL"]
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(f"DSN=InstagramTest;GraphURL={other}", ansi=True)
    refused(e, "GraphURL", "AllowConnectionStringPaths=true")
    # With a token of its own the connection string may go anywhere.
    with pyodbc.connect(f"DSN=InstagramTest;GraphURL={other};OAuthAccessToken=demo-token") as c:
        assert c.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] == 3
    # The DSN's own URL (a trailing slash aside) is not a redirect.
    with pyodbc.connect(f"DSN=InstagramTest;GraphURL={os.environ['EMULATOR_URL']}/") as c:
        assert c.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] == 3
    name = add_dsn(GraphURL=os.environ["EMULATOR_URL"], OAuthAccessToken="demo-token",
                   AllowConnectionStringPaths="1")
    with pyodbc.connect(f"DSN={name};GraphURL={other}") as c:
        assert c.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] == 3


def test_oauth_procedures_return_no_token(emulator_factory, tmp_path):  # noqa: F811
    emu = emulator_factory()
    store = tmp_path / "tokens" / "dsn.json"
    with pyodbc.connect(headless_string(emu, tmp_path), autocommit=True) as c:
        url, _ = c.execute("{call GetOAuthAuthorizationURL}").fetchone()
        location = open_dialog(url)
        got = c.execute("{call GetOAuthAccessToken(?)}", location).fetchone()
        token = json.loads(store.read_text())["access_token"]
        assert got.OAuthAccessToken == got.OAuthRefreshToken == "********"
        assert got.StoredIn == str(store) and got.ExpiresAt is not None and got.ExpiresIn > 0
        fresh = c.execute("{call RefreshOAuthAccessToken}").fetchone()
        new_token = json.loads(store.read_text())["access_token"]
        assert new_token != token
        assert fresh.OAuthAccessToken == fresh.OAuthRefreshToken == "********" and fresh.StoredIn == str(store)
        every = repr([tuple(r) for r in c.execute("SELECT * FROM sys_connection_props").fetchall()])
        for secret in (token, new_token, code_of(location), APP_SECRET):
            assert secret not in repr(tuple(got)) + repr(tuple(fresh)) + every


def test_get_oauth_access_token_returns_the_token_only_when_the_dsn_allows(emulator_factory, tmp_path):  # noqa: F811
    emu = emulator_factory()
    cs = headless_string(emu, tmp_path, AllowTokenInResults="true")  # dsn_string puts it in the DSN
    with pyodbc.connect(cs, autocommit=True) as c:
        url, _ = c.execute("{call GetOAuthAuthorizationURL}").fetchone()
        got = c.execute("{call GetOAuthAccessToken(?)}", open_dialog(url)).fetchone()
        token = json.loads((tmp_path / "tokens" / "dsn.json").read_text())["access_token"]
        assert got.OAuthAccessToken == token and token.startswith("EAAG")
        # Refreshing is not handing a token over: still masked.
        assert c.execute("{call RefreshOAuthAccessToken}").fetchone().OAuthAccessToken == "********"


def test_output_connection_string_holds_no_secret():
    rc, out, states = driver_connect("DSN=InstagramTest;PageSize=7")
    assert rc == 0, states
    assert out == "DSN=InstagramTest;PageSize=7;"  # the DSN's token comes back through the DSN
    assert driver_connect(out)[0] == 0

    cs = connection_string(OAuthAccessToken="tok-in-the-string", OAuthClientSecret="secret-in-the-string",
                           OAuthClientId="42", ProxyPassword="proxy-pw-in-the-string", PWD="pwd-in-the-string",
                           OAuthVerifier="verifier-in-the-string", UID="someone")
    rc, out, states = driver_connect(cs)
    assert rc == 0, states
    assert out.startswith("DRIVER={Instagram ODBC Driver};GraphURL=") and "OAuthClientId=42" in out
    assert "UID=someone" in out
    for word in ("in-the-string", "OAuthAccessToken", "OAuthClientSecret", "ProxyPassword", "PWD", "OAuthVerifier"):
        assert word not in out


def test_many_keys_fail_fast():
    keys = ";".join(f"K{i}=v" for i in range(5000))
    start = time.monotonic()
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(connection_string() + ";" + keys, ansi=True)
    assert time.monotonic() - start < 2  # about 5 s before the cap (quadratic parsing)
    refused(e, "more than 1024 keys")
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(connection_string(PageSize="{" + "x" * 70000 + "}"), ansi=True)
    text = refused(e, "65536")
    assert "xxxx" not in text


@pytest.mark.slow
def test_a_hundred_thousand_keys_fail_without_stalling():
    # unixODBC's own parsing of the string is quadratic (about 17 s here for 100,000 keys, with no driver
    # loaded at all); the driver adds milliseconds. Before the cap the connect took about 5 minutes.
    keys = ";".join(f"K{i}=v" for i in range(100000))
    start = time.monotonic()
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(connection_string() + ";" + keys, ansi=True)
    assert time.monotonic() - start < 90
    refused(e, "bytes long")
