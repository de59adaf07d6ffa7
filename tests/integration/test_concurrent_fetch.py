"""Concurrent Graph fetching (MaxConcurrency): read-ahead lanes return exactly the rows, in the order, that one
request at a time returns, for every table; no more requests are in flight than MaxConcurrency allows; a cancel
stops the lanes' transfers too; a failed request among many is retried on its own, and a page that still fails
fails the statement instead of shortening it."""
import threading
import time

import pyodbc
import pytest

from conftest import connection_string
from fault_emulator import FaultEmulator

VOLATILE = {"sys_requests", "sys_ratelimit", "sys_connection_props"}  # describe the connection, not Instagram


def in_flight(conn):
    """The most requests of the last statement that were in flight at once (sys_requests' start and duration)."""
    events = []
    for started, elapsed in conn.execute("SELECT StartedMs, ElapsedMs FROM sys_requests WHERE FromCache = 0"):
        if elapsed is not None:
            events += [(started, 1), (started + max(elapsed, 1), -1)]
    most = now = 0
    for _, step in sorted(events, key=lambda e: (e[0], e[1])):  # an end before a start at the same instant
        now += step
        most = max(most, now)
    return most


def outcome(conn, sql):
    try:
        return ("rows", [tuple(r) for r in conn.execute(sql).fetchall()])
    except pyodbc.Error as e:
        return ("error", e.args[0])


@pytest.fixture(scope="module")
def slow_emulator():
    emu = FaultEmulator("5xx:0@/never", extra_args=("--latency-ms", "60"))
    yield emu
    emu.stop()


def test_every_table_gives_the_same_rows_in_the_same_order(conn):
    tables = [r.table_name for r in conn.cursor().tables(schema="Instagram") if r.table_name not in VOLATILE]
    assert len(tables) > 20
    one = pyodbc.connect(connection_string(MaxConcurrency=1))
    many = pyodbc.connect(connection_string(MaxConcurrency=8))
    compared = 0
    for t in tables:
        sql = f'SELECT * FROM "{t}"'
        a, b = outcome(one, sql), outcome(many, sql)
        assert a == b, t
        compared += a[0] == "rows" and len(a[1]) > 0
    assert compared > 10  # most tables answer without a filter, with rows


def test_independent_accounts_are_fetched_at_once_within_the_limit(slow_emulator):
    results = {}
    for limit in (1, 3, 8):
        c = pyodbc.connect(slow_emulator.connection_string(MaxConcurrency=limit))
        rows = [tuple(r) for r in c.execute("SELECT Id, AccountId, Timestamp FROM Media").fetchall()]
        results[limit] = (rows, in_flight(c))
        c.close()
    rows_one, flight_one = results[1]
    assert flight_one == 1
    for limit in (3, 8):
        rows, flight = results[limit]
        assert rows == rows_one  # same rows, same order
        assert 1 < flight <= limit


def test_a_limit_the_first_page_satisfies_stays_one_call(slow_emulator, ds):
    c = pyodbc.connect(slow_emulator.connection_string(MaxConcurrency=8, BusinessAccountId=ds.big_account()["id"]))
    assert len(c.execute("SELECT Id FROM Media LIMIT 10").fetchall()) == 10
    assert c.execute("SELECT count(*) FROM sys_requests").fetchone()[0] == 1


def test_cancel_stops_the_lanes_and_the_connection_stays_usable(slow_emulator, ds):
    big = ds.big_account()["id"]
    c = pyodbc.connect(slow_emulator.connection_string(MaxConcurrency=8, PageSize=10, BusinessAccountId=big))
    cur = c.cursor()
    errors = []

    def run():
        try:
            cur.execute("SELECT * FROM Media").fetchall()
        except pyodbc.Error as e:
            errors.append(e.args[0])

    t = threading.Thread(target=run)
    t.start()
    time.sleep(0.3)
    started = time.monotonic()
    cur.cancel()
    t.join(10)
    assert not t.is_alive()
    assert time.monotonic() - started < 2
    assert errors == ["HY008"]
    # The next statement starts clean: nothing read ahead for the cancelled one answers for it.
    rows = c.execute("SELECT Id FROM Media LIMIT 30").fetchall()
    assert [r.Id for r in rows] == [m["id"] for m in ds.media_of(big)[:30]]


def test_one_failed_request_among_many_is_retried_alone():
    expected = [r.Id for r in pyodbc.connect(connection_string(MaxConcurrency=1)).execute("SELECT Id FROM Media")]
    emu = FaultEmulator("5xx:0.25@/media", seed=7)
    try:
        c = pyodbc.connect(emu.connection_string(MaxConcurrency=8, RetryMaxSeconds=5))
        rows = c.execute("SELECT Id FROM Media").fetchall()
        assert [r.Id for r in rows] == expected
        retried = c.execute("SELECT count(*) FROM sys_requests WHERE Attempt > 1").fetchone()[0]
        assert retried > 0
        # Without retries the failed page fails the statement: never fewer rows than Instagram holds.
        c2 = pyodbc.connect(emu.connection_string(MaxConcurrency=8, MaxRetries=0))
        with pytest.raises(pyodbc.Error):
            c2.execute("SELECT Id FROM Media").fetchall()
    finally:
        emu.stop()


@pytest.mark.parametrize("bad", ["0", "33", "eight"])
def test_max_concurrency_outside_its_range_is_refused(bad):
    with pytest.raises(pyodbc.Error) as e:
        pyodbc.connect(connection_string(MaxConcurrency=bad))
    assert e.value.args[0] == "08001" and "MaxConcurrency" in str(e.value)


def test_max_concurrency_shows_in_the_connection_properties():
    c = pyodbc.connect(connection_string(MaxConcurrency=3))
    props = dict(c.execute("SELECT Name, Value FROM sys_connection_props").fetchall())
    assert props["MaxConcurrency"] == "3"
