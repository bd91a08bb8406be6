"""Import of the device register (a CSV export from OeBS) into Device + Loan.

Known columns: ``artikkelnummer``, ``serie_nummer``, ``utlåns_dato``,
``opprettelsesdato``, ``kategori3_nummer``, ``artikkelstatus``,
``utlåns_type``, ``kommunenummer``.  Every other column — the user's
national identity number, name, user number, address, "egen ansatt" and
anything unknown — is dropped when the header is read: its values are never
put into a record, stored, logged or echoed; the report names the header only.

Rows are validated in Python (line-numbered Norwegian reasons) and staged in
batches inside one transaction (``ImportRun``): each batch is bulk-loaded into
a TEMP staging table on the raw DBAPI connection (``executemany`` on SQLite,
``COPY`` on PostgreSQL).  After the last row the staged rows are merged
set-based, in key order — one ``INSERT … SELECT … ON CONFLICT DO UPDATE``
into ``devices`` on (hmsnr, serienr) and one into ``loans`` — and committed.
A bad row or a cancel rolls everything back.  This is what imports a national
register (two million rows) in well under half a minute.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Connection

from hms_desk.catalog._base import (
    Cancelled,
    CsvSource,
    ImportRun,
    Progress,
    RowProblem,
    clean_identifier,
    estimate_csv_rows,
    parse_date,
)
from hms_desk.catalog.report import ImportReport
from hms_desk.domain.errors import StorageError
from hms_desk.domain.nav import ARTICLE_STATUSES, LOAN_TYPES
from hms_desk.storage.db import Database

REGISTER_COLUMNS = ("artikkelnummer", "serie_nummer", "utlåns_dato", "opprettelsesdato",
                    "kategori3_nummer", "artikkelstatus", "utlåns_type", "kommunenummer")
REQUIRED_COLUMNS = ("artikkelnummer", "serie_nummer", "kommunenummer")

REGISTER_ALIASES: dict[str, str] = {c: c for c in REGISTER_COLUMNS} | {
    "utlans_dato": "utlåns_dato", "utlaans_dato": "utlåns_dato",
    "utlans_type": "utlåns_type", "utlaans_type": "utlåns_type",
    "serienummer": "serie_nummer", "serienr": "serie_nummer",
}

# (hmsnr, serial, iso, created, loan_date, loan_type, status, municipality);
# dates as ISO text ("2024-03-01") or None.
RegisterRow = tuple[str, str, str, str | None, str | None, str, str, str]

_DEFAULT_STATUS = ARTICLE_STATUSES[0]
_ISO_MAX = 10            # an ISO 9999 code (NAV: up to 8 digits); 11 digits is a national ID number
#: Article statuses that passed the guard (a register has a handful).
_CHECKED_STATUSES: set[str] = set(ARTICLE_STATUSES)
_CLEAN_TYPES = frozenset(LOAN_TYPES)
_CLEAN_STATUSES = frozenset(ARTICLE_STATUSES)


def _six_digits(value: str, label: str) -> str:
    v = value.strip()
    if not v:
        raise RowProblem(f"{label} mangler")
    if not (v.isdigit() and v.isascii()):
        raise RowProblem(f"{label} skal kun bestå av tall")
    if len(v) != 6:
        raise RowProblem(f"{label} må ha 6 siffer")
    return v


#: ISO dates already checked (a register has a few thousand distinct days).
_CHECKED_DATES: set[str] = set()


def _iso_date(text: str, label: str) -> str | None:
    """A date as ISO text; ``parse_date`` rules (ISO or DD.MM.ÅÅÅÅ)."""
    if text in _CHECKED_DATES:
        return text
    if not text:
        return None
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            dt.date.fromisoformat(text)
            if len(_CHECKED_DATES) < 100_000:
                _CHECKED_DATES.add(text)
            return text
        except ValueError:
            pass
    d = parse_date(text, label)
    return d.isoformat() if d else None


def parse_register_values(values: tuple[str, ...]) -> RegisterRow:
    """Validate one row given in ``REGISTER_COLUMNS`` order (texts as NAV's validation)."""
    hmsnr, serial, loan, created, iso, status, loan_type, muni = values
    # the usual row of an OeBS export: already clean, checked without copies
    if (loan_type in _CLEAN_TYPES and len(hmsnr) == 6 and hmsnr.isdigit() and hmsnr.isascii()
            and len(serial) == 6 and serial.isdigit() and serial.isascii()
            and len(muni) == 4 and muni.isdigit() and muni.isascii()
            and (not iso or (iso.isdigit() and iso.isascii() and 2 <= len(iso) <= _ISO_MAX))
            and status in _CLEAN_STATUSES and loan in _CHECKED_DATES and created in _CHECKED_DATES):
        return hmsnr, serial, iso, created, loan, loan_type, status, muni
    hmsnr = hmsnr.strip()
    serial = serial.strip()
    iso = iso.strip()
    loan_type = loan_type.strip().upper() or "P"
    status = status.strip() or _DEFAULT_STATUS
    muni = muni.strip()
    if len(muni) == 3 and muni.isdigit():   # Excel drops the leading zero of 0301
        muni = "0" + muni
    if (len(hmsnr) == 6 and hmsnr.isdigit() and hmsnr.isascii()
            and len(serial) == 6 and serial.isdigit() and serial.isascii()
            and (not iso or (iso.isdigit() and iso.isascii() and 2 <= len(iso) <= _ISO_MAX))
            and loan_type in LOAN_TYPES and status in _CLEAN_STATUSES
            and len(muni) == 4 and muni.isdigit() and muni.isascii()):
        try:
            return (hmsnr, serial, iso, _iso_date(created.strip(), "opprettelsesdato"),
                    _iso_date(loan.strip(), "utlåns_dato"), loan_type, status, muni)
        except RowProblem:
            pass
    return _slow_parse(dict(zip(REGISTER_COLUMNS, values)))


def parse_register_row(raw: dict[str, str]) -> RegisterRow:
    """Validate one row given as {column: text}."""
    return parse_register_values(tuple(raw.get(c, "") for c in REGISTER_COLUMNS))


def _slow_parse(raw: dict[str, str]) -> RegisterRow:
    """Collect every problem of a row for the report."""
    problems: list[str] = []

    def field(fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except RowProblem as exc:
            problems.append(str(exc))
            return None

    hmsnr = field(_six_digits, raw["artikkelnummer"], "Hmsnr")
    serial = field(_six_digits, raw["serie_nummer"], "Serienr")
    loan_date = field(_iso_date, raw.get("utlåns_dato", "").strip(), "utlåns_dato")
    created = field(_iso_date, raw.get("opprettelsesdato", "").strip(), "opprettelsesdato")
    iso = field(clean_identifier, raw.get("kategori3_nummer", ""), "kategori3_nummer", "iso_category")
    loan_type = raw.get("utlåns_type", "").strip().upper() or "P"
    if loan_type not in LOAN_TYPES:
        problems.append("Ukjent utlånstype (bruk P, F, K eller U)")
    status = raw.get("artikkelstatus", "").strip() or _DEFAULT_STATUS
    if status not in _CHECKED_STATUSES:
        status = field(clean_identifier, status, "artikkelstatus", "article_status")
        if status and len(_CHECKED_STATUSES) < 1000:
            _CHECKED_STATUSES.add(status)
    muni = raw["kommunenummer"].strip()
    if len(muni) == 3 and muni.isdigit():
        muni = "0" + muni
    if not (len(muni) == 4 and muni.isdigit() and muni.isascii()):
        problems.append("Kommunenummer må ha 4 siffer")
    if problems:
        raise RowProblem("; ".join(problems))
    return (hmsnr, serial, iso, created, loan_date, loan_type, status, muni)


# --- staging, then one set-based merge --------------------------------------
#
# Batches only append to a TEMP staging table (seq = order in the input, so
# the last row of a repeated key wins).  At the end, in the same transaction,
# the staged rows are merged in key order: the unique index on (hmsnr, serial)
# is then written sequentially instead of at random, which is what makes two
# million rows fast.  For a bulk load (more staged rows than devices already
# stored) the secondary serial index is dropped and rebuilt by one sort.

_STAGE_COLUMNS = "seq, hmsnr, serial, iso, created, loan_date, loan_type, status, muni"

_SQLITE_STAGE = ("CREATE TEMP TABLE IF NOT EXISTS register_stage (seq INTEGER, hmsnr TEXT, serial TEXT, "
                 "iso TEXT, created TEXT, loan_date TEXT, loan_type TEXT, status TEXT, muni TEXT)")
_PG_STAGE = ("CREATE TEMP TABLE IF NOT EXISTS register_stage (seq integer, hmsnr varchar(6), "
             "serial varchar(20), iso varchar(16), created date, loan_date date, loan_type varchar(1), "
             "status varchar(40), muni varchar(4)) ON COMMIT DROP")

_SERIAL_INDEX = "ix_devices_serial_hmsnr"
_CREATE_SERIAL_INDEX = f"CREATE INDEX {_SERIAL_INDEX} ON devices (serial, hmsnr)"

# SQLite applies the rows of one INSERT in order, so ordering by seq makes the
# last of a repeated key win.  (``WHERE true`` keeps SQLite's parser from
# reading ON CONFLICT as a join's ON.)
_SQLITE_MERGE_DEVICES = (
    "INSERT INTO devices (hmsnr, serial, iso_category, created_date) "
    "SELECT hmsnr, serial, iso, created FROM sorted_stage WHERE true "
    "ON CONFLICT (hmsnr, serial) DO UPDATE SET iso_category = excluded.iso_category, "
    "created_date = excluded.created_date")
_SQLITE_MERGE_LOANS = (
    "INSERT INTO loans (device_id, loan_date, loan_type, article_status, municipality) "
    "SELECT d.id, s.loan_date, s.loan_type, s.status, s.muni FROM sorted_stage s "
    "JOIN devices d ON d.hmsnr = s.hmsnr AND d.serial = s.serial WHERE true "
    "ON CONFLICT (device_id) DO UPDATE SET loan_date = excluded.loan_date, "
    "loan_type = excluded.loan_type, article_status = excluded.article_status, "
    "municipality = excluded.municipality")

# PostgreSQL refuses to update one row twice in a statement: keep the last row per key.
_PG_LAST = ("SELECT DISTINCT ON (hmsnr, serial) * FROM register_stage "
            "ORDER BY hmsnr, serial, seq DESC")
_PG_MERGE_DEVICES = (
    "WITH up AS (INSERT INTO devices (hmsnr, serial, iso_category, created_date) "
    f"SELECT hmsnr, serial, iso, created FROM ({_PG_LAST}) s "
    "ON CONFLICT (hmsnr, serial) DO UPDATE SET iso_category = excluded.iso_category, "
    "created_date = excluded.created_date RETURNING (xmax = 0) AS fresh) "
    "SELECT count(*) FILTER (WHERE fresh) FROM up")      # xmax = 0: a freshly inserted row
_PG_MERGE_LOANS = (
    "INSERT INTO loans (device_id, loan_date, loan_type, article_status, municipality) "
    f"SELECT d.id, s.loan_date, s.loan_type, s.status, s.muni FROM ({_PG_LAST}) s "
    "JOIN devices d ON d.hmsnr = s.hmsnr AND d.serial = s.serial ORDER BY d.id "
    "ON CONFLICT (device_id) DO UPDATE SET loan_date = excluded.loan_date, "
    "loan_type = excluded.loan_type, article_status = excluded.article_status, "
    "municipality = excluded.municipality")

#: SQLite page cache for the merge (KiB, as PRAGMA cache_size wants it negative).
_MERGE_CACHE_KIB = 64 * 1024


class _Stager:
    """Stages batches on the raw DBAPI connection and merges them at the end."""

    def __init__(self, cancel: threading.Event | None):
        self.cancel = cancel
        self.staged = 0

    def stage(self, conn: Connection, records: list[RegisterRow]) -> tuple[int, int]:
        raw = conn.connection.driver_connection
        first = self.staged
        rows = [(first + i, *r) for i, r in enumerate(records)]
        if conn.dialect.name == "sqlite":
            if first == 0:
                raw.execute(_SQLITE_STAGE)
                raw.execute("DELETE FROM temp.register_stage")
            raw.executemany(f"INSERT INTO temp.register_stage ({_STAGE_COLUMNS}) "
                            "VALUES (?,?,?,?,?,?,?,?,?)", rows)
        elif conn.dialect.name == "postgresql":
            with raw.cursor() as cur:
                if first == 0:
                    cur.execute(_PG_STAGE)
                    cur.execute("TRUNCATE register_stage")
                with cur.copy(f"COPY register_stage ({_STAGE_COLUMNS}) FROM STDIN") as copy:
                    for r in rows:
                        copy.write_row(r)
        else:  # pragma: no cover - only the two supported databases
            raise StorageError(f"Import støttes ikke for databasetypen {conn.dialect.name}.")
        self.staged += len(rows)
        return 0, 0          # counted when merged

    def merge(self, conn: Connection) -> tuple[int, int]:
        if not self.staged:
            return 0, 0
        raw = conn.connection.driver_connection
        if conn.dialect.name == "sqlite":
            inserted = self._merge_sqlite(raw)
        else:
            inserted = self._merge_postgres(raw)
        return inserted, self.staged - inserted

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled()

    def _merge_sqlite(self, raw: Any) -> int:
        import sqlite3

        cache = raw.execute("PRAGMA cache_size").fetchone()[0]
        raw.execute(f"PRAGMA cache_size = {-_MERGE_CACHE_KIB}")
        # cancel also works inside the long statements: the handler aborts them
        raw.set_progress_handler(lambda: 1 if self.cancel is not None and self.cancel.is_set() else 0, 100_000)
        try:
            self._check_cancel()
            # SQLite hands out max(id)+1 to a new row; an upsert that updates keeps its id
            before = raw.execute("SELECT coalesce(max(id), 0) FROM devices").fetchone()[0]
            bulk = self.staged > before
            if bulk:
                raw.execute(f"DROP INDEX IF EXISTS {_SERIAL_INDEX}")
            raw.execute("DROP TABLE IF EXISTS temp.sorted_stage")
            raw.execute("CREATE TEMP TABLE sorted_stage AS SELECT * FROM temp.register_stage "
                        "ORDER BY hmsnr, serial, seq")
            raw.execute("DELETE FROM temp.register_stage")
            raw.execute(_SQLITE_MERGE_DEVICES)
            after = raw.execute("SELECT coalesce(max(id), 0) FROM devices").fetchone()[0]
            raw.execute(_SQLITE_MERGE_LOANS)
            raw.execute("DROP TABLE temp.sorted_stage")
            if bulk:
                raw.execute(_CREATE_SERIAL_INDEX)
        except sqlite3.OperationalError as exc:
            if self.cancel is not None and self.cancel.is_set() and "interrupt" in str(exc):
                raise Cancelled() from None
            raise
        finally:
            raw.set_progress_handler(None, 0)
            raw.execute(f"PRAGMA cache_size = {cache}")
        return after - before

    def _merge_postgres(self, raw: Any) -> int:
        self._check_cancel()
        with raw.cursor() as cur:
            cur.execute("ANALYZE register_stage")
            cur.execute(_PG_MERGE_DEVICES)
            inserted = cur.fetchone()[0]
            self._check_cancel()
            cur.execute(_PG_MERGE_LOANS)
            cur.execute("TRUNCATE register_stage")
            if inserted > self.staged // 2:     # a bulk load: fresh planner statistics
                cur.execute("ANALYZE devices")
                cur.execute("ANALYZE loans")
        return inserted


def import_register(db: Database, paths: list[Path], progress: Progress | None = None,
                    cancel: threading.Event | None = None) -> ImportReport:
    """Import OeBS register exports: Device + Loan upserted on (hmsnr, serienr)."""
    sources = [CsvSource(p, REGISTER_ALIASES, REQUIRED_COLUMNS) for p in paths]
    stager = _Stager(cancel)
    with ImportRun(db, "register", stager.stage, progress, cancel, estimate_csv_rows(paths),
                   finish=stager.merge) as run:
        add, error = run.add, run.error
        for src in sources:
            for line, values, problem in src.tuples(REGISTER_COLUMNS):
                if values is None:
                    error(src.path, line, problem)
                    continue
                try:
                    record = parse_register_values(values)
                except RowProblem as exc:
                    error(src.path, line, str(exc))
                    continue
                add(record)
            for w in src.dropped_warnings:
                run.report.warn(w)
    return run.report
