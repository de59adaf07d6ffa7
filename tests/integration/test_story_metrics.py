"""StoryMetrics is a virtual table: the metric columns a statement uses pick the metric= lists
of the story insight calls (and whether the navigation breakdown call runs); a statement without metric
columns makes no insight call. Its rows equal the Stories LEFT JOIN StoryInsights pivot it used to be (computed
here as the oracle, which also shows what the old view cost)."""
import pyodbc
import pytest

from conftest import connection_string

NAV = {"TapForward": "TAP_FORWARD", "TapBack": "TAP_BACK", "TapExit": "TAP_EXIT", "SwipeForward": "SWIPE_FORWARD"}
PIVOT = {"Views": ("views", None, None), "Reach": ("reach", None, None), "Shares": ("shares", None, None),
         "TotalInteractions": ("total_interactions", None, None), "Reposts": ("reposts", None, None),
         "Follows": ("follows", None, None), "ProfileVisits": ("profile_visits", None, None),
         "ProfileActivity": ("profile_activity", None, None), "Replies": ("replies", None, None),
         "Navigation": ("navigation", None, None),
         **{"Navigation" + k: ("navigation", "story_navigation_action_type", v) for k, v in NAV.items()},
         "LinkClicks": ("link_clicks", None, None), "TotalViews": ("total_views", None, None),
         "FacebookViews": ("facebook_views", None, None), "Impressions": ("impressions", None, None)}
ATTRIBUTES = {"MediaId": "Id", "AccountId": "AccountId", "MediaType": "MediaType", "Timestamp": "Timestamp",
              "Permalink": "Permalink"}


def old_view_sql(columns):
    cases, outer = [], []
    for name in columns:
        if name in ATTRIBUTES:
            outer.append(f"s.{ATTRIBUTES[name]}")
            continue
        metric, breakdown, value = PIVOT[name]
        cond = f"Metric = '{metric}' AND " + (
            "Breakdown IS NULL" if breakdown is None else f"Breakdown = '{breakdown}' AND BreakdownValue = '{value}'")
        cases.append(f', CAST(max(CASE WHEN {cond} THEN Value END) AS INTEGER) AS "{name}"')
        outer.append(f'i."{name}"')
    return (f"SELECT {', '.join(outer)} FROM Stories s LEFT JOIN (SELECT MediaId{''.join(cases)} FROM StoryInsights "
            "GROUP BY MediaId) i ON i.MediaId = s.Id")


def as_int(v):
    return int(v) if isinstance(v, str) else v


def run(conn, requests_log, sql):
    requests_log.mark()
    cur = conn.cursor().execute(sql)
    names = [d[0] for d in cur.description]
    rows = [tuple(r) for r in cur.fetchall()]
    calls = [(m, u) for m, u in conn.cursor().execute("SELECT Method, Url FROM sys_requests")]
    return names, rows, calls, requests_log.since()


def story_account(ds, dataset):
    stories = [a["id"] for a in ds.accounts() if dataset.get("stories", {}).get(a["id"])]
    if not stories:
        pytest.skip("no stories in the dataset")
    return stories[0]


def compare(conn, requests_log, select):
    names, rows, calls, sent = run(conn, requests_log, f"SELECT {select} FROM StoryMetrics")
    _, old, old_calls, old_sent = run(conn, requests_log, old_view_sql(names))
    old = [tuple(v if n in ATTRIBUTES else as_int(v) for n, v in zip(names, r)) for r in old]
    return (names, sorted(rows, key=str), calls, sent), (sorted(old, key=str), old_calls, old_sent)


def insight_metrics(calls):
    out = []
    for _, url in calls:
        if "/insights" in url and "metric=" in url:
            q = url.split("?", 1)[1]
            params = dict(p.split("=", 1) for p in q.split("&"))
            out.append((params["metric"].replace("%2C", ","), params.get("breakdown")))
    return out


def facebook_views(conn):
    """The long table's facebook_views per story (its own opt-in calls); absent = no value."""
    sql = "SELECT MediaId, Value FROM StoryInsights WHERE Metric = 'facebook_views'"
    return {r.MediaId: int(r.Value) for r in conn.cursor().execute(sql)}


def opt_in_ids(calls):
    """The story of every facebook_views call in sys_requests."""
    ids = []
    for _, url in calls:
        path, _, query = url.partition("?")
        if path.endswith("/insights") and "metric=facebook_views" in query.split("&"):
            ids.append(path.rstrip("/").split("/")[-2])
    return ids


