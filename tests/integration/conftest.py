"""Shared fixtures for the client tests: a pyodbc connection through the real unixODBC driver manager to the
driver under test, the emulator's request log (to count Graph calls) and the emulator's dataset (to compare
values). with_emulator.sh starts the emulator and exports where everything is."""
import json
import os
import time

import pyodbc
import pytest


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
