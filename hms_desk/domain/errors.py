"""Errors with a stable code and a text for the user.

Codes and texts follow NAV's parts-ordering service where it has one.  The
core writes every text in Norwegian bokmål (``message_nb``); ``message`` is
that text in the process's language (:mod:`hms_desk.domain.i18n`), so the
GUI in English and ``hms-desk --lang en`` show English while the code stays
the same.
"""

from __future__ import annotations

from hms_desk.domain.i18n import t


class HmsError(Exception):
    """Base class: ``code`` is stable (for JSON/CLI), ``message_nb`` the bokmål text, ``message``
    that text in the current language.

    ``to_dict()`` (the CLI's ``--json``) gives ``code``, ``message`` in the language the command
    runs in (``--lang``, default bokmål) and ``field``: programs read the code, people the message.
    """

    code = "FEIL"

    def __init__(self, message: str, code: str | None = None, field: str | None = None):
        super().__init__(message)
        self.message_nb = message
        if code:
            self.code = code
        self.field = field

    @property
    def message(self) -> str:
        return t(self.message_nb)

    def __str__(self) -> str:
        return self.message

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
