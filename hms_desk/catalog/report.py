"""What an import tells its caller: counts, bad rows and warnings (Norwegian).

``ImportReport`` is returned by every importer; ``ImportFileError`` is raised
when a whole file cannot be read (wrong encoding, not a CSV, missing columns).
Neither ever carries a value from a personal column: row errors name the line
and the problem, warnings name column headers only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hms_desk.domain.errors import HmsError

MAX_REPORTED_ERRORS = 1000


class ImportFileError(HmsError):
    """A file could not be imported at all; the database is unchanged."""

    code = "IMPORT"


@dataclass(frozen=True)
class RowError:
    file: str
    line: int
    reason_nb: str
    label: str = "Linje"   # "Linje" for CSV/Excel rows, "Treff" for catalogue search hits

    @property
    def text(self) -> str:
        return f"{self.label} {self.line}: {self.reason_nb}"

    def __str__(self) -> str:
        return f"{self.file}: {self.text}"


@dataclass
class ImportReport:
    kind: str
    rows_read: int = 0
    inserted: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cancelled: bool = False
    error_count: int = 0     # all bad rows, also those beyond MAX_REPORTED_ERRORS

    @property
    def ok(self) -> bool:
        """True when the import was committed."""
        return not self.cancelled and self.error_count == 0

    def add_error(self, file: Path | str, line: int, reason_nb: str, label: str = "Linje") -> None:
        self.error_count += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(RowError(Path(file).name, line, reason_nb, label))

    def warn(self, text: str) -> None:
        if text not in self.warnings:
            self.warnings.append(text)

    def summary_nb(self) -> str:
        if self.cancelled:
            return "Avbrutt – ingen endringer ble lagret."
        if self.error_count:
            more = self.error_count - len(self.errors)
            tail = f" (viser de {len(self.errors)} første)" if more > 0 else ""
            return (f"{self.error_count} rader har feil{tail}. Ingenting ble importert – "
                    "rett feilene og prøv igjen.")
        return (f"Lest {self.rows_read} rader: {self.inserted} nye, {self.updated} oppdatert, "
                f"{self.skipped} hoppet over.")
