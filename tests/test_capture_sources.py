"""Qt capture sources and the source picker.

Window and screen capture run against a real X server: the tests use $DISPLAY
if set, else start Xvfb (Debian package ``xvfb``) on a free display.  The
capture itself runs in a child process on the xcb platform (this process is
offscreen); the captured window belongs to yet another process, as the video
meeting would.  Xvfb has no window manager, so the fixture publishes the window
in ``_NET_CLIENT_LIST`` with ``xprop`` (package ``x11-utils``) as a window
manager does; Qt lists capturable X11 windows from that property.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from hms_desk.ui import capture_sources
from hms_desk.ui.capture_sources import QtCaptureSource, install, list_cameras
from hms_desk.ui.source_picker import SourcePickerDialog
from hms_desk.video.sources import CaptureSpec, SourceError, parse_capture_spec, source_from_spec

CHILD = Path(__file__).with_name("capture_child.py")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is needed (Debian package xvfb; scripts/setup --test installs it)"
    r, w = os.pipe()
    proc = subprocess.Popen([xvfb, "-displayfd", str(w), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                            pass_fds=(w,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(w)
    with os.fdopen(r) as f:
        number = f.readline().strip()
    assert number.isdigit(), "Xvfb did not start"
    try:
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(10)


def _env(display: str) -> dict[str, str]:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", XDG_SESSION_TYPE="x11",
               QT_LOGGING_RULES="qt.multimedia.*=false;qt.qpa.*=false")
    env.pop("WAYLAND_DISPLAY", None)
    return env


@pytest.fixture
def pattern_window(x_display: str) -> Iterator[subprocess.Popen]:
    env = _env(x_display)
    proc = subprocess.Popen([sys.executable, str(CHILD), "pattern", "HMS monster"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    try:
        wid = proc.stdout.readline().strip()  # type: ignore[union-attr]
        assert wid.isdigit(), "the pattern window did not start"
        xprop = shutil.which("xprop")
        assert xprop, "xprop is needed (Debian package x11-utils)"
        subprocess.run([xprop, "-root", "-f", "_NET_CLIENT_LIST", "32c", "-set", "_NET_CLIENT_LIST", wid],
                       env=env, check=True, timeout=10)
        yield proc
    finally:
        proc.kill()
        proc.wait(10)
        proc.stdout.close()  # type: ignore[union-attr]


def _capture(display: str, spec: str, victim: int | None = None) -> dict:
    cmd = [sys.executable, str(CHILD), "capture", spec] + ([str(victim)] if victim else [])
    done = subprocess.run(cmd, env=_env(display), capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _is(px: list[int], bgr: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 30 for a, b in zip(px, bgr, strict=True))


def test_window_capture_of_another_applications_window(x_display: str, pattern_window) -> None:
    out = _capture(x_display, "window:HMS monster", pattern_window.pid)
    assert out["platform"] == "xcb"
    assert "HMS monster" in out["windows"]
    assert not out.get("timeout"), out
    first = out["first"]
    assert first["size"] == [320, 240]
    assert _is(first["left"], (0, 0, 255))  # red half (BGR)
    assert _is(first["right"], (255, 0, 0))  # blue half
    assert _is(first["centre"], (0, 255, 0))  # green square
    # the window is closed (its process killed): the pane reports it and tries again
    states = [s for s, _ in out["states"]]
    assert states[:2] == ["starter", "kjører"]
    assert "tilkobler på nytt" in states[2:]


def test_screen_region_capture(x_display: str, pattern_window) -> None:
    out = _capture(x_display, "screen::40,60,320,240")
    assert not out.get("timeout"), out
    first = out["first"]
    assert first["size"] == [320, 240]
    assert _is(first["left"], (0, 0, 255)) and _is(first["right"], (255, 0, 0))
    assert _is(first["centre"], (0, 255, 0))


def test_a_missing_window_is_a_norwegian_error(x_display: str) -> None:
    out = _capture(x_display, "window:Finnes ikke 123")
    assert out["states"][-1][0] == "feil"
    assert "Fant ikke vinduet" in out["states"][-1][1]


# -- specs and the picker (offscreen) --------------------------------------------------


def test_capture_specs_round_trip() -> None:
    for text in ("camera:/dev/video0@1280x720@30", "camera:", "window:Teams – møte", "screen:HDMI-1:0,0,800,600",
                 "screen:"):
        assert parse_capture_spec(text).text() == text
    assert parse_capture_spec("camera:/dev/video2@640x480") == CaptureSpec("camera", "/dev/video2", (640, 480))
    for bad, msg in (("camera:x@0x0", "oppløsning"), ("screen::0,0,4,4", "for lite"), ("window:", "mangler")):
        with pytest.raises(SourceError, match=msg):
            parse_capture_spec(bad)


def test_installed_kinds_make_qt_sources(qtbot) -> None:
    install()
    src = source_from_spec("window:Noe")
    assert isinstance(src, QtCaptureSource) and src.live and src.spec.kind == "window"


def test_no_camera_the_picker_says_so_and_the_rest_works(qtbot, monkeypatch) -> None:
    assert list_cameras() == []  # this machine has no camera
    dialog = SourcePickerDialog("camera:/dev/video0@1280x720@30")
    qtbot.addWidget(dialog)
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert "Fant ingen kamera" in dialog.camera_note.text()
    assert any("Fant ingen kamera" in t for t in texts)
    assert dialog.spec() == "demo"  # the remembered camera is gone: the demo is offered
    # a remembered camera that is not there gives a clear error state, not a crash
    install()
    src = source_from_spec("camera:/dev/video0")
    with pytest.raises(SourceError, match="Fant ingen kamera"):
        src.open()


def test_garbage_url_keeps_the_text(qtbot) -> None:
    dialog = SourcePickerDialog("demo")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.url, "htp:/ikke en adresse")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.selected_spec is None
    assert "er ikke en rtsp-" in dialog.error.text()
    assert dialog.url.text() == "htp:/ikke en adresse"
    dialog.url.clear()
    qtbot.keyClicks(dialog.url, "http://10.0.0.5:8080/video.mjpg")
    dialog.accept()
    assert dialog.selected_spec == "url:http://10.0.0.5:8080/video.mjpg"


def test_file_and_screen_region_choices(qtbot, monkeypatch, tmp_path: Path) -> None:
    video = tmp_path / "opptak.mp4"
    monkeypatch.setattr(SourcePickerDialog, "ask_for_file", classmethod(lambda cls, parent: str(video)))
    dialog = SourcePickerDialog("demo")
    qtbot.addWidget(dialog)
    dialog.file_button.click()
    assert dialog.spec() == f"file:{video}"
    dialog._select_kind("screen")
    dialog.region.setText("0,0,abc")
    dialog.accept()
    assert "x,y,bredde,høyde" in dialog.error.text() and dialog.region.text() == "0,0,abc"
    dialog.region.setText("10,20,640,360")
    dialog.accept()
    assert dialog.selected_spec is not None and dialog.selected_spec.endswith(":10,20,640,360")
    assert capture_sources.list_screens()  # the offscreen platform has one screen
