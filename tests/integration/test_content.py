"""ContentPublishingLimit, Stories and Tags through unixODBC against the emulator:
SQLColumns equals the contract, rows equal the emulator's data, and the documented examples make exactly the Graph
calls it lists."""
import datetime

import pyodbc
import pytest

from conftest import connection_string
from test_catalog_contract import test_columns_equal_the_contract as _columns_contract

CONTENT = ["ContentPublishingLimit", "Stories", "Tags", "MentionedMedia", "MentionedComments", "Permissions"]


@pytest.mark.parametrize("table", CONTENT)
def test_columns_equal_the_contract(conn, table):
    _columns_contract(conn, table)


def gets(requests_log):
    return [r for r in requests_log.since() if r["method"] == "GET"]


def edge_calls(requests_log, suffix):
    return [r for r in gets(requests_log) if r["path"].endswith(suffix)]


def test_keys(conn):
    pk = conn.cursor().primaryKeys("Tags").fetchall()
    assert [r.column_name for r in pk] == ["AccountId", "Id"]
    fks = conn.cursor().foreignKeys(foreignTable="Stories").fetchall()
    assert {(r.fkcolumn_name, r.pktable_name, r.pkcolumn_name) for r in fks} == {("AccountId", "Accounts", "Id")}
    pk = conn.cursor().primaryKeys("ContentPublishingLimit").fetchall()
    assert [r.column_name for r in pk] == ["AccountId"]


def test_publishing_limit_example(conn, ds, requests_log):
    rows = conn.cursor().execute(
        "SELECT AccountId, QuotaTotal - QuotaUsage AS PostsLeft, QuotaDurationSeconds FROM ContentPublishingLimit"
    ).fetchall()
    assert sorted(r.AccountId for r in rows) == sorted(a["id"] for a in ds.accounts())
    for r in rows:
        assert r.PostsLeft is not None and r.PostsLeft >= 0
        assert r.QuotaDurationSeconds == 86400
    calls = edge_calls(requests_log, "/content_publishing_limit")
    assert len(calls) == len(ds.accounts())
    assert all(c["query"]["fields"] == "quota_usage,config" for c in calls)


def live_stories(ds):
    """The dump lists every story; the API serves those of the last 24 h of the emulator clock."""
    now = datetime.datetime.strptime(ds.data["now"], "%Y-%m-%dT%H:%M:%S%z")
    return [(acct, s) for acct, lst in ds.data["stories"].items() for s in lst
            if datetime.datetime.strptime(s["timestamp"], "%Y-%m-%dT%H:%M:%S%z") > now - datetime.timedelta(hours=24)]


def test_stories_rows_equal_the_emulator(conn, ds, requests_log):
    rows = conn.cursor().execute("SELECT Id, AccountId, MediaType, Timestamp FROM Stories").fetchall()
    expected = [(s["id"], acct) for acct, s in live_stories(ds)]
    assert sorted((r.Id, r.AccountId) for r in rows) == sorted(expected)
    calls = edge_calls(requests_log, "/stories")
    assert calls, "one walk per account"
    for c in calls:
        assert c["query"]["fields"] == "id,media_type,timestamp"
        assert c["query"]["limit"] == "100"


def test_story_lookup_by_id(conn, ds):
    stories = [s for _, s in live_stories(ds)]
    if not stories:
        pytest.skip("no live story in the dataset")
    s = stories[0]
    row = conn.cursor().execute("SELECT Id, MediaProductType FROM Stories WHERE Id = ?", s["id"]).fetchone()
    assert row.Id == s["id"] and row.MediaProductType == "STORY"
    # A feed media looked up in Stories is not a story.
    media = ds.media_of(ds.accounts()[0]["id"])[0]["id"]
    assert conn.cursor().execute("SELECT Id FROM Stories WHERE Id = ?", media).fetchall() == []


