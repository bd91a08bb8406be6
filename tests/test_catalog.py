"""Catalogue, register and municipality import; the synthetic register."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import logging
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from hms_desk.catalog import (
    ImportFileError,
    generate_demo_register,
    generate_register_csv,
    import_bundled_catalog,
    import_grunndata,
    import_municipalities,
    import_parts,
    import_product_parts,
    import_products,
    import_register,
)
from hms_desk.catalog.register import REGISTER_COLUMNS
from hms_desk.catalog.register_gen import catalogue_products, product_iso
from hms_desk.domain.errors import HmsError
from hms_desk.domain.nav import HMS_UNITS
from hms_desk.platform.resources import resource
from hms_desk.storage.models import Device, Loan, Municipality, Part, PartCompatibility, Product, Series

CATALOG = resource("catalog")
GRUNNDATA = sorted((CATALOG / "grunndata").glob("*.json"))
TABLES = ["series", "products", "parts", "part_compatibility", "product_parts",
          "municipalities", "devices", "loans"]


def count(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def snapshot(db) -> dict[str, tuple[int, str]]:
    """Row count and a checksum of every catalogue/register table."""
    out = {}
    with db.engine.connect() as conn:
        for t in TABLES:
            rows = conn.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2")).all()
            out[t] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
    return out


def write_csv(path: Path, header: list[str], rows: list[list[str]], *, delimiter: str = ",",
              encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh, delimiter=delimiter, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
    return path


def register_row(hmsnr="250464", serial="000001", loan="2023-05-02", created="2023-04-20",
                 iso="122303", status="I utlån", ltype="P", muni="0301") -> list[str]:
    return [hmsnr, serial, loan, created, iso, status, ltype, muni]


def valid_fnr() -> str:
    """A syntactically valid (checksum-correct) Norwegian national identity number."""
    w1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
    w2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
    for individual in range(100, 999):
        digits = [int(c) for c in f"150372{individual:03d}"]
        k1 = 11 - sum(a * b for a, b in zip(w1, digits)) % 11
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            continue
        digits.append(k1)
        k2 = 11 - sum(a * b for a, b in zip(w2, digits)) % 11
        k2 = 0 if k2 == 11 else k2
        if k2 == 10:
            continue
        return "".join(map(str, digits + [k2]))
    raise AssertionError("no valid fnr")


# --- catalogue kinds -------------------------------------------------------

def test_products_import_counts_and_is_idempotent(db):
    r = import_products(db, [CATALOG / "products.csv"])
    assert r.ok and (r.rows_read, r.inserted, r.updated, r.errors) == (598, 598, 0, [])
    assert count(db, Product) == 598
    with db.session() as s:
        assert {x.id for x in s.scalars(select(Series))} == {"Cross", "Netti"}
        p = s.get(Product, "097765")   # leading zero kept
        assert p is not None and p.name == "Azalea" and p.has_parts_list and p.series_id is None
    r2 = import_products(db, [CATALOG / "products.csv"])
    assert (r2.inserted, r2.updated) == (0, 598)
    assert count(db, Product) == 598


def test_parts_csv_and_xlsx(db):
    r = import_parts(db, [CATALOG / "parts.csv"])
    assert r.ok and (r.rows_read, r.inserted) == (173, 173)
    with db.session() as s:
        battery = s.get(Part, "022005")
        assert battery.category == "Batteri" and battery.default_qty == 2 and battery.max_qty == 2
        tyre = s.get(Part, "150817")
        assert tyre.supplier_ref == "1000038" and tyre.image == "150817.jpg"
    x = import_parts(db, [CATALOG / "deler.xlsx"])
    assert x.ok and x.rows_read == 123 and x.inserted + x.updated == 123
    assert any("Cross 5XL og 6" in w for w in x.warnings)
    with db.session() as s:
        # text cell with a leading zero, and an integer cell padded back to 6 digits
        assert s.get(Part, "004392").name == "Armlene lang høyre"
        assert s.get(Part, "140928").supplier_ref == "80768"
    again = import_parts(db, [CATALOG / "deler.xlsx"])
    assert (again.inserted, again.updated) == (0, 123)


def test_messy_parts_rows_are_reported_with_line_numbers(db, tmp_path):
    import_parts(db, [CATALOG / "parts.csv"])
    before = snapshot(db)
    header = ["hmsnr", "navn", "lev_art_nr", "kategori", "default_antall", "maks_antall",
              "er_reservedel", "er_tilbehor", "bilde"]
    bad = write_csv(tmp_path / "parts.csv", header, [
        ["999001", "Hjul foran", "", "Hjul", "2", "2", "true", "false", ""],
        ["12345", "Kort nummer", "", "Annet", "1", "1", "true", "false", ""],       # line 3
        ["999002", "For få felt"],                                                 # line 4
        ["999003", "Maks under standard", "", "Dekk", "2", "1", "true", "false", ""],  # line 5
        ["99A004", "Bokstav", "", "Annet", "1", "1", "true", "false", ""],           # line 6
        ["999005", "", "", "Annet", "1", "1", "true", "false", ""],                  # line 7
        ["999006", "Antall tekst", "", "Annet", "to", "2", "kanskje", "false", ""],  # line 8
    ])
    r = import_parts(db, [bad])
    assert not r.ok and r.inserted == 0
    texts = [e.text for e in r.errors]
    assert texts[0] == "Linje 3: Hmsnr må ha 6 siffer"
    assert [e.line for e in r.errors] == [3, 4, 5, 6, 7, 8]
    assert "Feil antall felt" in texts[1]
    assert "Maks. antall kan ikke være mindre" in texts[2]
    assert texts[3] == "Linje 6: Hmsnr skal kun bestå av tall"
    assert texts[4] == "Linje 7: Navn mangler"
    assert all(e.file == "parts.csv" for e in r.errors)
    assert snapshot(db) == before
    with db.session() as s:
        assert s.get(Part, "999001") is None


def test_product_parts_need_known_parts(db, tmp_path):
    import_parts(db, [CATALOG / "parts.csv"])
    r = import_product_parts(db, [CATALOG / "product_parts.csv"])
    assert r.ok and (r.rows_read, r.inserted) == (3577, 3577)
    before = snapshot(db)
    bad = write_csv(tmp_path / "pp.csv", ["product_hmsnr", "part_hmsnr"],
                    [["097765", "168802"], ["097765", "000000"], ["0977", "168802"]])
    r2 = import_product_parts(db, [bad])
    assert not r2.ok
    assert {(e.line, e.reason_nb) for e in r2.errors} == {
        (4, "Produktets hmsnr må ha 6 siffer"), (3, "Delen 000000 finnes ikke i delekatalogen")}
    assert snapshot(db) == before


def test_grunndata_products_parts_and_compatibility(db):
    import_products(db, [CATALOG / "products.csv"])
    import_parts(db, [CATALOG / "parts.csv"])
    r = import_grunndata(db, GRUNNDATA)
    assert r.ok and r.rows_read == 67 and r.errors == []
    with db.session() as s:
        demo = s.get(Product, "250464")
        assert demo.name == "Minicrosser X1 4W" and demo.iso_category == "12230301"
        assert demo.series_id == "0c1ccc9c-f3b0-46e3-a235-ceda27a79978"
        assert demo.catalog_id == "76532a5d-938a-493c-8451-7ea4f89d9a55"
        assert demo.image_uri == "orig/61672.jpg" and demo.has_parts_list
        assert s.get(Series, demo.series_id) is not None
        # a part kept in parts.csv keeps its hand-set name and quantities
        tyre = s.get(Part, "150817")
        assert tyre.name.startswith("Dekk Schwalbe") and (tyre.default_qty, tyre.max_qty) == (2, 2)
        assert tyre.supplier_name == "Panthera Norge AS" and tyre.iso_category == "122293"
        compat = s.scalars(select(PartCompatibility).where(PartCompatibility.part_hmsnr == "150817")).all()
        assert len(compat) == 8 and {c.target_kind for c in compat} == {"series"}
        # a new part: category = first word, quantities by category
        seat = s.get(Part, "203583")
        assert seat.category == "Sitteenhet" and (seat.default_qty, seat.max_qty) == (1, 4)
        assert seat.supplier_name == "Medema Norge AS"
        wheel = s.get(Part, "268002")    # in parts.csv as Svinghjul: kept
        assert wheel.category == "Svinghjul" and wheel.catalog_id is not None
        pad = s.get(Part, "181490")      # only in the catalogue: derived defaults
        assert (pad.category, pad.default_qty, pad.max_qty) == ("Pute", 1, 4)
        assert s.scalar(select(func.count()).select_from(PartCompatibility).where(
            PartCompatibility.target_kind == "product",
            PartCompatibility.target_id == demo.catalog_id)) >= 13
    n_compat = count(db, PartCompatibility)
    again = import_grunndata(db, GRUNNDATA)
    assert again.inserted == 0 and again.updated == 67 and count(db, PartCompatibility) == n_compat


def test_grunndata_empty_answer_and_municipal_flag(db, tmp_path):
    empty = tmp_path / "empty.json"
    empty.write_text('{"hits":{"hits":[]}}', encoding="utf-8")
    r = import_grunndata(db, [empty])
    assert r.ok and r.rows_read == 0
    doc = tmp_path / "flag.json"
    doc.write_text("""{"hits":{"hits":[
      {"_source":{"id":"a","title":"Batteri 12V","hmsArtNr":"777001","sparePart":true,"accessory":false,
                  "main":false,"egnetForKommunalTekniker":true,"supplier":{"name":"Lev AS"},
                  "attributes":{"compatibleWith":{"seriesIds":["s1"],"productIds":["p1","p2"]}}}},
      {"_source":{"id":"b","title":"Svinghjul 7","hmsArtNr":"777002","sparePart":true,"main":false,
                  "attributes":{"egnetForKommunalTekniker":false,"compatibleWith":null}}},
      {"_source":{"id":"c","title":"Uten nummer","hmsArtNr":null,"sparePart":true,"main":false}}
    ]}}""", encoding="utf-8")
    r = import_grunndata(db, [doc])
    assert r.ok and (r.inserted, r.skipped) == (2, 1)
    assert any("uten HMS-nr" in w for w in r.warnings)
    with db.session() as s:
        b = s.get(Part, "777001")
        assert b.for_municipal_technician is True and b.default_qty == 2 and b.max_qty == 4
        assert s.get(Part, "777002").for_municipal_technician is False
        assert count(db, PartCompatibility) == 3


def test_grunndata_bad_json_is_a_norwegian_error(db, tmp_path):
    bad = tmp_path / "feil.json"
    bad.write_text('{"hits": [1, 2', encoding="utf-8")
    with pytest.raises(ImportFileError) as exc:
        import_grunndata(db, [GRUNNDATA[0], bad])
    assert "«feil.json»" in exc.value.message and "JSON" in exc.value.message
    assert count(db, Part) == 0


def test_bundled_catalog_and_municipalities_are_idempotent(db):
    reports = import_bundled_catalog(db)
    assert [r.kind for r in reports] == ["products", "parts", "product-parts", "grunndata"]
    first = snapshot(db)
    steps: list[tuple[int, int | None]] = []
    reports2 = import_bundled_catalog(db, progress=lambda d, t: steps.append((d, t)))
    assert all(r.inserted == 0 for r in reports2)
    assert steps[0] == (0, 4) and steps[-1] == (4, 4)
    assert snapshot(db) == first
    m = import_municipalities(db)
    assert m.ok and m.inserted == 357
    assert import_municipalities(db).updated == 357 and count(db, Municipality) == 357
    with db.session() as s:
        assert s.get(Municipality, "0301").hms_unit == "4703"


# --- municipalities.csv ----------------------------------------------------

def test_municipalities_csv_is_complete():
    with resource("municipalities.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 357
    numbers = [r["kommunenummer"] for r in rows]
    assert len(set(numbers)) == 357 and all(len(n) == 4 and n.isdigit() for n in numbers)
    assert {r["hms_enhet"] for r in rows} <= set(HMS_UNITS)
    # every unit serves someone, but Nord-Trøndelag: NAV's Trøndelag uses the Sør-Trøndelag storage
    # unit only since February 2026 (hm-delbestilling-api, FinnLagerenhet.kt)
    assert set(HMS_UNITS) - {"4717"} == {r["hms_enhet"] for r in rows}
    by = {r["kommunenummer"]: (r["kommunenavn"], r["hms_enhet"]) for r in rows}
    assert by["0301"] == ("Oslo", "4703")
    assert by["3201"] == ("Bærum", "4703") and by["3107"][1] == "4701"      # Akershus → Oslo (NAV)
    assert by["4601"] == ("Bergen", "4712") and by["4602"] == ("Kinn", "4714")
    assert by["5001"] == ("Trondheim", "4716") and by["5006"] == ("Steinkjer", "4716")
    assert by["1103"] == ("Stavanger", "4711") and by["5501"] == ("Tromsø", "4719")
    assert by["3403"] == ("Hamar", "4704") and by["3405"] == ("Lillehammer", "4705")
    assert by["3301"][1] == "4706" and by["4003"][1] == "4707" and by["4204"][1] == "4710"
    assert by["1508"][1] == "4715" and by["1804"][1] == "4718" and by["5601"][1] == "4720"


# --- the device register ---------------------------------------------------

def test_register_import_and_reimport(db, tmp_path):
    f = write_csv(tmp_path / "reg.csv", list(REGISTER_COLUMNS), [
        register_row(serial="012345", loan="15.03.2024", created="01.03.2024", iso="12230301"),
        register_row(hmsnr="097765", serial="000777", loan="", created="2019-01-01",
                     iso="122218", status="Til reparasjon", ltype="u", muni="301"),
    ])
    r = import_register(db, [f])
    assert r.ok and (r.rows_read, r.inserted, r.updated) == (2, 2, 0)
    with db.session() as s:
        d = s.scalar(select(Device).where(Device.hmsnr == "250464", Device.serial == "012345"))
        assert d.created_date == dt.date(2024, 3, 1) and d.iso_category == "12230301"
        assert d.loan.loan_date == dt.date(2024, 3, 15) and d.loan.municipality == "0301"
        d2 = s.scalar(select(Device).where(Device.hmsnr == "097765"))
        assert d2.loan.loan_type == "U" and d2.loan.article_status == "Til reparasjon"
        assert d2.loan.loan_date is None and d2.loan.municipality == "0301"
    # the same device moves to another municipality: updated, not duplicated
    f2 = write_csv(tmp_path / "reg2.csv", list(REGISTER_COLUMNS),
                   [register_row(serial="012345", muni="4601", iso="12230301")], delimiter=";")
    r2 = import_register(db, [f2])
    assert (r2.inserted, r2.updated) == (0, 1)
    assert count(db, Device) == 2 and count(db, Loan) == 2
    with db.session() as s:
        d = s.scalar(select(Device).where(Device.serial == "012345"))
        assert d.loan.municipality == "4601" and d.created_date == dt.date(2023, 4, 20)


def test_register_bad_rows_leave_database_unchanged(db, tmp_path):
    gen = tmp_path / "gen.csv"
    generate_register_csv(gen, 300, seed=3)
    assert import_register(db, [gen]).ok
    before = snapshot(db)
    big = tmp_path / "big.csv"
    generate_register_csv(big, 6200, seed=4)      # more than one batch is written first
    with big.open("a", encoding="utf-8") as fh:
        fh.write(",".join(register_row(hmsnr="25046")) + "\n")                  # line 6202
        fh.write(",".join(register_row(serial="12a456", loan="2024-13-45")) + "\n")  # line 6203
        fh.write(",".join(register_row(ltype="X", muni="Oslo")) + "\n")          # line 6204
    r = import_register(db, [big])
    assert not r.ok and r.inserted == 0 and r.updated == 0
    assert [e.text for e in r.errors] == [
        "Linje 6202: Hmsnr må ha 6 siffer",
        "Linje 6203: Serienr skal kun bestå av tall; Ugyldig dato i «utlåns_dato» "
        "(bruk ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)",
        "Linje 6204: Ukjent utlånstype (bruk P, F, K eller U); Kommunenummer må ha 4 siffer",
    ]
    assert "Ingenting ble importert" in r.summary_nb()
    assert snapshot(db) == before


def test_personal_columns_are_dropped_and_never_stored(db, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    fnr = valid_fnr()
    name = "Kari Testesen Nordmann"
    header = ["fnr", "navn", *REGISTER_COLUMNS[:4], "bruker_nummer", *REGISTER_COLUMNS[4:],
              "adresse", "postnr", "poststed", "egen_ansatt", "merknad"]
    rows = [[fnr, name, "250464", "424242", "2024-01-02", "2024-01-01", "88812345", "12230301",
             "I utlån", "P", "0301", "Skjulestien 17", "0987", "Hemmelighus", "J", "ring datter"]]
    rows.append([fnr, name, "25046", "424243", "2024-01-02", "2024-01-01", "88812345", "12230301",
                 "I utlån", "P", "0301", "Skjulestien 17", "0987", "Hemmelighus", "J", "x"])
    f = write_csv(tmp_path / "oebs.csv", header, rows)
    failed = import_register(db, [f])                # a bad row: errors must not echo values
    assert [e.text for e in failed.errors] == ["Linje 3: Hmsnr må ha 6 siffer"]
    f = write_csv(tmp_path / "oebs.csv", header, rows[:1])
    r = import_register(db, [f])
    assert r.ok and r.inserted == 1
    assert "Kolonnen «fnr» inneholder personopplysninger og ble ikke importert." in r.warnings
    for col in ("navn", "bruker_nummer", "adresse", "postnr", "poststed", "egen_ansatt"):
        assert f"Kolonnen «{col}» inneholder personopplysninger og ble ikke importert." in r.warnings
    assert "Kolonnen «merknad» er ukjent og ble ikke importert." in r.warnings
    secrets = [fnr, name, "Skjulestien", "Hemmelighus", "88812345", "ring datter"]
    report_text = repr(r) + repr(failed) + r.summary_nb()
    db_file = Path(db.engine.url.database)
    wal = db_file.with_name(db_file.name + "-wal")
    blobs = db_file.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    db.dispose()                                      # checkpoint, then read the file again
    blobs += db_file.read_bytes()
    for secret in secrets:
        assert secret.encode() not in blobs
        assert secret not in caplog.text
        assert secret not in report_text
    with db.session() as s:
        assert s.scalar(select(Device.serial)) == "424242"


def test_header_that_looks_like_data_is_not_echoed(db, tmp_path):
    fnr = valid_fnr()
    f = write_csv(tmp_path / "uten_overskrift.csv", [fnr, *REGISTER_COLUMNS],
                  [["x", *register_row()]])
    r = import_register(db, [f])
    assert r.ok
    assert "Kolonnen «kolonne nr. 1» er ukjent og ble ikke importert." in r.warnings
    assert fnr not in repr(r)


@pytest.mark.parametrize("content,suffix,expected", [
    (bytes(range(256)) * 40, ".csv", "binærdata"),
    ("artikkelnummer;serie_nummer;kommunenummer\n250464;123456;Bærum\n".encode("latin-1"), ".csv", "UTF-8"),
    ("artikkelnummer,kommunenummer\n250464,0301\n".encode(), ".csv", "«serie_nummer»"),
    (b"", ".csv", "tom"),
    ("fnr\n".encode("utf-16"), ".csv", "UTF-16"),
    (b"PK\x03\x04 not really a workbook", ".csv", "ikke en CSV-fil"),
])
def test_unreadable_register_files_raise_norwegian_errors(db, tmp_path, content, suffix, expected):
    import_register(db, [write_csv(tmp_path / "ok.csv", list(REGISTER_COLUMNS), [register_row()])])
    before = snapshot(db)
    f = tmp_path / f"eksport{suffix}"
    f.write_bytes(content)
    with pytest.raises(HmsError) as exc:
        import_register(db, [f])
    assert isinstance(exc.value, ImportFileError)
    assert "«eksport.csv»" in exc.value.message and expected in exc.value.message
    assert snapshot(db) == before


def test_encoding_error_late_in_file_rolls_back(db, tmp_path):
    f = tmp_path / "sen.csv"
    generate_register_csv(f, 7000, seed=5)
    with f.open("ab") as fh:
        fh.write("250464,999999,2024-01-01,2024-01-01,122303,I utlån,P,0301\n".encode("latin-1"))
    with pytest.raises(ImportFileError, match="UTF-8"):
        import_register(db, [f])
    assert count(db, Device) == 0


def test_corrupt_xlsx_is_a_norwegian_error(db, tmp_path):
    junk = tmp_path / "deler.xlsx"
    junk.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 8)
    with pytest.raises(ImportFileError) as exc:
        import_parts(db, [junk])
    assert "«deler.xlsx»" in exc.value.message and "Excel" in exc.value.message
    garbage = tmp_path / "tull.xlsx"
    garbage.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ImportFileError):
        import_parts(db, [CATALOG / "parts.csv", garbage])
    assert count(db, Part) == 0


def test_cancel_rolls_back(db, tmp_path):
    f = tmp_path / "reg.csv"
    generate_register_csv(f, 12_000, seed=9)
    cancel = threading.Event()
    seen: list[tuple[int, int | None]] = []

    def progress(done: int, total: int | None) -> None:
        seen.append((done, total))
        if done >= 5000:
            cancel.set()

    r = import_register(db, [f], progress=progress, cancel=cancel)
    assert r.cancelled and not r.ok and r.inserted == 0
    assert "Avbrutt" in r.warnings[0] and r.summary_nb().startswith("Avbrutt")
    assert count(db, Device) == 0 and count(db, Loan) == 0
    assert seen[0] == (0, 12_000) and any(d >= 5000 for d, _ in seen)
    pre = threading.Event()
    pre.set()
    r2 = import_products(db, [CATALOG / "products.csv"], cancel=pre)
    assert r2.cancelled and count(db, Product) == 0


def test_progress_reaches_total(db, tmp_path):
    f = tmp_path / "reg.csv"
    generate_register_csv(f, 11_000, seed=2)
    seen: list[tuple[int, int | None]] = []
    r = import_register(db, [f], progress=lambda d, t: seen.append((d, t)))
    assert r.ok and r.inserted == 11_000
    dones = [d for d, _ in seen]
    assert dones == sorted(dones) and seen[-1] == (11_000, 11_000)
    assert all(t == 11_000 for _, t in seen)


# --- the synthetic register ------------------------------------------------

def test_generator_makes_unique_realistic_rows_that_import(db, tmp_path):
    f = tmp_path / "syn.csv"
    assert generate_register_csv(f, 20_000, seed=11) == 20_000
    with f.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert tuple(reader.fieldnames) == REGISTER_COLUMNS
        rows = list(reader)
    assert len(rows) == 20_000
    assert len({(r["artikkelnummer"], r["serie_nummer"]) for r in rows}) == 20_000
    products = dict(catalogue_products())
    with resource("municipalities.csv").open(encoding="utf-8") as fh:
        munis = {r["kommunenummer"] for r in csv.DictReader(fh)}
    for r in rows:
        assert r["artikkelnummer"] in products and products[r["artikkelnummer"]] == r["kategori3_nummer"]
        assert len(r["serie_nummer"]) == 6 and r["serie_nummer"].isdigit()
        assert r["kommunenummer"] in munis
        loan, created = dt.date.fromisoformat(r["utlåns_dato"]), dt.date.fromisoformat(r["opprettelsesdato"])
        assert created <= loan and dt.date(2010, 1, 1) <= loan <= dt.date(2026, 12, 31)
    by_muni: dict[str, int] = {}
    for r in rows:
        by_muni[r["kommunenummer"]] = by_muni.get(r["kommunenummer"], 0) + 1
    assert by_muni["0301"] > by_muni.get("5632", 0) * 20          # Oslo ≫ Båtsfjord
    isos = {r["kategori3_nummer"][:4] for r in rows}
    assert {"1222", "1223"} <= isos                                  # manual and electric
    statuses = {r["artikkelstatus"] for r in rows}
    assert statuses == {"I utlån", "Til reparasjon"}
    assert {r["utlåns_type"] for r in rows} == {"P", "F", "K", "U"}
    assert sum(r["utlåns_type"] == "P" for r in rows) > 0.7 * len(rows)
    # same seed → same file
    g = tmp_path / "syn2.csv"
    generate_register_csv(g, 20_000, seed=11)
    assert g.read_bytes() == f.read_bytes()
    r = import_register(db, [f])
    assert r.ok and r.inserted == 20_000 and count(db, Device) == 20_000


def test_generator_over_given_products(tmp_path):
    f = tmp_path / "few.csv"
    generate_register_csv(f, 3000, seed=1, products=[("123456", "122306"), ("000042", "122203")])
    with f.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["artikkelnummer"] for r in rows} == {"123456", "000042"}
    assert len({(r["artikkelnummer"], r["serie_nummer"]) for r in rows}) == 3000


def test_product_iso_families():
    assert product_iso("Minicrosser X") == "12230301"
    assert product_iso("Netti 3 sb45") == "122203"
    assert product_iso("Etac Cross 5") == "122203"
    assert product_iso("C500").startswith("1223") and product_iso("Eloflex").startswith("1223")
    assert product_iso("Opus seng") == "181210"


def test_demo_register_has_the_demo_device(db):
    r = generate_demo_register(db, n=500, seed=7)
    assert r.ok and count(db, Device) >= 500
    r2 = generate_demo_register(db, n=500, seed=7)
    assert r2.inserted == 0
    with db.session() as s:
        d = s.scalar(select(Device).where(Device.hmsnr == "250464", Device.serial == "123456"))
        assert d is not None and d.iso_category == "12230301"
        assert d.created_date == dt.date(2024, 3, 1)
        assert (d.loan.article_status, d.loan.loan_type, d.loan.municipality) == ("I utlån", "P", "0301")
