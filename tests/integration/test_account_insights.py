"""AccountInsights, AccountInsightTotals, AudienceInsights, OnlineFollowers and the StoryMetrics /
AccountDailyMetrics views through unixODBC against the emulator: columns equal
the contract, values equal the emulator's dataset, the Graph calls equal the documented examples, ranges are split
into windows of at most 30 days, and the degraded cases are 01000 warnings."""
import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pyodbc
import pytest

import spec_tables
from conftest import connection_string

# The emulator's clock stands at 2026-11-01 13:00 UTC; the metric rules are evaluated on the same day.
RULES_DATE = "2026-11-01"
TYPES = {"VARCHAR": pyodbc.SQL_VARCHAR, "WVARCHAR": pyodbc.SQL_WVARCHAR, "BIGINT": pyodbc.SQL_BIGINT,
         "INTEGER": pyodbc.SQL_INTEGER, "DOUBLE": pyodbc.SQL_DOUBLE, "BIT": pyodbc.SQL_BIT,
         "TIMESTAMP": pyodbc.SQL_TYPE_TIMESTAMP, "DATE": pyodbc.SQL_TYPE_DATE}
V_LIST = ("views,accounts_engaged,likes,comments,saves,shares,replies,reposts,total_interactions,"
          "profile_links_taps,follows_and_unfollows,profile_views")


def connect(account, **extra):
    props = {"BusinessAccountId": account, "MetricRulesDate": RULES_DATE}
    props.update(extra)
    return pyodbc.connect(connection_string(**props))


def unix(day):
    return int(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(), dt.timezone.utc).timestamp())


def day_str(d):
    return d.isoformat() if isinstance(d, dt.date) else str(d)


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


def account_data(dataset, account):
    return dataset["insights"]["accounts"][account]


def daily(dataset, account, metric, day):
    data = account_data(dataset, account)
    first = dt.date.fromisoformat(data["first_day"])
    return data["daily"][metric][(dt.date.fromisoformat(day) - first).days]


def breakdown_of(dataset, account, key, day):
    data = account_data(dataset, account)
    first = dt.date.fromisoformat(data["first_day"])
    i = (dt.date.fromisoformat(day) - first).days
    return {v: arr[i] for v, arr in data["breakdowns"].get(key, {}).items() if arr[i] is not None}


def followers(ds, account):
    return next(int(a["followers_count"]) for a in ds.accounts() if a["id"] == account)


def small_account(ds):
    return next(a["id"] for a in ds.accounts() if int(a["followers_count"]) < 100)


@pytest.mark.parametrize("table", ["AccountInsights", "AccountInsightTotals", "AudienceInsights", "OnlineFollowers",
                                   "StoryMetrics", "AccountDailyMetrics"])
def test_columns_equal_the_contract(conn, table):
    expected = spec_tables.columns(table)
    assert expected
    got = conn.cursor().columns(table=table).fetchall()
    assert [r.column_name for r in got] == [c[0] for c in expected]
    for row, (name, typ, nullable) in zip(got, expected):
        assert row.data_type == TYPES[typ.split("(")[0]], name
        assert row.type_name == typ.split("(")[0], name
        if "(" in typ:
            assert row.column_size == int(typ.split("(")[1].rstrip(")")), name
        assert bool(row.nullable) == nullable, name


def test_table_types(conn):
    kinds = {r.table_name: r.table_type for r in conn.cursor().tables(schema="Instagram")}
    for t in ("AccountInsights", "AccountInsightTotals", "AudienceInsights", "OnlineFollowers"):
        assert kinds[t] == "TABLE"
    assert kinds["StoryMetrics"] == "VIEW" and kinds["AccountDailyMetrics"] == "VIEW"


def test_keys(conn):
    pk = conn.cursor().primaryKeys("AccountInsights").fetchall()
    assert [r.column_name for r in sorted(pk, key=lambda r: r.key_seq)] == [
        "AccountId", "Metric", "Period", "Date", "Breakdown", "BreakdownValue"]
    fks = conn.cursor().foreignKeys(foreignTable="OnlineFollowers").fetchall()
    assert {(r.fkcolumn_name, r.pktable_name, r.pkcolumn_name) for r in fks} == {("AccountId", "Accounts", "Id")}


