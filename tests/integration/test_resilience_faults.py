"""One fault kind at a time (emulator/server/faults.h) through pyodbc, the DM and the driver. Transient
faults are retried (sys_requests.Attempt > 1) and the result equals the fault-free one; faults that cannot be
retried fail the statement with the SQLSTATE sql/engine/error_mapping.cpp gives them — never a short or repeated result."""
import os

import pyodbc
import pytest

from fault_emulator import FaultEmulator

# Minutes of wall time by design: run in the normal build, skipped in the sanitizer build.
pytestmark = pytest.mark.slow

QUERY = "SELECT Id, Caption, LikeCount FROM Media WHERE AccountId = ?"


@pytest.fixture(scope="module")
def baseline():
    c = pyodbc.connect(";".join(["DRIVER={Instagram ODBC Driver}", f"GraphURL={os.environ['EMULATOR_URL']}",
                                 "OAuthAccessToken=demo-token", "PageSize=10"]))
    cur = c.cursor()
    account = cur.execute("SELECT AccountId, COUNT(*) AS n FROM Media GROUP BY AccountId ORDER BY n DESC").fetchone()[0]
    rows = sorted(tuple(r) for r in cur.execute(QUERY, account).fetchall())
    c.close()
    assert len(rows) > 20, "the walk must span several pages"
    return account, rows


@pytest.mark.parametrize("fault", [
    "5xx:0.25", "throttle4:0.25", "throttle17:0.25", "throttle32:0.25", "throttle613:0.25",
    "throttle80001:0.25:0", "throttle80002:0.25:0", "reset:0.25", "truncated:0.25", "invalid:0.25", "drip:0.2:100",
    "latency:0.3:50",
])
def test_transient_fault_is_retried_and_result_is_complete(baseline, fault):
    account, expected = baseline
    emu = FaultEmulator(fault, seed=3)
    try:
        conn = pyodbc.connect(emu.connection_string(PageSize=25, MaxRetries=10, RetryMaxSeconds=30, RateLimitThreshold=0))
        cur = conn.cursor()
        max_attempt = 0
        for _ in range(2):
            got = sorted(tuple(r) for r in cur.execute(QUERY, account).fetchall())
            assert got == expected
            max_attempt = max(max_attempt, cur.execute("SELECT MAX(Attempt) FROM sys_requests").fetchone()[0])
        if not fault.startswith(("latency", "drip")):
            assert max_attempt > 1, "the fault never forced a retry"
        conn.close()
    finally:
        emu.stop()


def expect_failure(conn_str, sql, params, state, *fragments):
    conn = pyodbc.connect(conn_str)
    try:
        with pytest.raises(pyodbc.Error) as err:
            conn.cursor().execute(sql, params).fetchall()
        if state:
            assert err.value.args[0] == state, err.value.args
        else:
            assert err.value.args[0] in ("HY000", "08S01"), err.value.args
        message = str(err.value.args[1])
        assert message.startswith("[") and "[instagram-odbc]" in message, message
        assert "demo-token" not in message
        for f in fragments:
            assert f in message, message
        return message
    finally:
        conn.close()


def test_throttle_with_long_regain_time_fails_at_once_saying_when(baseline):
    account, _ = baseline
    emu = FaultEmulator("throttle80002:1:7@/media", seed=1)
    try:
        expect_failure(emu.connection_string(MaxRetries=4, RetryMaxSeconds=30, RateLimitThreshold=0), QUERY, (account,), "HY000",
                       "80002", "7 minutes")
        media = [r for r in emu.requests() if r["path"].endswith("/media")]
        assert len(media) == 1, "a throttled account must not be hammered"
    finally:
        emu.stop()


def test_retry_budget_spent_fails_with_the_attempt_count(baseline):
    account, _ = baseline
    emu = FaultEmulator("5xx:1@/media", seed=1)
    try:
        expect_failure(emu.connection_string(MaxRetries=2, RetryMaxSeconds=10), QUERY, (account,), None,
                       "gave up after 3 attempts")
        assert len([r for r in emu.requests() if r["path"].endswith("/media")]) == 3
    finally:
        emu.stop()


def test_reset_on_every_attempt_is_a_network_error(baseline):
    account, _ = baseline
    emu = FaultEmulator("reset:1@/media", seed=1)
    try:
        expect_failure(emu.connection_string(MaxRetries=1, RetryMaxSeconds=5), QUERY, (account,), "08S01")
    finally:
        emu.stop()


def test_invalid_json_is_never_an_empty_page(baseline):
    account, _ = baseline
    emu = FaultEmulator("invalid:1@/media", seed=1)
    try:
        expect_failure(emu.connection_string(MaxRetries=1, RetryMaxSeconds=5), QUERY, (account,), "08S01",
                       "invalid response")
    finally:
        emu.stop()


def test_repeating_cursor_fails_instead_of_repeating_rows(baseline):
    account, _ = baseline
    emu = FaultEmulator("cursor:1@/media", seed=1)
    try:
        expect_failure(emu.connection_string(PageSize=10), QUERY, (account,), "HY000", "repeated item")
    finally:
        emu.stop()


def test_token_expiry_after_n_calls_is_28000(baseline):
    account, expected = baseline
    emu = FaultEmulator("expire:1:8", seed=1)
    try:
        conn = pyodbc.connect(emu.connection_string(PageSize=100))
        cur = conn.cursor()
        # Calls succeed until the token "expires" after 8 calls; from then on every statement fails with 28000.
        with pytest.raises(pyodbc.Error) as err:
            for _ in range(10):
                assert sorted(tuple(r) for r in cur.execute(QUERY, account).fetchall()) == expected
        assert err.value.args[0] == "28000", err.value.args
        conn.close()
    finally:
        emu.stop()
