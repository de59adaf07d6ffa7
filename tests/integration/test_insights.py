"""MediaInsights, StoryInsights and sys_metrics through unixODBC against the
emulator: columns equal the contract, values equal the emulator's data, the Graph calls (and batch
operations, read from sys_requests) equal the documented examples, and degraded cases are warnings."""
import math
from urllib.parse import parse_qs, urlsplit

import pyodbc
import pytest

import spec_tables
from conftest import connection_string

RULES_DATE = "2026-06-01"
FEED_IMAGE_DEFAULTS = ("views,reach,likes,comments,saved,shares,total_interactions,reposts,follows,"
                       "profile_visits,profile_activity,total_likes,total_comments,total_views")
TYPES = {"VARCHAR": pyodbc.SQL_VARCHAR, "WVARCHAR": pyodbc.SQL_WVARCHAR, "BIGINT": pyodbc.SQL_BIGINT,
         "INTEGER": pyodbc.SQL_INTEGER, "DOUBLE": pyodbc.SQL_DOUBLE, "BIT": pyodbc.SQL_BIT,
         "TIMESTAMP": pyodbc.SQL_TYPE_TIMESTAMP, "DATE": pyodbc.SQL_TYPE_DATE}


def connect(account, **extra):
    props = {"BusinessAccountId": account, "MetricRulesDate": RULES_DATE}
    props.update(extra)
    return pyodbc.connect(connection_string(**props))


def media_insights(dataset, media_id):
    return dataset["insights"]["media"][media_id]


def kind(media):
    return (media.get("media_product_type"), media.get("media_type"))


def insight_media(ds, account):
    """The account's media that have insights in the emulator, newest first."""
    return [m for m in ds.media_of(account) if m["id"] in ds.data["insights"]["media"]]


def pick(ds, product, mtype, pre_conversion=False):
    for a in ds.accounts():
        since = ds.data.get("account_facts", {}).get(a["id"], {}).get("business_since")
        for m in insight_media(ds, a["id"]):
            if kind(m) != (product, mtype):
                continue
            old = since is not None and m["timestamp"] < since
            if old == pre_conversion:
                return a["id"], m
    pytest.skip(f"no {product}/{mtype} media in the dataset")


def ops(conn):
    """(method, path, params, BatchSeq) of the last statement's Graph calls, from sys_requests."""
    out = []
    for method, url, batch_seq in conn.cursor().execute("SELECT Method, Url, BatchSeq FROM sys_requests"):
        parts = urlsplit(url)
        path = parts.path
        if "://" in url:
            path = "/".join(path.split("/")[2:])  # drop /vNN.N
        params = {k: v[0] for k, v in parse_qs(parts.query).items() if k not in ("access_token", "appsecret_proof")}
        out.append((method, path.lstrip("/"), params, batch_seq))
    return out


def warnings_of(cursor):
    return [m[1] for m in cursor.messages if "01000" in m[0]]


@pytest.mark.parametrize("table,spec", [("MediaInsights", "MediaInsights"), ("StoryInsights", "MediaInsights"),
                                        ("sys_metrics", "sys_metrics")])
def test_columns_equal_the_contract(conn, table, spec):
    expected = spec_tables.columns(spec)
    got = conn.cursor().columns(table=table).fetchall()
    assert [r.column_name for r in got] == [c[0] for c in expected]
    for row, (name, typ, nullable) in zip(got, expected):
        base = typ.split("(")[0]
        assert row.data_type == TYPES[base], name
        if "(" in typ:
            assert row.column_size == int(typ.split("(")[1].rstrip(")")), name
        assert bool(row.nullable) == nullable, name