def test_tags_walk_with_cursors(conn, ds, requests_log):
    rows = conn.cursor().execute("SELECT AccountId, Id, Username, Permalink FROM Tags").fetchall()
    expected = [(acct, t["id"]) for acct, tags in ds.data["tags"].items() for t in tags]
    assert sorted((r.AccountId, r.Id) for r in rows) == sorted(expected)
    calls = edge_calls(requests_log, "/tags")
    for c in calls:
        assert c["query"]["fields"] == "id,permalink,username"
        assert c["query"]["limit"] == "50"
    # One call per full page plus the last (possibly empty) one, per account.
    for acct, tags in ds.data["tags"].items():
        mine = [c for c in calls if c["path"].endswith(f"{acct}/tags")]
        assert len(mine) <= len(tags) // 50 + 2


def test_tags_account_filter_walks_one_account(conn, ds, requests_log):
    acct = ds.accounts()[0]["id"]
    conn.cursor().execute("SELECT Id FROM Tags WHERE AccountId = ?", acct).fetchall()
    assert {c["path"].split("/")[-2] for c in edge_calls(requests_log, "/tags")} == {acct}


def mentions(ds, kind):
    return [(acct, m) for acct, v in ds.data["mentions"].items() for m in v[kind]]


def test_mentioned_media_example(conn, ds, requests_log):
    pairs = mentions(ds, "media")
    if not pairs:
        pytest.skip("no mention in the dataset")
    acct, m = pairs[0]
    c = pyodbc.connect(connection_string(BusinessAccountId=acct))
    requests_log.mark()
    row = c.cursor().execute("SELECT Caption, Username FROM MentionedMedia WHERE Id = ?", m["id"]).fetchone()
    assert row.Caption == m.get("caption") and row.Username == m.get("username")
    calls = gets(requests_log)
    assert [(r["path"].split("/")[-1], r["query"]["fields"]) for r in calls] == [
        (acct, f"mentioned_media.media_id({m['id']}){{id,caption,username}}")]
    c.close()


def test_mentioned_comments_example(conn, ds, requests_log):
    pairs = mentions(ds, "comments")
    if not pairs:
        pytest.skip("no mention in the dataset")
    acct, m = pairs[0]
    c = pyodbc.connect(connection_string(BusinessAccountId=acct))
    requests_log.mark()
    row = c.cursor().execute("SELECT Text, MediaId FROM MentionedComments WHERE Id = ?", m["id"]).fetchone()
    assert row.Text == m.get("text")
    calls = gets(requests_log)
    assert [r["query"]["fields"] for r in calls] == [f"mentioned_comment.comment_id({m['id']}){{id,text,media}}"]
    c.close()


@pytest.mark.parametrize("table,text", [
    ("MentionedMedia", "needs a filter on Id (for example: WHERE Id = '17873440459141021'). Instagram has no list "
                       "of mentions; media IDs arrive through the mentions webhook."),
    ("MentionedComments", "needs a filter on Id (for example: WHERE Id = '17870913679156914'). Instagram has no "
                          "list of mentions; comment IDs arrive through the mentions webhook."),
])
def test_required_filter_refused_with_the_model_text(conn, requests_log, table, text):
    with pytest.raises(pyodbc.Error) as e:
        conn.cursor().execute(f"SELECT * FROM {table}").fetchall()
    assert e.value.args[0] == "42000"
    assert f"[instagram-odbc] Table Instagram.{table} {text}" in e.value.args[1]
    assert gets(requests_log) == []


def test_required_filter_satisfied_through_a_join(conn, ds):
    pairs = mentions(ds, "media")
    if not pairs:
        pytest.skip("no mention in the dataset")
    acct, m = pairs[0]
    cur = conn.cursor()
    cur.execute("CREATE TEMP TABLE hook(MediaId TEXT)")
    cur.execute("INSERT INTO hook VALUES (?), ('999999999')", m["id"])
    rows = cur.execute("SELECT mm.AccountId, mm.Id FROM hook h JOIN MentionedMedia mm ON mm.Id = h.MediaId").fetchall()
    assert [(r.AccountId, r.Id) for r in rows] == [(acct, m["id"])]


def test_permissions_example(conn, requests_log):
    rows = conn.cursor().execute("SELECT Permission FROM Permissions WHERE Status = 'granted'").fetchall()
    assert "instagram_basic" in [r.Permission for r in rows]
    assert [(r["path"].split("/", 2)[-1], r["query"].get("fields")) for r in gets(requests_log)] == [
        ("me/permissions", None)]
