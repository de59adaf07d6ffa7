"""Public content: Hashtags, HashtagMedia, RecentlySearchedHashtags, BusinessDiscovery and
BusinessDiscoveryMedia through unixODBC against the emulator. Rows equal the emulator's data, the documented
examples make exactly the Graph calls they list, required filters are refused with the driver's text and
satisfied through joins, and the 30-hashtags-per-7-days quota surfaces with advice."""
import datetime
import math

import pyodbc
import pytest

from conftest import connection_string
from test_catalog_contract import test_columns_equal_the_contract as _columns_contract

TABLES = ["Hashtags", "HashtagMedia", "RecentlySearchedHashtags", "BusinessDiscovery", "BusinessDiscoveryMedia"]


@pytest.mark.parametrize("table", TABLES)
def test_columns_equal_the_contract(conn, table):
    _columns_contract(conn, table)


def gets(requests_log):
    return [r for r in requests_log.since() if r["method"] == "GET"]


def connect(account_id, **extra):
    return pyodbc.connect(connection_string(BusinessAccountId=account_id, **extra))


def hashtag(ds, name):
    return next(h for h in ds.data["hashtags"] if h["name"] == name)


def now(ds):
    return datetime.datetime.strptime(ds.data["now"], "%Y-%m-%dT%H:%M:%S%z")


def live_recent(ds, name):
    """recent_media serves the last 24 h of the emulator clock, in the dump's order."""
    t0 = now(ds)
    return [m for m in hashtag(ds, name)["recent_media"]
            if t0 - datetime.timedelta(hours=24) < datetime.datetime.strptime(m["timestamp"], "%Y-%m-%dT%H:%M:%S%z") <= t0]


def walk_calls(n):
    """Calls a cursor-only walk of n items at 50 a page makes: the pages, plus the one request that shows the
    end (an empty page, or top_media's last page again)."""
    return 1 if n == 0 else math.ceil(n / 50) + 1


@pytest.fixture
def acct(ds):
    return ds.accounts()[0]["id"]


def test_keys(conn):
    pk = conn.cursor().primaryKeys("HashtagMedia").fetchall()
    assert [r.column_name for r in pk] == ["HashtagId", "Kind", "Id"]
    fks = conn.cursor().foreignKeys(foreignTable="RecentlySearchedHashtags").fetchall()
    assert {(r.fkcolumn_name, r.pktable_name, r.pkcolumn_name) for r in fks} == {
        ("AccountId", "Accounts", "Id"), ("HashtagId", "Hashtags", "Id")}
    fks = conn.cursor().foreignKeys(foreignTable="BusinessDiscoveryMedia").fetchall()
    assert [(r.fkcolumn_name, r.pktable_name, r.pkcolumn_name) for r in fks] == [
        ("Username", "BusinessDiscovery", "Username")]
    assert [r.column_name for r in conn.cursor().primaryKeys("BusinessDiscovery").fetchall()] == ["Username"]


# ---- Hashtags -------------------------------------------------------------------------------------

def test_hashtags_example(ds, acct, requests_log):
    c = connect(acct)
    rows = c.cursor().execute("SELECT Id FROM Hashtags WHERE Name = 'coffee'").fetchall()
    assert [r.Id for r in rows] == [hashtag(ds, "coffee")["id"]]
    calls = gets(requests_log)
    assert len(calls) == 1
    assert calls[0]["path"].endswith("/ig_hashtag_search")
    assert {k: v for k, v in calls[0]["query"].items() if k != "access_token"} == {"user_id": acct, "q": "coffee"}
    c.close()


def test_hashtags_in_list_and_leading_hash(ds, acct, requests_log):
    c = connect(acct)
    rows = c.cursor().execute(
        "SELECT Id, Name, ViaAccountId FROM Hashtags WHERE Name IN ('latteart', '#brunch') ORDER BY Id").fetchall()
    assert sorted((r.Id, r.Name, r.ViaAccountId) for r in rows) == sorted([
        (hashtag(ds, "latteart")["id"], "latteart", acct), (hashtag(ds, "brunch")["id"], "#brunch", acct)])
    assert sorted(r["query"]["q"] for r in gets(requests_log)) == ["brunch", "latteart"]
    c.close()