def test_lookup_without_breakdowns_makes_the_two_listed_calls(ds, dataset, requests_log):
    account, media = pick(ds, "FEED", "IMAGE")
    with connect(account) as c:
        rows = c.cursor().execute(
            "SELECT Metric, Value FROM MediaInsights WHERE MediaId = ? AND Breakdown IS NULL", media["id"]).fetchall()
        calls = ops(c)
    assert calls == [
        ("GET", media["id"], {"fields": "id,media_type,media_product_type,owner"}, None),
        ("GET", media["id"] + "/insights", {"metric": FEED_IMAGE_DEFAULTS}, None),
    ]
    values = media_insights(dataset, media["id"])["values"]
    got = {m: v for m, v in rows}
    assert list(got) == [m for m in FEED_IMAGE_DEFAULTS.split(",") if m in values]
    for metric, value in got.items():
        assert value == pytest.approx(values[metric])


def test_lookup_with_breakdowns_is_one_batch_of_two(ds, dataset, requests_log):
    account, media = pick(ds, "FEED", "IMAGE")
    with connect(account) as c:
        rows = c.cursor().execute(
            "SELECT Metric, Breakdown, BreakdownValue, Value FROM MediaInsights WHERE MediaId = ?",
            media["id"]).fetchall()
        calls = ops(c)
    assert calls[0][:3] == ("GET", media["id"], {"fields": "id,media_type,media_product_type,owner"})
    assert calls[1][0] == "POST" and calls[1][3] is None
    batch_seq = 2
    assert calls[2:] == [
        ("GET", media["id"] + "/insights", {"metric": FEED_IMAGE_DEFAULTS}, batch_seq),
        ("GET", media["id"] + "/insights", {"metric": "profile_activity", "breakdown": "action_type"}, batch_seq),
    ]
    sent = requests_log.since()
    assert [r["method"] for r in sent] == ["GET", "POST"]
    breakdown = media_insights(dataset, media["id"])["breakdowns"].get("profile_activity", {})
    got = {r.BreakdownValue: r.Value for r in rows if r.Breakdown is not None}
    assert got == {k.upper(): pytest.approx(v) for k, v in breakdown.items()}
    assert all(r.Breakdown == "action_type" for r in rows if r.Breakdown is not None)
    # rule order, a total row before its breakdown rows
    metrics = [r.Metric for r in rows]
    assert metrics.index("profile_activity") < metrics.index("total_likes")


def test_reach_over_a_date_range_is_one_op_per_media(ds, dataset, requests_log):
    account = ds.big_account()["id"]
    media = [m for m in insight_media(ds, account) if m["timestamp"] >= "2026-09-01"
             and kind(m) in {("FEED", "IMAGE"), ("FEED", "VIDEO"), ("FEED", "CAROUSEL_ALBUM"), ("REELS", "VIDEO")}]
    with connect(account) as c:
        rows = c.cursor().execute(
            "SELECT MediaId, Value FROM MediaInsights WHERE MediaTimestamp >= '2026-09-01' AND Metric = 'reach' "
            "AND Breakdown IS NULL").fetchall()
        calls = ops(c)
    walk = calls[0]
    assert walk[1] == account + "/media"
    assert walk[2] == {"fields": "id,media_type,media_product_type,timestamp", "since": "1788220800", "limit": "100"}
    insight_ops = [o for o in calls if o[1].endswith("/insights")]
    assert len(insight_ops) == len(media)
    assert all(o[2] == {"metric": "reach"} for o in insight_ops)
    posts = [o for o in calls if o[0] == "POST"]
    assert len(posts) == math.ceil(len(media) / 50)
    assert {r.MediaId: r.Value for r in rows} == {
        m["id"]: pytest.approx(media_insights(dataset, m["id"])["values"]["reach"]) for m in media}


