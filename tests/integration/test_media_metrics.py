"""MediaMetrics is a virtual table: the metric columns a statement uses pick the metric= lists
of the media insight calls (and whether the profile_activity breakdown call runs); a statement without metric
columns makes no insight call, and Timestamp reaches both walks. Its rows equal the Media LEFT JOIN
MediaInsights pivot it used to be (computed here as the oracle, which also shows what the old view cost)."""
from urllib.parse import parse_qs, urlsplit

import pyodbc
import pytest

from conftest import connection_string

ACTIONS = {"BioLinkClicked": "BIO_LINK_CLICKED", "Call": "CALL", "Direction": "DIRECTION", "Email": "EMAIL",
           "Text": "TEXT", "Other": "OTHER"}
PIVOT = {"Views": "views", "Reach": "reach", "Likes": "likes", "Comments": "comments", "Saved": "saved",
         "Shares": "shares", "TotalInteractions": "total_interactions", "Reposts": "reposts", "Follows": "follows",
         "ProfileVisits": "profile_visits", "ProfileActivity": "profile_activity",
         "IgReelsAvgWatchTime": "ig_reels_avg_watch_time",
         "IgReelsVideoViewTotalTime": "ig_reels_video_view_total_time", "ReelsSkipRate": "reels_skip_rate",
         "TotalLikes": "total_likes", "TotalComments": "total_comments", "TotalViews": "total_views",
         "FacebookViews": "facebook_views", "CrosspostedViews": "crossposted_views", "Impressions": "impressions",
         "Plays": "plays", "VideoViews": "video_views"}
ATTRIBUTES = {"MediaId": "Id", "AccountId": "AccountId", "MediaType": "MediaType",
              "MediaProductType": "MediaProductType", "Timestamp": "Timestamp", "Permalink": "Permalink",
              "Caption": "Caption"}


def old_view_sql(columns, where=""):
    """The SELECT the MediaMetrics view ran before it became a virtual table."""
    cases, outer = [], []
    for name in columns:
        if name in ATTRIBUTES:
            outer.append(f'm.{ATTRIBUTES[name]} AS "{name}"')
            continue
        if name.startswith("ProfileActivity") and name != "ProfileActivity":
            cond = f"Metric = 'profile_activity' AND BreakdownValue = '{ACTIONS[name[len('ProfileActivity'):]]}'"
        else:
            cond = f"Metric = '{PIVOT[name]}' AND Breakdown IS NULL"
        cast = "REAL" if name == "ReelsSkipRate" else "INTEGER"
        cases.append(f', CAST(max(CASE WHEN {cond} THEN Value END) AS {cast}) AS "{name}"')
        outer.append(f'i."{name}"')
    return (f"SELECT {', '.join(outer)} FROM Media m LEFT JOIN (SELECT MediaId{''.join(cases)} FROM MediaInsights "
            f"GROUP BY MediaId) i ON i.MediaId = m.Id {where}")


def as_number(name, v):
    if name in ATTRIBUTES or not isinstance(v, str):
        return v
    return float(v) if name == "ReelsSkipRate" else int(v)


def run(conn, requests_log, sql, *params):
    requests_log.mark()
    cur = conn.cursor().execute(sql, *params)
    names = [d[0] for d in cur.description]
    rows = [tuple(as_number(n, v) for n, v in zip(names, r)) for r in cur.fetchall()]
    calls = []
    for method, url, n in conn.cursor().execute("SELECT Method, Url, Rows FROM sys_requests"):
        parts = urlsplit(url)
        calls.append((method, parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()}, n))
    return names, rows, calls, requests_log.since()


def compare(conn, requests_log, select, where="", old_where=""):
    names, rows, calls, sent = run(conn, requests_log, f"SELECT {select} FROM MediaMetrics {where}")
    _, old, old_calls, old_sent = run(conn, requests_log, old_view_sql(names, old_where))
    return (names, sorted(rows, key=str), calls, sent), (sorted(old, key=str), old_calls, old_sent)


def insight_calls(calls):
    return [(p["metric"], p.get("breakdown")) for _, path, p, _ in calls if path.endswith("/insights")]


def small_account(ds):
    return min((a for a in ds.accounts() if ds.media_of(a["id"])), key=lambda a: len(ds.media_of(a["id"])))["id"]


