import os
import sqlite3

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from hms_desk.domain.errors import SchemaTooNew, StorageError
from hms_desk.storage import db as dbmod
from hms_desk.storage.db import (
    BUSY_TIMEOUT_S,
    create_db_engine,
    current_revision,
    head_revision,
    migrate,
    open_database,
)
from hms_desk.storage.models import Base

PERSONAL = ("fnr", "fodsels", "fødsels", "personnummer", "diagnos", "adresse", "address", "bruker_navn",
            "user_name", "brukernummer", "bruker_nummer", "telefon", "phone", "email", "epost")


def _revisions():
    script = ScriptDirectory.from_config(dbmod._bare_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def test_fresh_database_gets_every_table(db):
    names = set(inspect(db.engine).get_table_names())
    for t in ("products", "series", "parts", "part_compatibility", "product_parts", "devices", "loans",
              "cases", "participants", "consents", "snapshots", "parts_orders", "order_lines",
              "order_status_history", "journal_notes", "deviations", "audit_log", "case_events",
              "municipalities"):
        assert t in names
    assert current_revision(db.engine) == head_revision()


def test_schema_head_constant_matches_alembic():
    assert dbmod.SCHEMA_HEAD == head_revision()


def test_sqlite_connection_settings(db):
    with db.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() == int(BUSY_TIMEOUT_S * 1000)   # issue 10


def test_schema_has_no_personal_data_columns():
    for table in Base.metadata.tables.values():
        for col in table.columns:
            assert not any(p in col.name.lower() for p in PERSONAL), f"{table.name}.{col.name}"


@pytest.mark.parametrize("start", _revisions())
def test_every_released_schema_upgrades_to_head(tmp_path, start):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_db_engine(url)
    migrate(engine, target=start)
    assert current_revision(engine) == start
    report = migrate(engine, backups_dir=tmp_path / "backups")
    assert current_revision(engine) == head_revision()
    if start != head_revision():
        assert report.backup is not None and report.backup.exists()
        assert sqlite3.connect(report.backup).execute("select version_num from alembic_version").fetchone()[0] == start
    engine.dispose()


def test_newer_schema_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "new.sqlite3"
    database, _ = open_database(f"sqlite:///{path}")
    with database.engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num='9999_from_the_future'"))
    database.dispose()
    with pytest.raises(SchemaTooNew, match="nyere versjon av HMS Desk"):
        open_database(f"sqlite:///{path}")
    con = sqlite3.connect(path)
    assert con.execute("select version_num from alembic_version").fetchone()[0] == "9999_from_the_future"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_database_path_gives_norwegian_message(tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    with pytest.raises(StorageError, match="Kan ikke"):
        open_database(f"sqlite:///{ro / 'sub' / 'db.sqlite3'}")


def test_database_path_that_cannot_be_created_gives_norwegian_message(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(StorageError, match="Kan ikke"):
        open_database(f"sqlite:///{blocker / 'db.sqlite3'}")


def test_garbage_url_gives_norwegian_message():
    with pytest.raises(StorageError, match="Ugyldig databaseadresse"):
        open_database("this is :// not a url")


@pytest.mark.postgres
def test_postgres_migrates_and_stores(pg_db):
    from hms_desk.storage.models import Device, Loan

    assert current_revision(pg_db.engine) == head_revision()
    with pg_db.session() as s, s.begin():
        d = Device(hmsnr="250464", serial="123456", iso_category="12230301")
        s.add(d)
        s.flush()
        s.add(Loan(device_id=d.id, loan_type="P", article_status="I utlån", municipality="0301"))
    with pg_db.session() as s:
        assert s.execute(text("select count(*) from loans")).scalar() == 1
