"""Packaging: resources found frozen and from source, Windows process set-up, machine-wide settings,
the smoke-test switch, and scripts/setup that starts at once when nothing needs installing."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hms_desk.platform import paths, resources, windows
from hms_desk.platform.settings import SettingsStore

ROOT = Path(__file__).resolve().parents[1]


# --- resources ------------------------------------------------------------------------------

def test_resources_from_source(monkeypatch):
    monkeypatch.delenv(resources.ENV, raising=False)
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert resources.resource() == ROOT / "resources"
    assert resources.resource("models", "centerface.onnx").is_file()


def test_resources_in_a_pyinstaller_bundle(monkeypatch, tmp_path):
    monkeypatch.delenv(resources.ENV, raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert resources.resource("fonts", "DejaVuSans.ttf") == tmp_path / "_internal" / "resources" / "fonts" / "DejaVuSans.ttf"


def test_resources_next_to_a_frozen_executable(monkeypatch, tmp_path):
    monkeypatch.delenv(resources.ENV, raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "hms-desk.exe"))
    assert resources.resource("i18n") == tmp_path / "resources" / "i18n"


def test_resources_env_wins(monkeypatch, tmp_path):
    monkeypatch.setenv(resources.ENV, str(tmp_path))
    monkeypatch.setattr(sys, "_MEIPASS", "/elsewhere", raising=False)
    assert resources.resource("demo", "astronaut.jpg") == tmp_path / "demo" / "astronaut.jpg"


def test_no_other_code_builds_a_path_to_resources():
    """resource() is the one way: no _MEIPASS, no parents[..] / "resources" elsewhere."""
    offenders = []
    for f in sorted((ROOT / "hms_desk").rglob("*.py")):
        if f.name == "resources.py" and f.parent.name == "platform":
            continue
        text = f.read_text(encoding="utf-8")
        if "_MEIPASS" in text or re.search(r"""/\s*["']resources["']""", text):
            offenders.append(str(f.relative_to(ROOT)))
    assert offenders == []


def test_nothing_turns_off_native_dialogs_style_or_high_dpi_scaling():
    """On Windows, Qt 6 scales per monitor and uses Windows' own file and print dialogs and style;
    the frozen build relies on that (it bundles the styles and printsupport plugins)."""
    forbidden = re.compile(r"DontUseNativeDialog|AA_DisableHighDpiScaling|QT_ENABLE_HIGHDPI_SCALING|"
                           r"QT_SCALE_FACTOR|\.setStyle\(\s*[\"']|QStyleFactory\.create")
    offenders = [str(f.relative_to(ROOT)) for f in sorted((ROOT / "hms_desk").rglob("*.py"))
                 if forbidden.search(f.read_text(encoding="utf-8"))]
    assert offenders == []


# --- Windows process set-up (exercised with stand-ins for kernel32/shell32) ----------------------

class FakeKernel32:
    def __init__(self, attach_ok: bool = True) -> None:
        self.attach_ok, self.calls = attach_ok, []

    def AttachConsole(self, pid):  # noqa: N802 — the Win32 name
        self.calls.append(("AttachConsole", pid))
        return self.attach_ok

    def CreateMutexW(self, attrs, owner, name):  # noqa: N802
        self.calls.append(("CreateMutexW", name))
        return 1234


def test_windowed_exe_attaches_to_the_parent_console(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    opened = []
    monkeypatch.setattr("builtins.open", lambda name, *a, **k: opened.append(name) or __import__("io").StringIO())
    k = FakeKernel32()
    assert windows.attach_parent_console(k) is True
    assert k.calls == [("AttachConsole", windows.ATTACH_PARENT_PROCESS)]
    assert opened == ["CONOUT$", "CONOUT$"] and sys.stdout is not None and sys.stderr is not None


def test_console_exe_leaves_its_streams_alone():
    k = FakeKernel32()
    assert windows.attach_parent_console(k) is False
    assert k.calls == []


def test_no_parent_console_keeps_streams_none(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert windows.attach_parent_console(FakeKernel32(attach_ok=False)) is False
    assert sys.stdout is None


def test_running_mutex_has_the_name_the_installer_looks_for(monkeypatch):
    monkeypatch.setattr(windows, "_mutex_handle", None)
    k = FakeKernel32()
    assert windows.hold_running_mutex(k)
    assert k.calls == [("CreateMutexW", "Local\\hms-desk-running")]
    nsi = (ROOT / "installer" / "hms_desk.nsi").read_text(encoding="utf-8")
    assert 'Local\\hms-desk-running' in nsi


def test_prepare_process_is_a_no_op_off_windows(monkeypatch):
    monkeypatch.setattr(windows, "attach_parent_console", lambda *a: pytest.fail("called off Windows"))
    windows.prepare_process("linux")


def test_windows_profile_is_one_folder_under_localappdata(monkeypatch, tmp_path):
    local = tmp_path / "AppData" / "Local"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(paths.platformdirs, "user_data_dir",
                        lambda app, appauthor=None, roaming=False: str(local / app))
    p = paths.Profile.default()
    assert p.config_dir == local / "hms-desk" / "config"
    assert p.captures_dir == local / "hms-desk" / "data" / "captures"
    assert p.log_dir == local / "hms-desk" / "logs"


def test_machine_settings_file_per_platform(monkeypatch, tmp_path):
    monkeypatch.delenv(paths.MACHINE_SETTINGS_ENV, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert paths.machine_settings_file() == Path("/etc/hms-desk/settings.json")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMDATA", str(tmp_path))
    assert paths.machine_settings_file() == tmp_path / "hms-desk" / "settings.json"
    monkeypatch.setenv(paths.MACHINE_SETTINGS_ENV, str(tmp_path / "x.json"))
    assert paths.machine_settings_file() == tmp_path / "x.json"


# --- machine-wide settings ----------------------------------------------------------------

def _write(path: Path, data: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_machine_defaults_lie_under_the_users_file(tmp_path):
    machine = _write(tmp_path / "etc" / "settings.json",
                     {"db_url": "postgresql+psycopg://hms@db.nav.local/hmsdesk",
                      "oebs": {"base_url": "https://oebs.nav.local/api", "timeout_s": 8}})
    user = _write(tmp_path / "user" / "settings.json", {"schema_version": 2, "oebs": {"timeout_s": 3}})
    loaded = SettingsStore(user, machine).load()
    assert loaded.warnings == []
    s = loaded.settings
    assert s.db_url == "postgresql+psycopg://hms@db.nav.local/hmsdesk"
    assert s.oebs.base_url == "https://oebs.nav.local/api"
    assert s.oebs.timeout_s == 3.0            # the user's own value wins
    assert s.retention_days == 7              # built-in default where neither says anything


def test_saving_keeps_its_values_out_of_the_users_file(tmp_path):
    machine = _write(tmp_path / "etc" / "settings.json", {"oebs": {"base_url": "https://oebs.nav.local/api"}})
    user = tmp_path / "user" / "settings.json"
    store = SettingsStore(user, machine)
    s = store.load().settings
    s.ui.language = "en"
    store.save(s)
    saved = json.loads(user.read_text(encoding="utf-8"))
    assert "base_url" not in saved.get("oebs", {})
    assert saved["ui"]["language"] == "en" and saved["schema_version"] >= 2
    # IT moves OeBS: the user who already has a settings file gets the new address
    _write(machine, {"oebs": {"base_url": "https://oebs2.nav.local/api"}})
    again = SettingsStore(user, machine).load().settings
    assert again.oebs.base_url == "https://oebs2.nav.local/api" and again.ui.language == "en"


def test_a_bad_machine_file_is_ignored_with_a_warning_and_never_moved(tmp_path):
    machine = _write(tmp_path / "etc" / "settings.json", {"retention_days": "sju"})
    loaded = SettingsStore(tmp_path / "user" / "settings.json", machine).load()
    assert loaded.settings.retention_days == 7
    assert len(loaded.warnings) == 1 and "felles innstillingene" in loaded.warnings[0]
    assert machine.exists()


def test_no_machine_file_changes_nothing(tmp_path):
    user = _write(tmp_path / "settings.json", {"schema_version": 2, "technician": "t1"})
    store = SettingsStore(user, tmp_path / "missing.json")
    s = store.load().settings
    store.save(s)
    assert json.loads(user.read_text(encoding="utf-8"))["oebs"]["base_url"] == ""


# --- the smoke-test switch (the real GUI in a subprocess, offscreen) -------------------------

def _run_gui(profile: Path, scenario: str, timeout_s: int = 180) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HMS_DESK_SMOKE=scenario,
               HMS_DESK_MACHINE_SETTINGS=str(profile / "no-machine-settings.json"))
    return subprocess.run([sys.executable, "-m", "hms_desk", "--demo", "--no-err-windows", "--profile", str(profile)],
                          env=env, capture_output=True, text=True, timeout=timeout_s)


@pytest.mark.slow
def test_smoke_switch_takes_the_first_snapshot_and_quits(profile_dir):
    res = _run_gui(profile_dir, "snapshot")
    assert res.returncode == 0, res.stderr
    lines = [line for line in res.stdout.splitlines() if line.startswith("HMS_DESK_SMOKE ")]
    assert lines[0].startswith("HMS_DESK_SMOKE window ")
    assert re.fullmatch(r"HMS_DESK_SMOKE ok snapshot=\d+ faces=\d+", lines[-1]), res.stdout
    assert "Traceback" not in res.stderr
    stored = list((profile_dir / "data" / "captures").rglob("*.*"))
    assert stored, "the snapshot is stored (encrypted) in the profile"


def test_smoke_switch_with_an_unknown_scenario_says_so_and_quits(profile_dir):
    res = _run_gui(profile_dir, "fly")
    assert "HMS_DESK_SMOKE FAIL oppsett: ukjent scenario 'fly'" in res.stdout


# --- scripts/setup: at once when the environment is up to date, and offline ---------------------

def _offline_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    # Any attempt to reach an index fails at once: nothing listens on port 9 (discard).
    env.update(PIP_INDEX_URL="http://127.0.0.1:9/simple", PIP_EXTRA_INDEX_URL="", PIP_FIND_LINKS="",
               PIP_CONFIG_FILE=os.devnull, PIP_NO_INDEX="1", PIP_RETRIES="0", PIP_TIMEOUT="1")
    return env


@pytest.mark.slow
def test_setup_twice_the_second_run_is_instant_and_offline():
    """scripts/test ran scripts/setup --test before this test; make sure, then run it offline."""
    first = subprocess.run([str(ROOT / "scripts" / "setup"), "--test"], capture_output=True, text=True, timeout=1800)
    assert first.returncode == 0, first.stdout + first.stderr
    t0 = time.monotonic()
    second = subprocess.run([str(ROOT / "scripts" / "setup"), "--test"], capture_output=True, text=True,
                            timeout=60, env=_offline_env())
    took = time.monotonic() - t0
    assert second.returncode == 0, second.stdout + second.stderr
    assert second.stdout == "" and second.stderr == ""     # nothing to do, nothing said
    assert took < 1.0, f"an up-to-date environment took {took:.2f} s"


@pytest.mark.slow
def test_setup_with_a_stale_stamp_installs_offline_when_everything_is_there():
    """pyproject.toml changed (say a comment) but every requirement is installed: no network needed."""
    stamp = ROOT / ".venv" / ".hms-desk-setup"
    saved = stamp.read_text(encoding="utf-8")
    try:
        stamp.write_text("stale\n", encoding="utf-8")
        res = subprocess.run([str(ROOT / "scripts" / "setup"), "--test"], capture_output=True, text=True,
                             timeout=600, env=_offline_env())
        assert res.returncode == 0, res.stdout + res.stderr
        assert len(res.stdout.strip().splitlines()) == 1, res.stdout     # one line says what it does
        assert stamp.read_text(encoding="utf-8").split()[0] == saved.split()[0]   # up to date again
    finally:
        stamp.write_text(saved, encoding="utf-8")