def test_reach_over_three_days_is_one_time_series_call(ds, dataset, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        rows = c.cursor().execute(
            "SELECT Date, Value, Period, MetricType, EndTime FROM AccountInsights WHERE Metric = 'reach' "
            "AND Breakdown IS NULL AND Date >= '2026-10-01' AND Date < '2026-10-04'").fetchall()
        calls = ops(c)
    assert calls == [("GET", account + "/insights",
                      {"metric": "reach", "period": "day", "metric_type": "time_series",
                       "since": str(unix("2026-10-01")), "until": str(unix("2026-10-04"))}, None)]
    assert [day_str(r.Date) for r in rows] == ["2026-10-03", "2026-10-02", "2026-10-01"]
    for r in rows:
        assert r.Value == daily(dataset, account, "reach", day_str(r.Date))
        assert (r.Period, r.MetricType) == ("day", "time_series")
        assert r.EndTime.date() == dt.date.fromisoformat(day_str(r.Date)) + dt.timedelta(days=1)
    assert len(requests_log.since()) == 1


def test_breakdown_rows_are_one_batch_of_two_daily_calls(ds, dataset, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        rows = c.cursor().execute(
            "SELECT Date, BreakdownValue, Value, EndTime FROM AccountInsights WHERE Metric = 'views' "
            "AND Breakdown = 'media_product_type' AND Date BETWEEN '2026-10-01' AND '2026-10-02'").fetchall()
        calls = ops(c)
    assert calls[0][0] == "POST"
    base = {"metric": "views", "period": "day", "metric_type": "total_value", "breakdown": "media_product_type"}
    assert [cl[2] for cl in calls[1:]] == [
        dict(base, since=str(unix("2026-10-02")), until=str(unix("2026-10-03"))),
        dict(base, since=str(unix("2026-10-01")), until=str(unix("2026-10-02"))),
    ]
    assert all(cl[3] == calls[1][3] and cl[1] == account + "/insights" for cl in calls[1:])
    for day in ("2026-10-01", "2026-10-02"):
        got = {r.BreakdownValue: r.Value for r in rows if day_str(r.Date) == day}
        assert got == breakdown_of(dataset, account, "views/media_product_type", day)
        # total_value rows: EndTime is the until sent
        assert {r.EndTime for r in rows if day_str(r.Date) == day} == {
            dt.datetime.fromisoformat(day) + dt.timedelta(days=1)}
    assert [r["method"] for r in requests_log.since()] == ["POST"]


def test_ninety_days_are_split_into_30_day_windows(ds, dataset, requests_log):
    """SELECT * over 91 days: T in windows of at most 30 days, V/B-mpt/B-follow/B-contact per day, 50 to a batch."""
    account = ds.big_account()["id"]
    with connect(account) as c:
        cur = c.cursor()
        rows = cur.execute("SELECT * FROM AccountInsights WHERE AccountId = ? AND Date BETWEEN '2026-08-03' "
                           "AND '2026-11-01'", account).fetchall()
        calls = ops(c)
    sent = requests_log.since()
    days = 91
    t_ops = [cl for cl in calls if cl[2].get("metric_type") == "time_series"]
    windows = sorted((int(cl[2]["since"]), int(cl[2]["until"])) for cl in t_ops)
    assert all(u - s <= 30 * 86400 for s, u in windows)
    covered = sum((u - s) // 86400 for s, u in windows)
    assert covered == days  # every day once, no overlap
    assert windows[0][0] == unix("2026-08-03") and windows[-1][1] == unix("2026-11-02")
    per_day = [cl for cl in calls if cl[2].get("metric_type") == "total_value"]
    assert len(per_day) == 4 * days
    # chunks of 30 days (30, 30, 30, 1): each chunk is ceil(ops/50) batch POSTs; the follower_count boundary
    # (30 days before the rules date) adds one T window
    assert all(r["method"] == "POST" for r in sent)
    print(f"\nMEASURED AccountInsights 91 days (SELECT *): {len(sent)} HTTP requests, "
          f"{len(calls) - len(sent)} batched operations, {len(rows)} rows")
    assert len(sent) <= 11
    # values equal the dataset
    totals = {(r.Metric, day_str(r.Date)): r.Value for r in rows if r.Breakdown is None}
    for metric in ("reach", "views", "likes", "follows_and_unfollows", "profile_views", "follower_count"):
        for day in ("2026-08-03", "2026-09-15", "2026-10-31"):
            want = daily(dataset, account, metric, day)
            assert totals.get((metric, day)) == want, (metric, day)
    assert ("follower_count", "2026-11-01") not in totals  # follower_count: only the 30 days before today
    got = {r.BreakdownValue: r.Value for r in rows
           if r.Metric == "profile_links_taps" and r.Breakdown == "contact_button_type"
           and day_str(r.Date) == "2026-09-15"}
    assert got == breakdown_of(dataset, account, "profile_links_taps/contact_button_type", "2026-09-15")
    # order: Date descending, then rule order, total before breakdown rows
    dates = [day_str(r.Date) for r in rows]
    assert dates == sorted(dates, reverse=True)
    assert not warnings_of(cur)


def test_end_time_filter_over_ninety_days(ds, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        rows = c.cursor().execute(
            "SELECT * FROM AccountInsights WHERE EndTime >= '2026-08-03'").fetchall()
    sent = requests_log.since()
    print(f"\nMEASURED AccountInsights EndTime >= 90 days back: {len(sent)} HTTP requests, {len(rows)} rows")
    assert rows and all(r.EndTime >= dt.datetime(2026, 8, 3) for r in rows)
    assert len(sent) <= 12


def test_limit_preview_is_one_batch_of_five(ds, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        rows = c.cursor().execute("SELECT * FROM AccountInsights LIMIT 20").fetchall()
        calls = ops(c)
    assert len(rows) == 20
    assert [r["method"] for r in requests_log.since()] == ["POST"]
    today = str(unix(RULES_DATE))
    tomorrow = str(unix(RULES_DATE) + 86400)
    assert calls[1][2] == {"metric": "reach", "period": "day", "metric_type": "time_series", "since": today,
                           "until": tomorrow}
    assert calls[2][2] == {"metric": V_LIST, "period": "day", "metric_type": "total_value", "since": today,
                           "until": tomorrow}
    assert [cl[2].get("breakdown") for cl in calls[3:]] == ["media_product_type", "follow_type",
                                                           "contact_button_type"]


def test_retired_metric_filter_gives_no_rows_and_a_warning(ds, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        cur = c.cursor()
        rows = cur.execute("SELECT * FROM AccountInsights WHERE Metric = 'impressions' "
                           "AND Date >= '2026-10-01'").fetchall()
        warnings = warnings_of(cur)
    assert rows == []
    assert requests_log.since() == []
    assert len(warnings) == 1 and "impressions was retired" in warnings[0] and "use views" in warnings[0]


def test_metric_rejected_by_instagram_is_dropped_with_one_warning(ds, dataset, requests_log):
    # v21 rules before 2025-04-21 still list impressions; the emulator (today: 2026-11-01) refuses it.
    account = ds.big_account()["id"]
    with connect(account, Version="v21.0", MetricRulesDate="2025-03-01") as c:
        cur = c.cursor()
        rows = cur.execute("SELECT Metric, Date, Value FROM AccountInsights WHERE MetricType = 'time_series' "
                           "AND Date BETWEEN '2025-01-01' AND '2025-01-03'").fetchall()
        warnings = warnings_of(cur)
    assert {r.Metric for r in rows} == {"reach"}
    assert {day_str(r.Date): r.Value for r in rows} == {
        d: daily(dataset, account, "reach", d) for d in ("2025-01-01", "2025-01-02", "2025-01-03")}
    assert len(warnings) == 1
    assert "rejected account metric impressions" in warnings[0] and "for 1 account" in warnings[0]


def test_small_account_follower_count_is_a_warning(ds, dataset, requests_log):
    account = small_account(ds)
    assert followers(ds, account) < 100
    with connect(account) as c:
        cur = c.cursor()
        rows = cur.execute("SELECT Metric, Date, Value FROM AccountInsights WHERE Breakdown IS NULL "
                           "AND Date BETWEEN '2026-10-20' AND '2026-10-22'").fetchall()
        warnings = warnings_of(cur)
    metrics = {r.Metric for r in rows}
    assert "follower_count" not in metrics and "reach" in metrics and "views" in metrics
    assert len(warnings) == 1 and "fewer than 100 followers" in warnings[0] and "follower_count" in warnings[0]
    reach = {day_str(r.Date): r.Value for r in rows if r.Metric == "reach"}
    assert reach == {d: daily(dataset, account, "reach", d) for d in ("2026-10-20", "2026-10-21", "2026-10-22")}


def test_totals_example_is_one_call(ds, dataset, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        rows = c.cursor().execute(
            "SELECT Metric, Value, StartDate, EndDate FROM AccountInsightTotals WHERE StartDate = '2026-10-01' "
            "AND EndDate = '2026-10-30' AND Breakdown IS NULL").fetchall()
        calls = ops(c)
    assert calls == [("GET", account + "/insights",
                      {"metric": "reach," + V_LIST, "period": "day", "metric_type": "total_value",
                       "since": str(unix("2026-10-01")), "until": str(unix("2026-10-31"))}, None)]
    got = {r.Metric: r.Value for r in rows}
    days = [(dt.date(2026, 10, 1) + dt.timedelta(days=i)).isoformat() for i in range(30)]
    for metric in ("views", "likes", "shares", "profile_views"):  # additive metrics: the sum of the days
        assert got[metric] == sum(daily(dataset, account, metric, d) for d in days)
    assert got["reach"] <= sum(daily(dataset, account, "reach", d) for d in days)  # unique accounts
    assert {(day_str(r.StartDate), day_str(r.EndDate)) for r in rows} == {("2026-10-01", "2026-10-30")}


def test_totals_default_span_and_limits(ds, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        rows = c.cursor().execute("SELECT * FROM AccountInsightTotals").fetchall()
        calls = ops(c)
        assert {(day_str(r.StartDate), day_str(r.EndDate)) for r in rows} == {("2026-10-02", "2026-10-31")}
        assert len(calls) == 5 and calls[0][0] == "POST"  # V, B-mpt, B-follow, B-contact in one batch
        assert {r.Breakdown for r in rows} == {None, "media_product_type", "follow_type", "contact_button_type"}
        with pytest.raises(pyodbc.Error) as e:
            c.cursor().execute("SELECT * FROM AccountInsightTotals WHERE StartDate = '2026-09-01' "
                               "AND EndDate = '2026-10-15'").fetchall()
        assert "22023" in str(e.value)
        assert ("AccountInsightTotals.StartDate: the span is 45 days; Instagram totals cover at most 30 days"
                in str(e.value))


def test_audience_example_and_top_45(ds, dataset, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        rows = c.cursor().execute(
            "SELECT Key, Value FROM AudienceInsights WHERE Metric = 'follower_demographics' "
            "AND Breakdown = 'country' AND Timeframe = 'this_month'").fetchall()
        calls = ops(c)
    assert calls == [("GET", account + "/insights",
                      {"metric": "follower_demographics", "period": "lifetime", "metric_type": "total_value",
                       "timeframe": "this_month", "breakdown": "country"}, None)]
    want = account_data(dataset, account)["demographics"]["follower_demographics"]["this_month"]["country"]
    assert [(r.Key, r.Value) for r in rows] == [tuple(kv) for kv in want]
    assert len(rows) <= 45


def test_audience_default_scan_is_thirty_operations(ds, dataset, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        rows = c.cursor().execute("SELECT * FROM AudienceInsights").fetchall()
        calls = ops(c)
    assert [r["method"] for r in requests_log.since()] == ["POST"]
    assert len(calls) == 31
    demo = account_data(dataset, account)["demographics"]
    want = sum(len(demo[m][t][b]) for m in demo for t in ("this_week", "this_month")
               for b in ("age", "gender", "country", "city", "age,gender"))
    assert len(rows) == want
    cities = [r.Key for r in rows if r.Breakdown == "city"]
    assert cities and all("," in k for k in cities)  # "City, Region" keeps its comma


def test_small_account_demographics_and_online_followers_warn(ds, requests_log):
    account = small_account(ds)
    with connect(account) as c:
        cur = c.cursor()
        assert cur.execute("SELECT * FROM AudienceInsights").fetchall() == []
        w = warnings_of(cur)
        assert len(w) == 1 and "fewer than 100 followers" in w[0]
        cur = c.cursor()
        assert cur.execute("SELECT * FROM OnlineFollowers").fetchall() == []
        w = warnings_of(cur)
        assert len(w) == 1 and "fewer than 100 followers" in w[0]


def test_online_followers_example(ds, dataset, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        rows = c.cursor().execute("SELECT Hour, Value, EndTime FROM OnlineFollowers WHERE Date = '2026-10-20'").fetchall()
        calls = ops(c)
    assert calls == [("GET", account + "/insights",
                      {"metric": "online_followers", "period": "lifetime", "since": str(unix("2026-10-20")),
                       "until": str(unix("2026-10-21"))}, None)]
    want = account_data(dataset, account)["online_followers"]["2026-10-20"]
    assert {str(r.Hour): r.Value for r in rows} == want
    assert [r.Hour for r in rows] == sorted(r.Hour for r in rows)


def test_online_followers_default_window_is_thirty_days(ds, dataset, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        rows = c.cursor().execute("SELECT Date, Hour, Value FROM OnlineFollowers").fetchall()
        calls = ops(c)
    assert len(calls) == 1
    assert calls[0][2]["since"] == str(unix("2026-10-02")) and calls[0][2]["until"] == str(unix("2026-11-01"))
    want = account_data(dataset, account)["online_followers"]
    got = {}
    for r in rows:
        got.setdefault(day_str(r.Date), {})[str(r.Hour)] = r.Value
    assert got == {d: h for d, h in want.items() if h}


def test_account_daily_metrics_pivots_account_insights(ds, dataset, requests_log):
    account = ds.big_account()["id"]
    with connect(account) as c:
        rows = c.cursor().execute(
            "SELECT * FROM AccountDailyMetrics WHERE Date >= '2026-10-20' AND Date < '2026-10-23'").fetchall()
        calls = ops(c)
    sent = requests_log.since()
    print(f"\nMEASURED AccountDailyMetrics 3 days: {len(sent)} HTTP requests, {len(calls) - len(sent)} operations")
    assert [day_str(r.Date) for r in rows] == ["2026-10-22", "2026-10-21", "2026-10-20"]
    # Date reaches the API: no day outside the range is asked for
    for cl in calls[1:]:
        assert int(cl[2]["since"]) >= unix("2026-10-20") and int(cl[2]["until"]) <= unix("2026-10-23")
    per_day = [cl[2].get("breakdown") for cl in calls if cl[2].get("metric_type") == "total_value"]
    # V, B-follow and B-contact; never B-mpt, which no column reads: 3 operations a day
    assert len(per_day) == 3 * 3 and "media_product_type" not in per_day
    for r in rows:
        d = day_str(r.Date)
        assert r.AccountId == account
        assert r.Reach == daily(dataset, account, "reach", d)
        assert r.FollowerCount == daily(dataset, account, "follower_count", d)
        assert r.Views == daily(dataset, account, "views", d)
        assert r.ProfileViews == daily(dataset, account, "profile_views", d)
        follow = breakdown_of(dataset, account, "follows_and_unfollows/follow_type", d)
        assert (r.Follows, r.Unfollows) == (follow.get("FOLLOWER"), follow.get("NON_FOLLOWER"))
        taps = breakdown_of(dataset, account, "profile_links_taps/contact_button_type", d)
        assert r.ProfileLinksTapsCall == taps.get("CALL")
        assert r.Impressions is None and r.WebsiteClicks is None  # retired


def test_story_metrics_pivots_story_insights(ds, dataset, requests_log):
    stories = [(a["id"], s) for a in ds.accounts() for s in dataset.get("stories", {}).get(a["id"], [])]
    if not stories:
        pytest.skip("no stories in the dataset")
    account = stories[0][0]
    with connect(account) as c:
        cur = c.cursor()
        rows = cur.execute("SELECT * FROM StoryMetrics").fetchall()
        ids = [r.Id for r in c.cursor().execute("SELECT Id FROM Stories")]  # the live ones (24 h)
    assert ids
    assert sorted(r.MediaId for r in rows) == sorted(ids)
    for r in rows:
        values = dataset["insights"]["media"][r.MediaId]["values"]
        if r.Reach is None:
            continue  # under 5 viewers: a row with NULL metrics (and a warning)
        assert r.Reach == values["reach"]
        nav = {k.upper(): v for k, v in dataset["insights"]["media"][r.MediaId]["breakdowns"].get("navigation", {}).items()}
        assert r.NavigationTapForward == nav.get("TAP_FORWARD")
        assert r.Impressions is None