def test_hashtags_by_id_costs_no_search(ds, acct, requests_log):
    c = connect(acct)
    h = hashtag(ds, "espresso")
    rows = c.cursor().execute("SELECT Id, Name FROM Hashtags WHERE Id = ?", h["id"]).fetchall()
    assert [(r.Id, r.Name) for r in rows] == [(h["id"], "espresso")]
    calls = gets(requests_log)
    assert [(r["path"].split("/")[-1], r["query"]["fields"]) for r in calls] == [(h["id"], "id,name")]
    c.close()


# ---- HashtagMedia ---------------------------------------------------------------------------------

def test_hashtag_media_example(ds, acct, requests_log):
    c = connect(acct)
    rows = c.cursor().execute(
        "SELECT Id, Caption, LikeCount FROM HashtagMedia WHERE HashtagName = 'coffee' AND Kind = 'recent' LIMIT 20"
    ).fetchall()
    want = live_recent(ds, "coffee")[:20]
    assert [(r.Id, r.Caption, r.LikeCount) for r in rows] == [(m["id"], m.get("caption"), m.get("like_count")) for m in want]
    calls = gets(requests_log)
    h = hashtag(ds, "coffee")
    assert [r["path"].split("/", 2)[-1] for r in calls] == ["ig_hashtag_search", f"{h['id']}/recent_media"]
    q = calls[1]["query"]
    assert (q["user_id"], q["fields"], q["limit"]) == (acct, "id,caption,like_count", "20")
    c.close()


def test_hashtag_media_walks_top_then_recent(ds, acct, requests_log):
    c = connect(acct)
    h = hashtag(ds, "coffee")
    rows = c.cursor().execute(
        "SELECT HashtagId, Kind, Id, ViaAccountId, HashtagName, MediaType, Permalink, Timestamp, CommentsCount "
        "FROM HashtagMedia WHERE HashtagId = ?", h["id"]).fetchall()
    top, recent = h["top_media"], live_recent(ds, "coffee")
    assert [(r.Kind, r.Id) for r in rows] == [("top", m["id"]) for m in top] + [("recent", m["id"]) for m in recent]
    assert all(r.HashtagId == h["id"] and r.ViaAccountId == acct and r.HashtagName == "coffee" for r in rows)
    first = rows[0]
    assert (first.MediaType, first.Permalink, first.CommentsCount) == (
        top[0].get("media_type"), top[0].get("permalink"), top[0].get("comments_count"))
    calls = gets(requests_log)
    # HashtagName used and filtered by ID: one read of the name, then the two walks.
    assert calls[0]["path"].endswith(h["id"]) and calls[0]["query"]["fields"] == "name"
    edges = [r["path"].split("/")[-1] for r in calls[1:]]
    assert edges == ["top_media"] * walk_calls(len(top)) + ["recent_media"] * walk_calls(len(recent))
    assert all(r["query"]["limit"] == "50" and r["query"]["user_id"] == acct for r in calls[1:])
    c.close()


def test_join_feeds_hashtag_ids(ds, acct, requests_log):
    c = connect(acct)
    rows = c.cursor().execute(
        "SELECT h.Name, m.Id FROM Hashtags h JOIN HashtagMedia m ON m.HashtagId = h.Id "
        "WHERE h.Name IN ('brunch', 'latteart') AND m.Kind = 'top'").fetchall()
    want = {(n, m["id"]) for n in ("brunch", "latteart") for m in hashtag(ds, n)["top_media"]}
    assert {(r.Name, r.Id) for r in rows} == want and len(rows) == len(want)
    calls = gets(requests_log)
    searches = [r for r in calls if r["path"].endswith("/ig_hashtag_search")]
    tops = [r for r in calls if r["path"].endswith("/top_media")]
    assert len(searches) == 2
    assert len(tops) == walk_calls(40) + walk_calls(75)
    assert len(calls) == len(searches) + len(tops)
    c.close()


