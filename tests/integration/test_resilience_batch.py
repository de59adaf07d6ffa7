"""A Graph batch whose operations partly failed. Operations that failed transiently inside a batch
(emulator faults on the operations, `@BATCH …`) are asked again on their own and the result equals the
fault-free one; when they keep failing the statement fails with HY000 — never an insight row silently missing."""
import os

import pyodbc
import pytest

from fault_emulator import FaultEmulator

RULES_DATE = "2026-06-01"
QUERY = ("SELECT MediaId, Metric, Breakdown, BreakdownValue, Value FROM MediaInsights "
         "WHERE AccountId = ? AND MediaTimestamp >= ?")


def normalized(rows):
    return sorted((tuple(r) for r in rows), key=repr)  # Breakdown is often NULL


def props(account, **extra):
    keys = {"BusinessAccountId": account, "MetricRulesDate": RULES_DATE, "RateLimitThreshold": 0}
    keys.update(extra)
    return keys


@pytest.fixture(scope="module")
def baseline(ds):
    """An account and a time window with enough media for two batch POSTs, and the fault-free rows."""
    account = ds.big_account()["id"]
    media = sorted((m for m in ds.media_of(account) if m["id"] in ds.data["insights"]["media"]),
                   key=lambda m: m["timestamp"], reverse=True)
    since = media[min(len(media), 40) - 1]["timestamp"][:19].replace("T", " ")
    conn = pyodbc.connect(";".join(["DRIVER={Instagram ODBC Driver}", f"GraphURL={os.environ['EMULATOR_URL']}",
                                    "OAuthAccessToken=demo-token"] +
                                   [f"{k}={v}" for k, v in props(account).items()]))
    rows = normalized(conn.cursor().execute(QUERY, account, since).fetchall())
    conn.close()
    assert len(rows) > 100
    return account, since, rows


def test_transiently_failed_batch_operations_are_asked_again(baseline):
    account, since, expected = baseline
    emu = FaultEmulator("5xx:0.2@BATCH /insights,throttle4:0.1@BATCH /insights", seed=11)
    try:
        conn = pyodbc.connect(emu.connection_string(**props(account, MaxRetries=6, RetryMaxSeconds=20)))
        cur = conn.cursor()
        got = normalized(cur.execute(QUERY, account, since).fetchall())
        assert got == expected
        log = cur.execute("SELECT Method, Url, BatchSeq, Status FROM sys_requests").fetchall()
        failed = [r for r in log if r.BatchSeq is not None and r.Status is not None and r.Status >= 400]
        assert failed, "the faults never hit a batch operation"
        singles = {r.Url.split("?")[0].rsplit("/", 2)[-2] for r in log
                   if r.BatchSeq is None and r.Method == "GET" and "/insights" in r.Url and r.Status == 200}
        for r in failed:  # every failed operation was asked again, on its own, successfully
            assert r.Url.split("?")[0].rsplit("/", 2)[-2] in singles, r
        conn.close()
    finally:
        emu.stop()


def test_batch_operations_that_keep_failing_fail_the_statement(baseline):
    account, since, _ = baseline
    # Every insights operation fails, inside batches and alone: nothing may come back as "no insights".
    emu = FaultEmulator("5xx:1@BATCH /insights,5xx:1@/insights", seed=5)
    try:
        conn = pyodbc.connect(emu.connection_string(**props(account, MaxRetries=1, RetryMaxSeconds=2)))
        with pytest.raises(pyodbc.Error) as err:
            conn.cursor().execute(QUERY, account, since).fetchall()
        state, message = err.value.args[0], err.value.args[1]
        assert state in ("HY000", "08S01"), err.value.args
        assert "[instagram-odbc]" in message and "try again" in message, message
        conn.close()
    finally:
        emu.stop()
