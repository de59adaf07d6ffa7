"""AccountDailyMetrics is a virtual table: the metric columns a statement uses pick the call
groups and metric= lists (T, V, B-follow, B-contact; never B-mpt), and its rows equal the GROUP BY pivot of
AccountInsights that the table used to be (computed here from the long table as the oracle, which also shows
what the old view cost)."""
import datetime as dt
import math
from urllib.parse import parse_qs, urlsplit

import pyodbc

from conftest import connection_string

RULES_DATE = "2026-11-01"  # the emulator's clock stands at 2026-11-01 13:00 UTC

# Metric column -> (metric, breakdown, breakdown value) of the long rows it takes.
CONTACT = {"BookNow": "BOOK_NOW", "Call": "CALL", "Direction": "DIRECTION", "Email": "EMAIL",
           "InstantExperience": "INSTANT_EXPERIENCE", "Text": "TEXT", "Undefined": "UNDEFINED"}
PIVOT = {"Reach": ("reach", None, None), "FollowerCount": ("follower_count", None, None),
         "Views": ("views", None, None), "AccountsEngaged": ("accounts_engaged", None, None),
         "Likes": ("likes", None, None), "Comments": ("comments", None, None), "Saves": ("saves", None, None),
         "Shares": ("shares", None, None), "Replies": ("replies", None, None), "Reposts": ("reposts", None, None),
         "TotalInteractions": ("total_interactions", None, None),
         "ProfileLinksTaps": ("profile_links_taps", None, None),
         **{"ProfileLinksTaps" + k: ("profile_links_taps", "contact_button_type", v) for k, v in CONTACT.items()},
         "Follows": ("follows_and_unfollows", "follow_type", "FOLLOWER"),
         "Unfollows": ("follows_and_unfollows", "follow_type", "NON_FOLLOWER"),
         "ProfileViews": ("profile_views", None, None), "Impressions": ("impressions", None, None),
         "WebsiteClicks": ("website_clicks", None, None), "EmailContacts": ("email_contacts", None, None),
         "PhoneCallClicks": ("phone_call_clicks", None, None),
         "TextMessageClicks": ("text_message_clicks", None, None),
         "GetDirectionClicks": ("get_direction_clicks", None, None)}


def connect(account):
    return pyodbc.connect(connection_string(BusinessAccountId=account, MetricRulesDate=RULES_DATE))


def unix(day):
    return int(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), dt.timezone.utc).timestamp())


def norm(v):
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()[:10]
    return v


def as_int(v):
    # The old view's metric columns had no declared type: the driver may describe them as text.
    return int(v) if isinstance(v, str) else v


def old_pivot_sql(columns, where):
    """The SELECT the AccountDailyMetrics view ran before it became a virtual table."""
    cases = []
    for name in columns:
        metric, breakdown, value = PIVOT[name]
        cond = f"Metric = '{metric}' AND " + (
            "Breakdown IS NULL" if breakdown is None else f"Breakdown = '{breakdown}' AND BreakdownValue = '{value}'")
        cases.append(f'CAST(max(CASE WHEN {cond} THEN Value END) AS INTEGER) AS "{name}"')
    return ("SELECT AccountId, Date" + "".join(", " + c for c in cases) + " FROM AccountInsights WHERE Period = 'day' "
            "AND (Breakdown IS NULL OR Breakdown IN ('follow_type', 'contact_button_type')) AND " + where +
            " GROUP BY AccountId, Date ORDER BY AccountId, Date DESC")


def ops(conn):
    """(method, path, params, BatchSeq) of the last statement's Graph calls, from sys_requests."""
    out = []
    for method, url, batch_seq in conn.cursor().execute("SELECT Method, Url, BatchSeq FROM sys_requests"):
        parts = urlsplit(url)
        path = "/".join(parts.path.split("/")[2:]) if "://" in url else parts.path
        params = {k: v[0] for k, v in parse_qs(parts.query).items() if k not in ("access_token", "appsecret_proof")}
        out.append((method, path.lstrip("/"), params, batch_seq))
    return out


def run(conn, requests_log, sql):
    """Rows (normalised), Graph calls and HTTP requests of one statement."""
    requests_log.mark()
    cur = conn.cursor().execute(sql)
    names = [d[0] for d in cur.description]
    rows = [tuple(norm(v) for v in r) for r in cur.fetchall()]
    return names, rows, ops(conn), requests_log.since()


