"""Crash capture, secrets, logging redaction: the process-level plumbing."""

import logging
import os
import stat
import subprocess
import sys
import threading

from hms_desk.platform import crash
from hms_desk.platform.logs import setup_logging
from hms_desk.platform.secrets import FileSecrets, MemorySecrets, open_secret_store


def test_thread_exception_reaches_the_report_hook(monkeypatch):
    got = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    crash.install_excepthooks(got.append)
    t = threading.Thread(target=lambda: 1 / 0)
    t.start()
    t.join()
    assert got and "ZeroDivisionError" in got[0]


def test_crash_text_has_national_ids_removed():
    try:
        raise ValueError("bad value 01010012345")
    except ValueError as e:
        text = crash.format_exception(type(e), e, e.__traceback__)
    assert "01010012345" not in text and "[fjernet]" in text


def test_hard_crash_is_offered_at_next_start(tmp_path):
    code = ("import sys, faulthandler; from pathlib import Path; from hms_desk.platform import crash; "
            f"crash.enable_faulthandler(Path(r'{tmp_path}')); faulthandler._sigsegv()")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert res.returncode != 0
    assert crash.pending_crash_report(tmp_path) is None        # not rotated yet
    crash.enable_faulthandler(tmp_path)                          # the next start
    crash.disable_faulthandler()
    report = crash.pending_crash_report(tmp_path)
    assert report is not None and "Fatal Python error" in report.read_text()
    crash.mark_crash_report_seen(report)
    assert crash.pending_crash_report(tmp_path) is None


def test_log_file_redacts_national_ids(tmp_path):
    path = setup_logging(tmp_path)
    logging.getLogger("hms_desk.test").warning("user typed %s", "24014512345")
    for h in logging.getLogger("hms_desk").handlers:
        h.flush()
    assert "24014512345" not in path.read_text() and "[fjernet]" in path.read_text()


def test_file_secrets_are_private(tmp_path):
    s = FileSecrets(tmp_path / "secrets.json")
    s.set("token", "abc")
    assert s.get("token") == "abc"
    assert stat.S_IMODE(os.stat(tmp_path / "secrets.json").st_mode) == 0o600
    s.delete("token")
    assert s.get("token") is None


def test_no_keyring_falls_back_to_file_with_warning(tmp_path, monkeypatch):
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    store, warning = open_secret_store(tmp_path / "s.json")
    assert isinstance(store, FileSecrets)
    assert "nøkkelring" in warning


def test_memory_secrets():
    m = MemorySecrets()
    m.set("a", "b")
    assert m.get("a") == "b"


def test_running_workers_are_stopped_at_exit():
    """A process that exits with video, live-blur and quality threads still running
    must stop them first and exit cleanly (no abort from native destructors)."""
    code = """
import threading
from hms_desk.platform import workers
from hms_desk.video.live_blur import LiveBlur
from hms_desk.video.pipeline import FramePipeline
from hms_desk.video.sources import DemoSource
got = threading.Event()
blur = LiveBlur()
pipe = FramePipeline(DemoSource(), lambda f: got.set(), lambda s, m: None)
pipe.set_processor(blur)
pipe.start()
assert got.wait(30)
assert len(list(workers._running)) >= 2
print("leaving with workers running", flush=True)
"""
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "leaving with workers running" in res.stdout
    assert "terminate called" not in res.stderr


def test_stop_all_asks_each_worker_once():
    from hms_desk.platform import workers

    class Worker:
        def __init__(self):
            self.calls = []

        def stop(self, timeout=1.0):
            self.calls.append(timeout)

    a, b = Worker(), Worker()
    workers.track(a)
    workers.track(b)
    assert workers.stop_all(timeout=0.5) >= 2
    assert a.calls == [0.5] and b.calls == [0.5]
    assert workers.stop_all() == 0


def test_opencv_worker_threads_sleep_instead_of_spinning():
    """Importing hms_desk (before cv2, as every entry point does) tells OpenCV's thread pool not to
    spin-wait; a value set outside is kept."""
    names = ("OPENCV_THREAD_POOL_ACTIVE_WAIT_WORKER", "OPENCV_THREAD_POOL_ACTIVE_WAIT_MAIN",
             "OPENCV_THREAD_POOL_ACTIVE_WAIT_PAUSE_LIMIT")
    code = "import os, hms_desk, cv2; print(' '.join(os.environ[n] for n in %r))" % (names,)
    env = {k: v for k, v in os.environ.items() if k not in names}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "0", "0"]
    out = subprocess.run([sys.executable, "-c", code], env={**env, names[0]: "1"}, capture_output=True,
                         text=True, check=True)
    assert out.stdout.split() == ["1", "0", "0"]
