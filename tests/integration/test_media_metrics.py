"""MediaMetrics (data-model 6.1) is a virtual table: the metric columns a statement uses pick the metric= lists
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


def test_select_star_equals_the_old_view(ds, requests_log):
    account = small_account(ds)
    with pyodbc.connect(connection_string(BusinessAccountId=account)) as c:
        (names, rows, calls, sent), (old, old_calls, old_sent) = compare(c, requests_log, "*")
    assert rows == old and len(rows) == len(ds.media_of(account))
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
    print(f"\nMEASURED MediaMetrics 6.1 example ({len(rows)} media): {len(sent)} HTTP requests, {len(calls)} calls "
          f"(old view: {len(old_sent)} requests, {len(old_calls)} calls)")


def test_breakdown_column_lookup(ds, requests_log):
    account = ds.big_account()["id"]
    media = next(m for m in ds.media_of(account) if m.get("media_product_type") == "FEED")
    with pyodbc.connect(connection_string(BusinessAccountId=account)) as c:
        (names, rows, calls, sent), (old, _, _) = compare(
            c, requests_log, "MediaId, ProfileActivityBioLinkClicked", f"WHERE MediaId = '{media['id']}'",
            f"WHERE m.Id = '{media['id']}'")
    assert rows == old and len(rows) == 1
    assert insight_calls(calls) == [("profile_activity", "action_type")]  # no main call (6.1 example)


def test_no_metric_column_makes_no_insight_call(ds, requests_log):
    account = small_account(ds)
    with pyodbc.connect(connection_string(BusinessAccountId=account)) as c:
        (names, rows, calls, sent), (old, _, _) = compare(c, requests_log, "MediaId, Caption")
    assert rows == old and rows
    assert not insight_calls(calls)