def test_hashtag_name_filter_searches_first(ds, acct, requests_log):
    c = connect(acct)
    rows = c.cursor().execute("SELECT Kind, Id FROM HashtagMedia WHERE HashtagName = 'brunch'").fetchall()
    want = [("top", m["id"]) for m in hashtag(ds, "brunch")["top_media"]] + [
        ("recent", m["id"]) for m in live_recent(ds, "brunch")]
    assert [(r.Kind, r.Id) for r in rows] == want
    c.close()


REQUIRED = [
    ("Hashtags", "needs a filter on Name or Id (for example: WHERE Name = 'coffee'). Instagram looks hashtags up one "
                 "name at a time, and each new name counts against the limit of 30 hashtags per account per 7 days."),
    ("HashtagMedia", "needs a filter on HashtagId or HashtagName (for example: WHERE HashtagName = 'coffee'). "
                     "Instagram lists media only for a given hashtag."),
    ("BusinessDiscovery", "needs a filter on Username (for example: WHERE Username = 'bluebottle'). Instagram looks "
                          "up other accounts one username at a time."),
    ("BusinessDiscoveryMedia", "needs a filter on Username (for example: WHERE Username = 'bluebottle'). Instagram "
                               "looks up other accounts one username at a time."),
]


@pytest.mark.parametrize("table,text", REQUIRED)
def test_required_filter_refused_with_the_model_text(conn, requests_log, table, text):
    with pytest.raises(pyodbc.Error) as e:
        conn.cursor().execute(f"SELECT * FROM {table}").fetchall()
    assert e.value.args[0] == "42000"
    assert f"[instagram-odbc] Table Instagram.{table} {text}" in e.value.args[1]
    assert gets(requests_log) == []


def test_required_filter_not_met_by_other_columns(conn, requests_log):
    with pytest.raises(pyodbc.Error) as e:
        conn.cursor().execute("SELECT * FROM HashtagMedia WHERE Kind = 'top' AND LikeCount > 5").fetchall()
    assert e.value.args[0] == "42000" and "needs a filter on HashtagId or HashtagName" in e.value.args[1]
    assert gets(requests_log) == []


def test_required_filter_satisfied_through_a_scratch_join(ds, acct):
    c = connect(acct)
    cur = c.cursor()
    cur.execute("CREATE TEMP TABLE wanted(u TEXT)")
    cur.execute("INSERT INTO wanted VALUES ('the.latte.lab'), ('matcha.house.kyoto')")
    rows = cur.execute(
        "SELECT b.Username, b.FollowersCount FROM wanted w JOIN BusinessDiscovery b ON b.Username = w.u").fetchall()
    ext = {e["username"]: e for e in ds.data["external_accounts"]}
    assert sorted((r.Username, r.FollowersCount) for r in rows) == sorted(
        (u, ext[u]["followers_count"]) for u in ("the.latte.lab", "matcha.house.kyoto"))
    c.close()


# ---- RecentlySearchedHashtags ---------------------------------------------------------------------

def active_searches(ds, account_id):
    t0 = now(ds)
    return [s for s in ds.data["hashtag_searches"][account_id]
            if datetime.datetime.strptime(s["first_searched"], "%Y-%m-%dT%H:%M:%S%z") > t0 - datetime.timedelta(days=7)]


