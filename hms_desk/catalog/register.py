"""Import of the device register (a CSV export from OeBS) into Device + Loan.

Known columns: ``artikkelnummer``, ``serie_nummer``, ``utlåns_dato``,
``opprettelsesdato``, ``kategori3_nummer``, ``artikkelstatus``,
``utlåns_type``, ``kommunenummer``.  Every other column — the user's
national identity number, name, user number, address, "egen ansatt" and
anything unknown — is dropped when the header is read: its values are never
put into a record, stored, logged or echoed; the report names the header only.

Rows are upserted on (hmsnr, serienr) in batches, in one transaction.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.engine import Connection

from hms_desk.catalog._base import (
    CsvSource,
    ImportRun,
    Progress,
    RowProblem,
    dialect_insert,
    estimate_csv_rows,
    parse_date,
    upsert,
)
from hms_desk.catalog.report import ImportReport
from hms_desk.domain.nav import ARTICLE_STATUSES, LOAN_TYPES
from hms_desk.storage.db import Database
from hms_desk.storage.models import Device, Loan

DEVICES: Table = Device.__table__  # type: ignore[assignment]
LOANS: Table = Loan.__table__  # type: ignore[assignment]

REGISTER_COLUMNS = ("artikkelnummer", "serie_nummer", "utlåns_dato", "opprettelsesdato",
                    "kategori3_nummer", "artikkelstatus", "utlåns_type", "kommunenummer")
REQUIRED_COLUMNS = ("artikkelnummer", "serie_nummer", "kommunenummer")

REGISTER_ALIASES: dict[str, str] = {c: c for c in REGISTER_COLUMNS} | {
    "utlans_dato": "utlåns_dato", "utlaans_dato": "utlåns_dato",
    "utlans_type": "utlåns_type", "utlaans_type": "utlåns_type",
    "serienummer": "serie_nummer", "serienr": "serie_nummer",
}

# (hmsnr, serial, iso, created, loan_date, loan_type, status, municipality)
RegisterRow = tuple[str, str, str, dt.date | None, dt.date | None, str, str, str]


def _six_digits(value: str, label: str) -> str:
    v = value.strip()
    if not v:
        raise RowProblem(f"{label} mangler")
    if not (v.isdigit() and v.isascii()):
        raise RowProblem(f"{label} skal kun bestå av tall")
    if len(v) != 6:
        raise RowProblem(f"{label} må ha 6 siffer")
    return v


def _fast_date(text: str) -> dt.date | None:
    if len(text) == 10 and text[4] == "-":
        return dt.date.fromisoformat(text)
    return parse_date(text, "")


def parse_register_row(raw: dict[str, str]) -> RegisterRow:
    """Validate one row (same rules and texts as hms_desk.domain.validation)."""
    hmsnr = raw["artikkelnummer"].strip()
    serial = raw["serie_nummer"].strip()
    iso = raw.get("kategori3_nummer", "").strip()
    loan_type = raw.get("utlåns_type", "").strip().upper() or "P"
    status = raw.get("artikkelstatus", "").strip() or ARTICLE_STATUSES[0]
    muni = raw["kommunenummer"].strip()
    if len(muni) == 3 and muni.isdigit():   # Excel drops the leading zero of 0301
        muni = "0" + muni
    if (len(hmsnr) == 6 and hmsnr.isdigit() and hmsnr.isascii()
            and len(serial) == 6 and serial.isdigit() and serial.isascii()
            and (not iso or (iso.isdigit() and len(iso) <= 16))
            and loan_type in LOAN_TYPES and len(status) <= 40
            and len(muni) == 4 and muni.isdigit() and muni.isascii()):
        try:
            return (hmsnr, serial, iso, _fast_date(raw.get("opprettelsesdato", "").strip()),
                    _fast_date(raw.get("utlåns_dato", "").strip()), loan_type, status, muni)
        except (ValueError, RowProblem):
            pass
    return _slow_parse(raw)


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
    loan_date = field(parse_date, raw.get("utlåns_dato", ""), "utlåns_dato")
    created = field(parse_date, raw.get("opprettelsesdato", ""), "opprettelsesdato")
    iso = raw.get("kategori3_nummer", "").strip()
    if iso and (not iso.isdigit() or len(iso) > 16):
        problems.append("ISO-kode (kategori3_nummer) skal kun bestå av tall (maks 16)")
    loan_type = raw.get("utlåns_type", "").strip().upper() or "P"
    if loan_type not in LOAN_TYPES:
        problems.append("Ukjent utlånstype (bruk P, F, K eller U)")
    status = raw.get("artikkelstatus", "").strip() or ARTICLE_STATUSES[0]
    if len(status) > 40:
        problems.append("Artikkelstatus er for lang (maks 40 tegn)")
    muni = raw["kommunenummer"].strip()
    if len(muni) == 3 and muni.isdigit():
        muni = "0" + muni
    if not (len(muni) == 4 and muni.isdigit() and muni.isascii()):
        problems.append("Kommunenummer må ha 4 siffer")
    if problems:
        raise RowProblem("; ".join(problems))
    return (hmsnr, serial, iso, created, loan_date, loan_type, status, muni)


def _flush(conn: Connection, records: list[RegisterRow]) -> tuple[int, int]:
    """Upsert one batch of devices (RETURNING their ids), then their loans.

    Rows whose id is above the highest id before the batch were inserted; the
    others existed (ids only grow, in SQLite's rowid and in a PostgreSQL sequence).
    """
    batch: dict[tuple[str, str], RegisterRow] = {(r[0], r[1]): r for r in records}
    max_before = conn.execute(select(func.max(DEVICES.c.id))).scalar() or 0
    ins = dialect_insert(conn)(DEVICES)
    stmt = ins.on_conflict_do_update(
        index_elements=["hmsnr", "serial"],
        set_={"iso_category": ins.excluded.iso_category, "created_date": ins.excluded.created_date},
    ).returning(DEVICES.c.id, DEVICES.c.hmsnr, DEVICES.c.serial)
    rows = conn.execute(stmt, [{"hmsnr": r[0], "serial": r[1], "iso_category": r[2], "created_date": r[3]}
                               for r in batch.values()]).all()
    ids = {(h, s): i for i, h, s in rows}
    upsert(conn, LOANS, [{"device_id": ids[k], "loan_date": r[4], "loan_type": r[5],
                          "article_status": r[6], "municipality": r[7]} for k, r in batch.items()],
           ["device_id"], ["loan_date", "loan_type", "article_status", "municipality"])
    new = sum(1 for i, _, _ in rows if i > max_before)
    return new, len(records) - new


def import_register(db: Database, paths: list[Path], progress: Progress | None = None,
                    cancel: threading.Event | None = None) -> ImportReport:
    """Import OeBS register exports: Device + Loan upserted on (hmsnr, serienr)."""
    sources = [CsvSource(p, REGISTER_ALIASES, REQUIRED_COLUMNS) for p in paths]
    with ImportRun(db, "register", _flush, progress, cancel, estimate_csv_rows(paths)) as run:
        for src in sources:
            for line, raw in src:
                try:
                    if "__problem__" in raw:
                        raise RowProblem(raw["__problem__"])
                    record = parse_register_row(raw)
                except RowProblem as exc:
                    run.error(src.path, line, str(exc))
                    continue
                run.add(record)
            for w in src.dropped_warnings:
                run.report.warn(w)
    return run.report
