"""The label chip under the video (issue 12): the demo call's label is read live, voted,
offered as «HMS-nr 250464 · Serienr 123456 — Slå opp (Enter)», and one key fills the
lookup and opens the device card; a region drawn on the frozen picture is read; a
privacy pause drops what is being read; a picture with nothing on it says so."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRectF, Qt

from conftest import as_blank_start_frame, picture_shown

pytestmark = [pytest.mark.slow, pytest.mark.live_labels]

DEMO = ("250464", "123456")


def _reader(window):
    reader = window.label_reader
    assert reader.running
    return reader


def _label_box_on_screen(window) -> QRectF:
    """Where the demo scene's label is in the pane: around its barcode (found by zxing-cpp
    itself, not by our reader), with the printed numbers above it; mapped through the view."""
    import zxingcpp

    pane = window.video
    codes = zxingcpp.read_barcodes(pane.current_frame().image)
    assert codes, "the demo label's barcode is not in the frozen picture"
    pos = codes[0].position
    xs = [pos.top_left.x, pos.top_right.x, pos.bottom_left.x, pos.bottom_right.x]
    ys = [pos.top_left.y, pos.top_right.y, pos.bottom_left.y, pos.bottom_right.y]
    # the label: header and the two numbers about 100 px above the bars, the digits below
    box = QRectF(min(xs) - 30.0, min(ys) - 110.0, max(xs) - min(xs) + 60.0, max(ys) - min(ys) + 150.0)
    t = pane.view_transform()
    assert t is not None
    return t.mapRect(box)


def test_demo_label_is_read_live_and_one_key_opens_the_device_card(window, qtbot):
    reader = _reader(window)
    qtbot.waitUntil(lambda: reader.state.kind == "pair", timeout=30000)
    state = reader.state
    assert (state.hmsnr, state.serienr) == DEMO
    assert state.live and state.known is True
    chip = reader.chip
    assert chip.isVisible()
    assert chip.text.text() == "HMS-nr 250464 · Serienr 123456"
    assert "Slå opp" in chip.button.text()
    # the technician has not touched anything: nothing was typed for them yet
    lp = window.lookup_panel
    assert lp.hmsnr.text() == ""
    window.video.setFocus()
    qtbot.waitUntil(lambda: reader.act_confirm_enter.isEnabled(), timeout=3000)
    with qtbot.waitSignal(lp.deviceFound, timeout=15000) as found:
        qtbot.keyClick(window, Qt.Key.Key_Return)
    card = found.args[0]
    assert (card.hmsnr, card.serial) == DEMO
    assert (lp.hmsnr.text(), lp.serial.text()) == DEMO
    assert not chip.isVisible()
    # the same label still in sight is not offered again straight after the lookup
    reads = reader.reads_started
    qtbot.waitUntil(lambda: reader.reads_started >= reads + 6, timeout=15000)
    assert reader.state.kind != "pair"


def test_enter_in_a_text_field_is_not_taken_by_the_chip(window, qtbot):
    reader = _reader(window)
    qtbot.waitUntil(lambda: reader.state.kind == "pair", timeout=30000)
    window.focus_search()
    qtbot.waitUntil(lambda: not reader.act_confirm_enter.isEnabled(), timeout=3000)
    assert "Ctrl+Enter" in reader.chip.button.text()
    lp = window.lookup_panel
    with qtbot.waitSignal(lp.deviceFound, timeout=15000):
        reader.act_confirm.trigger()                 # Ctrl+Enter: the same lookup
    assert (lp.hmsnr.text(), lp.serial.text()) == DEMO


def test_a_region_drawn_on_the_frozen_picture_is_read(window, qtbot):
    reader = _reader(window)
    pane = window.video
    qtbot.waitUntil(lambda: picture_shown(pane), timeout=15000)
    reader.act_region.trigger()
    tool = reader.region_tool
    assert pane.is_frozen and tool.active
    box = _label_box_on_screen(window)
    a, b = box.topLeft().toPoint(), box.bottomRight().toPoint()
    with qtbot.waitSignal(reader.readDone, timeout=20000) as done:
        qtbot.mousePress(tool, Qt.MouseButton.LeftButton, pos=a)
        qtbot.mouseMove(tool, (a + b) / 2)
        qtbot.mouseMove(tool, b)
        qtbot.mouseRelease(tool, Qt.MouseButton.LeftButton, pos=b)
    read = done.args[0]
    assert read.region is not None
    x, y, w, h = read.region
    frame = pane.current_frame()
    assert 0 <= x and 0 <= y and x + w <= frame.width and y + h <= frame.height
    assert w < frame.width / 2 and h < frame.height / 2          # only the marked part was read
    assert read.pair == DEMO
    state = reader.state
    assert state.kind == "pair" and not state.live and (state.hmsnr, state.serienr) == DEMO
    assert not tool.active


def test_esc_cancels_the_region_tool(window, qtbot):
    reader = _reader(window)
    qtbot.waitUntil(lambda: window.video.current_frame() is not None, timeout=15000)
    reader.act_region.trigger()
    tool = reader.region_tool
    qtbot.waitUntil(lambda: tool.hasFocus(), timeout=3000)
    with qtbot.waitSignal(tool.cancelled, timeout=3000):
        qtbot.keyClick(tool, Qt.Key.Key_Escape)
    assert not tool.active


def test_read_on_a_picture_without_a_label_says_so(window, qtbot):
    reader = _reader(window)
    pane = window.video
    qtbot.waitUntil(lambda: picture_shown(pane), timeout=15000)
    frame = pane.current_frame()
    # a region of plain background (top-left corner, where the demo scene has no label)
    with qtbot.waitSignal(reader.readDone, timeout=20000) as done:
        assert reader.read_now(region=(0, 0, min(120, frame.width // 8), min(90, frame.height // 8)))
    assert done.args[0].pair is None
    assert reader.state.kind == "message"
    assert "Fant ingen" in reader.chip.text.text()


def test_privacy_pause_hides_the_chip_and_drops_reads(window, qtbot):
    reader = _reader(window)
    qtbot.waitUntil(lambda: reader.state.kind == "pair", timeout=30000)
    window.act_privacy.trigger()
    qtbot.waitUntil(lambda: window.video.is_privacy_paused, timeout=3000)
    assert reader.state.kind == "hidden" and not reader.chip.isVisible()
    assert reader.read_now() is False
    assert "Personvernpause" in reader.chip.text.text()
    started = reader.reads_started
    with qtbot.waitSignal(reader.ticked, timeout=3000, check_params_cb=lambda why: why == "personvernpause"):
        pass
    assert reader.reads_started == started


def test_read_actions_are_in_the_video_menu_with_shortcuts(window):
    reader = _reader(window)
    texts = [a.text() for a in window.video_menu.actions()]
    assert "&Les merke" in texts and "Les merke i o&mråde …" in texts
    assert reader.act_read.shortcut().toString() == "Ctrl+R"
    assert reader.act_region.shortcut().toString() == "Ctrl+Shift+R"


def test_read_on_the_blank_start_frame_explains_why(window, qtbot, monkeypatch):
    """While the face blur starts, the picture is black with a banner: «Les merke» says so
    instead of «found nothing»."""
    reader = _reader(window)
    pane = window.video
    qtbot.waitUntil(lambda: pane.current_frame() is not None, timeout=15000)
    blank = as_blank_start_frame(pane.current_frame())
    monkeypatch.setattr(pane, "current_frame", lambda: blank)
    started = reader.reads_started
    assert reader.read_now() is False
    assert "svart" in reader.chip.text.text()
    assert reader.reads_started == started
