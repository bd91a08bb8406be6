"""Attack: the importers (the real ``hms-desk import``), every kept column of every kind.

A hostile value in a column HMS Desk keeps — the register's ``artikkelstatus`` and
``kategori3_nummer``, product and part names, grunndata ``title``/``isoCategory``, an XLSX
``Navn`` cell — must refuse the file with the line and the column named and the value never
echoed; nothing is stored (the import is all-or-nothing) and nothing personal is left anywhere
in the profile.  Corrupt files and a full disk at commit are Norwegian messages, and the
database is still whole afterwards.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hostile import (
    BIDI,
    CONTROL,
    FNR,
    LONE_SURROGATE,
    NAME,
    assert_message,
    planted_for,
    run_cli,
    scan_tree,
    spellings,
)

pytestmark = pytest.mark.attack

SP = spellings()
REGISTER_HEADER = ("artikkelnummer,serie_nummer,utlåns_dato,opprettelsesdato,kategori3_nummer,"
                   "artikkelstatus,utlåns_type,kommunenummer,fnr,navn\n")


def counts(profile: Path) -> dict[str, int]:
    con = sqlite3.connect(profile / "data" / "hms_desk.sqlite3")
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("devices", "loans", "products", "parts", "series", "part_compatibility")}
    finally:
        con.close()


def register_file(tmp: Path, status: str = "I utlån", iso: str = "12230301") -> Path:
    rows = [f"250464,9{n:05d},2024-03-05,2024-03-01,12230301,I utlån,P,0301,{FNR},{NAME}\n" for n in range(5)]
    rows.insert(1, f'250464,977777,2024-03-05,2024-03-01,{iso},"{status}",P,0301,{FNR},{NAME}\n')
    path = tmp / "register.csv"
    path.write_text(REGISTER_HEADER + "".join(rows), encoding="utf-8")
    return path


def csv_file(tmp: Path, name: str, header: str, row: str) -> Path:
    path = tmp / name
    path.write_text(header + "\n" + row + "\n", encoding="utf-8", newline="")
    return path


def grunndata_file(tmp: Path, **source) -> Path:
    src = {"hmsArtNr": "777001", "title": "Dekk 24x1 3/8", "sparePart": True, "isoCategory": "122303",
           "supplier": {"name": "Leverandør AS"}, "supplierRef": "A-1", "id": "c-1", "seriesId": "s-1"}
    src.update(source)
    path = tmp / "grunndata.json"
    path.write_text(json.dumps({"hits": {"hits": [{"_source": dict(src, hmsArtNr="777002")},
                                                  {"_source": src}]}}), encoding="utf-8")
    return path


def xlsx_file(tmp: Path, navn, hmsnr="777003") -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Navn", "HMS art.nr.", "Lev. art.nr", "Kategori"])
    ws.append(["Dekk 24", "777004", "X-1", "Dekk"])
    ws.append([navn, hmsnr, "X-2", "Dekk"])
    path = tmp / "deler.xlsx"
    wb.save(path)
    return path


def hostile_files(tmp: Path):
    """(id, kind, file, column label shown, the hostile value) — one per kept column."""
    yield "register artikkelstatus fnr", "register", register_file(tmp, status=f"Hentet av {FNR}"), \
        "artikkelstatus", FNR
    yield "register artikkelstatus dash", "register", register_file(tmp, status=f"Hentet av {SP['dash']}"), \
        "artikkelstatus", SP["dash"]
    yield "register artikkelstatus name", "register", register_file(tmp, status=f"Hentet av {NAME}"), \
        "artikkelstatus", NAME
    yield "register kategori3_nummer fnr", "register", register_file(tmp, iso=FNR), "kategori3_nummer", FNR
    for sp in ("nbsp", "2+2+2+5", "letter O", "inside longer number", "zero-width"):
        yield f"products navn {sp}", "products", csv_file(
            tmp, "products.csv", "hmsnr,navn,serie,har_deleliste", f'777010,"Rullestol {SP[sp]}",,true'), \
            "Navn", SP[sp]
    yield "products serie", "products", csv_file(
        tmp, "products.csv", "hmsnr,navn,serie,har_deleliste", f'777011,Rullestol,"navn: {NAME}",true'), \
        "Serie", NAME
    for col, label in (("navn", "Navn"), ("lev_art_nr", "Lev. art.nr"), ("kategori", "Kategori"),
                       ("bilde", "Bilde")):
        values = {"navn": "Dekk", "lev_art_nr": "", "kategori": "", "bilde": ""}
        values[col] = SP["dd.mm.yy nnnnn"]
        row = f'777012,"{values["navn"]}","{values["lev_art_nr"]}","{values["kategori"]}","{values["bilde"]}"'
        yield f"parts {col}", "parts", csv_file(tmp, "parts.csv", "hmsnr,navn,lev_art_nr,kategori,bilde", row), \
            label, SP["dd.mm.yy nnnnn"]
    yield "xlsx Navn", "parts", xlsx_file(tmp, f"Dekk til {FNR}"), "Navn", FNR
    yield "xlsx Navn number", "parts", xlsx_file(tmp, int(FNR)), "Navn", FNR
    yield "grunndata title", "grunndata", grunndata_file(tmp, title=f"Dekk for {SP['slash']}"), "title", SP["slash"]
    yield "grunndata isoCategory", "grunndata", grunndata_file(tmp, isoCategory=FNR), "isoCategory", FNR
    yield "grunndata supplier", "grunndata", grunndata_file(tmp, supplier={"name": SP["underscore"]}), \
        "supplier.name", SP["underscore"]
    yield "grunndata seriesId", "grunndata", grunndata_file(tmp, seriesId=SP["thin space"]), "seriesId", \
        SP["thin space"]


def _cases():
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        return [c[0] for c in hostile_files(Path(d))]


@pytest.mark.parametrize("case_id", _cases())
def test_a_hostile_value_in_a_kept_column_refuses_the_file(case_id, profile_dir, tmp_path):
    case = next(c for c in hostile_files(tmp_path) if c[0] == case_id)
    _id, kind, path, label, value = case
    before = counts(profile_dir)
    res = run_cli("import", kind, path, profile=profile_dir)
    out = res.stdout + res.stderr
    assert res.returncode == 1 and "Traceback" not in out, out
    assert ("Linje" in out or "Treff" in out) and label in out, out      # where, without the value
    assert value not in out and FNR not in out and NAME not in out, out
    assert counts(profile_dir) == before                                  # all or nothing
    assert scan_tree(profile_dir, planted_for(value)) == {}


def test_json_output_of_a_refused_import_names_line_and_column_only(profile_dir, tmp_path):
    path = register_file(tmp_path, status=f"Hentet av {FNR}")
    res = run_cli("import", "register", path, "--json", profile=profile_dir)
    report = json.loads(res.stdout)
    assert res.returncode == 1 and report["errors"] and FNR not in res.stdout
    assert "artikkelstatus" in json.dumps(report, ensure_ascii=False)


@pytest.mark.parametrize("name,kind,content,expect", [
    ("nested grunndata", "grunndata", "[" * 200_000 + "]" * 200_000, "nøstet"),
    ("lone surrogate", "grunndata", None, "ugyldige tegn"),
    ("control chars", "products", f'hmsnr,navn\n777020,"{CONTROL}"\n', "kontrolltegn"),
    ("NUL in csv", "products", "hmsnr,navn\n777021,a\x00b\n", "binærdata"),
    ("bidi", "products", f'hmsnr,navn\n777022,"{BIDI}"\n', "retningstegn"),
    ("50000 chars", "parts", "hmsnr,navn\n777023," + "x" * 50_000 + "\n", "for lang"),
    ("latin-1", "products", "hmsnr,navn\n777024,Bl\xe5 stol\n".encode("latin-1"), "UTF-8"),
    ("utf-16", "products", "hmsnr,navn\n777025,stol\n".encode("utf-16"), "UTF-16"),
    ("not xlsx", "parts", b"PK\x03\x04 not really a zip", "Excel"),
    ("empty", "register", b"", "tom"),
])
def test_corrupt_files_are_messages_and_change_nothing(name, kind, content, expect, profile_dir, tmp_path):
    suffix = {"grunndata": ".json"}.get(kind, ".xlsx" if name == "not xlsx" else ".csv")
    path = tmp_path / f"file{suffix}"
    if name == "lone surrogate":
        content = '{"hits": {"hits": [{"_source": {"hmsArtNr": "777026", "title": "Dekk \\ud800", ' \
                  '"sparePart": true}}]}}'
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    before = counts(profile_dir)
    res = run_cli("import", kind, path, profile=profile_dir)
    out = res.stdout + res.stderr
    assert res.returncode == 1 and "Traceback" not in out, out
    assert expect in out, out
    assert counts(profile_dir) == before
    assert LONE_SURROGATE not in out


@pytest.mark.parametrize("kind", ["products", "register"])
def test_full_disk_at_import_commit_is_a_message_and_the_database_survives(kind, profile_dir, tmp_path):
    """A full disk (RLIMIT_FSIZE in the child: no file may grow past a few kilobytes more than the
    largest in the profile).  The products import fails at COMMIT (its pages are written to the WAL
    then), the register import in its merge; both must be messages, and the database whole."""
    path = tmp_path / "big.csv"
    if kind == "products":
        rows = "".join(f"{n:06d},Rullestol modell {n} med en lang beskrivelse som fyller sider,,true\n"
                       for n in range(600_000, 604_000))
        path.write_text("hmsnr,navn,serie,har_deleliste\n" + rows, encoding="utf-8")
    else:
        rows = "".join(f"250464,{n:06d},2024-03-05,2024-03-01,12230301,I utlån,P,0301,x,y\n"
                       for n in range(200_000, 230_000))
        path.write_text(REGISTER_HEADER + rows, encoding="utf-8")
    db = profile_dir / "data" / "hms_desk.sqlite3"
    before = counts(profile_dir)
    largest = max(p.stat().st_size for p in profile_dir.rglob("*") if p.is_file())
    res = run_cli("import", kind, path, profile=profile_dir, fsize=largest + 64 * 1024)
    err = assert_message(res, codes=(1,))
    assert "Disken er full" in err or "disken kan være full" in err, err
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert counts(profile_dir) == before                 # nothing half-imported, nothing lost
    ok = run_cli("lookup", "250464", "123456", "--json", profile=profile_dir)
    assert ok.returncode == 0, ok.stderr
