"""Engine, sessions and schema migration on start.

* SQLite (default): WAL journal, ``foreign_keys=ON``, ``busy_timeout`` set on
  every connection in a ``connect`` listener.
* PostgreSQL by URL (``postgresql+psycopg://...``) for a shared department DB.
* ``open_database`` applies Alembic migrations shipped in the package, backs
  an SQLite file up first when an upgrade is pending, and refuses a database
  whose schema is newer than this program knows.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from hms_desk.domain.errors import SchemaTooNew, StorageError

log = logging.getLogger("hms_desk.storage")

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# The newest migration in migrations/versions.  Start-up compares the database
# with this constant and only loads Alembic when they differ (Alembic costs a
# quarter of a second to import); tests assert it equals Alembic's head.
SCHEMA_HEAD = "0007"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def create_db_engine(url: str) -> Engine:
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
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 5})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
    try:
        return create_engine(u, pool_pre_ping=True)
    except ModuleNotFoundError as exc:
        raise StorageError("PostgreSQL-driveren mangler. Installer hms-desk[postgres].") from exc


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


def migrate(engine: Engine, backups_dir: Path | None = None, target: str = "head") -> MigrationReport:
    try:
        current = current_revision(engine)
    except OperationalError as exc:
        raise StorageError(f"Kan ikke åpne databasen: {exc.orig}") from exc
    if current == SCHEMA_HEAD and target == "head":      # the usual start: nothing to do
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
        return MigrationReport(current, head, None)
    backup = None
    if current is not None and backups_dir is not None and engine.dialect.name == "sqlite":
        backup = _backup_sqlite(engine, backups_dir, current)
    try:
        command.upgrade(alembic_config(engine), target)
    except (SQLAlchemyError, OSError) as exc:
        raise StorageError(f"Oppgradering av databasen feilet: {exc}") from exc
    new = current_revision(engine)
    log.info("database migrated %s -> %s", current, new)
    return MigrationReport(current, new or head, backup)


class Database:
    """An engine plus a session factory; ``session()`` is one unit of work."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._factory = sessionmaker(engine, expire_on_commit=False)
        self._database_id: str | None = None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self) -> Session:
        return self._factory()

    def dispose(self) -> None:
        self.engine.dispose()

    def database_id(self) -> str:
        """This database's identity (made by migration 0003); captures are filed under it."""
        if self._database_id is None:
            with self.engine.connect() as conn:
                value = conn.execute(text("SELECT value FROM app_meta WHERE key = 'database_id'")).scalar()
            if not value:
                raise StorageError("Databasen mangler sin identitet (app_meta.database_id).")
            self._database_id = str(value)
        return self._database_id


def open_database(url: str, backups_dir: Path | None = None) -> tuple[Database, MigrationReport]:
    engine = create_db_engine(url)
    try:
        report = migrate(engine, backups_dir)
    except OperationalError as exc:
        engine.dispose()
        raise StorageError(f"Kan ikke åpne databasen: {exc.orig}") from exc
    except Exception:
        engine.dispose()
        raise
    return Database(engine), report


def table_names(engine: Engine) -> list[str]:
    return sorted(inspect(engine).get_table_names())
