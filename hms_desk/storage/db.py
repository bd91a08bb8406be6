"""Engine, sessions and schema migration on start.

* SQLite (default): WAL journal, ``foreign_keys=ON``, ``busy_timeout`` set on
  every connection in a ``connect`` listener.
* PostgreSQL by URL (``postgresql+psycopg://...``) for a shared department DB.
* ``open_database`` applies Alembic migrations shipped in the package, backs
  an SQLite file up first when an upgrade is pending, and refuses a database
  whose schema is newer than this program knows, a file that is not an
  SQLite database, and a database at the newest revision with a table missing.
* Every database failure a person can meet is a Norwegian
  :class:`StorageError` (a ``handle_error`` listener): the disk is full, the
  file is read-only, the file is not a database or damaged, and
  :class:`DatabaseBusy` when a write waited for the lock (another program, a
  register import) longer than ``busy_timeout_s``.  While a write waits,
  ``Database.on_wait`` is told once ("venter på databasen …") — the CLI prints
  it, the GUI shows it in the status bar.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from hms_desk.domain.errors import DatabaseBusy, SchemaTooNew, StorageError

log = logging.getLogger("hms_desk.storage")

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# The newest migration in migrations/versions.  Start-up compares the database
# with this constant and only loads Alembic when they differ (Alembic costs a
# quarter of a second to import); tests assert it equals Alembic's head.
SCHEMA_HEAD = "0008"


#: How long a write waits for SQLite's write lock before it gives up with a message
#: (``HMS_DESK_DB_BUSY_TIMEOUT_S`` overrides it).
BUSY_TIMEOUT_S = 30.0
#: After this long a waiting write says "venter på databasen …".
WAIT_NOTICE_S = 1.0
BUSY_ENV = "HMS_DESK_DB_BUSY_TIMEOUT_S"

WAITING_TEXT = "venter på databasen … (en annen skriving pågår, for eksempel en registerimport)"
DISK_FULL_TEXT = ("Disken er full – databasen kunne ikke skrive. Ingenting ble lagret. Frigjør plass "
                  "og prøv igjen.")
READ_ONLY_TEXT = ("Databasen kan ikke skrives (filen eller mappen er skrivebeskyttet). Ingenting ble lagret. "
                  "Gi brukeren skrivetilgang, eller start med en annen profil (--profile MAPPE).")
NOT_A_DATABASE_TEXT = ("Databasefilen er ikke en SQLite-database, eller den er skadet. Velg riktig fil med --db, "
                       "eller gjenopprett den fra en sikkerhetskopi i profilens backups-mappe.")
CANT_OPEN_TEXT = ("Databasefilen kan ikke åpnes (mappen finnes ikke eller kan ikke skrives). Sjekk --db "
                  "eller profilmappen.")


def busy_text(seconds: float) -> str:
    shown = f"{seconds:g}".replace(".", ",")
    return (f"Databasen er opptatt av en annen skriving (for eksempel en registerimport) og ble ikke ledig "
            f"innen {shown} sekunder. Ingenting ble lagret – prøv igjen når den er ferdig.")


def _busy_timeout_s(value: float | None) -> float:
    if value is not None:
        return float(value)
    try:
        return float(os.environ[BUSY_ENV])
    except (KeyError, ValueError):
        return BUSY_TIMEOUT_S


def _pragmas(busy_ms: int) -> Callable:
    def _sqlite_pragmas(dbapi_conn, _record) -> None:
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={busy_ms}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    return _sqlite_pragmas


def storage_error_for(orig: BaseException, busy_timeout_s: float = BUSY_TIMEOUT_S) -> StorageError | None:
    """The Norwegian error for a driver error a person can act on, or None."""
    text = str(orig).lower()
    if isinstance(orig, sqlite3.Error):
        if "locked" in text or "busy" in text:
            return DatabaseBusy(busy_text(busy_timeout_s))
        if "disk is full" in text or "database or disk is full" in text:
            return StorageError(DISK_FULL_TEXT)
        if "readonly" in text or "read-only" in text:
            return StorageError(READ_ONLY_TEXT)
        if "not a database" in text or "malformed" in text or "file is encrypted" in text:
            return StorageError(NOT_A_DATABASE_TEXT)
        if "unable to open database" in text:
            return StorageError(CANT_OPEN_TEXT)
        if "no such table" in text or "no such column" in text:
            return StorageError("Databasen mangler en tabell eller kolonne HMS Desk trenger – den kan være "
                                "skadet eller fra en annen versjon. Gjenopprett den fra en sikkerhetskopi.")
        if "disk i/o error" in text:
            return StorageError("Databasen kunne ikke skrive til disken (disken kan være full, eller det er en "
                                "I/O-feil). Ingenting ble lagret. Frigjør plass og prøv igjen.")
    else:   # PostgreSQL (psycopg): disk full and lock timeouts by SQLSTATE
        state = getattr(orig, "sqlstate", None) or getattr(getattr(orig, "diag", None), "sqlstate", None)
        if state == "53100":
            return StorageError(DISK_FULL_TEXT)
        if state in ("55P03", "57014"):
            return DatabaseBusy(busy_text(busy_timeout_s))
    return None


class _WaitWatch:
    """Tells ``notify`` once when a write has waited ``WAIT_NOTICE_S`` (one watcher thread, on demand)."""

    _WRITES = ("INSERT", "UPDATE", "DELETE", "BEGIN", "CREATE", "DROP", "REPLACE", "ALTER")

    def __init__(self, notify: Callable[[], None]):
        self.notify = notify
        self._active: dict[int, float] = {}
        self._told: set[int] = set()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._stopped = False

    def before(self, conn, cursor, statement: str, *_args) -> None:
        if not statement.lstrip()[:7].upper().startswith(self._WRITES):
            return
        with self._cond:
            self._active[id(cursor)] = time.monotonic()
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="hms-db-wait", daemon=True)
                self._thread.start()
            self._cond.notify()

    def after(self, conn, cursor, *_args) -> None:
        if self._active:
            with self._cond:
                self._active.pop(id(cursor), None)
                self._told.discard(id(cursor))

    def failed(self, ctx) -> None:
        if self._active and ctx.cursor is not None:
            self.after(None, ctx.cursor)

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                if self._stopped:
                    return
                if not self._active:
                    self._cond.wait()
                    continue
                self._cond.wait(0.1)
                now = time.monotonic()
                due = [k for k, t in self._active.items() if now - t >= WAIT_NOTICE_S and k not in self._told]
                self._told.update(due)
            if due:
                try:
                    self.notify()
                except Exception:  # noqa: BLE001 - a notice must never break a write
                    log.exception("wait notice failed")


def create_db_engine(url: str, busy_timeout_s: float | None = None) -> Engine:
    try:
        u = make_url(url)
    except ArgumentError as exc:
        raise StorageError(f"Ugyldig databaseadresse: {url!r}") from exc
    if u.drivername.startswith("sqlite"):
        if u.database and u.database != ":memory:":
            path = Path(u.database)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(
                    f"Kan ikke opprette mappen for databasen ({path.parent}): {exc.strerror or exc}"
                ) from exc
        busy = _busy_timeout_s(busy_timeout_s)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": busy})
        event.listen(engine, "connect", _pragmas(int(busy * 1000)))
        _translate_errors(engine, busy)
        return engine
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
    busy = _busy_timeout_s(busy_timeout_s)
    try:   # a write waiting for a lock (e.g. the device's advisory lock) gives up like SQLite's
        engine = create_engine(u, pool_pre_ping=True,
                               connect_args={"options": f"-c lock_timeout={int(busy * 1000)}"})
    except ModuleNotFoundError as exc:
        raise StorageError("PostgreSQL-driveren mangler. Installer hms-desk[postgres].") from exc
    _translate_errors(engine, busy)
    return engine


def _translate_errors(engine: Engine, busy_timeout_s: float) -> None:
    """Driver errors a person can act on become Norwegian StorageErrors, everywhere."""
    def handle_error(ctx) -> None:
        if ctx.is_disconnect:
            return
        err = storage_error_for(ctx.original_exception, busy_timeout_s)
        if err is not None:
            log.warning("database error: %s", type(err).__name__)
            raise err

    event.listen(engine, "handle_error", handle_error)


def alembic_config(engine: Engine):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_bare_config()).get_current_head()


def _bare_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def current_revision(engine: Engine) -> str | None:
    """The database's schema revision (None for an empty database), without Alembic."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


