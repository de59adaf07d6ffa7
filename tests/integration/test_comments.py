"""Comments and Replies through unixODBC against the emulator: SQLColumns equals the
contract, rows equal the emulator's data, and the reads make the Graph calls the driver promises: field
expansion on the media walk with continuations only where a nested page is full."""
import collections
import datetime
import math

import pyodbc
import pytest

from conftest import connection_string
from fault_emulator import FaultEmulator
from test_catalog_contract import test_columns_equal_the_contract as _columns_contract

BIG = "17841412790652093"  # the emulator's 1,200-media account
PAGE = 50  # comments.limit(50), replies.limit(50), /comments and /replies pages


@pytest.mark.parametrize("table", ["Comments", "Replies"])
def test_columns_equal_the_contract(conn, table):
    _columns_contract(conn, table)


def test_keys(conn):
    cur = conn.cursor()
    assert [(r.column_name, r.pk_name) for r in cur.primaryKeys("Comments").fetchall()] == [("Id", "PK_Comments")]
    fks = cur.foreignKeys(foreignTable="Comments").fetchall()
    assert {(r.fkcolumn_name, r.pktable_name, r.pkcolumn_name) for r in fks} == {
        ("MediaId", "Media", "Id"), ("ParentId", "Comments", "Id"), ("AccountId", "Accounts", "Id")}
    assert [r.column_name for r in cur.primaryKeys("Replies").fetchall()] == ["Id"]
    fks = cur.foreignKeys(foreignTable="Replies").fetchall()
    assert {(r.fkcolumn_name, r.pktable_name, r.pkcolumn_name) for r in fks} == {
        ("CommentId", "Comments", "Id"), ("MediaId", "Media", "Id"), ("AccountId", "Accounts", "Id")}


# ---- expected data from the emulator's dump --------------------------------------------------------------

