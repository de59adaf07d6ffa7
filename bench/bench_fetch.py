"""Fetch benchmark: the same rows read (a) straight from the emulator over HTTP with the same fields and page
size, and (b) through unixODBC + the driver with pyodbc. Prints rows/s for both, their ratio (the cost the
driver adds on top of the API), the Graph calls each made, and the peak RSS of the pyodbc client process next
to baselines measured the same way in the same run: the same rows read from a local SQLite file, and a pyodbc
connection that reads nothing. Run through bench/run-bench.sh (it starts the emulator)."""
import gzip
import json
import os
import sqlite3
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


def raw_http(account, keep=None):
    """Page through /media with urllib, gzip and json: the floor any client pays for the same data. Appends
    the rows to `keep` if given."""
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
        if keep is not None:
            keep.extend(page["data"])
        url = page.get("paging", {}).get("next")
    return rows, calls


# One client process per measurement, each printing "rows seconds calls peak_kib". Every mode imports the same
# modules, so the peaks differ only by what the mode does. The peak is VmHWM, the high-water mark of this
# process's own address space (fresh at exec). Not ru_maxrss: Linux carries the peak of the address space an
# exec replaces into it, so a child forked from this benchmark (~100 MiB after loading the dataset) would
# report the parent's peak instead of its own.
CLIENT_CHILD = r"""
import os, pyodbc, sqlite3, sys, time
mode, source, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])

def peak_kib():
    with open("/proc/self/status") as f:
        return int(next(line.split()[1] for line in f if line.startswith("VmHWM:")))

if mode == "sqlite":
    c, sql = sqlite3.connect(source), "SELECT * FROM media"
else:
    c = pyodbc.connect("DRIVER={Instagram ODBC Driver};GraphURL=%s;OAuthAccessToken=demo-token;"
                       "BusinessAccountId=%s" % (os.environ["EMULATOR_URL"], source), autocommit=False)
    sql = "SELECT * FROM Media"
n, best = 0, 0.0
if mode != "idle":
    best = None
    for _ in range(rounds):
        t = time.perf_counter()
        cur = c.execute(sql)
        n = 0
        while True:
            batch = cur.fetchmany(500)
            if not batch:
                break
            n += len(batch)
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
calls = c.execute("SELECT COUNT(*) FROM sys_requests").fetchone()[0] if mode == "odbc" else 0
print(n, best, calls, peak_kib())
"""


def run_client(mode, source):
    out = subprocess.run([sys.executable, "-c", CLIENT_CHILD, mode, source, str(ROUNDS)], check=True,
                         capture_output=True, text=True).stdout.split()
    return int(out[0]), float(out[1]), int(out[2]), int(out[3])


def write_sqlite_copy(rows, path):
    """The rows the API returned, one column per requested field, in a local SQLite file."""
    cols = FIELDS.split(",")
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE media (%s)" % ", ".join(cols))
    db.executemany("INSERT INTO media VALUES (%s)" % ", ".join("?" * len(cols)),
                   [[int(v) if isinstance(v, bool) else v for v in (r.get(c) for c in cols)] for r in rows])
    db.commit()
    db.close()


def main():
    account = big_account()
    best_raw = None
    for _ in range(ROUNDS):
        t = time.perf_counter()
        raw_rows, raw_calls = raw_http(account)
        dt = time.perf_counter() - t
        best_raw = dt if best_raw is None else min(best_raw, dt)
    kept = []
    raw_http(account, kept)
    local = os.path.join(os.environ.get("IGODBC_TEST_DIR") or os.environ.get("TMPDIR", "/tmp"), "bench-media.db")
    write_sqlite_copy(kept, local)
    try:
        sqlite_rows, _, _, sqlite_kib = run_client("sqlite", local)
    finally:
        os.remove(local)
    _, _, _, idle_kib = run_client("idle", account)
    odbc_rows, best_odbc, odbc_calls, odbc_kib = run_client("odbc", account)
    print(f"rows: raw HTTP {raw_rows}, pyodbc {odbc_rows}")
    print(f"Graph calls: raw HTTP {raw_calls}, pyodbc {odbc_calls}")
    print(f"raw HTTP + json : {raw_rows / best_raw:10.0f} rows/s ({best_raw * 1000:.1f} ms, best of {ROUNDS})")
    print(f"pyodbc + driver : {odbc_rows / best_odbc:10.0f} rows/s ({best_odbc * 1000:.1f} ms, best of {ROUNDS})")
    print(f"ratio driver/raw: {best_raw / best_odbc:.2f} (1.00 = the driver adds nothing on top of HTTP + JSON)")
    print("peak RSS of each client process (VmHWM), side by side in this run:")
    print(f"  sqlite3, same {sqlite_rows} rows from a local file : {sqlite_kib / 1024:6.1f} MiB")
    print(f"  pyodbc + driver, connected, no statement  : {idle_kib / 1024:6.1f} MiB")
    print(f"  pyodbc + driver, SELECT * FROM Media       : {odbc_kib / 1024:6.1f} MiB")
    print(f"ratio RSS driver/sqlite: {odbc_kib / sqlite_kib:.2f} (1.00 = reading through the driver costs no "
          f"more memory than reading a local file)")


if __name__ == "__main__":
    main()
