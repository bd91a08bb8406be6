"""Shared fixtures.  Qt tests run offscreen unless HMS_DESK_TEST_SHOW=1."""

from __future__ import annotations

import os
from pathlib import Path

if not os.environ.get("HMS_DESK_TEST_SHOW"):
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture
def db(db_url: str, tmp_path: Path):
    """A fresh, migrated SQLite database (real file, WAL)."""
    from hms_desk.storage.db import open_database

    database, _ = open_database(db_url, tmp_path / "backups")
    yield database
    database.dispose()


# --- a seeded demo database, built once per session and copied per test -------

@pytest.fixture(scope="session")
def seeded_db_file(tmp_path_factory) -> Path:
    from hms_desk.app import seed_embedded_defaults
    from hms_desk.storage.db import open_database

    path = tmp_path_factory.mktemp("seed") / "seed.sqlite3"
    database, _ = open_database(f"sqlite:///{path}")
    seed_embedded_defaults(database)
    with database.engine.connect() as c:
        c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


@pytest.fixture
def profile_dir(tmp_path: Path, seeded_db_file: Path) -> Path:
    """A temporary profile whose database already holds the embedded defaults."""
    import shutil

    from hms_desk.platform.paths import Profile

    prof = Profile.at(tmp_path / "profile").ensure()
    shutil.copyfile(seeded_db_file, prof.default_db_file)
    return tmp_path / "profile"


@pytest.fixture
def core(profile_dir: Path):
    from hms_desk.app import Options, build_core
    from hms_desk.platform.secrets import MemorySecrets
    from hms_desk.platform.tasks import InlineTasks

    c = build_core(Options(profile=profile_dir, secrets=MemorySecrets(), tasks=InlineTasks()))
    yield c
    c.close()


# --- a real PostgreSQL server, started for the tests that need one ------------

def _pg_bin() -> Path | None:
    import glob
    import shutil

    for cand in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(cand) / "initdb").exists():
            return Path(cand)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@pytest.fixture(scope="session")