def test_select_star_equals_the_old_view(ds, dataset, requests_log):
    account = story_account(ds, dataset)
    with pyodbc.connect(connection_string(BusinessAccountId=account)) as c:
        (names, rows, calls, sent), (old, old_calls, old_sent) = compare(c, requests_log, "*")
        fb = facebook_views(c)
    # the old view left FacebookViews NULL (no opt-in call): it now holds the long table's opt-in value
    key, col = names.index("MediaId"), names.index("FacebookViews")
    old = sorted((tuple(fb.get(r[key]) if i == col else v for i, v in enumerate(r)) for r in old), key=str)
    assert rows == old and rows
    assert sorted(opt_in_ids(calls)) == sorted(r[key] for r in rows)  # one opt-in call per story
    print(f"\nMEASURED StoryMetrics SELECT *: {len(sent)} HTTP requests, {len(calls)} calls "
          f"(old view: {len(old_sent)} requests, {len(old_calls)} calls)")


def test_used_columns_pick_the_metrics(ds, dataset, requests_log):
    account = story_account(ds, dataset)
    with pyodbc.connect(connection_string(BusinessAccountId=account)) as c:
        (names, rows, calls, sent), (old, old_calls, old_sent) = compare(c, requests_log, "MediaId, Reach, Views")
        (_, nav_rows, nav_calls, _), (nav_old, _, _) = compare(c, requests_log, "MediaId, NavigationTapForward")
    assert rows == old and rows
    assert set(insight_metrics(calls)) == {("views,reach", None)}  # rule order, no breakdown call
    assert nav_rows == nav_old
    # only a breakdown column of navigation: the breakdown call alone, no main call
    assert set(insight_metrics(nav_calls)) == {("navigation", "story_navigation_action_type")}
    print(f"\nMEASURED StoryMetrics MediaId, Reach, Views: {len(sent)} HTTP requests, {len(calls)} calls "
          f"(old view: {len(old_sent)} requests, {len(old_calls)} calls)")


def test_no_metric_column_makes_no_insight_call(ds, dataset, requests_log):
    account = story_account(ds, dataset)
    with pyodbc.connect(connection_string(BusinessAccountId=account)) as c:
        (names, rows, calls, sent), (old, _, _) = compare(c, requests_log, "MediaId, Permalink")
    assert rows == old and rows
    assert not insight_metrics(calls) and len(sent) == 1


def test_media_id_lookup(ds, dataset, requests_log):
    account = story_account(ds, dataset)
    with pyodbc.connect(connection_string(BusinessAccountId=account)) as c:
        ids = [r.Id for r in c.cursor().execute("SELECT Id FROM Stories")]
        assert ids
        got = c.cursor().execute("SELECT MediaId, Reach, NavigationTapBack FROM StoryMetrics WHERE MediaId = ?",
                                 ids[0]).fetchall()
        old = c.cursor().execute(old_view_sql(["MediaId", "Reach", "NavigationTapBack"]) + " WHERE s.Id = ?",
                                 ids[0]).fetchall()
    assert [tuple(r) for r in got] == [tuple(as_int(v) if i else v for i, v in enumerate(r)) for r in old]


def test_facebook_views_column_makes_one_opt_in_call_per_story(ds, dataset, requests_log):
    account = story_account(ds, dataset)
    with pyodbc.connect(connection_string(BusinessAccountId=account)) as c:
        names, rows, calls, _ = run(c, requests_log, "SELECT MediaId, FacebookViews FROM StoryMetrics")
        assert rows
        assert {m for m, _ in insight_metrics(calls)} == {"facebook_views"}  # alone, no main call
        assert sorted(opt_in_ids(calls)) == sorted(r[0] for r in rows)
        for media_id, value in rows:
            long = c.cursor().execute(
                "SELECT Value FROM StoryInsights WHERE MediaId = ? AND Metric = 'facebook_views'", media_id).fetchall()
            assert [int(v.Value) for v in long] == ([] if value is None else [int(value)])
    print(f"\nMEASURED StoryMetrics FacebookViews ({len(rows)} stories): {len(opt_in_ids(calls))} opt-in calls, "
          f"{sum(v is not None for _, v in rows)} with a value")


def test_without_facebook_views_no_opt_in_call(ds, dataset, requests_log):
    account = story_account(ds, dataset)
    with pyodbc.connect(connection_string(BusinessAccountId=account)) as c:
        names, rows, calls, _ = run(c, requests_log, "SELECT MediaId, Reach, NavigationTapExit FROM StoryMetrics")
    assert rows and insight_metrics(calls)
    assert not [m for m, _ in insight_metrics(calls) if "facebook_views" in m.split(",")]
