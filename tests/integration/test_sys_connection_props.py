"""sys_connection_props: every property with its effective value and where it came from; secrets
that are set read ******** and never appear in any column; reading it makes no Graph call."""
import os

import pyodbc
import pytest

from conftest import connection_string
from test_catalog_contract import test_columns_equal_the_contract as _columns_contract

SECRET_TOKEN = "tok-Sup3rS3cret-value"
SECRET_CLIENT = "client-secret-XyZ-123"
SECRET_VERIFIER = "verifier-AbC-987"


def test_columns_equal_the_contract(conn):
    _columns_contract(conn, "sys_connection_props")


def props(c):
    rows = c.cursor().execute("SELECT Name, Value, Source, IsSecret FROM sys_connection_props").fetchall()
    return {r.Name: (r.Value, r.Source, r.IsSecret) for r in rows}


def test_secrets_are_masked_and_sources_reported(ds, requests_log):
    acct = ds.accounts()[0]["id"]
    c = pyodbc.connect(connection_string(OAuthAccessToken=SECRET_TOKEN, OAuthClientId="app-42",
                                         OAuthClientSecret=SECRET_CLIENT, OAuthVerifier=SECRET_VERIFIER,
                                         BusinessAccountId=acct, PageSize="50"))
    requests_log.mark()
    p = props(c)
    assert p["OAuthAccessToken"] == ("********", "connection string", True)
    assert p["OAuthClientSecret"] == ("********", "connection string", True)
    assert p["OAuthVerifier"] == ("********", "connection string", True)
    assert p["OAuthClientId"] == ("app-42", "connection string", False)
    assert p["BusinessAccountId"] == (acct, "connection string", False)
    assert p["PageSize"] == ("50", "connection string", False)
    assert p["Version"] == ("v24.0", "default", False)
    assert p["CDataCompat"] == ("false", "default", False)
    assert p["ProxyPassword"] == (None, "default", True)  # unset secrets are NULL
    assert p["Host"][1:] == ("derived", False) and p["Host"][0] in os.environ["EMULATOR_URL"]
    assert p["AccountScope"] == (acct, "derived", False)
    assert p["TokenExpiresAt"][1] == "derived"
    rows = c.cursor().execute("SELECT * FROM sys_connection_props").fetchall()
    text = repr([tuple(r) for r in rows])
    for secret in (SECRET_TOKEN, SECRET_CLIENT, SECRET_VERIFIER):
        assert secret not in text
    assert requests_log.since() == []
    c.close()


def test_unique_names_and_primary_key(conn):
    names = [r.Name for r in conn.cursor().execute("SELECT Name FROM sys_connection_props").fetchall()]
    assert len(names) == len(set(names))
    assert [r.column_name for r in conn.cursor().primaryKeys("sys_connection_props").fetchall()] == ["Name"]
    kinds = {r.table_name: r.table_type for r in conn.cursor().tables(table="sys_connection_props").fetchall()}
    assert kinds == {"sys_connection_props": "SYSTEM TABLE"}


def test_dsn_source(dsn_conn):
    p = props(dsn_conn)
    assert p["GraphURL"] == (os.environ["EMULATOR_URL"], "DSN", False)
    assert p["OAuthAccessToken"] == ("********", "DSN", True)


def test_connection_string_overrides_dsn():
    c = pyodbc.connect("DSN=InstagramTest;PageSize=7")
    p = props(c)
    assert p["PageSize"] == ("7", "connection string", False)
    assert p["GraphURL"][1] == "DSN"
    c.close()


def test_account_scope_after_discovery(conn, ds):
    p = props(conn)
    assert p["AccountScope"] == (None, "derived", False)  # nothing discovered yet, and no call to find out
    conn.cursor().execute("SELECT Id FROM Accounts").fetchall()
    assert props(conn)["AccountScope"][0] == ",".join(a["id"] for a in ds.accounts())