def test_full_scan_call_count_and_rows(ds, dataset, requests_log):
    """SELECT * FROM MediaInsights over the largest account: the walk plus batches of <= 50 operations."""
    account = ds.big_account()["id"]
    media = insight_media(ds, account)
    with connect(account) as c:
        cur = c.cursor()
        rows = cur.execute("SELECT * FROM MediaInsights").fetchall()
        calls = ops(c)
    sent = requests_log.since()
    walk_pages = [r for r in sent if r["method"] == "GET" and r["path"].endswith("/media")]
    posts = [r for r in sent if r["method"] == "POST"]
    batch_ops = [o for o in calls if o[3] is not None]
    assert len(walk_pages) == math.ceil(len(ds.media_of(account)) / 100)
    # every POST carries at most 50 operations, and only the last POST of a page is partly filled
    per_post = {}
    for o in batch_ops:
        per_post[o[3]] = per_post.get(o[3], 0) + 1
    assert max(per_post.values()) <= 50
    assert len(posts) <= math.ceil(len(batch_ops) / 50) + len(walk_pages)
    print(f"\nSELECT * FROM MediaInsights: {len(ds.media_of(account))} media, {len(walk_pages)} walk pages, "
          f"{len(posts)} batch POSTs, {len(batch_ops)} operations, {len(sent)} HTTP requests")
    ids = {m["id"] for m in media if m.get("media_product_type") != "STORY"}
    assert {r.MediaId for r in rows} <= ids
    for r in rows[:200]:
        if r.Breakdown is None:
            assert r.Value == pytest.approx(media_insights(dataset, r.MediaId)["values"][r.Metric])


def test_opt_in_metric_error_is_a_warning(ds, requests_log):
    account, media = pick(ds, "FEED", "IMAGE")
    with connect(account) as c:
        cur = c.cursor()
        cur.execute("SELECT Value FROM MediaInsights WHERE MediaId = ? AND Metric = 'facebook_views'", media["id"])
        rows = cur.fetchall()
        calls = ops(c)
        assert calls[-1][:3] == ("GET", media["id"] + "/insights", {"metric": "facebook_views"})
        if not rows:
            assert any("Opt-in metric facebook_views has no value" in w for w in warnings_of(cur))


def test_retired_metric_rejected_by_instagram_is_dropped_with_a_warning(ds, dataset, requests_log):
    """Old rules (v21, early 2025) make the driver ask for impressions; today's Instagram refuses it: the
    metric is dropped, the rest asked again, one warning, and sys_metrics remembers the rejection."""
    account, media = pick(ds, "FEED", "IMAGE")
    if media["timestamp"] >= "2024-07-02":
        old = [m for m in insight_media(ds, account) if kind(m) == ("FEED", "IMAGE") and m["timestamp"] < "2024-07-02"]
        if not old:
            pytest.skip("no FEED_IMAGE media from before 2024-07-02")
        media = old[0]
    with connect(account, Version="v21.0", MetricRulesDate="2025-02-01") as c:
        cur = c.cursor()
        cur.execute("SELECT Metric, Value FROM MediaInsights WHERE MediaId = ? AND Breakdown IS NULL", media["id"])
        rows = cur.fetchall()
        warns = warnings_of(cur)
        assert "impressions" not in {r.Metric for r in rows}
        assert "reach" in {r.Metric for r in rows}
        assert any("Instagram rejected metric impressions for FEED_IMAGE media" in w for w in warns)
        rejected = c.cursor().execute(
            "SELECT RejectedOnConnection FROM sys_metrics WHERE TableName = 'MediaInsights' "
            "AND Metric = 'impressions' AND MediaKind = 'FEED_IMAGE'").fetchval()
        assert rejected == 1


def test_media_from_before_the_business_conversion_gives_a_warning(ds, requests_log):
    account, media = pick(ds, "FEED", "IMAGE", pre_conversion=True)
    with connect(account) as c:
        cur = c.cursor()
        rows = cur.execute("SELECT * FROM MediaInsights WHERE MediaId = ?", media["id"]).fetchall()
        assert rows == []
        assert any("before the account became a business account" in w and "for 1 media" in w
                   for w in warnings_of(cur))


