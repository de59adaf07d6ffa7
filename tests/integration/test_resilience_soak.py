"""A seeded soak under mixed faults. Every statement's result must equal the fault-free result, or the
statement must fail with a proper SQLSTATE — never a shorter, longer or different table. Prints the counts."""
import os
import random
import time

import pyodbc
import pytest

from fault_emulator import FaultEmulator

# Minutes of wall time by design: run in the normal build, skipped in the sanitizer build.
pytestmark = pytest.mark.slow

# Transient faults the retry policy recovers from, plus a few that must fail cleanly (a throttle with a
# 5-minute regain time, repeated cursors).
MIXED_FAULTS = ",".join([
    "5xx:0.03", "throttle:0.02:0", "throttle80002:0.004:5", "reset:0.02", "truncated:0.02", "invalid:0.02",
    "drip:0.01:40", "latency:0.02:20", "cursor:0.01",
])
CLEAN_STATES = {"HY000", "08S01", "HYT00"}
STATEMENTS = int(os.environ.get("IGODBC_SOAK_STATEMENTS", "1000"))
TIME_BOUND_S = 150


def rows_of(cursor, sql, params):
    cursor.execute(sql, params)
    return sorted(tuple(r) for r in cursor.fetchall())


def workload(clean):
    """(sql, params) pairs across tables, parameters taken from the fault-free emulator."""
    c = clean.cursor()
    media = c.execute("SELECT Id, AccountId, MediaType FROM Media").fetchall()
    accounts = sorted({m.AccountId for m in media})
    albums = [m.Id for m in media if m.MediaType == "CAROUSEL_ALBUM"][:5]
    ids = [m.Id for m in media]
    rnd = random.Random(7)
    work = [("SELECT Id, Username, FollowersCount FROM Accounts", ()),
            ("SELECT Id, Name FROM Pages", ()),
            ("SELECT COUNT(*) FROM Media", ()),
            ("SELECT Id FROM Stories", ())]
    work += [("SELECT Id, Caption, LikeCount FROM Media WHERE AccountId = ?", (a,)) for a in accounts]
    work += [("SELECT Id, Caption FROM Media WHERE Id = ?", (i,)) for i in rnd.sample(ids, min(8, len(ids)))]
    work += [("SELECT Id FROM Media WHERE Id IN (?, ?, ?)", tuple(rnd.sample(ids, 3))) for _ in range(3)]
    work += [("SELECT Id, MediaId, Position FROM MediaChildren WHERE MediaId = ?", (a,)) for a in albums]
    work += [("SELECT Metric, Value FROM MediaInsights WHERE MediaId = ? AND Breakdown IS NULL", (i,))
             for i in rnd.sample(ids, min(4, len(ids)))]
    return work


def run_soak(seed):
    # The baseline comes from a fresh emulator of its own: other tests write to the shared one.
    baseline = FaultEmulator("latency:0:0", seed=seed)
    try:
        clean = pyodbc.connect(baseline.connection_string(PageSize=25))
        work = workload(clean)
        expected = {}
        cc = clean.cursor()
        for sql, params in work:
            expected[(sql, params)] = rows_of(cc, sql, params)
        clean.close()
    finally:
        baseline.stop()

    emu = FaultEmulator(MIXED_FAULTS, seed=seed)
    counts = {"statements": 0, "recovered": 0, "clean_failures": 0, "wrong": 0, "faultless": 0}
    failures = {}
    try:
        conn = pyodbc.connect(emu.connection_string(PageSize=25, MaxRetries=4, RetryMaxSeconds=3, RateLimitThreshold=0))
        cur = conn.cursor()
        rnd = random.Random(seed)
        started = time.monotonic()
        while counts["statements"] < STATEMENTS:
            assert time.monotonic() - started < TIME_BOUND_S, f"soak over its time bound: {counts}"
            sql, params = rnd.choice(work)
            counts["statements"] += 1
            try:
                got = rows_of(cur, sql, params)
            except pyodbc.Error as e:
                state = e.args[0]
                message = str(e.args[1]) if len(e.args) > 1 else ""
                assert state in CLEAN_STATES, f"{sql} {params}: unexpected SQLSTATE {state}: {message}"
                assert "[instagram-odbc]" in message, message
                assert "demo-token" not in message
                counts["clean_failures"] += 1
                failures[state] = failures.get(state, 0) + 1
                continue
            if got != expected[(sql, params)]:
                counts["wrong"] += 1
                print(f"WRONG RESULT: {sql} {params}: {len(got)} rows, expected {len(expected[(sql, params)])}")
                continue
            attempts = cur.execute("SELECT MAX(Attempt) FROM sys_requests").fetchone()[0] or 1
            counts["recovered" if attempts > 1 else "faultless"] += 1
        conn.close()
        counts["seconds"] = round(time.monotonic() - started, 1)
    finally:
        emu.stop()
    print(f"\nSOAK seed={seed}: statements={counts['statements']} recovered={counts['recovered']} "
          f"failed_cleanly={counts['clean_failures']} {failures} wrong_results={counts['wrong']} "
          f"fault_free={counts['faultless']} in {counts.get('seconds')} s")
    return counts


def test_seeded_soak_under_mixed_faults():
    seed = int(os.environ.get("IGODBC_SOAK_SEED", "20261129"))
    counts = run_soak(seed)
    assert counts["wrong"] == 0
    assert counts["statements"] >= STATEMENTS
    assert counts["recovered"] > 0, "the faults never forced a retry: the soak tests nothing"
    assert counts["clean_failures"] > 0 or counts["recovered"] > 20