def test_recently_searched_example(ds, requests_log):
    acct = ds.accounts()[1]["id"]  # no other test searches through this account
    c = connect(acct)
    left = c.cursor().execute("SELECT 30 - COUNT(*) AS SearchesLeft FROM RecentlySearchedHashtags").fetchone()[0]
    assert left == 30 - len(active_searches(ds, acct))
    calls = gets(requests_log)
    assert [(r["path"].split("/", 2)[-1], r["query"]["fields"], r["query"]["limit"]) for r in calls] == [
        (f"{acct}/recently_searched_hashtags", "id", "30")]
    rows = c.cursor().execute("SELECT AccountId, HashtagId, Name FROM RecentlySearchedHashtags").fetchall()
    assert sorted((r.AccountId, r.HashtagId, r.Name) for r in rows) == sorted(
        (acct, s["id"], s["name"]) for s in active_searches(ds, acct))
    c.close()


def test_hashtag_quota_error_points_to_recently_searched(ds, requests_log):
    acct = ds.accounts()[2]["id"]  # the account that has searched nothing yet
    c = connect(acct)
    cur = c.cursor()
    used = len(active_searches(ds, acct))
    names = [f"quota{i}" for i in range(30 - used)]
    for n in names:
        assert len(cur.execute("SELECT Id FROM Hashtags WHERE Name = ?", n).fetchall()) == 1
    # Searching a counted name again is free.
    assert len(cur.execute("SELECT Id FROM Hashtags WHERE Name = ?", names[0]).fetchall()) == 1
    with pytest.raises(pyodbc.Error) as e:
        cur.execute("SELECT Id FROM Hashtags WHERE Name = 'onetoomany'").fetchall()
    assert e.value.args[0] == "HY000"
    assert "RecentlySearchedHashtags" in e.value.args[1] and "30" in e.value.args[1]
    assert cur.execute("SELECT COUNT(*) FROM RecentlySearchedHashtags").fetchone()[0] == 30
    c.close()


# ---- BusinessDiscovery ----------------------------------------------------------------------------

def external(ds, username):
    return next(e for e in ds.data["external_accounts"] if e["username"] == username)


def test_business_discovery_example(ds, acct, requests_log):
    c = connect(acct)
    row = c.cursor().execute(
        "SELECT FollowersCount, MediaCount FROM BusinessDiscovery WHERE Username = 'bluebottle'").fetchone()
    e = external(ds, "bluebottle")
    assert (row.FollowersCount, row.MediaCount) == (e["followers_count"], e["media_count"])
    calls = gets(requests_log)
    assert [(r["path"].split("/")[-1], r["query"]["fields"]) for r in calls] == [
        (acct, "business_discovery.username(bluebottle){id,username,followers_count,media_count}")]
    c.close()


def test_business_discovery_all_columns(ds, acct):
    c = connect(acct)
    rows = c.cursor().execute(
        "SELECT * FROM BusinessDiscovery WHERE Username IN ('BlueBottle', 'kaffee.kollektiv')").fetchall()
    got = {r.Username: r for r in rows}
    assert set(got) == {"bluebottle", "kaffee.kollektiv"}
    for u, r in got.items():
        e = external(ds, u)
        assert (r.Id, r.ViaAccountId, r.Name, r.Biography, r.Website, r.ProfilePictureUrl, r.FollowersCount,
                r.FollowsCount, r.MediaCount, r.IgId) == (
            e["id"], acct, e.get("name"), e.get("biography"), e.get("website"), e.get("profile_picture_url"),
            e.get("followers_count"), e.get("follows_count"), e.get("media_count"),
            str(e["ig_id"]) if "ig_id" in e else None)
    c.close()


def test_business_discovery_unknown_username_warns(acct, requests_log):
    c = connect(acct)
    cur = c.cursor()
    rows = cur.execute("SELECT Id FROM BusinessDiscovery WHERE Username = 'nobody.here'").fetchall()
    assert rows == []
    assert any("nobody.here" in m[1] for m in cur.messages)
    assert len(gets(requests_log)) == 1
    c.close()


def test_via_account_outside_scope(ds, acct, requests_log):
    c = connect(acct)
    cur = c.cursor()
    rows = cur.execute("SELECT Id FROM BusinessDiscovery WHERE Username = 'bluebottle' AND ViaAccountId = '1'").fetchall()
    assert rows == []
    assert any("outside this connection's account scope" in m[1] for m in cur.messages)
    assert gets(requests_log) == []
    c.close()


