"""Attack: the OeBS answer, from hostile servers on 127.0.0.1.

* Personal data in a kept field of the answer (``artikkelstatus`` "Hentet av <fnr>", a name,
  an fnr as ``isokode``) is refused: the lookup falls back to the local register with a
  Norwegian reason, and nothing of it is stored, printed or logged.
* A server that drips its answer one byte at a time is cut at the ONE overall deadline.
* A 1 GB answer (with or without Content-Length) is never buffered: the client's peak memory
  stays under 300 MB (measured in a subprocess, ``VmHWM``).
"""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from hostile import FNR, NAME, SP_DASH, assert_message, planted_for, run_cli, scan_tree

from hms_desk.domain.personal_data import find_national_ids

pytestmark = pytest.mark.attack

DEMO = ("250464", "123456")


def loan(**extra) -> dict:
    u = {"fnr": FNR, "artnr": DEMO[0], "serienr": DEMO[1], "utlånsDato": "2025-02-03",
         "opprettetDato": "2025-01-01", "isokode": "12230301", "artikkelstatus": "I utlån"}
    u.update(extra)
    return {"utlån": u}


class Hostile:
    """One misbehaving OeBS proxy: ``mode`` is json | drip | huge | huge-chunked."""

    def __init__(self, mode: str, payload: dict | None = None, drip_s: float = 0.3,
                 huge_bytes: int = 1 << 30) -> None:
        self.stop = threading.Event()
        me = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    getattr(self, "_" + mode.replace("-", "_"))()
                except OSError:
                    pass            # the client hung up: that is the point

            def _json(self) -> None:
                body = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _drip(self) -> None:
                body = json.dumps(loan()).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                for b in body:
                    if me.stop.wait(drip_s):
                        return
                    self.wfile.write(bytes([b]))
                    self.wfile.flush()

            def _send_huge(self, length: bool) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                if length:
                    self.send_header("Content-Length", str(huge_bytes))
                else:
                    self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                block = b" " * (1 << 20)
                sent = 0
                while sent < huge_bytes and not me.stop.is_set():
                    if length:
                        self.wfile.write(block)
                    else:
                        self.wfile.write(b"%x\r\n" % len(block) + block + b"\r\n")
                    sent += len(block)
                if not length:
                    self.wfile.write(b"0\r\n\r\n")

            def _huge(self) -> None:
                self._send_huge(True)

            def _huge_chunked(self) -> None:
                self._send_huge(False)

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address) -> None:
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> "Hostile":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()


def oebs_profile(profile_dir, url: str, timeout_s: float = 1.0, retries: int = 0):
    (profile_dir / "config").mkdir(parents=True, exist_ok=True)
    (profile_dir / "config" / "settings.json").write_text(json.dumps(
        {"schema_version": 2, "oebs": {"base_url": url, "timeout_s": timeout_s, "retries": retries}}))
    return profile_dir


@pytest.mark.parametrize("field,value", [
    ("artikkelstatus", f"Hentet av {FNR}"),
    ("artikkelstatus", f"Hentet av {SP_DASH}"),
    ("artikkelstatus", f"Hentet av {NAME}"),
    ("artikkelstatus", "<b>I utlån</b>"),
    ("artikkelstatus", "I utlån\u202e"),
    ("isokode", FNR),
])
def test_personal_data_in_the_oebs_answer_is_refused_and_not_stored(field, value, profile_dir):
    with Hostile("json", loan(**{field: value})) as srv:
        oebs_profile(profile_dir, srv.url)
        res = run_cli("lookup", *DEMO, "--json", profile=profile_dir)
    out = res.stdout + res.stderr
    assert res.returncode == 0, out                       # the local register answers
    assert "frakoblet" in res.stderr, out                  # … and says OeBS was not used
    card = json.loads(res.stdout)
    assert card["article_status"] == "I utlån" and card["iso_category"] == "12230301"
    assert FNR not in out and NAME not in out and not find_national_ids(out)
    assert scan_tree(profile_dir, planted_for(value)) == {}


