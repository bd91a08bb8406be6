"""Captures (snapshots) encrypted at rest, and their deletion.

Every picture passes through the anonymiser *before* it reaches this store
(see ``CaseService.take_snapshot``); the store itself only ever sees blurred
pixels.  Files are AES-GCM encrypted with a 256-bit key kept in the OS
keychain (``SecretStore``); the database holds metadata only.  Deletion
overwrites and unlinks the file and is logged without content.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import secrets
import uuid
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from hms_desk.domain.errors import HmsError
from hms_desk.platform.secrets import SecretStore

log = logging.getLogger("hms_desk.captures")

KEY_NAME = "capture-key-v1"
SUFFIX = ".hmscap"
_MAGIC = b"HMSCAP1\0"


class CaptureError(HmsError):
    code = "BILDE"


def new_capture_name() -> str:
    return uuid.uuid4().hex + SUFFIX


class CaptureStore:
    """Encrypted capture files of ONE database, under ``<captures>/<database id>/``.

    Files from before captures were filed by database (directly in
    ``<captures>/``) are still read and deleted by name, but never swept:
    only files in this database's own folder are candidates for the orphan
    sweep (see ``CaseService.enforce_retention``).
    """

    def __init__(self, root: Path, secrets_store: SecretStore, database_id: str | None = None):
        self.root = Path(root)
        self.directory = self.root / database_id if database_id else self.root
        self._secrets = secrets_store
        self._aes: AESGCM | None = None

    def _path(self, name: str) -> Path:
        if "/" in name or "\\" in name or name.startswith("."):
            raise CaptureError("Ugyldig bildefilnavn.")
        own = self.directory / name
        if own.exists() or self.directory == self.root:
            return own
        legacy = self.root / name
        return legacy if legacy.exists() else own

    def _cipher(self) -> AESGCM:
        if self._aes is None:
            raw = self._secrets.get(KEY_NAME)
            if raw is None and self.files():   # never a new key over pictures made with the old one
                raise CaptureError(
                    f"Nøkkelen til de lagrede bildene mangler i {self._secrets.description}, men "
                    f"{self.directory} har bilder. HMS Desk lager ikke en ny nøkkel over dem. "
                    "Gjenopprett nøkkelringen eller hemmelighetsfilen fra sikkerhetskopi.")
            if raw is None:
                key = AESGCM.generate_key(bit_length=256)
                self._secrets.set(KEY_NAME, base64.b64encode(key).decode())
                log.info("created a new capture encryption key in %s", self._secrets.description)
            else:
                key = base64.b64decode(raw)
            self._aes = AESGCM(key)
        return self._aes

    def write(self, data: bytes, name: str | None = None) -> tuple[str, str]:
        """Encrypts and stores ``data``; returns (file name, sha256 of the plaintext)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        name = name or new_capture_name()
        nonce = secrets.token_bytes(12)
        blob = _MAGIC + nonce + self._cipher().encrypt(nonce, data, name.encode())
        path = self.directory / name
        tmp = path.with_suffix(".tmp")
        try:
            tmp.write_bytes(blob)
            os.replace(tmp, path)
        except OSError as exc:
            raise CaptureError(f"Kunne ikke lagre bildet: {exc.strerror or exc}") from exc
        return name, hashlib.sha256(data).hexdigest()

    def read(self, name: str) -> bytes:
        path = self._path(name)
        try:
            blob = path.read_bytes()
        except FileNotFoundError as exc:
            raise CaptureError("Bildet er slettet eller finnes ikke.") from exc
        if not blob.startswith(_MAGIC):
            raise CaptureError("Bildefilen er skadet.")
        nonce = blob[len(_MAGIC):len(_MAGIC) + 12]
        try:
            return self._cipher().decrypt(nonce, blob[len(_MAGIC) + 12:], name.encode())
        except InvalidTag as exc:
            raise CaptureError("Bildet kan ikke dekrypteres (feil nøkkel eller skadet fil).") from exc

    def delete(self, name: str) -> bool:
        path = self._path(name)
        try:
            size = path.stat().st_size
            with open(path, "r+b") as f:  # overwrite before unlinking
                f.write(b"\0" * size)
                f.flush()
                os.fsync(f.fileno())
            path.unlink()
            return True
        except FileNotFoundError:
            return False

    def files(self) -> list[str]:
        """This database's own capture files (never the legacy or another database's)."""
        if not self.directory.exists():
            return []
        return sorted(p.name for p in self.directory.glob("*" + SUFFIX))

    def age_s(self, name: str) -> float:
        """Seconds since the file was last written (0 if it is gone)."""
        import time

        try:
            return max(0.0, time.time() - self._path(name).stat().st_mtime)
        except FileNotFoundError:
            return 0.0
