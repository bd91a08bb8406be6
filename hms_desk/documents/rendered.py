"""A rendered document: bytes plus what the store step needs (no ReportLab, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FORMATS", "MEDIA_TYPES", "SUFFIXES", "Rendered", "safe_name"]

FORMATS = ("pdf", "text", "json")
MEDIA_TYPES = {"pdf": "application/pdf", "text": "text/plain; charset=utf-8", "json": "application/json"}
SUFFIXES = {"pdf": ".pdf", "text": ".txt", "json": ".json"}


@dataclass(frozen=True)
class Rendered:
    """One rendered document: its bytes and what the store step needs to know.

    ``reference`` is the case or deviation number; ``warnings`` are
    plain-language notes for the user (e.g. characters the PDF font lacks).
    """

    fmt: str
    data: bytes
    file_name: str
    media_type: str
    reference: str
    pages: int | None = None
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The text (for ``text``/``json``), e.g. to put on the clipboard."""
        return self.data.decode("utf-8")

    @property
    def case_number(self) -> str:
        return self.reference


def safe_name(prefix: str, reference: str, fmt: str) -> str:
    """``journalnotat-S-2026-000001.pdf``: a file name from a reference number."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in reference) or "dokument"
    return f"{prefix}-{safe}{SUFFIXES[fmt]}"
