"""Typed, versioned settings stored as JSON in the profile's config directory.

Every field has a type and a default.  The file carries ``schema_version``;
older files are migrated forward by the functions in ``_MIGRATIONS``.  A
corrupt file never stops the program: it is moved aside
(``settings.json.corrupt-<time>``), defaults are used and a Norwegian warning
is returned for the UI (and the CLI) to show.  A file written by a *newer*
HMS Desk is not corrupt: it is left exactly where it is, defaults are used
for this run with a warning, and :meth:`SettingsStore.save` refuses to write
over it (:class:`SettingsTooNew`).  Writes are atomic
(:mod:`hms_desk.platform.atomic`).

IT can set defaults for every user of a machine in a read-only file with the same keys
(``platform.paths.machine_settings_file()``: ``%PROGRAMDATA%/hms-desk/settings.json`` on Windows,
``/etc/hms-desk/settings.json`` elsewhere).  Its values lie under the user's file: a key the user
has not changed comes from it, and the user's file keeps only what differs from it, so a new OeBS
address or database set by IT reaches users who already have a settings file.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, get_type_hints

from hms_desk.domain.errors import HmsError, ProfileError, ValidationError
from hms_desk.domain.i18n import N_
from hms_desk.domain.personal_data import check_identifier
from hms_desk.platform.atomic import atomic_write_text

log = logging.getLogger("hms_desk.settings")

SCHEMA_VERSION = 2
DB_URL_ENV = "HMS_DESK_DB_URL"


@dataclass
class VideoSettings:
    source: str = "demo"            # "demo", "file:<path>", "url:<url>", "camera:<id>"
    live_face_blur: bool = True
    blank_when_detector_fails: bool = False
    show_overlay: bool = False
    precall_on_new_case: bool = False   # open the pre-call check when a new case starts


@dataclass
class OebsSettings:
    base_url: str = ""              # empty: local register only
    timeout_s: float = 5.0          # per attempt
    retries: int = 2                # extra attempts on network errors, timeouts and 5xx


@dataclass
class UiSettings:
    language: str = "nb"            # "nb" (bokmål) or "en"
    window_geometry: str = ""       # base64 of QMainWindow.saveGeometry()
    window_state: str = ""          # base64 of QMainWindow.saveState()
    layouts: dict = field(default_factory=dict)   # per screen size "1920x1080": {"geometry", "state"}
    keychain_notice_shown: bool = False            # the "no keychain" notice is shown once


@dataclass
class Settings:
    schema_version: int = SCHEMA_VERSION
    db_url: str = ""                # empty: SQLite file in the profile
    technician: str = "tekniker"    # the orderer's staff ident (never a user's name)
    hms_unit: str = "4703"          # the technician's HMS storage unit (lager)
    retention_days: int = 7
    delete_captures_after_export: bool = False   # delete a case's pictures once its journal note is exported
    require_journal_before_close: bool = False   # refuse to delete pictures the unexported journal note needs
    video: VideoSettings = field(default_factory=VideoSettings)
    oebs: OebsSettings = field(default_factory=OebsSettings)
    ui: UiSettings = field(default_factory=UiSettings)


class SettingsError(ValueError):
    """A settings value has the wrong type or is out of range."""


class SettingsTooNew(HmsError):
    """The settings file was written by a newer HMS Desk: it is neither used nor overwritten."""

    code = "NYERE_INNSTILLINGER"


#: A settings file is a few kilobytes; anything this big is not one.
MAX_SETTINGS_BYTES = 1_000_000

TOO_NEW_TEXT = ("Innstillingsfilen {name} er laget av en nyere versjon av HMS Desk (versjon {version}). "
                "Den brukes ikke og blir ikke endret – standardinnstillinger brukes til du oppdaterer "
                "HMS Desk.")


def _migrate_1_to_2(d: dict[str, Any]) -> dict[str, Any]:
    # v1 kept the language at top level.
    lang = d.pop("language", None)
    if lang is not None:
        d.setdefault("ui", {})["language"] = lang
    return d


_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _migrate_1_to_2}


def _from_dict(cls: type, data: dict[str, Any], where: str = "") -> Any:
    if not isinstance(data, dict):
        raise SettingsError(f"«{where or 'innstillinger'}» skal være et objekt")
    hints = get_type_hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        typ = hints[f.name]
        key = f"{where}.{f.name}" if where else f.name
        if dataclasses.is_dataclass(typ):
            kwargs[f.name] = _from_dict(typ, value, key)
        elif typ is float and isinstance(value, int) and not isinstance(value, bool):
            kwargs[f.name] = float(value)
        elif typ is bool and not isinstance(value, bool):
            raise SettingsError(f"«{key}» skal være sann/usann, ikke {value!r}")
        elif typ in (int, float) and (isinstance(value, bool) or not isinstance(value, typ)):
            raise SettingsError(f"«{key}» skal være et tall, ikke {value!r}")
        elif typ is str and not isinstance(value, str):
            raise SettingsError(f"«{key}» skal være tekst, ikke {value!r}")
        else:
            kwargs[f.name] = value
    unknown = set(data) - {f.name for f in dataclasses.fields(cls)}
    if unknown:
        log.info("ignoring unknown settings keys: %s", sorted(unknown))
    obj = cls(**kwargs)
    return obj


def validate(s: Settings) -> None:
    if s.retention_days < 1 or s.retention_days > 365:
        raise SettingsError("«retention_days» må være mellom 1 og 365 dager")
    if s.ui.language not in ("nb", "en"):
        raise SettingsError("«ui.language» må være «nb» eller «en»")
    if not (len(s.hms_unit) == 4 and s.hms_unit.isdigit()):
        raise SettingsError("«hms_unit» skal være et lagernummer med 4 siffer")
    if not 0 < s.oebs.timeout_s <= 120:
        raise SettingsError("«oebs.timeout_s» må være mellom 0 og 120 sekunder")
    if not 0 <= s.oebs.retries <= 5:
        raise SettingsError("«oebs.retries» må være mellom 0 og 5")
    if not isinstance(s.ui.layouts, dict) or not all(
            isinstance(k, str) and isinstance(v, dict) and all(isinstance(x, str) for x in v.values())
            for k, v in s.ui.layouts.items()):
        raise SettingsError("«ui.layouts» skal være et objekt med vindusoppsett per skjermstørrelse")
    url = s.oebs.base_url.strip()
    if url and not (url.startswith("https://") or url.startswith("http://localhost")
                    or url.startswith("http://127.0.0.1")):
        raise SettingsError("«oebs.base_url» må begynne med https:// (eller http://localhost for test)")
    try:
        check_identifier(s.technician, "technician", required=True, label="technician")
    except ValidationError as exc:
        raise SettingsError(exc.message_nb) from None


def from_dict(data: dict[str, Any]) -> Settings:
    if not isinstance(data, dict):
        raise SettingsError("innstillingene skal være et JSON-objekt")
    version = data.get("schema_version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise SettingsError("«schema_version» mangler eller er ugyldig")
    if version > SCHEMA_VERSION:
        raise SettingsError(
            f"Innstillingene er laget av en nyere versjon av HMS Desk (versjon {version})."
        )
    while version < SCHEMA_VERSION:
        data = _MIGRATIONS[version](dict(data))
        version += 1
        data["schema_version"] = version
    s = _from_dict(Settings, data)
    validate(s)
    return s


def to_dict(s: Settings) -> dict[str, Any]:
    return dataclasses.asdict(s)


@dataclass
class LoadResult:
    settings: Settings
    warnings: list[str]


def _overlay(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in top.items():
        out[key] = _overlay(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) \
            else value
    return out


def _file_version(data: Any) -> int | None:
    version = data.get("schema_version") if isinstance(data, dict) else None
    return version if isinstance(version, int) and not isinstance(version, bool) else None


def _without(full: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    """``full`` minus the values equal to ``base`` (schema_version is always kept)."""
    out: dict[str, Any] = {}
    for key, value in full.items():
        if key == "schema_version" or key not in base:
            out[key] = value
        elif isinstance(value, dict) and isinstance(base[key], dict):
            rest = _without(value, base[key])
            if rest:
                out[key] = rest
        elif value != base[key]:
            out[key] = value
    return out


def read_machine_defaults(path: Path | None) -> tuple[dict[str, Any], list[str]]:
    """IT's machine-wide defaults (see the module docstring); unusable -> none, and a warning."""
    if path is None or not Path(path).is_file():
        return {}, []
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise SettingsError("filen skal inneholde et JSON-objekt")
        data.pop("schema_version", None)
        from_dict({**data, "schema_version": SCHEMA_VERSION})   # same types and ranges as a user's file
        return data, []
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, SettingsError, TypeError) as exc:
        reason = str(exc) if isinstance(exc, SettingsError) else "filen kunne ikke leses"
        log.warning("machine-wide settings %s unusable (%s); ignored", path, type(exc).__name__)
        return {}, [N_(f"De felles innstillingene i {path} kan ikke brukes ({reason}). "
                       "HMS Desk bruker sine egne standardverdier; si fra til IT.")]


