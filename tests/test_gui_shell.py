"""Main-window shell: translations, keyboard, layout memory, status bar."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hms_desk.platform.resources import resource
from hms_desk.ui.application import build_window
from hms_desk.ui.i18n import install_translations

ROOT = Path(__file__).resolve().parents[1]




def test_every_ui_string_is_translated_to_english(tmp_path):
    ts = tmp_path / "fresh.ts"
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(exe), *map(str, sorted((ROOT / "hms_desk" / "ui").glob("*.py"))), "-ts", str(ts)],
                   check=True, capture_output=True)
    fresh = {m.find("source").text for m in ET.parse(ts).iter("message")}
    shipped = {m.find("source").text: m.find("translation") for m in
               ET.parse(resource("i18n", "hms_desk_en.ts")).iter("message")}
    def translated(t) -> bool:
        forms = [f.text for f in t.iter("numerusform")] or [t.text]
        return all((f or "").strip() for f in forms) and t.get("type") != "unfinished"
    missing = sorted(s for s in fresh if s not in shipped or not translated(shipped[s]))
    assert missing == [], "run scripts/update-translations"
    assert resource("i18n", "hms_desk_en.qm").stat().st_size > 1000


def test_english_ui(gui_core, qtbot):
    app = QApplication.instance()
    assert install_translations(app, "en")
    try:
        win = build_window(gui_core)
        qtbot.addWidget(win)
        menus = [a.text() for a in win.menuBar().actions()]
        assert "&File" in menus and "&Help" in menus
        assert win.lookup_panel.button.text() == "&Look up"
        win.video.shutdown()
    finally:
        install_translations(app, "nb")


def test_norwegian_is_the_default(window):
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:2] == ["&Fil", "&Video"]


def test_privacy_pause_by_keyboard(window, qtbot):
    with qtbot.waitSignal(window.video.privacyChanged, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.video.is_privacy_paused
    assert window.privacy_label.text().startswith("PERSONVERNPAUSE")
    assert not window.act_snapshot.isEnabled()
    with qtbot.waitSignal(window.video.privacyChanged, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert not window.video.is_privacy_paused and window.privacy_label.text() == "Kamera på"


def test_lookup_shortcut_focuses_hmsnr(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.lookup_panel.hmsnr.hasFocus(), timeout=3000)


def test_status_bar_shows_video_state(window, qtbot):
    qtbot.waitUntil(lambda: window.video.current_frame() is not None, timeout=15000)
    assert window.conn_label.text().startswith("Video:")


def test_window_layout_is_remembered(gui_core, qtbot):
    win = build_window(gui_core)
    qtbot.addWidget(win)
    win.show()
    win.work_dock.hide()
    geometry, state = win.layout_state()
    win.video.shutdown()
    win2 = build_window(gui_core)
    qtbot.addWidget(win2)
    win2.restore_layout(geometry, state)
    win2.show()
    assert win2.work_dock.isHidden()
    win2.video.shutdown()


def test_worker_thread_exception_reaches_the_crash_handler_on_the_gui_thread(qtbot, tmp_path, monkeypatch):
    import threading

    from hms_desk.platform import crash
    from hms_desk.ui.crash_dialog import CrashDialog, CrashSignal

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    handler = CrashSignal(tmp_path, show_windows=False)
    crash.install_excepthooks(handler.report)
    with qtbot.waitSignal(handler.crashed, timeout=5000):
        t = threading.Thread(target=lambda: {}["missing key 24014512345"])
        t.start()
        t.join()
    qtbot.waitUntil(lambda: handler.last_report is not None, timeout=5000)
    text = handler.last_report.read_text()
    assert "KeyError" in text and "24014512345" not in text
    dialog = CrashDialog(text, handler.last_report)
    qtbot.addWidget(dialog)
    assert "KeyError" in dialog.details.toPlainText()
