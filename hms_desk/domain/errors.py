"""Errors with a stable code and a Norwegian text for the user.

Codes and texts follow NAV's parts-ordering service where it has one.
"""

from __future__ import annotations


class HmsError(Exception):
    """Base class: ``code`` is stable (for JSON/CLI), ``message`` is Norwegian."""

    code = "FEIL"

    def __init__(self, message: str, code: str | None = None, field: str | None = None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code
        self.field = field

    def to_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "message": self.message, "field": self.field}


class ValidationError(HmsError):
    code = "UGYLDIG"


class NotFound(HmsError):
    code = "IKKE_FUNNET"


INGET_UTLAN_TEXT = "Vi finner dessverre ikke et utlån på dette art.nr og serienr."


class NoLoan(NotFound):
    code = "INGET_UTLÅN"

    def __init__(self) -> None:
        super().__init__(INGET_UTLAN_TEXT)


class StorageError(HmsError):
    code = "LAGRING"


class SchemaTooNew(StorageError):
    code = "NYERE_SKJEMA"


class ProfileError(HmsError):
    """The profile (settings, logs, data folders) cannot be used: read-only, missing, unreadable."""

    code = "PROFIL"


class SecretsUnreadable(HmsError):
    """The secrets store exists but cannot be read; nothing may be regenerated over it."""

    code = "HEMMELIGHETER"


class DatabaseBusy(StorageError):
    code = "DATABASE_OPPTATT"
