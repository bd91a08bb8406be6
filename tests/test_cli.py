"""The command line runs the same services as the GUI, in a real subprocess."""

import json
import subprocess
import sys

import pytest


def run(*args, profile=None, check=False):
    cmd = [sys.executable, "-m", "hms_desk"]
    if profile:
        cmd += ["--profile", str(profile)]
    res = subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=300)
    if check:
        assert res.returncode == 0, res.stderr
    return res


def test_version_names_qt_opencv_sqlite():
    out = run("--version", check=True).stdout
    for word in ("HMS Desk", "Qt 6.", "OpenCV", "SQLite"):
        assert word in out


def test_lookup_json(profile_dir):
    res = run("lookup", "250464", "123456", "--json", profile=profile_dir, check=True)
    card = json.loads(res.stdout)
    assert card["hmsnr"] == "250464" and card["serial"] == "123456"
    assert card["warranty_end"] == "2027-03-01" and card["hms_unit"] == "4703"


def test_lookup_text(profile_dir):
    out = run("lookup", "250464", "123456", profile=profile_dir, check=True).stdout
    assert "Minicrosser" in out and "Oslo" in out


def test_lookup_malformed_hmsnr(profile_dir):
    res = run("lookup", "12a456", "123456", profile=profile_dir)
    assert res.returncode == 1
    assert "Hmsnr skal kun bestå av tall" in res.stderr


def test_lookup_unknown_device_json(profile_dir):
    res = run("lookup", "250464", "000001", "--json", profile=profile_dir)
    assert res.returncode == 3
    assert json.loads(res.stdout)["error"]["code"] == "INGET_UTLÅN"
    assert "Vi finner dessverre ikke et utlån" in res.stderr


def test_parts_json(profile_dir):
    res = run("parts", "250464", "--json", profile=profile_dir, check=True)
    data = json.loads(res.stdout)
    assert data["hmsnr"] == "250464" and len(data["parts"]) > 0
    assert {"hmsnr", "name", "category", "default_qty", "max_qty"} <= set(data["parts"][0])


@pytest.mark.parametrize("args", [("lookup", "250464"), ("import", "nonsense", "x.csv"), ("--nope",),
                                  ("parts",)])
def test_wrong_arguments_exit_2(args, tmp_path):
    res = run(*args, profile=tmp_path / "p")
    assert res.returncode == 2
    assert "feil:" in res.stderr


def test_import_missing_file(profile_dir, tmp_path):
    res = run("import", "register", str(tmp_path / "nope.csv"), profile=profile_dir)
    assert res.returncode == 1 and "Fant ikke filen" in res.stderr


def test_import_register_csv(profile_dir, tmp_path):
    f = tmp_path / "reg.csv"
    f.write_text("artikkelnummer,serie_nummer,utlåns_dato,opprettelsesdato,kategori3_nummer,artikkelstatus,"
                 "utlåns_type,kommunenummer\n250464,777777,2025-01-02,2025-01-01,12230301,I utlån,P,4601\n",
                 encoding="utf-8")
    res = run("import", "register", str(f), "--json", profile=profile_dir, check=True)
    assert json.loads(res.stdout)["inserted"] == 1
    card = json.loads(run("lookup", "250464", "777777", "--json", profile=profile_dir, check=True).stdout)
    assert card["municipality_number"] == "4601" and card["hms_unit"] == "4712"


def test_profile_after_the_subcommand_works_too(profile_dir):
    res = subprocess.run([sys.executable, "-m", "hms_desk", "lookup", "250464", "123456", "--json",
                          "--profile", str(profile_dir)], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0 and json.loads(res.stdout)["serial"] == "123456"


def test_corrupt_settings_file_does_not_stop_the_cli(profile_dir):
    (profile_dir / "config" / "settings.json").write_text("{{{", encoding="utf-8")
    res = run("lookup", "250464", "123456", profile=profile_dir)
    assert res.returncode == 0


def test_gui_starts_on_a_fresh_profile_and_quits(tmp_path):
    """The real app as a subprocess: first start imports the embedded defaults, shows the window."""
    import os

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    res = subprocess.run([sys.executable, "-m", "hms_desk", "--demo", "--no-err-windows", "--quit-after-show",
                          "--profile", str(tmp_path / "fresh")], capture_output=True, text=True, timeout=300, env=env)
    assert res.returncode == 0, res.stderr
    assert "HMS_DESK_INTERACTIVE" in res.stdout
    log = (tmp_path / "fresh" / "logs" / "hms_desk.log").read_text()
    assert "embedded defaults imported" in log and "Traceback" not in log
    assert (tmp_path / "fresh" / "config" / "settings.json").exists()     # layout remembered


def test_gui_with_unwritable_database_says_so(tmp_path):
    import os

    blocker = tmp_path / "file"
    blocker.write_text("x")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    res = subprocess.run([sys.executable, "-m", "hms_desk", "--no-err-windows", "--quit-after-show",
                          "--profile", str(tmp_path / "p"), "--db", f"sqlite:///{blocker}/db.sqlite3"],
                         capture_output=True, text=True, timeout=300, env=env)
    assert res.returncode == 1
    assert "Kan ikke opprette mappen for databasen" in res.stderr