class SettingsStore:
    """Reads and writes one settings file atomically, over IT's machine-wide defaults (if any)."""

    def __init__(self, path: Path, machine_file: Path | None = None):
        self.path = Path(path)
        self.machine_file = Path(machine_file) if machine_file else None
        self.machine: dict[str, Any] = {}      # read by load()

    def defaults(self) -> Settings:
        """The built-in defaults with IT's machine-wide values on top."""
        return from_dict({**self.machine, "schema_version": SCHEMA_VERSION})

    def _read(self) -> Any:
        with self.path.open("rb") as fh:
            raw = fh.read(MAX_SETTINGS_BYTES + 1)
        if len(raw) > MAX_SETTINGS_BYTES:
            raise SettingsError("filen er altfor stor til å være en innstillingsfil")
        return json.loads(raw.decode("utf-8"))

    def load(self) -> LoadResult:
        self.machine, machine_warnings = read_machine_defaults(self.machine_file)
        result = self._load_user_file()
        result.warnings[:0] = machine_warnings
        return result

    def _load_user_file(self) -> LoadResult:
        try:
            data = self._read()
        except FileNotFoundError:
            return LoadResult(self.defaults(), [])
        except (PermissionError, IsADirectoryError) as exc:
            log.warning("settings file unreadable (%s); using defaults", type(exc).__name__)
            return LoadResult(self.defaults(), [
                N_(f"Innstillingsfilen {self.path} kan ikke leses ({exc.strerror or exc}). "
                   "Standardinnstillinger brukes; filen er ikke endret.")])
        except (OSError, UnicodeDecodeError, ValueError, RecursionError, SettingsError) as exc:
            return self._corrupt(exc)
        version = _file_version(data)
        if version is not None and version > SCHEMA_VERSION:
            log.warning("settings file is from a newer version (%s); using defaults, not touching it", version)
            return LoadResult(self.defaults(), [TOO_NEW_TEXT.format(name=self.path.name, version=version)])
        try:
            if self.machine and isinstance(data, dict):
                data = _overlay({**self.machine, "schema_version": data.get("schema_version", 1)}, data)
            return LoadResult(from_dict(data), [])
        except (SettingsError, TypeError, ValueError, KeyError, RecursionError) as exc:
            return self._corrupt(exc)

    def _corrupt(self, exc: BaseException) -> LoadResult:
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(self.path, aside)
            kept = N_(f" Den gamle filen er lagt til side som {aside.name}.")
        except OSError:
            kept = ""
        reason = str(exc) if isinstance(exc, SettingsError) else "filen kunne ikke leses"
        log.warning("settings file unusable (%s); using defaults", type(exc).__name__)
        return LoadResult(
            self.defaults(),
            [N_(f"Innstillingsfilen var ødelagt ({reason}). Standardinnstillinger brukes.{kept}")],
        )

    def newer_version_on_disk(self) -> int | None:
        """The schema version of the file on disk if it is newer than this program's, else None."""
        try:
            version = _file_version(self._read())
        except (OSError, UnicodeDecodeError, ValueError, RecursionError, SettingsError):
            return None
        return version if version is not None and version > SCHEMA_VERSION else None

    def save(self, s: Settings) -> None:
        """Validates and writes atomically.  Raises :class:`SettingsTooNew` rather than
        overwrite a newer version's file, and :class:`ProfileError` when the disk refuses."""
        validate(s)
        newer = self.newer_version_on_disk()
        if newer is not None:
            log.warning("not saving settings over a file from a newer version (%s)", newer)
            raise SettingsTooNew(TOO_NEW_TEXT.format(name=self.path.name, version=newer))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = _without(to_dict(s), self.machine)    # IT's values stay IT's
            atomic_write_text(self.path, json.dumps(data, indent=2, ensure_ascii=False))
        except OSError as exc:
            raise ProfileError(f"Kunne ikke lagre innstillingene i {self.path}: {exc.strerror or exc}") from None


def effective_db_url(s: Settings, cli_url: str | None, default_sqlite_file: Path) -> str:
    """``--db`` beats ``HMS_DESK_DB_URL`` beats the settings file beats the profile's SQLite file."""
    for candidate in (cli_url, os.environ.get(DB_URL_ENV), s.db_url):
        if candidate:
            return candidate
    return f"sqlite:///{default_sqlite_file}"
