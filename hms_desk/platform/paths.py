"""Where HMS Desk keeps its files.

A *profile* is one directory tree holding settings, the default database,
captures, logs and backups.  Without ``--profile`` the platform's own
directories are used (``platformdirs``); with it, everything lives under the
given directory so tests and demos never touch the user's real profile.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from hms_desk import APP_ID
from hms_desk.domain.errors import ProfileError


@dataclass(frozen=True)
class Profile:
    config_dir: Path
    data_dir: Path
    log_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def default_db_file(self) -> Path:
        return self.data_dir / "hms_desk.sqlite3"

    @property
    def captures_dir(self) -> Path:
        return self.data_dir / "captures"

    @property
    def exports_dir(self) -> Path:
        return self.data_dir / "exports"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def crash_dir(self) -> Path:
        return self.log_dir / "crashes"

    def ensure(self) -> "Profile":
        """Creates the profile's folders; one that cannot be made is a :class:`ProfileError`."""
        for d in (self.config_dir, self.data_dir, self.log_dir, self.captures_dir,
                  self.exports_dir, self.backups_dir, self.crash_dir):
            try:
                d.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ProfileError(
                    f"Kan ikke opprette mappen {d} i profilen ({exc.strerror or exc}). Gi brukeren "
                    "skrivetilgang, eller start med en annen profil (--profile MAPPE).") from None
        return self

    @classmethod
    def at(cls, root: str | os.PathLike[str]) -> "Profile":
        root = Path(root).expanduser().resolve()
        return cls(config_dir=root / "config", data_dir=root / "data", log_dir=root / "logs")

    @classmethod
    def default(cls) -> "Profile":
        return cls(
            config_dir=Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
            data_dir=Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
        )


def resources_dir() -> Path:
    """The shipped ``resources/`` folder (catalogue, models, fonts, translations).

    Order: ``HMS_DESK_RESOURCES`` env var, a PyInstaller bundle, the source tree.
    """
    env = os.environ.get("HMS_DESK_RESOURCES")
    if env:
        return Path(env)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
