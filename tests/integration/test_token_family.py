"""Token family against host: graph.instagram.com cannot parse a Facebook Login
token (EAA...), graph.facebook.com an Instagram Login one (IGAA...): 190 "Invalid OAuth access token - Cannot
parse access token". The emulator serves both on one port and knows the host from the Host header. The driver
turns that 190 into 28000 saying which AuthMode the token needs."""
import json
import os
import urllib.error
import urllib.request

import pyodbc
import pytest

from conftest import connection_string


def graph_get(path, token, host):
    req = urllib.request.Request(os.environ["EMULATOR_URL"] + path,
                                 headers={"Host": host, "Authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, json.load(r)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)


def test_emulator_rejects_a_facebook_token_on_the_instagram_host(ds):
    page_token = ds.pages()[0]["access_token"]
    assert page_token.startswith("EAA")
    status, body = graph_get("/v24.0/me?fields=id", page_token, "graph.instagram.com")
    assert status == 400
    assert body["error"]["code"] == 190 and body["error"]["type"] == "OAuthException"
    assert body["error"]["message"] == "Invalid OAuth access token - Cannot parse access token"
    # The same token on its own host, or where the host is not named, is fine.
    assert graph_get("/v24.0/me?fields=id", page_token, "graph.facebook.com")[0] == 200
    assert graph_get("/v24.0/me?fields=id", page_token, "127.0.0.1")[0] == 200


@pytest.mark.parametrize("auth_mode, token, wanted", [
    ("InstagramLogin", "EAAGnot-an-instagram-token", "set AuthMode=FacebookLogin"),
    ("FacebookLogin", "IGAAnot-a-facebook-token", "set AuthMode=InstagramLogin"),
])
def test_driver_says_which_auth_mode_a_rejected_token_needs(auth_mode, token, wanted):
    with pytest.raises(pyodbc.Error) as e:
        c = pyodbc.connect(connection_string(AuthMode=auth_mode, OAuthAccessToken=token))
        try:
            c.cursor().execute("SELECT COUNT(*) FROM Accounts").fetchall()
        finally:
            c.close()
    state, message = e.value.args[0], e.value.args[1]
    assert state == "28000"
    assert "Cannot parse access token" in message and "(code 190" in message
    assert wanted in message
    assert token not in message  # secrets never in errors