def test_story_insights_navigation(ds, dataset, requests_log):
    stories = ds.data.get("stories", {})
    account = next((a for a, s in stories.items() if s), None)
    if account is None:
        pytest.skip("no live stories")
    with connect(account) as c:
        cur = c.cursor()
        rows = cur.execute(
            "SELECT MediaId, Breakdown, BreakdownValue, Value FROM StoryInsights WHERE Metric = 'navigation'").fetchall()
        calls = ops(c)
    assert calls[0][1] == account + "/stories"
    assert calls[0][2] == {"fields": "id,media_type,media_product_type", "limit": "100"}
    nav = [o for o in calls if o[1].endswith("/insights")]
    assert nav and all(o[3] is not None for o in nav) or len(nav) == 1  # batched
    per_story = {}
    for o in nav:
        per_story.setdefault(o[1].split("/")[0], []).append(tuple(sorted(o[2].items())))
    assert set(per_story) <= {s["id"] for s in stories[account]}  # live stories only
    for story, params in per_story.items():
        assert params == [(("metric", "navigation"),),
                          (("breakdown", "story_navigation_action_type"), ("metric", "navigation"))], story
    for r in rows:
        ins = media_insights(dataset, r.MediaId)
        if r.Breakdown is None:
            assert r.Value == pytest.approx(ins["values"]["navigation"])


def test_sys_metrics_lists_the_reels_defaults(conn):
    c = pyodbc.connect(connection_string(MetricRulesDate=RULES_DATE))
    got = [r[0] for r in c.cursor().execute(
        "SELECT Metric FROM sys_metrics WHERE TableName = 'MediaInsights' AND MediaKind = 'REELS' "
        "AND LiveNow = 1 AND Request = 'default'")]
    assert got == ["views", "reach", "likes", "comments", "saved", "shares", "total_interactions", "reposts",
                   "ig_reels_avg_watch_time", "ig_reels_video_view_total_time", "reels_skip_rate", "total_likes",
                   "total_comments", "total_views"]
    kinds = {r[0] for r in c.cursor().execute("SELECT DISTINCT TableName FROM sys_metrics")}
    assert kinds == {"MediaInsights", "StoryInsights", "AccountInsights", "AccountInsightTotals",
                     "AudienceInsights", "OnlineFollowers"}
    c.close()


def test_media_metrics_is_a_view_pivoting_media_insights(ds, dataset, requests_log):
    account, media = pick(ds, "FEED", "IMAGE")
    with connect(account) as c:
        kinds = {r.table_name: r.table_type for r in c.cursor().tables(schema="Instagram")}
        assert kinds["MediaMetrics"] == "VIEW"
        assert kinds["sys_metrics"] == "SYSTEM TABLE" and kinds["sys_ratelimit"] == "SYSTEM TABLE"
        row = c.cursor().execute(
            "SELECT MediaId, Reach, ProfileActivity, ProfileActivityBioLinkClicked, Impressions, Permalink "
            "FROM MediaMetrics WHERE MediaId = ?", media["id"]).fetchone()
    values = media_insights(dataset, media["id"])
    assert row.MediaId == media["id"]
    assert row.Reach == values["values"]["reach"]
    assert row.ProfileActivity == values["values"]["profile_activity"]
    bio = values["breakdowns"].get("profile_activity", {})
    bio = {k.upper(): v for k, v in bio.items()}.get("BIO_LINK_CLICKED")
    assert row.ProfileActivityBioLinkClicked == bio
    assert row.Impressions is None  # retired
    assert row.Permalink == media.get("permalink")


def test_sys_ratelimit_shows_the_usage_headers(ds, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        c.cursor().execute("SELECT Id FROM Media LIMIT 1").fetchall()
        rows = c.cursor().execute("SELECT Header, ObjectId, Type, CallCount, ObservedAt FROM sys_ratelimit").fetchall()
    headers = {r.Header for r in rows}
    assert "X-App-Usage" in headers
    for r in rows:
        if r.Header == "X-App-Usage":
            assert (r.ObjectId, r.Type) == ("app", "app")
        assert r.ObservedAt is not None