@dataclass
class MigrationReport:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def _backup_sqlite(engine: Engine, backups_dir: Path, rev: str | None) -> Path | None:
    db = engine.url.database
    if not db or db == ":memory:" or not Path(db).exists():
        return None
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"{Path(db).stem}-{rev or 'tom'}-{stamp}.sqlite3"
    src = sqlite3.connect(db)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    log.info("backed up database before migration to %s", target.name)
    return target


def missing_tables(engine: Engine) -> list[str]:
    """Tables of the schema the database lacks (one cheap query)."""
    from hms_desk.storage.models import Base

    with engine.connect() as conn:
        present = set(inspect(conn).get_table_names())
    return sorted(set(Base.metadata.tables) - present)


def _check_complete(engine: Engine) -> None:
    missing = missing_tables(engine)
    if missing:
        log.error("database at head lacks tables: %s", missing)
        names = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
        raise StorageError(
            f"Databasen er skadet: den mangler {'tabellen' if len(missing) == 1 else 'tabellene'} {names}. Gjenopprett den fra en sikkerhetskopi "
            "(profilens backups-mappe), eller start med en ny database.")


def migrate(engine: Engine, backups_dir: Path | None = None, target: str = "head") -> MigrationReport:
    try:
        current = current_revision(engine)
    except OperationalError as exc:
        raise StorageError(f"Kan ikke åpne databasen: {exc.orig}") from exc
    except DBAPIError as exc:      # e.g. sqlite3.DatabaseError: file is not a database
        raise storage_error_for(exc.orig) or StorageError(NOT_A_DATABASE_TEXT) from exc
    if current == SCHEMA_HEAD and target == "head":      # the usual start: nothing to do
        _check_complete(engine)
        return MigrationReport(current, current, None)
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_bare_config())
    head = script.get_current_head()
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise SchemaTooNew(
            "Databasen er laget av en nyere versjon av HMS Desk (skjema "
            f"{current}). Oppdater programmet før du åpner den."
        )
    if current == head and target == "head":
        _check_complete(engine)
        return MigrationReport(current, head, None)
    backup = None
    if current is not None and backups_dir is not None and engine.dialect.name == "sqlite":
        backup = _backup_sqlite(engine, backups_dir, current)
    try:
        command.upgrade(alembic_config(engine), target)
    except (SQLAlchemyError, OSError) as exc:
        raise StorageError(f"Oppgradering av databasen feilet: {exc}") from exc
    except StorageError as exc:       # translated by the handle_error listener
        raise StorageError(f"Oppgradering av databasen feilet: {exc.message_nb}") from exc
    new = current_revision(engine)
    log.info("database migrated %s -> %s", current, new)
    return MigrationReport(current, new or head, backup)


