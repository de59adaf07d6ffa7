#!/usr/bin/env python3
"""HTTP smoke test of the instagram-emulator binary: start it on a free port, follow paging URLs
verbatim, check gzip, the request log, determinism across runs and --dump-json agreement.

usage: http_smoke_test.py /path/to/instagram-emulator
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request

EMULATOR = sys.argv[1]
TOKEN = "demo-token"


class Emulator:
    def __init__(self, *args):
        self.proc = subprocess.Popen([EMULATOR, "--port", "0", *args], stdout=subprocess.PIPE, text=True)
        self.base = self.proc.stdout.readline().strip()
        assert self.base.startswith("http://127.0.0.1:"), self.base

    def get(self, path_or_url, headers=None):
        url = path_or_url if path_or_url.startswith("http") else self.base + path_or_url
        req = urllib.request.Request(url, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def json(self, path_or_url):
        status, headers, body = self.get(path_or_url)
        return status, headers, json.loads(body)

    def post(self, path, form):
        """POST with a form-encoded body (how the driver sends writes and batches)."""
        data = urllib.parse.urlencode(form).encode()
        req = urllib.request.Request(self.base + path, data=data, method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())

    def stop(self):
        self.proc.terminate()
        assert self.proc.wait(timeout=10) == 0


def main():
    tmp = tempfile.mkdtemp()
    log_path = os.path.join(tmp, "requests.log")
    dump_path = os.path.join(tmp, "dump.json")
    subprocess.run([EMULATOR, "--dump-json", dump_path], check=True)
    dump = json.load(open(dump_path, encoding="utf-8"))
    account_a = dump["accounts"][0]["id"]

    emu = Emulator("--request-log", log_path)
    try:
        # Paging account A at limit=100 by following next verbatim: exactly 12 requests.
        url = f"/v24.0/{account_a}/media?fields=id,caption,timestamp&limit=100&access_token={TOKEN}"
        requests, items = 0, []
        while url:
            status, headers, page = emu.json(url)
            assert status == 200, page
            assert headers["facebook-api-version"] == "v24.0"
            assert account_a in json.loads(headers["X-Business-Use-Case-Usage"])
            requests += 1
            items += page["data"]
            url = page.get("paging", {}).get("next")
        assert requests == 12, requests
        assert [m["id"] for m in items] == [m["id"] for m in dump["media"][account_a]]
        for got, want in zip(items, dump["media"][account_a]):
            assert got.get("caption") == want.get("caption")

        # The request log has one line per request, token redacted, values decoded.
        lines = [json.loads(line) for line in open(log_path, encoding="utf-8")]
        assert len(lines) == 12, len(lines)
        assert lines[0]["query"] == {"fields": "id,caption,timestamp", "limit": "100", "access_token": "***"}
        assert lines[0]["path"] == f"/v24.0/{account_a}/media" and lines[0]["status"] == 200
        assert "after" in lines[1]["query"]

        # gzip when asked for.
        status, headers, body = emu.get(f"/v24.0/me?access_token={TOKEN}", {"Accept-Encoding": "gzip"})
        assert status == 200 and headers.get("Content-Encoding") == "gzip"
        assert json.loads(gzip.decompress(body))["id"] == dump["user"]["id"]

        # Errors.
        status, headers, err = emu.json(f"/v24.0/me?access_token=wrong")
        assert status == 400 and err["error"]["code"] == 190 and "WWW-Authenticate" in headers
        status, _, err = emu.json(f"/v24.0/1?access_token={TOKEN}")
        assert status == 400 and err["error"]["error_subcode"] == 33
        status, _, body = emu.get("/%zz%/?fields={{{{&ids=,,")
        assert status == 400 and "error" in json.loads(body)

        # ids=
        m = dump["media"][account_a]
        status, _, multi = emu.json(f"/v24.0/?ids={m[0]['id']},{m[1]['id']}&fields=id,caption&access_token={TOKEN}")
        assert status == 200 and set(multi) == {m[0]["id"], m[1]["id"]}

        first = emu.get(f"/v24.0/{account_a}/media?limit=7&access_token={TOKEN}")[2]

        # Writes take their parameters from a form body; the new comment is readable right away.
        media = dump["media"][account_a][1]["id"]
        status, created = emu.post(f"/v24.0/{media}/comments", {"access_token": TOKEN, "message": "Danke! \u2615"})
        assert status == 200 and set(created) == {"id"}, created
        status, _, comment = emu.json(f"/v24.0/{created['id']}?fields=text&access_token={TOKEN}")
        assert comment["text"] == "Danke! \u2615", comment

        # Batch over HTTP: string bodies, per-operation codes.
        batch = json.dumps([{"method": "GET", "relative_url": f"{media}?fields=comments_count"},
                            {"method": "GET", "relative_url": "999"}])
        status, items = emu.post("/v24.0/", {"access_token": TOKEN, "batch": batch, "include_headers": "false"})
        assert status == 200 and [i["code"] for i in items] == [200, 400], items
        assert json.loads(items[0]["body"])["comments_count"] == dump["media"][account_a][1]["comments_count"] + 1
    finally:
        emu.stop()

    # Same seed, new process: byte-identical responses.
    emu2 = Emulator()
    try:
        assert emu2.get(f"/v24.0/{account_a}/media?limit=7&access_token={TOKEN}")[2] == \
            first.replace(emu.base.encode().replace(b"/", b"\\/"), emu2.base.encode().replace(b"/", b"\\/"))
    finally:
        emu2.stop()
    print("http smoke test passed")


if __name__ == "__main__":
    main()
