"""Fetch benchmark: the same rows read (a) straight from the emulator over HTTP with the same fields and page
size, and (b) through unixODBC + the driver with pyodbc. Prints rows/s for both, their ratio (the cost the
driver adds on top of the API), the Graph calls each made, and the peak RSS of the pyodbc process.
Run through bench/run-bench.sh (it starts the emulator)."""
import gzip
import json
import os
import resource
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlencode

FIELDS = ("id,caption,media_type,media_product_type,media_url,thumbnail_url,permalink,shortcode,timestamp,"
          "username,like_count,comments_count,is_comment_enabled,is_shared_to_feed,alt_text,ig_id,shares_count,"
          "reposts_count,saved_count,total_like_count,total_comments_count,total_views_count")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))


def big_account():
    with open(os.environ["DATASET_JSON"], encoding="utf-8") as f:
        data = json.load(f)
    return max(data["accounts"], key=lambda a: len(a.get("media_ids", a.get("media", []))))["id"]


def raw_http(account):
    """Page through /media with urllib, gzip and json: the floor any client pays for the same data."""
    url = f"{os.environ['EMULATOR_URL']}/v24.0/{account}/media?" + urlencode(
        {"fields": FIELDS, "limit": 100, "access_token": "demo-token"})
    rows = calls = 0
    while url:
        # Same wire format as the driver (which asks for gzip, as it should over the internet).
        req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(req) as r:
            body = r.read()
            if r.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            page = json.loads(body)
        calls += 1
        rows += len(page["data"])
        url = page.get("paging", {}).get("next")
    return rows, calls


PYODBC_CHILD = r"""
import os, pyodbc, resource, sys, time
account, rounds = sys.argv[1], int(sys.argv[2])
c = pyodbc.connect("DRIVER={Instagram ODBC Driver};GraphURL=%s;OAuthAccessToken=demo-token;BusinessAccountId=%s"
                   % (os.environ["EMULATOR_URL"], account), autocommit=False)
best = None
for _ in range(rounds):
    t = time.perf_counter()
    cur = c.execute("SELECT * FROM Media")
    n = 0
    while True:
        batch = cur.fetchmany(500)
        if not batch:
            break
        n += len(batch)
    dt = time.perf_counter() - t
    best = dt if best is None else min(best, dt)
calls = c.execute("SELECT COUNT(*) FROM sys_requests").fetchone()[0]
print(n, best, calls, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def main():
    account = big_account()
    best_raw = None
    for _ in range(ROUNDS):
        t = time.perf_counter()
        raw_rows, raw_calls = raw_http(account)
        dt = time.perf_counter() - t
        best_raw = dt if best_raw is None else min(best_raw, dt)
    out = subprocess.run([sys.executable, "-c", PYODBC_CHILD, account, str(ROUNDS)], check=True,
                         capture_output=True, text=True).stdout.split()
    odbc_rows, best_odbc, odbc_calls, rss_kib = int(out[0]), float(out[1]), int(out[2]), int(out[3])
    print(f"rows: raw HTTP {raw_rows}, pyodbc {odbc_rows}")
    print(f"Graph calls: raw HTTP {raw_calls}, pyodbc {odbc_calls}")
    print(f"raw HTTP + json : {raw_rows / best_raw:10.0f} rows/s ({best_raw * 1000:.1f} ms, best of {ROUNDS})")
    print(f"pyodbc + driver : {odbc_rows / best_odbc:10.0f} rows/s ({best_odbc * 1000:.1f} ms, best of {ROUNDS})")
    print(f"ratio driver/raw: {best_raw / best_odbc:.2f} (1.00 = the driver adds nothing on top of HTTP + JSON)")
    print(f"peak RSS of the pyodbc process: {rss_kib / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
