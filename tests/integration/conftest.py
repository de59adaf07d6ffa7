"""Shared fixtures for the client tests: a pyodbc connection through the real unixODBC driver manager to the
driver under test, the emulator's request log (to count Graph calls) and the emulator's dataset (to compare
values). with_emulator.sh starts the emulator and exports where everything is."""
import ctypes
import json
import os
import time

import pyodbc
import pytest

from fault_emulator import FaultEmulator


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: long-running (skipped in the sanitizer build)")


def connection_string(**extra):
    keys = {
        "DRIVER": "{Instagram ODBC Driver}",
        "GraphURL": os.environ["EMULATOR_URL"],
        "OAuthAccessToken": "demo-token",
    }
    keys.update(extra)
    return ";".join(f"{k}={v}" for k, v in keys.items())


# Keys only a DSN (or odbcinst.ini) may set, and the URLs a DSN's credentials may be sent to: dsn_string() puts
# these in the DSN, the way an administrator would.
DSN_KEYS = {"OAuthBrowserCommand", "LogFile", "ScratchDatabase", "OAuthSettingsLocation", "OAuthAllowInsecureFile",
            "CallbackCertificate", "CallbackKey", "SSLServerCert", "AllowConnectionStringPaths",
            "AllowTokenInResults", "GraphURL", "OAuthAccessTokenURL", "OAuthAuthorizationURL", "ProxyServer"}
_dsn_count = [0]


def add_dsn(name=None, **keys):
    """Appends a DSN section with `keys` to the test's odbc.ini ($ODBCINI, reread on every connect); returns
    its name."""
    if name is None:
        _dsn_count[0] += 1
        name = f"IgTest{os.getpid()}_{_dsn_count[0]}"
    with open(os.environ["ODBCINI"], "a", encoding="utf-8") as f:
        f.write(f"\n[{name}]\nDriver=Instagram ODBC Driver\n")
        for k, v in keys.items():
            f.write(f"{k}={v}\n")
    return name


def dsn_string(keys):
    """A connection string for `keys` (connection-string form; DRIVER is dropped) that puts DSN_KEYS in a new
    DSN and the rest in the string."""
    in_dsn = {k: v for k, v in keys.items() if k in DSN_KEYS}
    rest = [f"{k}={v}" for k, v in keys.items() if k not in in_dsn and k.upper() != "DRIVER"]
    return ";".join([f"DSN={add_dsn(**in_dsn)}"] + rest)


def driver_connect(cs):
    """SQLDriverConnect through libodbc itself, for what pyodbc hides (the output connection string, connect-time
    warnings): (return code, output string, [(SQLSTATE, message)])."""
    odbc = ctypes.CDLL("libodbc.so.2")
    vp, sh = ctypes.c_void_p, ctypes.c_short
    odbc.SQLAllocHandle.argtypes = [sh, vp, ctypes.POINTER(vp)]
    odbc.SQLSetEnvAttr.argtypes = [vp, ctypes.c_int, vp, ctypes.c_int]
    odbc.SQLDriverConnect.argtypes = [vp, vp, ctypes.c_char_p, sh, ctypes.c_char_p, sh, ctypes.POINTER(sh),
                                      ctypes.c_ushort]
    odbc.SQLGetDiagRec.argtypes = [sh, vp, sh, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_char_p,
                                   sh, ctypes.POINTER(sh)]
    odbc.SQLDisconnect.argtypes = [vp]
    odbc.SQLFreeHandle.argtypes = [sh, vp]
    env, dbc = vp(), vp()
    odbc.SQLAllocHandle(1, None, ctypes.byref(env))  # SQL_HANDLE_ENV
    odbc.SQLSetEnvAttr(env, 200, vp(3), 0)  # SQL_ATTR_ODBC_VERSION = 3
    odbc.SQLAllocHandle(2, env, ctypes.byref(dbc))  # SQL_HANDLE_DBC
    out, outlen = ctypes.create_string_buffer(8192), sh()
    rc = odbc.SQLDriverConnect(dbc, None, cs.encode(), -3, out, 8192, ctypes.byref(outlen), 0)  # SQL_NTS, NOPROMPT
    diags = []
    for i in range(1, 10):
        state, native, msg, ml = ctypes.create_string_buffer(6), ctypes.c_int(), ctypes.create_string_buffer(2048), sh()
        if odbc.SQLGetDiagRec(2, dbc, i, state, ctypes.byref(native), msg, 2048, ctypes.byref(ml)) not in (0, 1):
            break
        diags.append((state.value.decode(), msg.value.decode()))
    if rc in (0, 1):
        odbc.SQLDisconnect(dbc)
    odbc.SQLFreeHandle(2, dbc)
    odbc.SQLFreeHandle(1, env)
    return rc, out.value.decode(), diags


