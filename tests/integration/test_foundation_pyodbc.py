"""The foundation through pyodbc: values equal the emulator's data, and each query makes exactly the Graph
calls the table's declaration implies (counted in the emulator's request log)."""
import os
import resource
from urllib.parse import urlparse, parse_qs

import pyodbc
import pytest

from conftest import connection_string


def media_edge_calls(requests, account_id):
    return [r for r in requests if r["path"].endswith(f"/{account_id}/media")]


def test_dsn_and_driver_string_both_connect(dsn_conn, conn):
    assert dsn_conn.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] == 3
    assert conn.execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] == 3


def test_accounts_equal_the_emulator(conn, ds):
    rows = conn.execute("SELECT Id, Username, Name, FollowersCount, MediaCount, IgId FROM Accounts").fetchall()
    expected = ds.accounts()
    assert [r.Id for r in rows] == [a["id"] for a in expected]
    for row, acct in zip(rows, expected):
        assert row.Username == acct.get("username")
        assert row.Name == acct.get("name")
        assert row.FollowersCount == acct.get("followers_count")
        assert row.MediaCount == acct.get("media_count")
        assert row.IgId == (str(acct["ig_id"]) if "ig_id" in acct else None)


def test_pages_include_the_page_without_an_account(conn, ds):
    rows = conn.execute("SELECT Id, Name, Tasks, AccountId FROM Pages").fetchall()
    assert [r.Id for r in rows] == [p["id"] for p in ds.pages()]
    assert sum(1 for r in rows if r.AccountId is None) == 1
    assert all("," in r.Tasks for r in rows if r.Tasks)


def test_media_of_the_big_account_equal_the_emulator(conn, ds):
    big = ds.big_account()
    expected = ds.media_of(big["id"])
    assert len(expected) == 1200
    rows = conn.execute(
        "SELECT Id, AccountId, Caption, MediaType, LikeCount, Timestamp FROM Media WHERE AccountId = ?", big["id"]
    ).fetchall()
    assert len(rows) == 1200
    for row, m in zip(rows, expected):
        assert row.Id == m["id"]
        assert row.AccountId == big["id"]
        assert row.Caption == m.get("caption")
        assert row.MediaType == m.get("media_type")
        assert row.LikeCount == m.get("like_count")
        assert row.Timestamp.strftime("%Y-%m-%dT%H:%M:%S+0000") == m["timestamp"]


def test_missing_fields_are_null_not_zero(conn, ds):
    big = ds.big_account()
    no_caption = next(m for m in ds.media_of(big["id"]) if "caption" not in m)
    hidden_likes = next(m for m in ds.media_of(big["id"]) if "like_count" not in m)
    cur = conn.cursor()
    assert cur.execute("SELECT Caption FROM Media WHERE Id = ?", no_caption["id"]).fetchone()[0] is None
    assert cur.execute("SELECT LikeCount FROM Media WHERE Id = ?", hidden_likes["id"]).fetchone()[0] is None


def test_emoji_cjk_rtl_captions_round_trip_as_wchar_and_utf8(conn, ds):
    big = ds.big_account()
    special = [m for m in ds.media_of(big["id"]) if any(ord(ch) > 0xFFFF for ch in m.get("caption", ""))]
    assert special, "the dataset has captions outside the BMP"
    target = special[0]
    got = conn.execute("SELECT Caption FROM Media WHERE Id = ?", target["id"]).fetchone()[0]
    assert got == target["caption"]
    # The same through SQL_C_CHAR: pyodbc then fetches UTF-8 bytes and decodes them itself.
    conn.setdecoding(pyodbc.SQL_WCHAR, encoding="utf-8", ctype=pyodbc.SQL_CHAR)
    got = conn.execute("SELECT Caption FROM Media WHERE Id = ?", target["id"]).fetchone()[0]
    assert got == target["caption"]


def test_lookup_by_id_is_one_call(ds, requests_log):
    big = ds.big_account()
    media = ds.media_of(big["id"])[7]
    c = pyodbc.connect(connection_string(BusinessAccountId=big["id"]))
    requests_log.mark()
    row = c.execute(f"SELECT Id, Permalink FROM Media WHERE Id = '{media['id']}'").fetchone()
    assert row.Permalink == media["permalink"]
    calls = requests_log.since()
    assert len(calls) == 1
    assert calls[0]["path"].endswith("/" + media["id"])
    assert calls[0]["query"]["fields"] == "id,permalink,owner,media_product_type"


def test_in_list_is_one_ids_call(ds, requests_log):
    big = ds.big_account()
    ids = [m["id"] for m in ds.media_of(big["id"])[:3]]
    c = pyodbc.connect(connection_string(BusinessAccountId=big["id"]))
    requests_log.mark()
    rows = c.execute(f"SELECT Id FROM Media WHERE Id IN ({','.join('?' * len(ids))})", *ids).fetchall()
    assert sorted(r.Id for r in rows) == sorted(ids)
    calls = requests_log.since()
    assert len(calls) == 1
    assert sorted(calls[0]["query"]["ids"].split(",")) == sorted(ids)


