"""Shared machinery for the importers: reading files, batching, upserts.

* ``CsvSource`` / ``XlsxSource`` stream rows one by one (bounded memory) and
  map header names to canonical column names; columns not in the known list
  are never read into a record (their values are dropped on the floor).
* ``ImportRun`` owns one database transaction for one import call: records
  are written in batches of ``BATCH_SIZE``, ``cancel`` is checked between
  batches, and any row error or cancellation rolls everything back.
* ``upsert`` uses SQLAlchemy's dialect-specific ``insert().on_conflict_*`` so
  the same code runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import logging
import operator
import re
import threading
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Table, select, tuple_
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from hms_desk.catalog.report import ImportFileError, ImportReport
from hms_desk.domain.errors import StorageError, ValidationError
from hms_desk.domain.limits import max_length
from hms_desk.domain.personal_data import (
    PersonalDataError,
    check_free_text,
    check_identifier,
    find_national_ids,
    is_valid_national_id,
)
from hms_desk.storage.db import Database, storage_error_for

log = logging.getLogger("hms_desk.catalog")

BATCH_SIZE = 5000
Progress = Callable[[int, int | None], None]

#: Column headers that are personal data in OeBS exports (normalised form).
PERSONAL_HEADERS = frozenset({
    "fnr", "fødselsnummer", "fodselsnummer", "personnummer", "navn", "fornavn", "etternavn",
    "bruker_nummer", "brukernummer", "bruker", "brukernavn", "adresse", "gateadresse",
    "postadresse", "postnr", "postnummer", "poststed", "egen_ansatt", "telefon", "telefonnummer",
    "mobil", "epost", "e-post", "diagnose", "fødselsdato", "fodselsdato",
})


class RowProblem(ValueError):
    """A row is invalid; the message is the Norwegian reason."""


class Cancelled(Exception):
    """The user cancelled; the transaction is rolled back."""


def norm_header(text: object) -> str:
    s = "" if text is None else str(text)
    return unicodedata.normalize("NFC", s).replace("\ufeff", "").strip().lower()


def safe_header(header: str, position: int) -> str:
    """A header as it may be shown to the user — never something that looks like data."""
    h = header.strip()
    if not h or len(h) > 60 or re.search(r"\d{4,}", h) or "@" in h or not h.isprintable() \
            or find_national_ids(h):
        return f"kolonne nr. {position}"
    return h


def dropped_column_warning(header: str, position: int) -> str:
    shown = safe_header(header, position)
    if norm_header(header) in PERSONAL_HEADERS or any(
            word in norm_header(header) for word in ("adresse", "fnr", "navn")):
        return f"Kolonnen «{shown}» inneholder personopplysninger og ble ikke importert."
    return f"Kolonnen «{shown}» er ukjent og ble ikke importert."


# --- value parsing ---------------------------------------------------------

def parse_date(text: str, label: str) -> dt.date | None:
    """ISO (``2024-03-01``, also with a time part) or Norwegian ``01.03.2024``."""
    s = text.strip()
    if not s:
        return None
    try:
        if len(s) >= 10 and s[4] == "-":
            return dt.date.fromisoformat(s[:10])
        if "." in s:
            d, m, y = s.split(" ")[0].split(".")
            if len(y) == 4:
                return dt.date(int(y), int(m), int(d))
    except ValueError:
        pass
    raise RowProblem(f"Ugyldig dato i «{label}» (bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)")


def parse_int(text: str, label: str, default: int, lo: int = 0, hi: int = 999) -> int:
    s = text.strip()
    if not s or s.lower() == "null":
        return default
    try:
        value = int(float(s.replace(",", "."))) if "." in s or "," in s else int(s)
    except ValueError:
        raise RowProblem(f"«{label}» må være et heltall") from None
    if not lo <= value <= hi:
        raise RowProblem(f"«{label}» må være mellom {lo} og {hi}")
    return value


_TRUE = {"true", "ja", "1", "x", "yes", "sann"}
_FALSE = {"false", "nei", "0", "no", "usann", ""}


def parse_bool(text: str, label: str, default: bool | None) -> bool | None:
    s = text.strip().lower()
    if s in ("", "null"):
        return default
    if s in _TRUE:
        return True
    if s in _FALSE:
        return False
    raise RowProblem(f"«{label}» må være true/false eller ja/nei")


def guard_value(value: str, label: str, multiline: bool = True) -> str:
    """``value`` if the personal-data guard lets it in; else a :class:`RowProblem` that names the
    column (``label``) and never the value.  Also refuses a 10-digit number that is a national ID
    number with its leading zero lost (Excel drops it)."""
    try:
        check_free_text(value, label=label, max_len=None, multiline=multiline)
    except PersonalDataError:
        raise RowProblem(f"Kolonnen «{label}» ser ut til å inneholde personopplysninger (fødselsnummer "
                         "eller navn). Verdien vises ikke her – rett raden i filen.") from None
    except ValidationError as exc:
        raise RowProblem(exc.message_nb) from None
    if len(value) >= 10 and any(is_valid_national_id("0" + m) for m in _TEN_DIGITS.findall(value)):
        raise RowProblem(f"Kolonnen «{label}» ser ut til å inneholde et fødselsnummer (uten første null). "
                         "Verdien vises ikke her – rett raden i filen.")
    return value


_TEN_DIGITS = re.compile(r"(?<!\d)\d{10}(?!\d)")


def clean_text(text: str, label: str, max_len: int | None = None, required: bool = False,
               field: str | None = None) -> str:
    """A kept text column: stripped, ``null`` as empty, within the field's limit
    (:mod:`hms_desk.domain.limits`, by ``field``; or ``max_len``) and through the guard."""
    s = text.strip()
    if s.lower() == "null":
        s = ""
    if required and not s:
        raise RowProblem(f"{label} mangler")
    limit = max_len if max_len is not None else (max_length(field) if field else None)
    if limit is not None and len(s) > limit:
        raise RowProblem(f"{label} er for lang (maks {limit} tegn)")
    if s and not (s.isascii() and s.isalpha()):      # a plain word needs no closer look
        guard_value(s, label)
    return s


def clean_identifier(text: str, label: str, field: str) -> str:
    """A kept column whose meaning is an identifier (ISO code, article status): its strict pattern."""
    try:
        return check_identifier(text, field, label=label)
    except PersonalDataError:
        raise RowProblem(f"Kolonnen «{label}» ser ut til å inneholde personopplysninger (fødselsnummer "
                         "eller navn). Verdien vises ikke her – rett raden i filen.") from None
    except ValidationError as exc:
        raise RowProblem(exc.message_nb) from None


def estimate_csv_rows(paths: Sequence[Path]) -> int | None:
    """Data rows in the CSV files (for the progress bar), None if not all are CSV."""
    total = 0
    for p in paths:
        path = Path(p)
        if path.suffix.lower() != ".csv" or not path.exists():
            return None
        lines, last = 0, b"\n"
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
        total += max(lines - (1 if last == b"\n" else 0), 0)
    return total


# --- sources ---------------------------------------------------------------

class CsvSource:
    """One CSV file, UTF-8 (with or without BOM), delimiter ``,`` ``;`` or tab.

    ``aliases`` maps normalised header → canonical name; headers not in it are
    dropped (and listed in ``dropped_warnings``).  Iterating yields
    ``(line_number, {canonical: value})`` with only known columns.
    """

    def __init__(self, path: Path, aliases: dict[str, str], required: Sequence[str]):
        self.path = Path(path)
        self.aliases = aliases
        self.required = required
        self.dropped_warnings: list[str] = []
        self._check_bytes()

    def _fail(self, text: str) -> ImportFileError:
        return ImportFileError(f"Filen «{self.path.name}» {text}")

    def _check_bytes(self) -> None:
        try:
            with self.path.open("rb") as fh:
                head = fh.read(65536)
        except FileNotFoundError:
            raise self._fail("finnes ikke.") from None
        except OSError as exc:
            raise self._fail(f"kan ikke leses: {exc.strerror or exc}.") from None
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise self._fail("er lagret som UTF-16. Lagre den som «CSV UTF-8» og prøv igjen.")
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise self._fail("er en gammel Excel-fil (.xls). Lagre den som .xlsx eller «CSV UTF-8».")
        if head.startswith(b"PK\x03\x04"):
            raise self._fail("er ikke en CSV-fil (det ser ut som en Excel- eller zip-fil).")
        if b"\x00" in head:
            raise self._fail("er ikke en CSV-fil (den inneholder binærdata).")
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        except UnicodeDecodeError:
            raise self._fail("er ikke UTF-8-kodet. Lagre den som «CSV UTF-8» og prøv igjen.") from None
        if not head.strip():
            raise self._fail("er tom.")

    @contextlib.contextmanager
    def _reader(self) -> Iterator[tuple[Any, dict[str, int], int]]:
        """The open CSV reader past its header (delimiter sniffed from the first
        line), the known columns' positions and the header's width."""
        with self.path.open("r", encoding="utf-8-sig", newline="", errors="strict") as fh:
            first = fh.readline()
            counts = {d: first.count(d) for d in (",", ";", "\t")}
            delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
            fh.seek(0)
            reader = csv.reader(fh, delimiter=delimiter)
            try:
                header = next(reader)
            except StopIteration:
                raise self._fail("er tom.") from None
            except (csv.Error, UnicodeDecodeError):
                raise self._fail("er ikke en gyldig CSV-fil.") from None
            yield reader, self._map_header(header), len(header)

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        with self._reader() as (reader, index, width):
            wanted = list(index.items())
            try:
                for row in reader:
                    if not row or (len(row) == 1 and not row[0].strip()):
                        continue
                    line = reader.line_num
                    if len(row) != width:
                        if len(row) > width and not any(c.strip() for c in row[width:]):
                            row = row[:width]
                        else:
                            yield line, {"__problem__": f"Feil antall felt (forventet {width}, fant {len(row)})"}
                            continue
                    yield line, {name: row[i] for name, i in wanted}
            except UnicodeDecodeError:
                raise self._fail(f"er ikke UTF-8-kodet (feil rundt linje {reader.line_num + 1}). "
                                 "Lagre den som «CSV UTF-8» og prøv igjen.") from None
            except csv.Error:
                raise self._fail(f"er ikke en gyldig CSV-fil (feil på linje {reader.line_num}).") from None

    def tuples(self, names: Sequence[str]) -> Iterator[tuple[int, tuple[str, ...] | None, str]]:
        """Rows as ``(line, values, problem)`` — the fast path for big files.

        ``values`` holds the columns ``names`` in that order ("" for a column
        the file does not have); it is None when the row is malformed, and then
        ``problem`` says why.  Unknown and personal columns are never read.
        """
        with self._reader() as (reader, index, width):
            # a column the file lacks reads the empty string appended at position ``width``
            positions = [index.get(n, width) for n in names]
            pad = any(p == width for p in positions)
            pick = operator.itemgetter(*positions) if len(positions) > 1 else (
                lambda row, _p=positions[0]: (row[_p],))
            try:
                for row in reader:
                    n = len(row)
                    if n != width:
                        if not row or (n == 1 and not row[0].strip()):
                            continue
                        if n > width and not any(c.strip() for c in row[width:]):
                            del row[width:]
                        else:
                            yield reader.line_num, None, f"Feil antall felt (forventet {width}, fant {n})"
                            continue
                    elif width == 1 and not row[0].strip():
                        continue
                    if pad:
                        row.append("")
                    yield reader.line_num, pick(row), ""
            except UnicodeDecodeError:
                raise self._fail(f"er ikke UTF-8-kodet (feil rundt linje {reader.line_num + 1}). "
                                 "Lagre den som «CSV UTF-8» og prøv igjen.") from None
            except csv.Error:
                raise self._fail(f"er ikke en gyldig CSV-fil (feil på linje {reader.line_num}).") from None

    def _map_header(self, header: list[str]) -> dict[str, int]:
        index, self.dropped_warnings = map_header(header, self.aliases)
        missing = [c for c in self.required if c not in index]
        if missing:
            names = ", ".join(f"«{c}»" for c in missing)
            raise self._fail(f"mangler påkrevde kolonner: {names}.")
        return index


def map_header(header: Sequence[object], aliases: dict[str, str]) -> tuple[dict[str, int], list[str]]:
    index: dict[str, int] = {}
    dropped: list[str] = []
    for pos, raw in enumerate(header):
        key = norm_header(raw)
        canonical = aliases.get(key)
        if canonical is None:
            if key:
                dropped.append(dropped_column_warning(str(raw), pos + 1))
            continue
        index.setdefault(canonical, pos)
    return index, dropped


class XlsxSource:
    """The first sheet of an .xlsx workbook whose header row has the required columns.

    Integer cells in ``pad_columns`` are zero-padded to 6 digits (Excel drops
    the leading zeros of HMS numbers stored as numbers).
    """

    def __init__(self, path: Path, aliases: dict[str, str], required: Sequence[str],
                 pad_columns: Iterable[str] = ()):
        self.path = Path(path)
        self.aliases = aliases
        self.required = required
        self.pad_columns = set(pad_columns)
        self.dropped_warnings: list[str] = []
        self.other_sheets: list[str] = []
        if not self.path.exists():
            raise ImportFileError(f"Filen «{self.path.name}» finnes ikke.")

    def _open(self) -> Any:
        import openpyxl

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
            raise ImportFileError(
                f"Filen «{self.path.name}» kunne ikke leses som Excel-arbeidsbok (.xlsx). "
                "Den kan være skadet eller i et annet format.") from None

    @staticmethod
    def _cell(value: object, pad: bool) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, int):
            if 10**9 <= value < 10**10 and is_valid_national_id(str(value).zfill(11)):
                return str(value).zfill(11)   # a national ID number whose leading zero Excel dropped
            return str(value).zfill(6) if pad and 0 <= value <= 999999 else str(value)
        if isinstance(value, (dt.datetime, dt.date)):
            return value.isoformat()[:10]
        return str(value)

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        wb = self._open()
        try:
            chosen = None
            for ws in wb.worksheets:
                rows = ws.iter_rows(values_only=True)
                header = next(rows, None)
                if header is None:
                    continue
                index, dropped = map_header(header, self.aliases)
                if chosen is None and all(c in index for c in self.required):
                    chosen = (ws, index, dropped)
                else:
                    self.other_sheets.append(ws.title)
            if chosen is None:
                names = ", ".join(f"«{c}»" for c in self.required)
                raise ImportFileError(
                    f"Filen «{self.path.name}» har ikke noe ark med kolonnene {names}.")
            ws, index, self.dropped_warnings = chosen
            wanted = list(index.items())
            for line, row in enumerate(ws.iter_rows(values_only=True), start=1):
                if line == 1:
                    continue
                if all(v is None or (isinstance(v, str) and not v.strip()) for v in row):
                    continue
                yield line, {name: self._cell(row[i] if i < len(row) else None, name in self.pad_columns)
                             for name, i in wanted}
        except ImportFileError:
            raise
        except Exception:  # noqa: BLE001 - a broken sheet inside a valid zip
            raise ImportFileError(
                f"Filen «{self.path.name}» kunne ikke leses som Excel-arbeidsbok (.xlsx). "
                "Den kan være skadet.") from None
        finally:
            wb.close()


# --- database helpers ------------------------------------------------------

def dialect_insert(conn: Connection) -> Callable[[Table], Any]:
    name = conn.dialect.name
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:  # pragma: no cover - only the two supported databases
        raise StorageError(f"Import støttes ikke for databasetypen {name}.")
    return insert


def upsert(conn: Connection, table: Table, rows: list[dict[str, Any]], keys: Sequence[str],
           update: Sequence[str] | Callable[[Any], dict[str, Any]] | None) -> None:
    """Insert ``rows``; on a key conflict update ``update`` columns (or do nothing)."""
    if not rows:
        return
    ins = dialect_insert(conn)(table)
    if update is None:
        stmt = ins.on_conflict_do_nothing(index_elements=list(keys))
    else:
        set_ = update(ins) if callable(update) else {c: ins.excluded[c] for c in update}
        stmt = ins.on_conflict_do_update(index_elements=list(keys), set_=set_)
    conn.execute(stmt, rows)


def existing_keys(conn: Connection, cols: Sequence[Column], keys: Sequence[tuple]) -> set[tuple]:
    if not keys:
        return set()
    if len(cols) == 1:
        q = select(cols[0]).where(cols[0].in_([k[0] for k in keys]))
    else:
        q = select(*cols).where(tuple_(*cols).in_(list(keys)))
    return {tuple(r) for r in conn.execute(q)}


# --- one import call -------------------------------------------------------

class ImportRun:
    """One transaction, batched writes, cancel between batches, all-or-nothing.

    ``flush(conn, records) -> (inserted, updated)`` writes one batch.  Once a
    row error is seen nothing more is written (the run will roll back), but the
    rest of the input is still validated so every bad row is reported.
    ``validate(conn, records)``, if given, checks each batch against the
    database (e.g. that a part exists) and reports through ``report.add_error``;
    it runs for every batch, also after the first error.
    ``finish(conn) -> (inserted, updated)``, if given, runs once after the last
    batch of a clean run, before the commit (for importers whose batches only
    stage rows and who merge them set-based at the end).
    """

    def __init__(self, db: Database, kind: str,
                 flush: Callable[[Connection, list[Any]], tuple[int, int]],
                 progress: Progress | None, cancel: threading.Event | None,
                 total: int | None = None, batch_size: int = BATCH_SIZE,
                 validate: Callable[[Connection, list[Any]], None] | None = None,
                 finish: Callable[[Connection], tuple[int, int]] | None = None):
        self.db = db
        self._finish = finish
        self._validate = validate
        self.report = ImportReport(kind)
        self._flush = flush
        self._progress = progress
        self._cancel = cancel
        self.total = total
        self.batch_size = batch_size
        self._pending: list[Any] = []
        self._since = 0
        self._conn: Connection | None = None

    def __enter__(self) -> "ImportRun":
        self._conn = self.db.engine.connect()
        self._conn.begin()
        self._tick()
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        conn = self.conn
        cancelled = exc_type is Cancelled
        committed = False
        try:
            if exc_type is None:
                try:
                    self._flush_pending()
                    if self._finish is not None and self.report.ok:
                        self._run_finish()
                except Cancelled:
                    cancelled = True
                if not cancelled and self.report.ok:
                    try:
                        conn.commit()
                    except Exception as exc:
                        if self._is_db_error(exc):
                            self._db_failed(exc)      # e.g. the disk is full: a message, nothing stored
                        raise
                    committed = True
            if not committed:
                conn.rollback()
        finally:
            conn.close()
            self._conn = None
        r = self.report
        if cancelled:
            r.cancelled = True
            r.inserted = r.updated = 0
            r.warn("Avbrutt – ingen endringer ble lagret.")
            log.info("import %s cancelled after %d rows, rolled back", r.kind, r.rows_read)
        elif committed:
            log.info("import %s: %d read, %d inserted, %d updated, %d skipped",
                     r.kind, r.rows_read, r.inserted, r.updated, r.skipped)
            self._tick(done=True)
        elif exc_type is None:
            r.inserted = r.updated = 0
            log.info("import %s rolled back: %d bad rows", r.kind, r.error_count)
        return cancelled

    @property
    def conn(self) -> Connection:
        assert self._conn is not None
        return self._conn

    def error(self, file: Path, line: int, reason: str, label: str = "Linje") -> None:
        """Record a bad row; from now on nothing is written and the run rolls back."""
        self.report.add_error(file, line, reason, label)
        if self._validate is None:
            self._pending.clear()
        self._count()

    def add(self, record: Any) -> None:
        if not self.report.error_count or self._validate is not None:
            self._pending.append(record)
        self._count()

    def skip(self) -> None:
        """A row that is valid but deliberately not imported."""
        self.report.skipped += 1
        self._count()

    def _count(self) -> None:
        self.report.rows_read += 1
        self._since += 1
        if self._since >= self.batch_size:
            self._flush_pending()

    def check_cancel(self) -> None:
        if self._cancel is not None and self._cancel.is_set():
            raise Cancelled()

    def _flush_pending(self) -> None:
        self.check_cancel()
        if self._pending and self._validate is not None:
            self._validate(self.conn, self._pending)
        if self._pending and not self.report.error_count:
            try:
                inserted, updated = self._flush(self.conn, self._pending)
            except Exception as exc:
                if self._is_db_error(exc):
                    self._db_failed(exc)
                raise
            self.report.inserted += inserted
            self.report.updated += updated
        self._pending = []
        self._since = 0
        self._tick()

    def _run_finish(self) -> None:
        assert self._finish is not None
        try:
            inserted, updated = self._finish(self.conn)
        except Exception as exc:
            if self._is_db_error(exc):
                self._db_failed(exc)
            raise
        self.report.inserted += inserted
        self.report.updated += updated

    def _is_db_error(self, exc: Exception) -> bool:
        """SQLAlchemy's errors, and the driver's own (importers may use the raw connection)."""
        return isinstance(exc, (SQLAlchemyError, self.conn.dialect.loaded_dbapi.Error))

    def _db_failed(self, exc: SQLAlchemyError | Exception) -> None:
        orig = getattr(exc, "orig", None) or exc
        reason = type(orig).__name__
        log.error("import %s failed in the database: %s", self.report.kind, reason)
        known = storage_error_for(orig)
        if known is not None:
            raise type(known)(f"Importen ble ikke lagret: {known.message_nb}") from None
        raise StorageError(
            f"Importen feilet i databasen ({reason}). Ingen endringer ble lagret.") from None

    def _tick(self, done: bool = False) -> None:
        if self._progress is None:
            return
        n = self.report.rows_read
        if done:
            self._progress(n, n)
        else:
            total = self.total if self.total is None else max(self.total, n)
            self._progress(n, total)