def test_a_clean_oebs_answer_is_used(profile_dir):
    with Hostile("json", loan(artikkelstatus="Til reparasjon")) as srv:
        oebs_profile(profile_dir, srv.url)
        res = run_cli("lookup", *DEMO, "--json", profile=profile_dir)
    assert res.returncode == 0 and "frakoblet" not in res.stderr, res.stderr
    assert json.loads(res.stdout)["article_status"] == "Til reparasjon"
    assert FNR not in res.stdout and scan_tree(profile_dir, planted_for()) == {}


def test_a_dripping_server_is_cut_at_the_one_deadline():
    """One byte every 0.3 s passes any per-read timeout; the overall deadline must still hold."""
    from hms_desk.services.oebs import OebsClient, OebsTimeout

    with Hostile("drip", drip_s=0.3) as srv:
        client = OebsClient(srv.url, timeout_s=1.0, retries=0, deadline_s=2.0)
        t0 = time.monotonic()
        with pytest.raises(OebsTimeout) as cut:
            asyncio.run(client.fetch_loan(*DEMO))
        elapsed = time.monotonic() - t0
    assert 1.9 <= elapsed < 2.6, elapsed
    assert "sekunder" in cut.value.message


def test_the_cli_falls_back_when_oebs_drips(profile_dir):
    with Hostile("drip", drip_s=0.3) as srv:
        oebs_profile(profile_dir, srv.url, timeout_s=1.0, retries=0)   # deadline 2*1+1 = 3 s
        t0 = time.monotonic()
        res = run_cli("lookup", *DEMO, "--json", profile=profile_dir)
        elapsed = time.monotonic() - t0
    assert res.returncode == 0 and "frakoblet" in res.stderr, res.stderr
    assert elapsed < 15, elapsed


_PEAK_CHILD = r"""
import asyncio, json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))   # never take the machine down
from hms_desk.services.oebs import OebsClient, OebsError
client = OebsClient(sys.argv[1], timeout_s=30, retries=0, deadline_s=60)
t0 = time.monotonic()
try:
    asyncio.run(client.fetch_loan("250464", "123456"))
    outcome = "answered"
except OebsError as exc:
    outcome = exc.message
except MemoryError:
    outcome = "MemoryError"
peak = 0
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        peak = int(line.split()[1]) // 1024
print(json.dumps({"peak_mb": peak, "seconds": round(time.monotonic() - t0, 2), "outcome": outcome}))
"""


@pytest.mark.parametrize("mode", ["huge", "huge-chunked"])
def test_a_one_gigabyte_answer_is_never_buffered(mode):
    with Hostile(mode) as srv:
        res = subprocess.run([sys.executable, "-c", _PEAK_CHILD, srv.url], capture_output=True, text=True,
                             timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    figures = json.loads(res.stdout.strip().splitlines()[-1])
    print(f"OeBS 1 GB answer ({mode}): {figures}")
    assert figures["outcome"] == "OeBS ga et svar som ikke kan brukes: svaret er for stort.", figures
    assert figures["peak_mb"] < 300, figures
    assert figures["seconds"] < 10, figures


def test_a_connection_that_never_answers_is_cut_at_the_deadline():
    from hms_desk.services.oebs import OebsClient, OebsTimeout

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)                      # accepts the TCP connection, never says a word
    try:
        client = OebsClient(f"http://127.0.0.1:{sock.getsockname()[1]}", timeout_s=5.0, retries=3,
                            deadline_s=1.5)
        t0 = time.monotonic()
        with pytest.raises(OebsTimeout):
            asyncio.run(client.fetch_loan(*DEMO))
        assert time.monotonic() - t0 < 2.2
    finally:
        sock.close()


def test_an_offline_answer_keeps_the_message_norwegian(profile_dir):
    with Hostile("json", {"utlån": "<html>"}) as srv:
        oebs_profile(profile_dir, srv.url)
        res = run_cli("lookup", *DEMO, profile=profile_dir)
    assert_message(res, codes=(0,), contains="frakoblet")
