"""A second emulator with fault injection (emulator/server/faults.h) for the resilience tests: same data as the
fault-free emulator of with_emulator.sh (same seed and clock), so every result can be compared with it."""
import os
import subprocess
import tempfile
import time


class FaultEmulator:
    def __init__(self, faults, seed=1, extra_args=()):
        self.dir = tempfile.mkdtemp(prefix="igodbc-faults.", dir=os.environ.get("IGODBC_TEST_DIR"))
        self.log_path = os.path.join(self.dir, "requests.jsonl")
        out = open(os.path.join(self.dir, "out"), "w")
        self.proc = subprocess.Popen(
            [os.environ["EMULATOR_BIN"], "--port", "0", "--faults", faults, "--fault-seed", str(seed),
             "--request-log", self.log_path, *extra_args], stdout=out, stderr=subprocess.STDOUT)
        self.url = ""
        for _ in range(400):
            with open(os.path.join(self.dir, "out")) as f:
                line = f.readline().strip()
            if line.startswith("http://"):
                self.url = line
                break
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        if not self.url:
            self.stop()
            raise RuntimeError("fault emulator did not start: " + open(os.path.join(self.dir, "out")).read())

    def connection_string(self, **extra):
        keys = {"DRIVER": "{Instagram ODBC Driver}", "GraphURL": self.url, "OAuthAccessToken": "demo-token"}
        keys.update({k: str(v) for k, v in extra.items()})
        return ";".join(f"{k}={v}" for k, v in keys.items())

    def requests(self):
        import json
        time.sleep(0.05)
        if not os.path.exists(self.log_path):
            return []
        with open(self.log_path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
