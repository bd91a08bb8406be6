"""Attack: files that matter (secrets, settings, sync state, exports) and the audit trail.

* A process killed (SIGKILL) at any moment while writing secrets, settings or the OeBS sync
  state leaves the old file or the new one — never half of one.
* A lost capture key is never silently replaced while captures exist.
* Audit first, then the export: when the audit entry cannot be written, no export file appears
  (journal note, deletion receipt, order PDF/JSON/CSV).
* One table of field limits agrees with the database's column lengths.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import String, Text

pytestmark = pytest.mark.attack

# --- atomic writes under SIGKILL ------------------------------------------------------

_WRITER = r"""
import sys, json
from pathlib import Path
kind, path = sys.argv[1], Path(sys.argv[2])
big = "k" * 2_000_000
n = 0
while True:
    n += 1
    if kind == "secrets":
        from hms_desk.platform.secrets import FileSecrets
        FileSecrets(path).set("oebs-token", f"{n}-{big}")
    elif kind == "settings":
        from hms_desk.platform.settings import Settings, SettingsStore
        s = Settings(); s.ui.window_state = f"{n}-{big}"
        SettingsStore(path).save(s)
    else:
        import datetime as dt
        from hms_desk.services.device_lookup import SyncState
        st = SyncState(path); st.mark(dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(seconds=n))
        st.save()
    print(n, flush=True)
"""


@pytest.mark.parametrize("kind", ["secrets", "settings", "sync"])
def test_a_kill_while_writing_leaves_a_whole_file(kind, tmp_path):
    path = tmp_path / f"{kind}.json"
    for round_ in range(6):
        child = subprocess.Popen([sys.executable, "-c", _WRITER, kind, str(path)], stdout=subprocess.PIPE,
                                 text=True)
        for _ in range(2 + round_):          # kill at a different write each round
            assert child.stdout.readline()
        child.kill()
        child.wait()
        child.stdout.close()
        data = json.loads(path.read_text(encoding="utf-8"))   # whole JSON, every time
        assert isinstance(data, dict) and data


_FAILING_WRITE = r"""
import json, resource, signal, sys
from pathlib import Path
kind, path = sys.argv[1], Path(sys.argv[2])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (1 << 20, 1 << 20))     # the disk fills up mid-write
big = "k" * (3 << 20)
try:
    if kind == "secrets":
        from hms_desk.platform.secrets import FileSecrets
        FileSecrets(path).set("oebs-token", big)
    else:
        from hms_desk.platform.settings import Settings, SettingsStore
        s = Settings(); s.ui.window_state = big
        SettingsStore(path).save(s)
    print("written")
except Exception as exc:
    print("refused", type(exc).__name__)
"""


@pytest.mark.parametrize("kind", ["secrets", "settings"])
def test_a_write_that_fails_halfway_leaves_the_old_file(kind, tmp_path):
    """The disk fills up in the middle of the write (RLIMIT_FSIZE): the old file must survive whole."""
    path = tmp_path / f"{kind}.json"
    old = (json.dumps({"capture-key-v1": "q" * 43 + "=", "oebs-token": "t0k3n"}) if kind == "secrets"
           else json.dumps({"schema_version": 2, "technician": "KN"}))
    path.write_text(old)
    res = subprocess.run([sys.executable, "-c", _FAILING_WRITE, kind, str(path)], capture_output=True, text=True)
    assert "refused" in res.stdout, res.stdout + res.stderr
    assert path.read_text() == old                            # whole, and the old content


def test_secrets_file_is_private(tmp_path):
    import os

    from hms_desk.platform.secrets import FileSecrets

    store = FileSecrets(tmp_path / "secrets.json")
    store.set("oebs-token", "t")
    assert (os.stat(tmp_path / "secrets.json").st_mode & 0o777) == 0o600


@pytest.mark.parametrize("content", [b"", b'{"capture-key-v1": "abc', b"\xff\xfe{}", b"[1, 2]",
                                     b'{"capture-key-v1": 5}', b"[" * 100_000])
def test_a_damaged_secrets_file_is_refused_not_emptied(content, tmp_path):
    from hms_desk.domain.errors import SecretsUnreadable
    from hms_desk.platform.secrets import FileSecrets

    path = tmp_path / "secrets.json"
    path.write_bytes(content)
    store = FileSecrets(path)
    with pytest.raises(SecretsUnreadable, match="Hemmelighetsfilen"):
        store.get("capture-key-v1")
    with pytest.raises(SecretsUnreadable):
        store.set("oebs-token", "new")
    assert path.read_bytes() == content


def test_no_new_capture_key_over_existing_captures(tmp_path):
    from hms_desk.platform.secrets import FileSecrets
    from hms_desk.services.captures import CaptureError, CaptureStore

    secrets = FileSecrets(tmp_path / "secrets.json")
    store = CaptureStore(tmp_path / "captures", secrets)
    name, _ = store.write(b"picture")
    (tmp_path / "secrets.json").unlink()                  # the key is gone (restored profile, new machine)
    again = CaptureStore(tmp_path / "captures", FileSecrets(tmp_path / "secrets.json"))
    with pytest.raises(CaptureError, match="lager ikke en ny nøkkel"):
        again.write(b"another picture")
    assert not (tmp_path / "secrets.json").exists()       # nothing was generated
    assert again.files() == [name]


# --- audit first, then the file ----------------------------------------------------------

@pytest.fixture
def locked_core(profile_dir, monkeypatch):
    """A core whose writes give up after 1 s, and a way to hold the database's write lock."""
    from hms_desk.app import Options, build_core
    from hms_desk.platform.secrets import MemorySecrets
    from hms_desk.platform.tasks import InlineTasks

    monkeypatch.setenv("HMS_DESK_DB_BUSY_TIMEOUT_S", "1")
    core = build_core(Options(profile=profile_dir, secrets=MemorySecrets(), tasks=InlineTasks()))
    holder = sqlite3.connect(core.profile.default_db_file, isolation_level=None)

    class Lock:
        def __enter__(self):
            holder.execute("BEGIN IMMEDIATE")

        def __exit__(self, *exc):
            holder.execute("ROLLBACK")

    yield core, Lock()
    holder.close()
    core.close()