class RequestLog:
    """The emulator's request log (one JSON object per request). mark() remembers the current end; since()
    returns the requests made after the last mark."""

    def __init__(self, path):
        self.path = path
        self.offset = 0

    def _read(self):
        if not os.path.exists(self.path):
            return []
        with open(self.path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]

    def mark(self):
        self.offset = len(self._read())

    def since(self):
        # The emulator writes a line per finished request; give it a moment to flush.
        time.sleep(0.05)
        return self._read()[self.offset:]


@pytest.fixture(scope="session")
def dataset():
    with open(os.environ["DATASET_JSON"], encoding="utf-8") as f:
        return json.load(f)


@pytest.fixture
def requests_log():
    log = RequestLog(os.environ["REQUEST_LOG"])
    log.mark()
    return log


@pytest.fixture
def conn():
    c = pyodbc.connect(connection_string())
    yield c
    c.close()


def graph_writes(requests):
    """The requests that change an emulator's data: any non-GET on an object or edge. A batch (POST to the
    version root) only reads here, so it does not count."""
    writes = []
    for r in requests:
        parts = [p for p in r["path"].split("/") if p]
        if parts and parts[0].startswith("v") and parts[0][1:].replace(".", "").isdigit():
            parts = parts[1:]
        if r["method"] != "GET" and parts:
            writes.append(f'{r["method"]} {r["path"]}')
    return writes


@pytest.fixture(autouse=True)
def shared_emulator_stays_unwritten():
    """Every test compares the shared emulator with `ds`, the dataset dumped at start, so no test may change
    it: a test that writes must use private_conn (or an emulator of its own)."""
    path = os.environ["REQUEST_LOG"]
    start = os.path.getsize(path) if os.path.exists(path) else 0
    yield
    if not os.path.exists(path):
        return
    with open(path, "rb") as f:
        f.seek(start)
        # The emulator logs a request before answering it, so the lines of every finished call are there;
        # a line still being written (no newline yet) belongs to a call that has not finished.
        lines = f.read().decode("utf-8").split("\n")[:-1]
    requests = [json.loads(line) for line in lines if line.strip()]
    writes = graph_writes(requests)
    assert not writes, f"this test wrote to the shared emulator (use private_conn): {writes}"


class PrivateEmulator:
    """An emulator of its own for tests that change the emulator's data (INSERT/UPDATE/DELETE, publishing
    procedures). It starts from the same data as the shared one (same seed and clock, so `ds` describes it
    too), and its writes never reach the shared emulator, which the reading tests compare with `ds`."""

    def __init__(self):
        self.emulator = FaultEmulator("5xx:0@/never")  # a fault rule that never matches: no faults
        self.url = self.emulator.url
        self.log_path = self.emulator.log_path

    def connection_string(self, **extra):
        return self.emulator.connection_string(**extra)

    def connect(self, **extra):
        return pyodbc.connect(self.connection_string(**extra))

    def stop(self):
        self.emulator.stop()


@pytest.fixture(scope="module")
def private_emulator():
    """One private emulator per test module: a start costs about a second (the dataset is generated). Tests
    that share it must not depend on each other's writes; where they would, start one per test instead."""
    emu = PrivateEmulator()
    yield emu
    emu.stop()


@pytest.fixture
def private_conn(private_emulator):
    """A pyodbc connection to this module's private emulator: the `conn` of tests that write."""
    c = private_emulator.connect()
    yield c
    c.close()


@pytest.fixture
def private_requests_log(private_emulator):
    """The private emulator's request log, marked at the start of the test (as requests_log is)."""
    log = RequestLog(private_emulator.log_path)
    log.mark()
    return log


@pytest.fixture
def dsn_conn():
    c = pyodbc.connect("DSN=InstagramTest")
    yield c
    c.close()


class Dataset:
    """The emulator's data as --dump-json writes it: every object with its fields exactly as the API renders
    them (absent fields are absent)."""

    def __init__(self, data):
        self.data = data

    def accounts(self):
        return self.data["accounts"]

    def pages(self):
        return self.data["pages"]

    def big_account(self):
        return max(self.accounts(), key=lambda a: len(self.media_of(a["id"])))

    def media_of(self, account_id):
        return self.data["media"].get(account_id, [])

    @staticmethod
    def children_of(album):
        return album.get("children", {}).get("data", [])


@pytest.fixture(scope="session")
def ds(dataset):
    return Dataset(dataset)
