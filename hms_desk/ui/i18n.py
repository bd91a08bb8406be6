"""Translations: source strings are Norwegian bokmål; English comes from a .qm file.

One call, :func:`install_translations`, sets the language of everything the
user reads:

* the core's messages (:func:`hms_desk.domain.i18n.set_language`: errors,
  refusals, card values, video banners);
* the UI's ``tr()`` strings: ``hms_desk_en.qm`` in English; in bokmål only
  ``hms_desk_nb.qm``, which carries the singular and plural of the numerus
  strings ("1 ansikt sladdet" / "2 ansikter sladdet");
* Qt's own buttons and dialogs (OK/Avbryt, print preview, file dialog, the
  text fields' context menu): ``qtbase_nb.qm`` from ``resources/i18n`` —
  PySide6 ships no bokmål — or Qt's ``qtbase_en.qm``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hms_desk.domain.i18n import set_language
from hms_desk.platform.resources import resource

log = logging.getLogger("hms_desk.ui")

_installed: list[QTranslator] = []


def qm_path(language: str) -> Path:
    return resource("i18n", f"hms_desk_{language}.qm")


def qt_qm_path(language: str) -> Path:
    """Qt's own strings: ours for bokmål, Qt's shipped file otherwise."""
    if language == "nb":
        return resource("i18n", "qtbase_nb.qm")
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{language}.qm"


def _install(app: QCoreApplication, path: Path) -> bool:
    tr = QTranslator(app)
    if not tr.load(str(path)):
        log.warning("no translation file %s", path.name)
        return False
    app.installTranslator(tr)
    _installed.append(tr)
    return True


def install_translations(app: QCoreApplication, language: str) -> bool:
    """Installs the core's, the app's and Qt's translations; returns True if the app's was found."""
    language = set_language(language)
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal if language == "nb" else QLocale.Language.English,
                               QLocale.Country.Norway))
    _install(app, qt_qm_path(language))
    return _install(app, qm_path(language))