def compare_with_old_view(conn, requests_log, select, where):
    """Runs `select` on AccountDailyMetrics and the old pivot; returns (new, old) (rows, calls, requests)."""
    names, rows, calls, sent = run(conn, requests_log, f"SELECT {select} FROM AccountDailyMetrics WHERE {where}")
    metric_names = [n for n in names if n not in ("AccountId", "Date")]
    _, old_rows, old_calls, old_sent = run(conn, requests_log, old_pivot_sql(metric_names, where))
    old_by_name = [dict(zip(["AccountId", "Date"] + metric_names, r)) for r in old_rows]
    projected = [tuple(r[n] if n in ("AccountId", "Date") else as_int(r[n]) for n in names) for r in old_by_name]
    return (names, rows, calls, sent), (projected, old_calls, old_sent)


def batch_ops(calls):
    return [c for c in calls if c[3] is not None]


def test_spec_example_reach_and_follower_count_is_one_time_series_call(ds, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        (names, rows, calls, sent), (old, old_calls, old_sent) = compare_with_old_view(
            c, requests_log, "Date, Reach, FollowerCount", "Date >= '2026-10-25' AND Date < '2026-10-28'")
    assert calls == [("GET", account + "/insights",
                      {"metric": "reach,follower_count", "period": "day", "metric_type": "time_series",
                       "since": str(unix("2026-10-25")), "until": str(unix("2026-10-28"))}, None)]
    assert [r["method"] for r in sent] == ["GET"]
    assert [r[0] for r in rows] == ["2026-10-27", "2026-10-26", "2026-10-25"]
    assert rows == old
    print(f"\nMEASURED AccountDailyMetrics example 1: {len(sent)} HTTP request, 1 operation (old view: {len(old_sent)} POST "
          f"with {len(batch_ops(old_calls))} operations)")


def test_spec_example_views_follows_unfollows_is_one_batch_of_two(ds, dataset, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        (names, rows, calls, sent), (old, old_calls, old_sent) = compare_with_old_view(
            c, requests_log, "Date, Views, Follows, Unfollows", "Date = '2026-10-25'")
    since, until = str(unix("2026-10-25")), str(unix("2026-10-26"))
    assert [r["method"] for r in sent] == ["POST"]
    assert [(c[1], c[2]) for c in batch_ops(calls)] == [
        (account + "/insights", {"metric": "views", "period": "day", "metric_type": "total_value",
                                 "since": since, "until": until}),
        (account + "/insights", {"metric": "follows_and_unfollows", "period": "day", "metric_type": "total_value",
                                 "breakdown": "follow_type", "since": since, "until": until})]
    assert rows == old and len(rows) == 1
    data = dataset["insights"]["accounts"][account]
    i = (dt.date(2026, 10, 25) - dt.date.fromisoformat(data["first_day"])).days
    follow = {k: v[i] for k, v in data["breakdowns"]["follows_and_unfollows/follow_type"].items()}
    assert rows[0][1:] == (data["daily"]["views"][i], follow.get("FOLLOWER"), follow.get("NON_FOLLOWER"))
    print(f"\nMEASURED AccountDailyMetrics example 2: {len(sent)} POST with {len(batch_ops(calls))} operations "
          f"(old view: {len(old_sent)} POST with {len(batch_ops(old_calls))} operations)")


def test_ninety_days_of_views_and_follows_request_only_their_groups(ds, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        (names, rows, calls, sent), (old, old_calls, old_sent) = compare_with_old_view(
            c, requests_log, "Date, Views, Follows, Unfollows", "Date >= date('2026-11-01', '-90 days')")
    assert rows == old and len(rows) == 91  # 2026-08-03 .. 2026-11-01
    groups = sorted({(c[2]["metric"], c[2].get("breakdown")) for c in batch_ops(calls)})
    assert groups == [("follows_and_unfollows", "follow_type"), ("views", None)]
    assert len(batch_ops(calls)) == 2 * 91
    assert all(r["method"] == "POST" for r in sent)
    assert len(sent) == math.ceil(2 * 91 / 50) < len(old_sent)  # full batches: the chunk spans the range
    print(f"\nMEASURED 90 days Date, Views, Follows, Unfollows: {len(sent)} POSTs / {len(batch_ops(calls))} "
          f"operations (old view: {len(old_sent)} POSTs / {len(batch_ops(old_calls))} operations)")


def test_select_star_equals_the_old_pivot_without_b_mpt(ds, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        (names, rows, calls, sent), (old, old_calls, old_sent) = compare_with_old_view(
            c, requests_log, "*", "Date >= '2026-08-03' AND Date <= '2026-11-01'")
    assert names[:2] == ["AccountId", "Date"] and set(names[2:]) == set(PIVOT)
    assert rows == old and len(rows) == 91
    per_day = [(c[2]["metric"], c[2].get("breakdown")) for c in batch_ops(calls) if c[2]["metric_type"] == "total_value"]
    assert "media_product_type" not in {b for _, b in per_day}
    assert ("follows_and_unfollows", "follow_type") in per_day  # B-follow asks only what Follows/Unfollows read
    assert len(per_day) == 3 * 91
    assert len(sent) == math.ceil(len(batch_ops(calls)) / 50) < len(old_sent)
    print(f"\nMEASURED 90 days SELECT *: {len(sent)} POSTs / {len(batch_ops(calls))} operations "
          f"(old view: {len(old_sent)} POSTs / {len(batch_ops(old_calls))} operations)")


def test_no_metric_column_gives_the_same_days(ds, requests_log):
    account = ds.big_account()["id"]
    where = "Date BETWEEN '2026-10-01' AND '2026-10-10'"
    with connect(account) as c:
        _, rows, _, _ = run(c, requests_log, f"SELECT AccountId, Date FROM AccountDailyMetrics WHERE {where}")
        _, old, _, _ = run(c, requests_log, old_pivot_sql([], where))
        count = c.cursor().execute(f"SELECT COUNT(*) FROM AccountDailyMetrics WHERE {where}").fetchone()[0]
    assert rows == old and count == len(old) == 10


def test_order_and_limit(ds, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        _, rows, calls, sent = run(c, requests_log, "SELECT Date, Views FROM AccountDailyMetrics LIMIT 3")
        _, ordered, _, _ = run(c, requests_log, "SELECT Date FROM AccountDailyMetrics WHERE Date >= '2026-10-01' "
                                                "ORDER BY Date DESC")
    # Newest day first; chunks of 1 and 7 days: LIMIT 3 needs two chunks of V calls only
    assert [r[0] for r in rows] == ["2026-11-01", "2026-10-31", "2026-10-30"]
    assert {c[2]["metric"] for c in calls if "metric" in c[2]} == {"views"}
    assert len(sent) == 2
    assert [r[0] for r in ordered] == sorted((r[0] for r in ordered), reverse=True) and len(ordered) == 32


def test_ninety_days_of_reach_is_one_batch_of_time_series_windows(ds, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        (names, rows, calls, sent), (old, _, old_sent) = compare_with_old_view(
            c, requests_log, "Date, Reach, FollowerCount", "Date >= '2026-08-03'")
    assert rows == old and len(rows) == 91
    windows = [c[2] for c in calls if "metric" in c[2]]
    assert all(w["metric_type"] == "time_series" and w["metric"] in ("reach", "reach,follower_count") for w in windows)
    assert all(int(w["until"]) - int(w["since"]) <= 30 * 86400 for w in windows)
    assert len(sent) == 1
    print(f"\nMEASURED 90 days Date, Reach, FollowerCount: {len(sent)} POST / {len(windows)} windows "
          f"(old view: {len(old_sent)} POSTs)")


def test_account_and_date_lists_reach_the_scan(ds, requests_log):
    account = ds.big_account()["id"]
    where = f"AccountId = '{account}' AND Date IN ('2026-10-03', '2026-10-05', '2026-09-01')"
    with connect(account) as c:
        (names, rows, calls, sent), (old, _, _) = compare_with_old_view(c, requests_log, "AccountId, Date, Likes, "
                                                                        "ProfileLinksTapsCall", where)
    assert rows == old and [r[1] for r in rows] == ["2026-10-05", "2026-10-03", "2026-09-01"]
    days = sorted({c[2]["since"] for c in calls if "metric" in c[2]})
    assert days == sorted(str(unix(d)) for d in ("2026-10-03", "2026-10-05", "2026-09-01"))


def test_cdata_compat_view_over_it_keeps_the_projection(ds, requests_log):
    account = ds.big_account()["id"]
    props = dict(BusinessAccountId=account, MetricRulesDate=RULES_DATE, CDataCompat="true")
    with pyodbc.connect(connection_string(**props)) as c:
        _, compat, calls, _ = run(c, requests_log, "SELECT Date, Views FROM AccountTimeSeriesWithoutBreakdown "
                                                   "WHERE Date = '2026-10-25'")
        _, ours, _, _ = run(c, requests_log, "SELECT Date, Views FROM AccountDailyMetrics WHERE Date = '2026-10-25'")
    assert compat == ours and len(compat) == 1 and compat[0][1] is not None
    assert [c[2]["metric"] for c in calls if "metric" in c[2]] == ["views"]