OPT_IN = {"FacebookViews": "facebook_views", "CrosspostedViews": "crossposted_views"}


def opt_in_values(conn, metric):
    """The long table's value of an opt-in metric per media (its own opt-in calls); absent = no value."""
    sql = "SELECT MediaId, Value FROM MediaInsights WHERE Metric = ?"
    return {r.MediaId: int(r.Value) for r in conn.cursor().execute(sql, metric)}


def with_opt_in(names, old, values):
    """The old view left the opt-in columns NULL: fill them from the long table's opt-in rows."""
    key = names.index("MediaId")
    out = []
    for r in old:
        r = list(r)
        for column, by_media in values.items():
            r[names.index(column)] = by_media.get(r[key])
        out.append(tuple(r))
    return sorted(out, key=str)


def opt_in_calls(calls, metric):
    return [path.split("/")[-2] for _, path, p, _ in calls if path.endswith("/insights") and p["metric"] == metric]


def warnings_of(cursor):
    return [m[1] for m in cursor.messages if "01000" in m[0]]


def test_select_star_equals_the_old_view(ds, requests_log):
    account = small_account(ds)
    with pyodbc.connect(connection_string(BusinessAccountId=account)) as c:
        (names, rows, calls, sent), (old, old_calls, old_sent) = compare(c, requests_log, "*")
        old = with_opt_in(names, old, {col: opt_in_values(c, m) for col, m in OPT_IN.items()})
    assert rows == old and len(rows) == len(ds.media_of(account))
    # SELECT * uses the opt-in columns: one facebook_views call per media, crossposted_views per reel
    assert sorted(opt_in_calls(calls, "facebook_views")) == sorted(r[names.index("MediaId")] for r in rows)
    reels = [r[names.index("MediaId")] for r in rows if r[names.index("MediaProductType")] == "REELS"]
    assert sorted(opt_in_calls(calls, "crossposted_views")) == sorted(reels)
    print(f"\nMEASURED MediaMetrics SELECT * ({len(rows)} media): {len(sent)} HTTP requests, {len(calls)} calls "
          f"(old view: {len(old_sent)} requests, {len(old_calls)} calls)")


def test_spec_example_timestamp_and_three_metrics(ds, requests_log):
    account = ds.big_account()["id"]
    since = "2026-05-01"
    with pyodbc.connect(connection_string(BusinessAccountId=account)) as c:
        (names, rows, calls, sent), (old, old_calls, old_sent) = compare(
            c, requests_log, "MediaId, Reach, Views, Saved", f"WHERE Timestamp >= '{since}'",
            f"WHERE m.Timestamp >= '{since}'")
    assert rows == old and rows
    metrics = insight_calls(calls)
    # Kinds without saved (reels) ask views,reach only; no breakdown call
    assert set(metrics) <= {("views,reach,saved", None), ("views,reach", None)} and metrics
    walks = [p for _, path, p, _ in calls if path.endswith("/media")]
    assert walks and all("since" in p for p in walks)  # Timestamp reaches the walks
    assert len(sent) < len(old_sent)
    # sys_requests.Rows: the insight responses are credited with the rows they gave
    assert sum(n for _, path, _, n in calls if path.endswith("/insights")) == sum(
        v is not None for r in rows for v in r[1:])
    print(f"\nMEASURED MediaMetrics example ({len(rows)} media): {len(sent)} HTTP requests, {len(calls)} calls "
          f"(old view: {len(old_sent)} requests, {len(old_calls)} calls)")


def test_breakdown_column_lookup(ds, requests_log):
    account = ds.big_account()["id"]
    media = next(m for m in ds.media_of(account) if m.get("media_product_type") == "FEED")
    with pyodbc.connect(connection_string(BusinessAccountId=account)) as c:
        (names, rows, calls, sent), (old, _, _) = compare(
            c, requests_log, "MediaId, ProfileActivityBioLinkClicked", f"WHERE MediaId = '{media['id']}'",
            f"WHERE m.Id = '{media['id']}'")
    assert rows == old and len(rows) == 1
    assert insight_calls(calls) == [("profile_activity", "action_type")]  # no main call


def test_no_metric_column_makes_no_insight_call(ds, requests_log):
    account = small_account(ds)
    with pyodbc.connect(connection_string(BusinessAccountId=account)) as c:
        (names, rows, calls, sent), (old, _, _) = compare(c, requests_log, "MediaId, Caption")
    assert rows == old and rows
    assert not insight_calls(calls)