def test_limit_10_is_one_call(ds, requests_log):
    big = ds.big_account()
    c = pyodbc.connect(connection_string(BusinessAccountId=big["id"]))
    requests_log.mark()
    rows = c.execute("SELECT Id, Caption FROM Media LIMIT 10").fetchall()
    assert [r.Id for r in rows] == [m["id"] for m in ds.media_of(big["id"])[:10]]
    calls = requests_log.since()
    assert len(calls) == 1
    assert calls[0]["query"]["limit"] == "10"
    assert calls[0]["query"]["fields"] == "id,caption"


def test_timestamp_range_becomes_since_and_until(ds, requests_log):
    big = ds.big_account()
    c = pyodbc.connect(connection_string(BusinessAccountId=big["id"]))
    requests_log.mark()
    rows = c.execute(
        "SELECT Id, Timestamp FROM Media WHERE Timestamp >= '2026-10-01' AND Timestamp < '2026-10-15'"
    ).fetchall()
    expected = [m["id"] for m in ds.media_of(big["id"]) if "2026-10-01" <= m["timestamp"][:10] < "2026-10-15"]
    assert [r.Id for r in rows] == expected
    call = requests_log.since()[0]
    assert call["query"]["since"] == "1790812800"  # 2026-10-01T00:00:00Z
    assert call["query"]["until"] == "1792022400"  # 2026-10-15T00:00:00Z
    assert call["query"]["fields"] == "id,timestamp"


def test_count_over_1200_media_is_12_calls(conn, ds, requests_log):
    big = ds.big_account()
    requests_log.mark()
    assert conn.execute("SELECT COUNT(*) FROM Media WHERE AccountId = ?", big["id"]).fetchone()[0] == 1200
    calls = media_edge_calls(requests_log.since(), big["id"])
    assert len(calls) == 12
    assert all(c["status"] == 200 for c in calls)


def test_media_children_by_album(conn, ds):
    album = next(m for m in ds.media_of(ds.big_account()["id"]) if m.get("media_type") == "CAROUSEL_ALBUM")
    rows = conn.execute(
        "SELECT Id, MediaId, Position, MediaType FROM MediaChildren WHERE MediaId = ? ORDER BY Position", album["id"]
    ).fetchall()
    assert [r.Id for r in rows] == [c["id"] for c in ds.children_of(album)]
    assert [r.Position for r in rows] == list(range(1, len(rows) + 1))


def test_sys_requests_shows_the_calls_with_the_token_masked(ds):
    big = ds.big_account()
    c = pyodbc.connect(connection_string(BusinessAccountId=big["id"]))
    c.execute("SELECT Id FROM Media LIMIT 3").fetchall()
    rows = c.execute("SELECT Seq, Method, Url, Status, Rows FROM sys_requests").fetchall()
    assert len(rows) == 1
    assert rows[0].Method == "GET" and rows[0].Status == 200 and rows[0].Rows == 3
    assert "access_token=***" in rows[0].Url
    assert "demo-token" not in rows[0].Url


@pytest.mark.parametrize("concurrency", [1, 8])
def test_rows_stream_page_by_page_with_autocommit_off(ds, requests_log, concurrency):
    # One page at a time; with read-ahead lanes, at most one page more is in flight (it may not have reached
    # the server yet when the log is read).
    ahead = 0 if concurrency == 1 else 1
    big = ds.big_account()
    c = pyodbc.connect(connection_string(BusinessAccountId=big["id"], MaxConcurrency=concurrency), autocommit=False)
    cur = c.cursor()
    requests_log.mark()
    cur.execute("SELECT * FROM Media")
    first = cur.fetchone()
    assert first.Id == ds.media_of(big["id"])[0]["id"]
    assert 1 <= len(requests_log.since()) <= 1 + ahead  # only the first page so far
    for _ in range(100):
        cur.fetchone()
    assert 2 <= len(requests_log.since()) <= 2 + ahead  # row 101 needed the second page
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    n = 101
    while cur.fetchone() is not None:
        n += 1
    assert n == 1200
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    if os.environ.get("IGODBC_SANITIZED") != "1":  # ASan's own bookkeeping grows regardless
        assert grown_kib < 8 * 1024, f"peak RSS grew by {grown_kib} KiB while streaming"


def test_scratch_tables_and_escapes(conn):
    cur = conn.cursor()
    cur.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT, at TIMESTAMP)")
    cur.execute("INSERT INTO notes(body, at) VALUES (?, {ts '2024-05-01 10:00:00'})", "cafe \U0001F600")
    assert cur.rowcount == 1
    row = cur.execute("SELECT {fn UCASE(body)} AS b, at FROM notes WHERE at >= {d '2024-05-01'}").fetchone()
    assert row.b == "CAFE \U0001F600"


def test_errors_have_sqlstates(conn):
    with pytest.raises(pyodbc.ProgrammingError) as e:
        conn.execute("SELECT * FROM NoSuchTable")
    assert "42S02" in str(e.value)
    with pytest.raises(pyodbc.Error) as e:
        conn.execute("INSERT INTO Media(Id) VALUES ('1')")
    assert "read-only" in str(e.value)


def test_bad_token_is_28000_without_the_token():
    c = pyodbc.connect(connection_string(OAuthAccessToken="wrong-token-xyz"))
    with pytest.raises(pyodbc.Error) as e:
        c.execute("SELECT * FROM Media LIMIT 1").fetchall()
    assert "28000" in str(e.value)
    assert "wrong-token-xyz" not in str(e.value)
