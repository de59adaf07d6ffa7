"""What a hostile or broken server sends is bounded, never fatal — deeply nested JSON, overlong strings
and a body larger than the driver accepts (emulator faults deep, long, huge)."""

import pyodbc
import pytest

from fault_emulator import FaultEmulator

QUERY = "SELECT Id, Caption FROM Media WHERE AccountId = ?"


@pytest.fixture(scope="module")
def baseline(ds):
    account = min((a for a in ds.accounts() if len(ds.media_of(a["id"])) > 30),
                  key=lambda a: len(ds.media_of(a["id"])))["id"]
    # A fresh emulator of its own (a rule that never fires): the session's shared emulator may hold writes
    # made by other test files, and the faulted emulators below start from the seed.
    emu = FaultEmulator("5xx:0@/never")
    try:
        c = pyodbc.connect(emu.connection_string(PageSize=25))
        rows = sorted(tuple(r) for r in c.cursor().execute(QUERY, account).fetchall())
        c.close()
    finally:
        emu.stop()
    return account, rows


def test_deeply_nested_json_is_parsed_without_recursion(baseline):
    account, expected = baseline
    emu = FaultEmulator("deep:1:200000@/media")
    try:
        c = pyodbc.connect(emu.connection_string(PageSize=25, RateLimitThreshold=0))
        assert sorted(tuple(r) for r in c.cursor().execute(QUERY, account).fetchall()) == expected
        c.close()
    finally:
        emu.stop()


def test_overlong_strings_come_back_whole(baseline):
    account, expected = baseline
    emu = FaultEmulator("long:1:256@/media")  # every caption 256 KiB longer than declared
    try:
        c = pyodbc.connect(emu.connection_string(PageSize=25, RateLimitThreshold=0))
        got = sorted(tuple(r) for r in c.cursor().execute(QUERY + " LIMIT 30", account).fetchall())
        assert len(got) == 30
        by_id = dict(expected)
        for media_id, caption in got:
            if by_id[media_id] is not None:
                assert caption == by_id[media_id] + "x" * (256 * 1024)
        c.close()
    finally:
        emu.stop()


def test_a_body_beyond_the_bound_is_an_error_not_an_out_of_memory(baseline):
    account, _ = baseline
    emu = FaultEmulator("huge:1:64@/media")  # 64 MiB offered, 32 MiB read
    try:
        c = pyodbc.connect(emu.connection_string(MaxRetries=0, RateLimitThreshold=0))
        with pytest.raises(pyodbc.Error) as err:
            c.cursor().execute(QUERY, account).fetchall()
        assert err.value.args[0] in ("HY000", "08S01"), err.value.args
        assert "exceeded" in err.value.args[1], err.value.args
        assert c.cursor().execute("SELECT COUNT(*) FROM Accounts").fetchone()[0] > 0  # the connection lives on
        c.close()
    finally:
        emu.stop()