def ts(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S%z").astimezone(datetime.timezone.utc).replace(tzinfo=None)


def comment_row(c, media, parent, account):
    user = c.get("user")
    return (c["id"], media, parent, account, c.get("text"), ts(c["timestamp"]) if "timestamp" in c else None,
            c.get("username"), (c.get("from") or {}).get("id"), user.get("id") if isinstance(user, dict) else user,
            c.get("like_count"), c.get("hidden"))


def expected_comments(ds, account, replies_only=False):
    """Walk order: media newest first, top-level comments newest first, each followed by its replies."""
    rows = []
    for m in ds.media_of(account):
        for c in ds.data["comments"].get(m["id"], []):
            if not replies_only:
                rows.append(comment_row(c, m["id"], None, account))
            rows.extend(comment_row(r, m["id"], c["id"], account) for r in c.get("replies", []))
    return rows


def continuations(n):
    """Direct edge calls after a nested page of `n` items: a full nested page is continued even without
    `next`, so exactly 50 costs one call that finds nothing."""
    return 0 if n < PAGE else max(1, math.ceil((n - PAGE) / PAGE))


def expected_continuations(ds, media_ids, with_comments=True, with_replies=True):
    calls = 0
    for mid in media_ids:
        top = ds.data["comments"].get(mid, [])
        if with_comments:
            calls += continuations(len(top))
        if with_replies:
            calls += sum(continuations(len(c.get("replies", []))) for c in top)
    return calls


def gets(requests_log):
    return [r for r in requests_log.since() if r["method"] == "GET"]


def row_tuples(rows):
    return [tuple(r) for r in rows]


# ---- the unconstrained scan: fan-out without N+1 ---------------------------------------------------------

def test_select_star_over_the_1200_media_account(ds, requests_log):
    conn = pyodbc.connect(connection_string(BusinessAccountId=BIG))
    try:
        rows = conn.cursor().execute("SELECT * FROM Comments").fetchall()
    finally:
        conn.close()
    assert row_tuples(rows) == expected_comments(ds, BIG)
    calls = gets(requests_log)
    walk = [c for c in calls if c["path"].endswith(f"{BIG}/media")]
    media_ids = [m["id"] for m in ds.media_of(BIG)]
    assert len(media_ids) == 1200
    assert len(walk) == math.ceil(1200 / 25)
    first = walk[0]["query"]
    fields = "id,text,timestamp,username,from,user,like_count,hidden"
    assert first["fields"] == f"id,comments.limit(50){{{fields},replies.limit(50){{{fields}}}}}"
    assert first["limit"] == "25"
    cont = [c for c in calls if c["path"].endswith(("/comments", "/replies"))]
    assert len(cont) == expected_continuations(ds, media_ids)
    for c in cont:
        assert c["query"]["limit"] == "50"
        assert "after" in c["query"]
    # Everything else is the walk: no per-media call.
    assert len(calls) == len(walk) + len(cont)
    print(f"\nSELECT * FROM Comments over {BIG}: {len(walk)} walk calls + {len(cont)} continuations = {len(calls)}")


def test_replies_walk_reads_top_level_ids_only(ds, requests_log):
    conn = pyodbc.connect(connection_string(BusinessAccountId=BIG))
    try:
        rows = conn.cursor().execute("SELECT * FROM Replies").fetchall()
    finally:
        conn.close()
    expected = [(r[0], r[2], r[1], r[3]) + r[4:] for r in expected_comments(ds, BIG, replies_only=True)]
    assert row_tuples(rows) == expected
    walk = [c for c in gets(requests_log) if c["path"].endswith(f"{BIG}/media")]
    fields = "id,text,timestamp,username,from,user,like_count,hidden"
    assert walk[0]["query"]["fields"] == f"id,comments.limit(50){{id,replies.limit(50){{{fields}}}}}"


def test_top_level_only_skips_the_replies_expansion(ds, requests_log):
    conn = pyodbc.connect(connection_string(BusinessAccountId=BIG))
    try:
        n = conn.cursor().execute("SELECT COUNT(*) FROM Comments WHERE ParentId IS NULL AND Hidden = 1").fetchone()[0]
    finally:
        conn.close()
    assert n == sum(1 for r in expected_comments(ds, BIG) if r[2] is None and r[10])
    calls = gets(requests_log)
    walk = [c for c in calls if c["path"].endswith(f"{BIG}/media")]
    assert walk[0]["query"]["fields"] == "id,comments.limit(50){id,hidden}"
    cont = [c for c in calls if c["path"].endswith(("/comments", "/replies"))]
    assert all(c["path"].endswith("/comments") for c in cont)
    assert len(cont) == expected_continuations(ds, [m["id"] for m in ds.media_of(BIG)], with_replies=False)


# ---- pushdown --------------------------------------------------------------------------------------------

def busiest_media(ds):
    return max(ds.data["comments"], key=lambda m: len(ds.data["comments"][m]))


def owner_of(ds, media_id):
    return next(a["id"] for a in ds.accounts() if any(m["id"] == media_id for m in ds.media_of(a["id"])))


def test_media_id_is_one_expanded_read_plus_continuations(conn, ds, requests_log):
    media = busiest_media(ds)
    account = owner_of(ds, media)
    rows = conn.cursor().execute("SELECT Id, Text, ParentId FROM Comments WHERE MediaId = ?", media).fetchall()
    expected = [(r[0], r[4], r[2]) for r in expected_comments(ds, account) if r[1] == media]
    assert row_tuples(rows) == expected
    calls = [c for c in gets(requests_log) if not c["path"].endswith("/accounts")]  # scope discovery
    assert calls[0]["path"].endswith(f"/{media}")
    assert calls[0]["query"]["fields"] == "id,owner,comments.limit(50){id,text,replies.limit(50){id,text}}"
    assert len(calls) == 1 + expected_continuations(ds, [media])
    assert len(calls) > 1, "the busiest media must need continuations"


def test_media_id_in_uses_ids_with_expansion(conn, ds, requests_log):
    media = [m["id"] for m in ds.media_of(BIG)][:60]
    marks = ",".join("?" * len(media))
    rows = conn.cursor().execute(f"SELECT Id, MediaId, ParentId FROM Comments WHERE MediaId IN ({marks})",
                                 *media).fetchall()
    expected = [(r[0], r[1], r[2]) for r in expected_comments(ds, BIG) if r[1] in set(media)]
    assert sorted(row_tuples(rows)) == sorted(expected)
    calls = [c for c in gets(requests_log) if not c["path"].endswith("/accounts")]
    lookups = [c for c in calls if "ids" in c["query"]]
    assert [len(c["query"]["ids"].split(",")) for c in lookups] == [50, 10]
    assert lookups[0]["query"]["fields"] == "id,owner,comments.limit(50){id,replies.limit(50){id}}"
    assert len(calls) == 2 + expected_continuations(ds, media)


def test_id_is_a_direct_lookup(conn, ds, requests_log):
    comments = expected_comments(ds, BIG)
    reply = next(r for r in comments if r[2] is not None)
    rows = conn.cursor().execute("SELECT * FROM Comments WHERE Id = ?", reply[0]).fetchall()
    assert row_tuples(rows) == [reply]
    calls = [c for c in gets(requests_log) if not c["path"].endswith("/accounts")]
    assert calls[0]["path"].endswith(f"/{reply[0]}")
    # The media's owner (the AccountId, and the scope check) comes expanded in the same response.
    assert calls[0]["query"]["fields"] == ("id,text,timestamp,username,from,user,like_count,hidden,parent_id,"
                                           "media{id,owner}")
    assert len(calls) == 1


def test_replies_by_comment_id(conn, ds, requests_log):
    rows_all = expected_comments(ds, BIG)
    reply_counts = collections.Counter(r[2] for r in rows_all if r[2] is not None)
    parent = next(r for r in rows_all if r[0] == reply_counts.most_common(1)[0][0])
    rows = conn.cursor().execute("SELECT Id, Text FROM Replies WHERE CommentId = ?", parent[0]).fetchall()
    expected = [(r[0], r[4]) for r in rows_all if r[2] == parent[0]]
    assert len(expected) > PAGE
    assert row_tuples(rows) == expected
    calls = [c for c in gets(requests_log) if not c["path"].endswith("/accounts")]
    assert calls[0]["path"].endswith(f"/{parent[0]}")
    assert calls[0]["query"]["fields"] == "id,media{id,owner},replies.limit(50){id,text}"
    replies = [c for c in calls if c["path"].endswith(f"{parent[0]}/replies")]
    assert len(replies) == continuations(len(expected))
    assert len(calls) == 1 + len(replies)  # the parent with its media's owner, continuations


def test_comments_by_parent_id_are_replies_only(conn, ds):
    rows_all = expected_comments(ds, BIG)
    parent = next(r for r in rows_all if r[2] is not None)[2]
    parent = next(r for r in rows_all if r[0] == parent)
    rows = conn.cursor().execute("SELECT * FROM Comments WHERE ParentId = ?", parent[0]).fetchall()
    assert row_tuples(rows) == [r for r in rows_all if r[2] == parent[0]]


def test_join_feeds_media_ids(conn, ds, requests_log):
    media = [m["id"] for m in ds.media_of(BIG)][:3]
    rows = conn.cursor().execute(
        "SELECT c.Id FROM Media m JOIN Comments c ON c.MediaId = m.Id WHERE m.Id IN (?, ?, ?)", *media).fetchall()
    assert sorted(r.Id for r in rows) == sorted(r[0] for r in expected_comments(ds, BIG) if r[1] in set(media))
    walks = [c for c in gets(requests_log) if c["path"].endswith("/media") and "comments" in c["query"].get("fields", "")]
    assert walks == [], "the join must look comments up by MediaId, not walk the account"


def test_unknown_comment_id_is_zero_rows_with_a_warning(conn):
    cur = conn.cursor()
    assert cur.execute("SELECT Id FROM Comments WHERE Id = '17000000000000001'").fetchall() == []


# ---- a failed continuation page fails the statement ------------------------------------------------------

@pytest.mark.parametrize("edge", ["comments", "replies"])
def test_failed_continuation_fails_the_statement(ds, edge):
    media = busiest_media(ds)
    emu = FaultEmulator(f"5xx:1@/{edge}", seed=1)
    try:
        conn = pyodbc.connect(emu.connection_string(MaxRetries=1, RetryMaxSeconds=5))
        try:
            with pytest.raises(pyodbc.Error) as err:
                conn.cursor().execute("SELECT Id FROM Comments WHERE MediaId = ?", media).fetchall()
            assert err.value.args[0] in ("HY000", "08S01"), err.value.args
            assert "[instagram-odbc]" in str(err.value.args[1])
        finally:
            conn.close()
        assert any(r["path"].endswith(f"/{edge}") for r in emu.requests())
    finally:
        emu.stop()
