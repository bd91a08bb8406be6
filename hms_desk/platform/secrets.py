"""Secrets (API tokens, the capture encryption key) behind a small interface.

``KeyringSecrets`` uses the OS keychain through ``keyring`` (Windows
Credential Locker, macOS Keychain, Secret Service on Linux).  Where no
keychain exists (a headless Linux box without Secret Service), the documented
fallback is ``FileSecrets``: a file readable only by the user in the profile's
config directory, with a clear warning.  Tests use ``MemorySecrets`` and never
touch a real keychain.

The file is written atomically (:mod:`hms_desk.platform.atomic`, mode 0600).
A file that exists but cannot be read — half-written, not JSON, unreadable —
is :class:`~hms_desk.domain.errors.SecretsUnreadable`: HMS Desk stops with a
clear message instead of starting empty, so it never makes a new capture key
over existing captures or forgets the OeBS token.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Protocol

from hms_desk.domain.errors import SecretsUnreadable
from hms_desk.domain.i18n import N_
from hms_desk.platform.atomic import atomic_write_text

log = logging.getLogger("hms_desk.secrets")

SERVICE = "hms-desk"


class SecretStore(Protocol):
    description: str

    def get(self, name: str) -> str | None: ...
    def set(self, name: str, value: str) -> None: ...
    def delete(self, name: str) -> None: ...


class MemorySecrets:
    description = "minne (kun for test)"

    def __init__(self) -> None:
        self._d: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self._d.get(name)

    def set(self, name: str, value: str) -> None:
        self._d[name] = value

    def delete(self, name: str) -> None:
        self._d.pop(name, None)


class FileSecrets:
    """Fallback: JSON file with mode 0600 in the profile."""

    description = "fil i profilen (ingen nøkkelring tilgjengelig)"

    def __init__(self, path: Path) -> None:
        self.path = path

    def _unreadable(self, why: str) -> SecretsUnreadable:
        log.error("secrets file unreadable (%s); stopping rather than starting empty", why)
        return SecretsUnreadable(
            f"Hemmelighetsfilen {self.path} er skadet eller ufullstendig og kan ikke leses ({why}). "
            "HMS Desk stopper her for ikke å lage en ny bildenøkkel – da ville alle lagrede bilder bli "
            "uleselige – og for ikke å glemme OeBS-tokenet. Hent filen fra sikkerhetskopi, eller flytt den "
            "bort hvis det ikke finnes bilder å ta vare på, og start igjen.")

    def _read(self) -> dict[str, str]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise self._unreadable(exc.strerror or type(exc).__name__) from None
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise self._unreadable("ikke gyldig JSON") from None
        if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                 for k, v in data.items()):
            raise self._unreadable("uventet innhold")
        return data

    def check(self) -> None:
        """Raises :class:`SecretsUnreadable` if the file exists but cannot be used."""
        self._read()

    def get(self, name: str) -> str | None:
        return self._read().get(name)

    def _write(self, d: dict[str, str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, json.dumps(d), mode=0o600)

    def set(self, name: str, value: str) -> None:
        d = self._read()
        d[name] = value
        self._write(d)

    def delete(self, name: str) -> None:
        d = self._read()
        if d.pop(name, None) is not None:
            self._write(d)


class KeyringSecrets:
    description = "operativsystemets nøkkelring"

    def __init__(self) -> None:
        import keyring

        self._kr = keyring

    def get(self, name: str) -> str | None:
        return self._kr.get_password(SERVICE, name)

    def set(self, name: str, value: str) -> None:
        self._kr.set_password(SERVICE, name, value)

    def delete(self, name: str) -> None:
        import keyring.errors

        try:
            self._kr.delete_password(SERVICE, name)
        except keyring.errors.PasswordDeleteError:
            pass


NO_KEYRING_WARNING = N_(
    "Fant ingen nøkkelring i operativsystemet. Hemmeligheter lagres i stedet i en fil som bare "
    "din bruker kan lese, i profilmappen. Installer en nøkkelring (Secret Service) for bedre vern."
)


def open_secret_store(fallback_file: Path) -> tuple[SecretStore, str | None]:
    """The OS keychain if one works, else the file fallback and a warning."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring):
            raise RuntimeError("no keyring backend")
        store = KeyringSecrets()
        store.get("__probe__")
        return store, None
    except Exception as exc:  # keyring raises many kinds when no backend works
        log.warning("no usable keyring (%s); using file fallback", type(exc).__name__)
    files = FileSecrets(fallback_file)
    files.check()       # a damaged file stops the start (SecretsUnreadable), never an empty store
    return files, NO_KEYRING_WARNING