# ---- BusinessDiscoveryMedia -----------------------------------------------------------------------

def test_business_discovery_media_example(ds, acct, requests_log):
    c = connect(acct)
    rows = c.cursor().execute(
        "SELECT Id, LikeCount, ViewCount FROM BusinessDiscoveryMedia WHERE Username = 'bluebottle' LIMIT 10").fetchall()
    media = ds.data["external_media"][external(ds, "bluebottle")["id"]][:10]
    assert [(r.Id, r.LikeCount, r.ViewCount) for r in rows] == [
        (m["id"], m.get("like_count"), m.get("view_count")) for m in media]
    calls = gets(requests_log)
    assert [(r["path"].split("/")[-1], r["query"]["fields"]) for r in calls] == [
        (acct, "business_discovery.username(bluebottle){username,media.limit(10){id,like_count,view_count}}")]
    c.close()


def test_business_discovery_media_walks_every_page(ds, acct, requests_log):
    c = connect(acct)
    e = external(ds, "kaffee.kollektiv")
    rows = c.cursor().execute(
        "SELECT Username, Id, ViaAccountId, Caption, MediaType, Permalink, Timestamp, CommentsCount "
        "FROM BusinessDiscoveryMedia WHERE Username = 'Kaffee.Kollektiv'").fetchall()
    media = ds.data["external_media"][e["id"]]
    assert [r.Id for r in rows] == [m["id"] for m in media]
    assert all(r.Username == "kaffee.kollektiv" and r.ViaAccountId == acct for r in rows)
    assert [(r.Caption, r.MediaType, r.Permalink, r.CommentsCount) for r in rows] == [
        (m.get("caption"), m.get("media_type"), m.get("permalink"), m.get("comments_count")) for m in media]
    calls = gets(requests_log)
    assert len(calls) == walk_calls(len(media))
    assert "media.limit(50)" in calls[0]["query"]["fields"]
    assert all(".after(" in r["query"]["fields"] and ".limit(50)" in r["query"]["fields"] for r in calls[1:])
    c.close()


def test_business_discovery_media_timestamp_bound_stops_the_walk(ds, acct, requests_log):
    c = connect(acct)
    media = ds.data["external_media"][external(ds, "bluebottle")["id"]]
    bound = media[60]["timestamp"]  # on the second page of 50
    ts = datetime.datetime.strptime(bound, "%Y-%m-%dT%H:%M:%S%z").strftime("%Y-%m-%d %H:%M:%S")
    rows = c.cursor().execute(
        "SELECT Id FROM BusinessDiscoveryMedia WHERE Username = 'bluebottle' AND Timestamp >= ?", ts).fetchall()
    want = [m["id"] for m in media
            if datetime.datetime.strptime(m["timestamp"], "%Y-%m-%dT%H:%M:%S%z").strftime("%Y-%m-%d %H:%M:%S") >= ts]
    assert [r.Id for r in rows] == want
    assert len(gets(requests_log)) == 3  # pages 1 and 2, then page 3, entirely older, ends the walk
    c.close()


def test_instagram_login_refuses_public_content(ds):
    c = pyodbc.connect(connection_string(AuthMode="InstagramLogin", BusinessAccountId=ds.accounts()[0]["id"]))
    for table, what in [("Hashtags WHERE Name = 'coffee'", "search hashtags"),
                        ("BusinessDiscovery WHERE Username = 'bluebottle'",
                         "read other accounts through business discovery")]:
        with pytest.raises(pyodbc.Error) as e:
            c.cursor().execute(f"SELECT * FROM {table}").fetchall()
        assert e.value.args[0] == "HYC00"
        assert "needs Facebook Login (AuthMode=FacebookLogin); Instagram Login tokens cannot " + what in e.value.args[1]
    c.close()
