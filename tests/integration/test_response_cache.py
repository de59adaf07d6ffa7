"""Reuse of Graph answers through unixODBC: identical GETs made once per statement and
logged in sys_requests with FromCache = 1, CacheSeconds reuse across statements and its expiry, writes clearing
the cache, and joins that feed media IDs one at a time batched into ?ids= calls. Call counts come from the
emulator's request log."""
import time

import pyodbc
import pytest

from conftest import connection_string


def small_account(ds):
    # A small account with several media pages at PageSize=2.
    by_size = sorted(ds.accounts(), key=lambda a: len(ds.media_of(a["id"])))
    return next(a["id"] for a in by_size if len(ds.media_of(a["id"])) >= 5)


def network_gets(requests_log):
    return [r for r in requests_log.since() if r["method"] == "GET"]


def cache_rows(c):
    return c.execute("SELECT COUNT(*), SUM(FromCache) FROM sys_requests").fetchone()


def test_correlated_subquery_walks_the_media_once(ds, requests_log):
    acct = small_account(ds)
    n = len(ds.media_of(acct))
    c = pyodbc.connect(connection_string(BusinessAccountId=acct, PageSize=2))
    requests_log.mark()
    rows = c.execute(
        "SELECT m.Id FROM Media m WHERE m.Id >= (SELECT MIN(m2.Id) FROM Media m2 WHERE m2.AccountId = m.AccountId)"
    ).fetchall()
    assert len(rows) == n
    pages = (n + 1) // 2
    # The outer walk and every run of the subquery make the same GETs: each page once over the network.
    assert len(network_gets(requests_log)) == pages
    total, cached = cache_rows(c)
    assert total - cached == pages
    assert cached >= n * pages  # every run of the subquery for the n outer rows reads the pages again
    c.close()


def test_self_join_by_account_makes_each_call_once(ds, requests_log):
    acct = small_account(ds)
    n = len(ds.media_of(acct))
    c = pyodbc.connect(connection_string(BusinessAccountId=acct))
    requests_log.mark()
    (count,) = c.execute("SELECT COUNT(*) FROM Media a JOIN Media b ON a.AccountId = b.AccountId").fetchone()
    assert count == n * n
    pages = (n + 99) // 100
    # Each page of the account's walk goes over the network once; the n inner walks reuse them all.
    assert len(network_gets(requests_log)) == pages
    assert tuple(cache_rows(c)) == (pages + n * pages, n * pages)
    c.close()


def test_no_reuse_across_statements_by_default(ds, requests_log):
    c = pyodbc.connect(connection_string(BusinessAccountId=small_account(ds)))
    for _ in range(2):
        requests_log.mark()
        c.execute("SELECT Id FROM Media LIMIT 3").fetchall()
        assert len(network_gets(requests_log)) == 1
        assert tuple(cache_rows(c)) == (1, 0)
    c.close()


def test_cache_seconds_reuses_then_expires(ds, requests_log):
    c = pyodbc.connect(connection_string(BusinessAccountId=small_account(ds), CacheSeconds=3))
    requests_log.mark()
    first = c.execute("SELECT Id, Caption FROM Media LIMIT 3").fetchall()
    assert len(network_gets(requests_log)) == 1
    started = time.monotonic()
    requests_log.mark()
    again = c.execute("SELECT Id, Caption FROM Media LIMIT 3").fetchall()
    assert [tuple(r) for r in again] == [tuple(r) for r in first]
    assert network_gets(requests_log) == []
    log = c.execute("SELECT Method, Status, FromCache, ElapsedMs, Rows FROM sys_requests").fetchall()
    assert [tuple(r) for r in log] == [("GET", 200, 1, None, 3)]
    assert time.monotonic() - started < 3, "the machine was too slow to observe the reuse"
    time.sleep(3.2)
    requests_log.mark()
    c.execute("SELECT Id, Caption FROM Media LIMIT 3").fetchall()
    assert len(network_gets(requests_log)) == 1
    assert tuple(cache_rows(c)) == (1, 0)
    c.close()


def test_a_write_clears_the_cache(ds, private_emulator, private_requests_log):
    requests_log = private_requests_log  # the write goes to this module's private emulator (conftest.py)
    acct = min(ds.accounts(), key=lambda a: len(ds.media_of(a["id"])))["id"]
    c = private_emulator.connect(BusinessAccountId=acct, CacheSeconds=600)
    cur = c.cursor()
    cur.execute("SELECT Id FROM Media LIMIT 3").fetchall()
    requests_log.mark()
    cur.execute("SELECT Id FROM Media LIMIT 3").fetchall()
    assert network_gets(requests_log) == []
    cur.execute("{call CreateMediaContainer(?, 'IMAGE', 'https://example.com/cache.jpg', NULL, 0, NULL)}", acct)
    container = cur.fetchone()[0]
    requests_log.mark()
    cur.execute("SELECT Id FROM Media LIMIT 3").fetchall()
    assert len(network_gets(requests_log)) == 1
    # A status is polled, so it never comes from the cache even with CacheSeconds.
    requests_log.mark()
    for _ in range(2):
        cur.execute("CALL GetContainerStatus(?)", container).fetchall()
    assert len(network_gets(requests_log)) == 2
    c.close()


def test_media_children_join_batches_the_albums(ds, requests_log):
    big = ds.big_account()
    media = ds.media_of(big["id"])
    c = pyodbc.connect(connection_string(BusinessAccountId=big["id"]))
    requests_log.mark()
    rows = c.execute(
        "SELECT m.Id, c.Id FROM Media m JOIN MediaChildren c ON c.MediaId = m.Id ORDER BY m.Id, c.Position"
    ).fetchall()
    expected = sorted((m["id"], ch["id"]) for m in media for ch in ds.children_of(m))
    assert sorted(tuple(r) for r in rows) == expected
    calls = requests_log.since()
    walk = [r for r in calls if r["path"].endswith(f"/{big['id']}/media")]
    lookups = [r for r in calls if "ids" in r["query"]]
    pages = (len(media) + 99) // 100
    assert len(walk) == pages
    # Each walk page of 100 media is read back in two ?ids= slices of 50 (was one lookup per media: 1,212).
    assert len(lookups) == (len(media) + 49) // 50
    assert len(calls) == pages + len(lookups)
    assert all(len(r["query"]["ids"].split(",")) <= 50 for r in lookups)
    total, cached = cache_rows(c)
    assert (total, cached) == (pages + len(media), len(media) - len(lookups))
    c.close()


def test_media_self_join_by_id_batches_the_lookups(ds, requests_log):
    big = ds.big_account()
    n = len(ds.media_of(big["id"]))
    c = pyodbc.connect(connection_string(BusinessAccountId=big["id"]))
    requests_log.mark()
    rows = c.execute("SELECT a.Id, b.Caption FROM Media a JOIN Media b ON b.Id = a.Id").fetchall()
    assert len(rows) == n
    assert len(requests_log.since()) == (n + 99) // 100 + (n + 49) // 50
    c.close()


def test_a_literal_id_still_costs_one_plain_call(ds, requests_log):
    big = ds.big_account()
    media = ds.media_of(big["id"])
    c = pyodbc.connect(connection_string(BusinessAccountId=big["id"]))
    requests_log.mark()
    rows = c.execute("SELECT Id FROM MediaChildren WHERE MediaId = ?", media[0]["id"]).fetchall()
    assert len(rows) == len(ds.children_of(media[0]))
    calls = requests_log.since()
    assert len(calls) == 1 and "ids" not in calls[0]["query"]
    c.close()