class Database:
    """An engine plus a session factory; ``session()`` is one unit of work.

    ``on_wait`` (settable with :meth:`set_wait_notifier`) is called — from a
    watcher thread, so a GUI must hand it to its own thread — once per write
    that has waited a second for the write lock.
    """

    def __init__(self, engine: Engine):
        self.engine = engine
        self._factory = sessionmaker(engine, expire_on_commit=False)
        self._database_id: str | None = None
        self.on_wait: Callable[[], None] = lambda: log.info("waiting for the database write lock")
        self._watch = _WaitWatch(lambda: self.on_wait())
        if engine.dialect.name == "sqlite":
            event.listen(engine, "before_cursor_execute", self._watch.before)
            event.listen(engine, "after_cursor_execute", self._watch.after)
            event.listen(engine, "handle_error", self._watch.failed)

    def set_wait_notifier(self, notify: Callable[[], None]) -> None:
        """``notify()`` is called when a write waits for the lock ("venter på databasen …")."""
        self.on_wait = notify

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self) -> Session:
        return self._factory()

    def dispose(self) -> None:
        self._watch.stop()
        self.engine.dispose()

    def database_id(self) -> str:
        """This database's identity (made by migration 0003); captures are filed under it."""
        if self._database_id is None:
            query = text("SELECT value FROM app_meta WHERE key = 'database_id'")
            with self.engine.begin() as conn:
                value = conn.execute(query).scalar()
                if not value:       # emptied by hand (or a test): give it a new identity, once
                    import uuid

                    conn.execute(text("INSERT INTO app_meta (key, value) VALUES ('database_id', :v) "
                                      "ON CONFLICT (key) DO NOTHING"), {"v": uuid.uuid4().hex})
                    value = conn.execute(query).scalar()
            if not value:
                raise StorageError("Databasen mangler sin identitet (app_meta.database_id).")
            self._database_id = str(value)
        return self._database_id


def open_database(url: str, backups_dir: Path | None = None,
                  busy_timeout_s: float | None = None) -> tuple[Database, MigrationReport]:
    engine = create_db_engine(url, busy_timeout_s)
    try:
        report = migrate(engine, backups_dir)
    except OperationalError as exc:
        engine.dispose()
        raise StorageError(f"Kan ikke åpne databasen: {exc.orig}") from exc
    except DBAPIError as exc:
        engine.dispose()
        raise storage_error_for(exc.orig) or StorageError(f"Kan ikke åpne databasen: {exc.orig}") from exc
    except Exception:
        engine.dispose()
        raise
    return Database(engine), report


def table_names(engine: Engine) -> list[str]:
    return sorted(inspect(engine).get_table_names())