def test_opt_in_columns_make_one_call_per_allowed_media(ds, requests_log):
    """6.1/5.3: FacebookViews and CrosspostedViews run their opt-in call alone, once per media whose kind
    allows the metric (crossposted_views: REELS only); an error leaves NULL and one warning counts the media."""
    account = ds.big_account()["id"]
    with pyodbc.connect(connection_string(BusinessAccountId=account)) as c:
        requests_log.mark()
        cur = c.cursor().execute("SELECT MediaId, MediaProductType, FacebookViews, CrosspostedViews FROM MediaMetrics")
        rows = [tuple(r) for r in cur.fetchall()]
        warnings = warnings_of(cur)
        calls = [(m, urlsplit(u).path, {k: v[0] for k, v in parse_qs(urlsplit(u).query).items()}, n)
                 for m, u, n in c.cursor().execute("SELECT Method, Url, Rows FROM sys_requests")]
        assert rows and len(rows) == len(ds.media_of(account))
        # only opt-in calls, each alone; one per media for facebook_views, one per reel for crossposted_views
        assert {p["metric"] for _, path, p, _ in calls if path.endswith("/insights")} == set(OPT_IN.values())
        assert sorted(opt_in_calls(calls, "facebook_views")) == sorted(r[0] for r in rows)
        assert sorted(opt_in_calls(calls, "crossposted_views")) == sorted(r[0] for r in rows if r[1] == "REELS")
        assert all(r[3] is None for r in rows if r[1] != "REELS")
        # the values are those of the long table, media by media
        sample = [r for r in rows if r[2] is not None][:5] + [r for r in rows if r[2] is None][:5]
        for media_id, _, fb, _ in sample:
            long = c.cursor().execute(
                "SELECT Value FROM MediaInsights WHERE MediaId = ? AND Metric = 'facebook_views'", media_id).fetchall()
            assert [int(v.Value) for v in long] == ([] if fb is None else [int(fb)])
        values = opt_in_values(c, "crossposted_views")
        assert {r[0]: int(r[3]) for r in rows if r[3] is not None} == values
    assert any(r[2] is not None for r in rows) and any(r[2] is None for r in rows)
    # one warning per opt-in metric, counting the media without a value (pre-conversion media have their own)
    fb_warnings = [w for w in warnings if "Opt-in metric facebook_views has no value" in w]
    assert len(fb_warnings) == 1
    if not any("before the account became a business account" in w for w in warnings):
        assert f"for {sum(r[2] is None for r in rows)} media" in fb_warnings[0]
    print(f"\nMEASURED MediaMetrics opt-in columns ({len(rows)} media): "
          f"{len(opt_in_calls(calls, 'facebook_views'))} facebook_views calls, "
          f"{len(opt_in_calls(calls, 'crossposted_views'))} crossposted_views calls")


def test_opt_in_column_by_media_id_is_one_call(ds, requests_log):
    account = ds.big_account()["id"]
    media = next(m for m in ds.media_of(account) if m.get("media_product_type") == "FEED")
    with pyodbc.connect(connection_string(BusinessAccountId=account)) as c:
        names, rows, calls, _ = run(c, requests_log, "SELECT FacebookViews FROM MediaMetrics WHERE MediaId = ?",
                                    media["id"])
        long = c.cursor().execute(
            "SELECT Value FROM MediaInsights WHERE MediaId = ? AND Metric = 'facebook_views'", media["id"]).fetchall()
    assert insight_calls(calls) == [("facebook_views", None)]  # alone: no main call, no crossposted_views
    assert rows == [(int(long[0].Value) if long else None,)]


def test_without_opt_in_columns_no_opt_in_call(ds, requests_log):
    account = ds.big_account()["id"]
    with pyodbc.connect(connection_string(BusinessAccountId=account)) as c:
        names, rows, calls, _ = run(c, requests_log,
                                    "SELECT MediaId, Reach, ProfileActivityCall, IgReelsAvgWatchTime FROM MediaMetrics")
    assert rows and insight_calls(calls)
    assert not [m for m, _ in insight_calls(calls) if set(m.split(",")) & set(OPT_IN.values())]
