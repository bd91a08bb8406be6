"""Translations: source strings are Norwegian bokmål; English comes from a .qm file."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hms_desk.platform.resources import resource

log = logging.getLogger("hms_desk.ui")

_installed: list[QTranslator] = []


def qm_path(language: str) -> Path:
    return resource("i18n", f"hms_desk_{language}.qm")


def install_translations(app: QCoreApplication, language: str) -> bool:
    """Installs the app's and Qt's own translations; returns True if the app's was found."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.NorwegianBokmal if language == "nb" else QLocale.Language.English,
                               QLocale.Country.Norway))
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{'nb' if language == 'nb' else 'en'}", qt_dir):
        app.installTranslator(qt)
        _installed.append(qt)
    if language == "nb":
        return True
    tr = QTranslator(app)
    ok = tr.load(str(qm_path(language)))
    if ok:
        app.installTranslator(tr)
        _installed.append(tr)
    else:
        log.warning("no translation file for %s", language)
    return ok
