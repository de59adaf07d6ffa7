"""Latency benchmark: statements against an emulator that delays every answer by --latency-ms (default 100,
a Graph round trip over the internet), once with MaxConcurrency=1 (one request at a time) and once with the
default lanes, side by side. For each: the Graph calls made, the wall time, and the lower bound of the wall
time — the longest chain of calls that depend on each other (a page's `next` comes only with that page) times
the round trip — with the ratio wall / bound. Rows are compared between the two runs. Run through
bench/run-bench.sh (it exports the emulator binary and the dataset)."""
import json
import math
import os
import subprocess
import sys
import time

import pyodbc

LATENCY_MS = int(os.environ.get("BENCH_LATENCY_MS", "100"))
EDGE_MAX = 100  # /media page size


def start_emulator():
    proc = subprocess.Popen([os.environ["EMULATOR_BIN"], "--port", "0", "--latency-ms", str(LATENCY_MS)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return proc, proc.stdout.readline().strip()


def run(url, concurrency, sql, **keys):
    extra = "".join(f";{k}={v}" for k, v in keys.items())
    c = pyodbc.connect(f"DRIVER={{Instagram ODBC Driver}};GraphURL={url};OAuthAccessToken=demo-token;"
                       f"MaxConcurrency={concurrency}{extra}")
    t = time.perf_counter()
    rows = [tuple(r) for r in c.execute(sql).fetchall()]
    wall = time.perf_counter() - t
    calls = c.execute("SELECT count(*) FROM sys_requests WHERE FromCache = 0").fetchone()[0]
    c.close()
    return rows, wall, calls


def main():
    with open(os.environ["DATASET_JSON"], encoding="utf-8") as f:
        data = json.load(f)
    media = {a["id"]: len(data["media"].get(a["id"], [])) for a in data["accounts"]}
    big = max(media, key=media.get)
    pages = {a: max(1, math.ceil(n / EDGE_MAX)) for a, n in media.items()}
    cases = [
        # (label, sql, connection keys, dependent calls)
        (f"Media, one account ({media[big]} media)", "SELECT * FROM Media", {"BusinessAccountId": big}, pages[big]),
        (f"Media, every account in scope ({len(media)})", "SELECT * FROM Media", {},
         1 + max(pages.values())),  # the scope discovery, then the longest account
        ("Media LIMIT 10, one account", "SELECT Id FROM Media LIMIT 10", {"BusinessAccountId": big}, 1),
    ]
    proc, url = start_emulator()
    try:
        print(f"Latency benchmark: every Graph answer delayed {LATENCY_MS} ms")
        print(f"{'statement':44} {'lanes':>5} {'calls':>6} {'wall s':>7} {'bound s':>7} {'wall/bound':>10}")
        for label, sql, keys, depth in cases:
            bound = depth * LATENCY_MS / 1000
            results = {}
            for concurrency in (1, 8):
                rows, wall, calls = run(url, concurrency, sql, **keys)
                results[concurrency] = rows
                print(f"{label:44} {concurrency:>5} {calls:>6} {wall:7.2f} {bound:7.2f} {wall / bound:10.2f}")
            same = "identical" if results[1] == results[8] else "DIFFERENT"
            print(f"{'':44} rows: {len(results[1])}, {same} with and without lanes")
    finally:
        proc.terminate()
        proc.wait()


if __name__ == "__main__":
    sys.exit(main())
