"""CData compatibility: with CDataCompat=true the compatibility views (reported as VIEW) and the
alias columns exist and return our data under CData's names, filters on the views still reach the API; without the
property none of it exists."""
import pyodbc
import pytest

from conftest import connection_string

VIEWS = ["InstagramBusinessProfile", "IGMedia", "InstagramPages", "MediaInsightsPost", "MediaInsightsPostAlbum",
         "MediaInsightsReels", "MediaInsightReels"]


@pytest.fixture
def compat(ds):
    c = pyodbc.connect(connection_string(CDataCompat="true", BusinessAccountId=ds.big_account()["id"]))
    yield c
    c.close()


def gets(requests_log):
    return [r for r in requests_log.since() if r["method"] == "GET"]


def test_views_listed_only_in_compatibility_mode(conn, compat):
    on = {r.table_name: r.table_type for r in compat.cursor().tables(schema="Instagram").fetchall()}
    off = {r.table_name: r.table_type for r in conn.cursor().tables(schema="Instagram").fetchall()}
    for v in VIEWS:
        assert on[v] == "VIEW"
        assert v not in off
    assert on["Media"] == "TABLE"
    with pytest.raises(pyodbc.Error):
        conn.cursor().execute("SELECT * FROM IGMedia")


def test_alias_columns_appended_only_in_compatibility_mode(conn, compat):
    on = [r.column_name for r in compat.cursor().columns(table="Media").fetchall()]
    off = [r.column_name for r in conn.cursor().columns(table="Media").fetchall()]
    assert on == off + ["LikesCount", "Created", "Link"]
    cols = {r.column_name: r for r in compat.cursor().columns(table="Media").fetchall()}
    assert cols["Created"].type_name == "TIMESTAMP" and cols["LikesCount"].type_name == "BIGINT"


def test_business_profile_view(ds, compat, requests_log):
    acct = ds.big_account()
    cols = [r.column_name for r in compat.cursor().columns(table="InstagramBusinessProfile").fetchall()]
    assert cols == ["InstagramBusinessAccountId", "UserName", "FullName", "Bio", "FollowersCount", "FollowsCount",
                    "MediaCount", "Website", "ProfilePictureUrl"]
    row = compat.cursor().execute(
        "SELECT InstagramBusinessAccountId, UserName, FullName, Bio, FollowersCount FROM InstagramBusinessProfile "
        "WHERE InstagramBusinessAccountId = ?", acct["id"]).fetchone()
    assert tuple(row) == (acct["id"], acct.get("username"), acct.get("name"), acct.get("biography"),
                          acct.get("followers_count"))
    assert len(gets(requests_log)) == 1  # the filter on the view reached the Accounts lookup


def test_igmedia_view_and_media_aliases(ds, compat, requests_log):
    acct = ds.big_account()
    m = ds.media_of(acct["id"])[0]
    row = compat.cursor().execute(
        "SELECT Id, IGId, ShortCode, PermanentURL, LikeCount FROM IGMedia WHERE Id = ?", m["id"]).fetchone()
    assert (row.Id, row.ShortCode, row.PermanentURL, row.LikeCount) == (
        m["id"], m.get("shortcode"), m.get("permalink"), m.get("like_count"))
    assert len(gets(requests_log)) == 1  # Id pushed through the view: one lookup, no walk
    requests_log.mark()
    row = compat.cursor().execute(
        "SELECT LikeCount, LikesCount, Timestamp, Created, Permalink, Link FROM Media WHERE Id = ?", m["id"]).fetchone()
    assert row.LikesCount == row.LikeCount == m.get("like_count")
    assert row.Created == row.Timestamp and row.Link == row.Permalink == m.get("permalink")
    assert len(gets(requests_log)) == 1


def test_media_insights_reels_view(ds):
    small = min(ds.accounts(), key=lambda a: len(ds.media_of(a["id"])))
    c = pyodbc.connect(connection_string(CDataCompat="true", BusinessAccountId=small["id"]))
    ids = sorted(r.MediaId for r in c.cursor().execute("SELECT MediaId FROM MediaInsightsReels").fetchall())
    assert ids == sorted(m["id"] for m in ds.media_of(small["id"]) if m.get("media_product_type") == "REELS")
    c.close()


def test_views_are_read_only(compat, ds):
    with pytest.raises(pyodbc.Error):
        compat.cursor().execute("UPDATE InstagramBusinessProfile SET Bio = 'x'")


def test_comment_alias_columns(compat):
    rows = compat.cursor().execute(
        "SELECT AccountId, InstagramBusinessAccountId, Timestamp, Created, LikeCount, Likes FROM Comments LIMIT 5"
    ).fetchall()
    assert rows
    for r in rows:
        assert (r.InstagramBusinessAccountId, r.Created, r.Likes) == (r.AccountId, r.Timestamp, r.LikeCount)
