"""Route Qt's own messages (qDebug/qWarning/…) into Python logging."""

from __future__ import annotations

import logging

from PySide6.QtCore import QtMsgType, qInstallMessageHandler

log = logging.getLogger("hms_desk.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _handler(msg_type, context, message) -> None:
    where = f" ({context.category})" if context is not None and context.category else ""
    log.log(_LEVELS.get(msg_type, logging.WARNING), "%s%s", message, where)


def install() -> None:
    qInstallMessageHandler(_handler)


def uninstall() -> None:
    qInstallMessageHandler(None)