def _exports(core):
    return sorted(p.name for p in core.profile.exports_dir.iterdir())


def test_no_journal_note_leaves_without_its_audit_entry(locked_core):
    from hms_desk.domain.errors import StorageError

    core, lock = locked_core
    case = core.cases.start()
    core.cases.set_summary(case.id, "Byttet dekk", "Ny samtale ved behov")
    with lock, pytest.raises(StorageError, match="opptatt"):
        core.journal.export_pdf(case.id)
    assert _exports(core) == []                            # nothing unaudited left the building
    path = core.journal.export_pdf(case.id)                # the lock is gone: audited, then written
    assert path.exists() and _exports(core) == [path.name]
    from hms_desk.services import audit

    assert any(r[2] == "eksporterte" and r[4] == case.number for r in audit.recent(core.db))


def test_no_deletion_receipt_without_its_audit_entry(locked_core):
    from hms_desk.domain.errors import StorageError

    core, lock = locked_core
    case = core.cases.start()
    core.cases.close(case.id)
    with lock, pytest.raises(StorageError):
        core.deletion.receipt(case.id)
    assert _exports(core) == []


@pytest.mark.parametrize("fmt", ["json", "csv", "pdf", "repair-pdf"])
def test_no_order_export_without_its_audit_entry(fmt, locked_core, tmp_path):
    from hms_desk.domain.errors import StorageError
    from hms_desk.parts.orders import DraftLine, OrderDraft

    core, lock = locked_core
    order = core.orders.create(OrderDraft(hmsnr="250464", serial="123456", orderer="T200002",
                                          orderer_hms_unit="4703", lines=[DraftLine("263765", quantity=1)]))
    target = tmp_path / f"export.{fmt}"
    with lock, pytest.raises(StorageError):
        core.order_documents.export(order.order.number, fmt, target)
    assert not target.exists() and list(tmp_path.glob("*.tmp")) == [] and list(tmp_path.glob(".*")) == []
    core.order_documents.export(order.order.number, fmt, target)
    assert target.exists()
    assert [a for a, _actor, _d in core.order_documents.audit_entries(order.order.number)].count("exported") == 1


# --- one table of field limits ------------------------------------------------------------

def test_field_limits_agree_with_the_database():
    from hms_desk.domain.limits import FORMAT_COLUMNS, LIMITS
    from hms_desk.storage.models import Base

    columns = {f"{t.name}.{c.name}": c for t in Base.metadata.tables.values() for c in t.columns}
    covered = set()
    for name, limit in LIMITS.items():
        for col in limit.columns:
            assert col in columns, (name, col)
            typ = columns[col].type
            if isinstance(typ, String) and not isinstance(typ, Text) and typ.length:
                assert limit.max_len == typ.length, f"{name}: {limit.max_len} ≠ {col} String({typ.length})"
            covered.add(col)
    strings = {k for k, c in columns.items()
               if isinstance(c.type, String) and not isinstance(c.type, Text) and c.type.length}
    assert strings - covered - FORMAT_COLUMNS == set(), "a String column without a limit or a format"


def test_the_annotation_limit_is_the_tables():
    from hms_desk.domain.limits import max_length
    from hms_desk.video.annotate import MAX_TEXT

    assert max_length("annotations") == MAX_TEXT
