"""The one way HMS Desk finds what it ships in ``resources/``.

``resource("models", "centerface.onnx")`` is a path inside the shipped
``resources/`` folder (catalogue, models, fonts, translations, demo picture);
``resource()`` is the folder itself.  It works the same from a source
checkout, an installed wheel run from the checkout, and a frozen build:

1. ``HMS_DESK_RESOURCES`` (a folder) wins — for tests and unusual layouts;
2. a frozen build: PyInstaller's bundle folder (``sys._MEIPASS``, the
   ``_internal`` folder of a one-folder build), else ``resources/`` next to
   the executable (other freezers put data there);
3. from source: ``resources/`` at the top of the checkout.

Nothing else in the code may build a path to ``resources/`` (a test checks).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV = "HMS_DESK_RESOURCES"
_SOURCE_ROOT = Path(__file__).resolve().parents[2]


def resource(*parts: str) -> Path:
    """``resources/<parts…>``, found frozen or from source (see the module docstring)."""
    env = os.environ.get(ENV)
    if env:
        base = Path(env)
    elif getattr(sys, "frozen", False):
        bundle = getattr(sys, "_MEIPASS", None)
        base = Path(bundle) / "resources" if bundle else Path(sys.executable).resolve().parent / "resources"
    else:
        base = _SOURCE_ROOT / "resources"
    return base.joinpath(*parts)