def pg_url(tmp_path_factory):
    """Starts a throw-away PostgreSQL server on a free loopback port."""
    import os
    import socket
    import subprocess

    if os.environ.get("HMS_DESK_TEST_PG_URL"):
        yield os.environ["HMS_DESK_TEST_PG_URL"]
        return
    bindir = _pg_bin()
    if bindir is None:
        pytest.fail("PostgreSQL is not installed: run scripts/test, which installs it, "
                    "or set HMS_DESK_TEST_PG_URL to a server of your own")
    base = tmp_path_factory.mktemp("pg")
    data = base / "data"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    prefix: list[str] = []
    if os.geteuid() == 0:       # initdb refuses to run as root
        import shutil as _sh
        _sh.chown(base, "postgres", "postgres")
        os.chmod(base, 0o755)
        for parent in list(base.parents)[:3]:
            os.chmod(parent, os.stat(parent).st_mode | 0o711)
        prefix = ["runuser", "-u", "postgres", "--"]
    run = lambda *cmd: subprocess.run(prefix + [str(c) for c in cmd], check=True,  # noqa: E731
                                      capture_output=True, text=True)
    run(bindir / "initdb", "-D", data, "-U", "hms", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
    run(bindir / "pg_ctl", "-D", data, "-l", base / "log.txt", "-w", "-t", "60", "start",
        "-o", f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off")
    try:
        run(bindir / "createdb", "-h", "127.0.0.1", "-p", port, "-U", "hms", "hms_desk_test")
        yield f"postgresql+psycopg://hms@127.0.0.1:{port}/hms_desk_test"
    finally:
        subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                       capture_output=True)


@pytest.fixture
def pg_db(pg_url):
    """A migrated PostgreSQL database, emptied after the test."""
    from sqlalchemy import text

    from hms_desk.storage.db import open_database
    from hms_desk.storage.models import Base

    database, _ = open_database(pg_url)
    yield database
    with database.engine.begin() as c:
        names = ", ".join(t.name for t in Base.metadata.sorted_tables)
        c.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    database.dispose()


@pytest.fixture
def qloop(qapp):
    """qasync's asyncio loop on the test's QApplication (Qt's loop is driven by qtbot waits)."""
    import asyncio

    import qasync

    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


@pytest.fixture
def gui_core(profile_dir: Path, qloop):
    """Core services with real background threads, as the GUI has them."""
    from hms_desk.app import Options, build_core
    from hms_desk.platform.secrets import MemorySecrets
    from hms_desk.platform.tasks import ThreadTasks

    c = build_core(Options(profile=profile_dir, secrets=MemorySecrets(), tasks=ThreadTasks()), gui=True)
    yield c
    c.close()


@pytest.fixture
def ops(gui_core, qtbot):
    """The operations dispatcher on the GUI core's real background threads."""
    from hms_desk.ui.ops import Operations

    dispatcher = Operations(gui_core.tasks)
    yield dispatcher
    dispatcher.deleteLater()


def picture_shown(video) -> bool:
    """The pane shows a real picture (not the black frame shown while the face blur starts)."""
    frame = video.current_frame()
    return frame is not None and not frame.blanked


def as_blank_start_frame(frame):
    """``frame`` as live blur hands it on before its first detection: black with a banner."""
    import dataclasses

    from hms_desk.video.frames import Coverage

    black = frame.image.copy()
    black[:] = 0
    return dataclasses.replace(frame, image=black, coverage=Coverage("starter", None, False, True, 0))


@pytest.fixture
def window(gui_core, qtbot, request):
    """The real main window, built by the GUI half of the composition root, shown (in bokmål, with
    Qt's own texts and the plural forms installed, as ``run_gui`` does)."""
    from PySide6.QtWidgets import QApplication

    from hms_desk.ui.application import build_window
    from hms_desk.ui.i18n import install_translations

    # a test that asks for the English window (``gui_english``) keeps it
    install_translations(QApplication.instance(), "en" if "gui_english" in request.fixturenames else "nb")
    win = build_window(gui_core)
    # The label reader's live loop reads the demo label and offers it on Enter; tests that send
    # keys to widgets without focus would have their Return taken by it.  Only tests about it
    # keep it running (and the other window tests are spared its CPU).
    reader = getattr(win, "label_reader", None)
    if reader is not None and request.node.get_closest_marker("live_labels") is None:
        reader.stop()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.live_blur.shutdown()
    win.video.shutdown()


# --- leak checks on every Qt test ----------------------------------------------------------
# A Qt test must not leave threads, running timers or top-level widgets behind
# (napari's conftest does the same).  Checked after every fixture is torn down,
# so a fixture's own cleanup counts.  A test that leaves something on purpose
# says so with ``@pytest.mark.leaves("threads")`` (or "widgets", "timers").

#: Pools that live as long as the process, made on first use (the still-mode anonymiser's passes).
PROCESS_WIDE_THREADS = ("face-pass",)


def _is_qt_test(item) -> bool:
    names = set(getattr(item, "fixturenames", ()))
    return bool(names & {"qtbot", "qapp", "qloop", "window", "gui_core", "ops"})


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_setup(item):
    if _is_qt_test(item):
        import threading

        from PySide6.QtWidgets import QApplication

        item._leak_threads = set(threading.enumerate())
        app = QApplication.instance()
        item._leak_widgets = set(map(id, app.topLevelWidgets())) if app is not None else set()
    yield


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    if not hasattr(item, "_leak_threads"):
        return
    import threading
    import time

    from PySide6.QtCore import QCoreApplication, QEvent, QTimer
    from PySide6.QtWidgets import QApplication

    allowed = {a for m in item.iter_markers("leaves") for a in m.args}
    app = QApplication.instance()
    problems: list[str] = []
    if app is not None:
        for _ in range(3):                      # deleteLater() of widgets closed in teardown
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            app.processEvents()
        if "widgets" not in allowed:
            left = [w for w in app.topLevelWidgets() if id(w) not in item._leak_widgets and w.isVisible()]
            if left:
                problems.append("top-level widgets left open: " + ", ".join(
                    f"{type(w).__name__}({w.objectName() or w.windowTitle()!r})" for w in left))
                for w in left:
                    w.close()
        if "timers" not in allowed:
            timers = [t for t in app.findChildren(QTimer) if t.isActive()]
            if timers:
                problems.append("timers left running: " + ", ".join(t.objectName() or "QTimer" for t in timers))
                for t in timers:
                    t.stop()
    if "threads" not in allowed:
        deadline = time.monotonic() + 10
        new = [t for t in threading.enumerate() if t not in item._leak_threads and t.is_alive()
               and not t.name.startswith(PROCESS_WIDE_THREADS)]
        for t in new:
            t.join(max(0.0, deadline - time.monotonic()))
        new = [t for t in new if t.is_alive()]
        if new:
            problems.append("threads left running: " + ", ".join(t.name for t in new))
    if problems:
        raise AssertionError("Qt test leaks — " + "; ".join(problems))


@pytest.fixture
def answers(monkeypatch):
    """Answers the case questions (close the case? quit with a case open?) as a technician would.

    ``answers.close`` ("close" | "export" | None) and ``answers.quit`` ("leave" | "close" | None)
    choose the answer; ``answers.asked`` records each question's title.
    """
    from types import SimpleNamespace

    from hms_desk.ui.case_panel import CloseCaseDialog
    from hms_desk.ui.main_window import QuitDialog

    state = SimpleNamespace(close="close", quit="leave", asked=[], previews=[])

    def ask_close(cls, parent, preview, require_journal, done):
        state.asked.append(f"close {preview.number}")
        state.previews.append((preview, require_journal))
        done(state.close if not (require_journal and state.close == "close" and preview.pictures_since_export)
             else None)

    def ask_quit(cls, parent, number, done):
        state.asked.append(f"quit {number}")
        done(state.quit)
    monkeypatch.setattr(CloseCaseDialog, "ask", classmethod(ask_close))
    monkeypatch.setattr(QuitDialog, "ask", classmethod(ask_quit))
    return state
