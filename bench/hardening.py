"""Hard bounds (issue 10): the OeBS bomb, the dripping server, and what the guard costs.

* **OeBS bomb** — a local server answers with 1 GB (Content-Length, and chunked without
  one).  ``OebsClient.fetch_loan`` runs in a child process; its peak RSS (``VmHWM``) must stay
  under 300 MB.  Peer: the previous client's way — ``httpx`` reads the whole body, then checks
  its size — on a 256 MB body (more would take the shared machine's memory).
* **Dripping server** — one byte every 0.3 s, so no single read ever times out.  The client
  (``timeout_s`` 1 s, no retries → deadline 3 s) must be cut at the deadline.  Peer: the
  per-read timeout alone (the previous client), on a body of 40 bytes (``--quick``: 20).
* **Guard** — ``check_free_text`` on a 4,000-character summary and ``find_national_ids`` on
  50,000 characters (microseconds/milliseconds per call), and a register import of 200,000
  rows (``--quick``: 50,000) with the guard, rows per second.

    python bench/hardening.py [--quick]

The last line printed is one JSON object with all figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGETS = {"bomb_peak_mb": 300.0, "drip_overrun_s": 0.5}


class Server:
    def __init__(self, mode: str, size: int = 1 << 30, drip_s: float = 0.3, drip_bytes: int = 40):
        stop = self.stop = threading.Event()

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                try:
                    if mode == "drip":
                        self.send_header("Content-Length", str(drip_bytes))
                        self.end_headers()
                        for _ in range(drip_bytes):
                            if stop.wait(drip_s):
                                return
                            self.wfile.write(b" ")
                            self.wfile.flush()
                        return
                    chunked = mode == "chunked"
                    self.send_header(*(("Transfer-Encoding", "chunked") if chunked else ("Content-Length", str(size))))
                    self.end_headers()
                    block, sent = b" " * (1 << 20), 0
                    while sent < size and not stop.is_set():
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(block), block) if chunked else block)
                        sent += len(block)
                    if chunked:
                        self.wfile.write(b"0\r\n\r\n")
                except OSError:
                    pass

        class S(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, *a):
                pass

        self.server = S(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def close(self):
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()


CHILD = r"""
import asyncio, json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))
url, peer = sys.argv[1], sys.argv[2] == "peer"
t0 = time.monotonic()
async def old_client():        # the previous OebsClient: the whole body first, then the size check
    import httpx
    async with httpx.AsyncClient(trust_env=False) as http:
        r = await http.post(url + "/utlanSerienrArtnr", content=b"{}", timeout=httpx.Timeout(60))
        return len(r.content)
try:
    if peer:
        outcome = f"read {asyncio.run(old_client()) >> 20} MB"
    else:
        from hms_desk.services.oebs import OebsClient, OebsError
        try:
            asyncio.run(OebsClient(url, timeout_s=60, retries=0, deadline_s=120).fetch_loan("250464", "123456"))
            outcome = "answered"
        except OebsError as exc:
            outcome = exc.code
except MemoryError:
    outcome = "MemoryError"
peak = next(int(l.split()[1]) // 1024 for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(json.dumps({"peak_mb": peak, "seconds": round(time.monotonic() - t0, 2), "outcome": outcome}))
"""


def bomb(mode: str, peer: bool, size: int) -> dict:
    srv = Server(mode, size=size)
    try:
        res = subprocess.run([sys.executable, "-c", CHILD, srv.url, "peer" if peer else "ours"],
                             capture_output=True, text=True, timeout=600, cwd=ROOT)
    finally:
        srv.close()
    if res.returncode:
        return {"error": res.stderr[-300:]}
    return json.loads(res.stdout.strip().splitlines()[-1])


def drip(peer: bool, drip_bytes: int) -> dict:
    import httpx

    from hms_desk.services.oebs import OebsClient, OebsError

    srv = Server("drip", drip_bytes=drip_bytes)
    t0 = time.monotonic()
    try:
        if peer:
            async def old():
                async with httpx.AsyncClient(trust_env=False) as http:
                    r = await http.post(srv.url + "/utlanSerienrArtnr", content=b"{}", timeout=httpx.Timeout(1.0))
                    return len(r.content)
            outcome = f"read {asyncio.run(old())} bytes"
        else:
            try:
                asyncio.run(OebsClient(srv.url, timeout_s=1.0, retries=0).fetch_loan("250464", "123456"))
                outcome = "answered"
            except OebsError as exc:
                outcome = exc.code
    finally:
        srv.close()
    return {"seconds": round(time.monotonic() - t0, 2), "outcome": outcome}


def guard_costs(rows: int) -> dict:
    from hms_desk.domain.personal_data import check_free_text, find_national_ids

    summary = ("Brukeren ringte om dekket på Minicrosser X1 (HMS-nr 250464, serienr 123456). "
               "Kommunen monterer delen innen fredag; ring tilbake 12.03.2026 kl. 10:30. ") * 27
    summary = summary[:4000]
    n = 2000
    t0 = time.perf_counter()
    for _ in range(n):
        check_free_text(summary, field="summary")
    per_summary_us = (time.perf_counter() - t0) / n * 1e6
    long_text = ("æøå 1234 " * 6000)[:50_000]
    t0 = time.perf_counter()
    for _ in range(20):
        find_national_ids(long_text)
    per_50k_ms = (time.perf_counter() - t0) / 20 * 1e3

    from hms_desk.catalog.register import import_register
    from hms_desk.catalog.register_gen import generate_register_csv
    from hms_desk.storage.db import open_database

    with tempfile.TemporaryDirectory() as d:
        csv_path = Path(d) / "reg.csv"
        generate_register_csv(csv_path, rows, seed=3)
        db, _ = open_database(f"sqlite:///{Path(d) / 'b.sqlite3'}")
        t0 = time.perf_counter()
        report = import_register(db, [csv_path])
        seconds = time.perf_counter() - t0
        db.dispose()
    return {"check_summary_4000_us": round(per_summary_us, 1), "find_ids_50000_ms": round(per_50k_ms, 2),
            "register_rows": rows, "register_import_s": round(seconds, 2),
            "register_rows_per_s": round(rows / seconds), "register_ok": report.ok}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    out: dict = {"targets": TARGETS}
    out["bomb_1gb_length"] = bomb("length", False, 1 << 30)
    out["bomb_1gb_chunked"] = bomb("chunked", False, 1 << 30)
    out["peer_bomb_256mb_chunked"] = bomb("chunked", True, 256 << 20)
    print("bomb:", out["bomb_1gb_length"], out["bomb_1gb_chunked"], "peer:", out["peer_bomb_256mb_chunked"],
          file=sys.stderr)
    deadline = 2 * 1.0 + 1.0
    out["drip"] = dict(drip(False, 40 if not args.quick else 20), deadline_s=deadline)
    out["drip"]["overrun_s"] = round(out["drip"]["seconds"] - deadline, 2)
    out["peer_drip"] = drip(True, 40 if not args.quick else 20)
    print("drip:", out["drip"], "peer:", out["peer_drip"], file=sys.stderr)
    out["guard"] = guard_costs(50_000 if args.quick else 200_000)
    print("guard:", out["guard"], file=sys.stderr)
    out["bomb_peak_mb"] = max(out["bomb_1gb_length"].get("peak_mb", 1e9), out["bomb_1gb_chunked"].get("peak_mb", 1e9))
    out["ok"] = out["bomb_peak_mb"] < TARGETS["bomb_peak_mb"] and out["drip"]["overrun_s"] < TARGETS["drip_overrun_s"]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
