"""Attack: the command line and what it stands on (storage, profile, settings, secrets).

Every hostile argument, broken file and hostile disk is a Norwegian message with an exit code —
never a traceback — nothing personal is stored, and nothing that was there is lost.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from hostile import (
    BIDI,
    CONTROL,
    FNR,
    LONG,
    MARKUP,
    NAME,
    NUL,
    assert_message,
    make_read_only,
    make_writable,
    planted_for,
    run_cli,
    scan_tree,
    read_only_possible,
    spellings,
)

pytestmark = pytest.mark.attack

SP = spellings()
DEMO = ("250464", "123456")
ORDER = ["order", "create", "--hmsnr", DEMO[0], "--serienr", DEMO[1], "--line", "263765:1"]


def orders(profile: Path) -> int:
    con = sqlite3.connect(profile / "data" / "hms_desk.sqlite3")
    try:
        return con.execute("SELECT count(*) FROM parts_orders").fetchone()[0]
    finally:
        con.close()


def a_made_order(profile: Path) -> str:
    res = run_cli(*ORDER, "--orderer", "T200002", "--json", profile=profile)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)["bestillingsnummer"]


# --- who acts: --orderer and --by --------------------------------------------------

IDENT_ATTACKS = [FNR, SP["dash"], NAME, SP["nbsp"], SP["letter O"], SP["2+2+2+5"], "kari nordmann",
                 f"T1{NUL}", f"\u202eKN", "K" * 50_000, "<b>KN</b>"]


@pytest.mark.parametrize("value", IDENT_ATTACKS, ids=range(len(IDENT_ATTACKS)))
def test_orderer_must_be_an_ident(value, profile_dir):
    before = orders(profile_dir)
    res = run_cli(*ORDER, "--orderer", value.replace("\x00", "\\0") if "\x00" in value else value,
                  profile=profile_dir)
    err = assert_message(res, codes=(1,))
    assert FNR not in err and NAME not in err and value not in err
    assert orders(profile_dir) == before
    assert scan_tree(profile_dir, planted_for(value)) == {}


@pytest.mark.parametrize("value", [FNR, SP["dash"], NAME, SP["thin space"]], ids=range(4))
def test_status_by_must_be_an_ident(value, profile_dir):
    number = a_made_order(profile_dir)
    res = run_cli("order", "status", number, "REGISTRERT", "--by", value, profile=profile_dir)
    assert_message(res, codes=(1,))
    shown = run_cli("order", "show", number, "--json", profile=profile_dir)
    assert json.loads(shown.stdout)["status"] == "INNSENDT"
    assert scan_tree(profile_dir, planted_for(value)) == {}
    ok = run_cli("order", "status", number, "REGISTRERT", "--by", "KN", profile=profile_dir)
    assert ok.returncode == 0, ok.stderr


# --- free text on the command line ---------------------------------------------------

FREE_TEXT_ATTACKS = {**{k: SP[k] for k in ("plain", "dash", "nbsp", "zero-width", "soft hyphen", "underscore",
                                           "slash", "letter O", "inside longer number", "3 groups")},
                     "name label": f"navn: {NAME}", "50000 chars": LONG, "control": CONTROL, "bidi": BIDI}


@pytest.mark.parametrize("name", sorted(FREE_TEXT_ATTACKS))
def test_unknown_part_description_is_guarded(name, profile_dir):
    text = FREE_TEXT_ATTACKS[name]
    before = orders(profile_dir)
    res = run_cli("order", "create", "--hmsnr", DEMO[0], "--serienr", DEMO[1], "--orderer", "T200002",
                  "--unknown", f"1503-1003:1:{text}", profile=profile_dir)
    err = assert_message(res, codes=(1,))
    assert FNR not in err and text not in err and len(err) < 2000
    assert orders(profile_dir) == before
    assert scan_tree(profile_dir, planted_for(text)) == {}


def test_markup_in_a_description_is_text(profile_dir, tmp_path):
    res = run_cli("order", "create", "--hmsnr", DEMO[0], "--serienr", DEMO[1], "--orderer", "T200002",
                  "--unknown", f"1503-1003:1:Bremsewire {MARKUP}"[:200], "--json", profile=profile_dir)
    assert res.returncode == 0, res.stderr
    number = json.loads(res.stdout)["bestillingsnummer"]
    out = tmp_path / "o.pdf"
    pdf = run_cli("order", "export", number, "--format", "pdf", "--out", out, profile=profile_dir)
    if pdf.returncode:                                      # a message and no half-written file …
        assert_message(pdf, codes=(1,))
        assert not out.exists()
    else:                                                   # … or the PDF
        assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("args", [["search", SP["2+2+2+5"]], ["search", "bruker", FNR], ["order", "show", FNR],
                                  ["lookup", FNR[:6], FNR[6:]]])
def test_other_arguments_never_take_or_echo_a_national_id(args, profile_dir):
    res = run_cli(*args, profile=profile_dir)
    err = assert_message(res, codes=(1, 2, 3))
    assert FNR not in err + res.stdout
    assert scan_tree(profile_dir, planted_for(*args)) == {}


@pytest.mark.parametrize("raw", [b"\xff\xfe", b"T2\xc3", b"abc\xed\xa0\x80"])
def test_invalid_utf8_in_arguments(raw, profile_dir):
    res = run_cli(*ORDER, "--orderer", raw, profile=profile_dir)
    assert_message(res, codes=(2,), contains="UTF-8")
    res = run_cli("search", raw, profile=profile_dir)
    assert_message(res, codes=(2,), contains="UTF-8")


# --- storage -----------------------------------------------------------------------------

def test_a_database_file_that_is_not_sqlite(tmp_path):
    bad = tmp_path / "bilde.sqlite3"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4096))
    res = run_cli("--db", f"sqlite:///{bad}", "lookup", *DEMO, profile=tmp_path / "p")
    assert_message(res, contains="ikke en SQLite-database")


def test_a_head_revision_with_a_table_missing(profile_dir):
    con = sqlite3.connect(profile_dir / "data" / "hms_desk.sqlite3")
    con.execute("DROP TABLE order_status_history")
    con.commit()
    con.close()
    res = run_cli(*ORDER, "--orderer", "T200002", profile=profile_dir)
    assert_message(res, contains="order_status_history")


def test_a_write_waiting_for_the_lock_says_so_and_gives_up_with_a_message(profile_dir):
    """A register import (here: any writer) holds the write lock; the order waits, says so, gives up."""
    holder = sqlite3.connect(profile_dir / "data" / "hms_desk.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        res = run_cli(*ORDER, "--orderer", "T200002", profile=profile_dir,
                      env={"HMS_DESK_DB_BUSY_TIMEOUT_S": "2"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = assert_message(res, codes=(1,))
    assert "venter på databasen" in err and "opptatt" in err, err
    assert run_cli(*ORDER, "--orderer", "T200002", profile=profile_dir).returncode == 0


def test_a_real_register_import_and_an_order_at_the_same_time(profile_dir, tmp_path):
    """The import holds the write lock for its merge; the order waits and then goes through."""
    import subprocess
    import sys

    path = tmp_path / "reg.csv"
    rows = "".join(f"250464,{n:06d},2024-03-05,2024-03-01,12230301,I utlån,P,0301\n" for n in range(300_000, 500_000))
    path.write_text("artikkelnummer,serie_nummer,utlåns_dato,opprettelsesdato,kategori3_nummer,artikkelstatus,"
                    "utlåns_type,kommunenummer\n" + rows, encoding="utf-8")
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    imp = subprocess.Popen([sys.executable, "-m", "hms_desk", "--profile", str(profile_dir), "import", "register",
                            str(path)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        res = run_cli(*ORDER, "--orderer", "T200002", profile=profile_dir)
    finally:
        out, err = imp.communicate(timeout=300)
    assert imp.returncode == 0, err
    assert res.returncode == 0 or ("opptatt" in res.stderr and "Traceback" not in res.stderr), res.stderr


# --- the profile ----------------------------------------------------------------------------

@pytest.mark.skipif(not read_only_possible(), reason="needs setpriv to make folders read-only for root")
@pytest.mark.parametrize("what", ["profile", "logs", "data", "exports"])
def test_a_read_only_profile_or_folder_is_a_message(what, profile_dir, tmp_path):
    target = {"profile": profile_dir, "logs": profile_dir / "logs", "data": profile_dir / "data",
              "exports": profile_dir / "data" / "exports"}[what]
    number = a_made_order(profile_dir) if what == "exports" else None
    before = orders(profile_dir)
    make_read_only(target)
    try:
        if what == "exports":
            res = run_cli("order", "export", number, "--format", "json", "--out", target / "x.json",
                          profile=profile_dir, honour_modes=True)
        else:
            res = run_cli(*ORDER, "--orderer", "T200002", profile=profile_dir, honour_modes=True)
    finally:
        make_writable(target)
    err = assert_message(res, codes=(1,))
    assert any(w in err for w in ("skrivebeskyttet", "skrivetilgang", "Kunne ikke", "Kan ikke")), err
    assert orders(profile_dir) == before
    assert not list(target.rglob("*.tmp"))                       # nothing half-written left behind


def test_deeply_nested_settings_are_set_aside_with_a_warning(profile_dir):
    settings = profile_dir / "config" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('{"ui": ' + "[" * 100_000 + "]" * 100_000 + "}")
    res = run_cli("lookup", *DEMO, profile=profile_dir)
    assert res.returncode == 0, res.stderr
    assert "Innstillingsfilen var ødelagt" in res.stderr and "Traceback" not in res.stderr


def test_a_settings_file_from_a_newer_version_is_neither_renamed_nor_overwritten(profile_dir):
    settings = profile_dir / "config" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    newer = json.dumps({"schema_version": 99, "technician": "Z991234", "future": {"x": 1}})
    settings.write_text(newer)
    res = run_cli("lookup", *DEMO, profile=profile_dir)
    assert res.returncode == 0, res.stderr
    assert "nyere versjon" in res.stderr                                  # the CLI warns like the GUI
    assert settings.read_text() == newer                                  # not renamed "corrupt"
    assert not list(settings.parent.glob("settings.json.corrupt-*"))

    from hms_desk.domain.errors import HmsError
    from hms_desk.platform.settings import SettingsStore

    store = SettingsStore(settings)
    loaded = store.load()
    with pytest.raises(HmsError, match="nyere versjon"):                   # what the GUI does at exit
        store.save(loaded.settings)
    assert settings.read_text() == newer


def test_a_half_written_secrets_file_stops_the_start_and_never_makes_a_new_key(profile_dir):
    """The capture key and the OeBS token are in secrets.json; a crash left half of it."""
    secrets = profile_dir / "config" / "secrets.json"
    secrets.parent.mkdir(parents=True, exist_ok=True)
    whole = json.dumps({"capture-key-v1": "q" * 43 + "=", "oebs-token": "t0k3n"})
    half = whole[: len(whole) // 2]
    secrets.write_text(half)
    (profile_dir / "data" / "captures").mkdir(parents=True, exist_ok=True)
    (profile_dir / "data" / "captures" / "0123abcd.hmscap").write_bytes(b"HMSCAP1\0" + os.urandom(64))
    res = run_cli("lookup", *DEMO, profile=profile_dir)
    assert_message(res, codes=(1,), contains="Hemmelighetsfilen")
    assert secrets.read_text() == half                                    # untouched, nothing regenerated
    secrets.write_text(whole)                                             # restored from backup: works again
    assert run_cli("lookup", *DEMO, profile=profile_dir).returncode == 0


# --- the last line: any other failure -------------------------------------------------------

def test_an_unexpected_error_is_a_message_with_the_crash_log(profile_dir):
    code = ("import sys\n"
            "import hms_desk.cli.lookup_cmd as m\n"
            "def boom(args):\n"
            f"    raise RuntimeError('internal state for {FNR}')\n"
            "m.cmd_lookup = boom\n"
            "from hms_desk.cli import _parser\n"
            "from hms_desk import cli\n"
            "sys.exit(cli.main(sys.argv[1:]))\n")
    res = run_cli("--profile", profile_dir, "lookup", *DEMO, code=code)
    err = assert_message(res, codes=(1,), contains="uventet feil")
    assert FNR not in err
    logs = list((profile_dir / "logs" / "crashes").glob("exception-*.txt"))
    assert logs and str(logs[0]) in err
    text = logs[0].read_text()
    assert "RuntimeError" in text and FNR not in text
