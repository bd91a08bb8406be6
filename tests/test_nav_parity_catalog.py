"""NAV's parts lists and storage units, on the bundled catalogue and real imports.

Each ``# NAV:`` comment names the file and test the fact comes from (``api`` =
navikt/hm-delbestilling-api, ``web`` = navikt/hm-delbestilling).  The
bundled catalogue is NAV's own data (grunndata answers and the hand-kept
list, ``resources/catalog/SOURCES.md``), imported through the real importers
into a real SQLite file.
"""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

import cv2
import numpy as np
import pytest
from sqlalchemy import select

from hms_desk.catalog.importers import import_grunndata, import_municipalities, import_parts
from hms_desk.parts.catalog import parts_for_device
from hms_desk.platform.paths import resource
from hms_desk.storage.db import create_db_engine, migrate, open_database
from hms_desk.storage.models import Municipality, Part, PartPicture

CATALOG = Path(__file__).resolve().parents[1] / "resources" / "catalog"
NETTI_V = "316161"          # NAV: api fakes/GrunndataClientFake GrunndataTestHmsnr.GRUNNDATA_OG_MANUELL
MINICROSSER = "250464"      # NAV: GrunndataTestHmsnr.HAR_BATTERI (in grunndata and the hand-kept list)
AZALEA = "097765"           # NAV: GrunndataTestHmsnr.IKKE_I_GRUNNDATA
NETTI_V_PARTS = (CATALOG / "grunndata" /
                 "deler_70f928c2-0ceb-469e-b5cf-9ac9093bf542_25a574f2-eea3-4d2d-85f7-eaf09dd62ec9.json")
MINICROSSER_PARTS = (CATALOG / "grunndata" /
                     "deler_0c1ccc9c-f3b0-46e3-a235-ceda27a79978_76532a5d-938a-493c-8451-7ea4f89d9a55.json")


@pytest.fixture
def db(tmp_path, seeded_db_file):
    """A copy of the seeded demo database: NAV's catalogue, municipalities, a synthetic register."""
    path = tmp_path / "nav.sqlite3"
    shutil.copyfile(seeded_db_file, path)
    database, _ = open_database(f"sqlite:///{path}")
    yield database
    database.dispose()


def parts_of(db, hmsnr: str, iso: str | None = None) -> dict:
    with db.session() as s:
        return {p.hmsnr: p for p in parts_for_device(s, hmsnr, iso)}


def hand_kept(product: str) -> set[str]:
    import csv

    with open(CATALOG / "product_parts.csv", encoding="utf-8") as fh:
        return {r["part_hmsnr"] for r in csv.DictReader(fh) if r["product_hmsnr"] == product}


def catalogue_answer(path: Path) -> dict[str, dict]:
    return {h["_source"]["hmsArtNr"]: h["_source"] for h in json.loads(path.read_text("utf-8"))["hits"]["hits"]}


def write_answer(path: Path, *sources: dict) -> Path:
    path.write_text(json.dumps({"hits": {"hits": [{"_source": s} for s in sources]}}), encoding="utf-8")
    return path


def product_doc(hmsnr: str, series: str, product_id: str, iso: str = "12230301") -> dict:
    return {"id": product_id, "title": f"Produkt {hmsnr}", "articleName": f"Produkt {hmsnr}", "seriesId": series,
            "hmsArtNr": hmsnr, "supplierRef": "", "isoCategory": iso, "supplier": {"name": "Lev AS"},
            "media": [], "attributes": {}, "accessory": False, "sparePart": False, "main": True}


def part_doc(hmsnr: str, name: str, series: str, iso: str = "122393", media: list | None = None,
             accessory: bool = False) -> dict:
    return {"id": f"id-{hmsnr}", "title": name, "articleName": name, "seriesId": "s-part", "hmsArtNr": hmsnr,
            "supplierRef": f"REF-{hmsnr}", "isoCategory": iso, "supplier": {"name": "Lev AS"},
            "media": media or [], "attributes": {"compatibleWith": {"seriesIds": [series]}},
            "accessory": accessory, "sparePart": not accessory, "main": False}


# --- assembling the parts list ---------------------------------------------------------

def test_no_parts_from_any_source(db):
    # NAV: api FinnDelerTilHjelpemiddelTest "skal returnere IkkeFunnet når hjelpemiddel ikke finnes i noen kilde"
    assert parts_of(db, "000000") == {}


def test_hand_kept_list_when_the_catalogue_does_not_know_the_product(db):
    # NAV: api FinnDelerTilHjelpemiddelTest "skal returnere deler fra manuell liste når hjelpemiddel ikke
    # finnes i grunndata" (Azalea 097765)
    parts = parts_of(db, AZALEA)
    assert set(parts) == hand_kept(AZALEA) == {"168802", "168803", "198643", "198644", "186621"}
    assert all(p.sources == ("deleliste",) for p in parts.values())


def test_hand_kept_list_when_the_catalogue_has_the_product_without_parts(db, tmp_path):
    # NAV: api FinnDelerTilHjelpemiddelTest "skal returnere deler fra manuell liste når hjelpemiddel finnes
    # uten deler i grunndata" (185144)
    assert import_grunndata(db, [write_answer(tmp_path / "p.json", product_doc("185144", "s-tom", "p-185144"))]).ok
    parts = parts_of(db, "185144")
    assert set(parts) == hand_kept("185144") and all(p.sources == ("deleliste",) for p in parts.values())


def test_catalogue_parts_when_the_hand_kept_list_does_not_know_the_product(db, tmp_path):
    # NAV: api FinnDelerTilHjelpemiddelTest "skal returnere deler fra grunndata når hjelpemiddel ikke finnes
    # i manuell liste" (167624)
    assert hand_kept("167624") == set()
    answer = write_answer(tmp_path / "g.json", product_doc("167624", "s-167624", "p-167624"),
                          part_doc("777101", "Sete ers Testmodell", "s-167624"),
                          part_doc("777102", "Hjul ers Testmodell foran", "s-167624"))
    assert import_grunndata(db, [answer]).ok
    parts = parts_of(db, "167624")
    assert set(parts) == {"777101", "777102"} and all(p.sources == ("serie",) for p in parts.values())


def test_catalogue_and_hand_kept_list_are_joined(db):
    # NAV: api oppslag/FinnDelerTilHjelpemiddel.kt slåSammen/berikMedUnikeDeler — the catalogue's parts
    # plus the hand-kept parts it does not have
    for product, answer in ((NETTI_V, NETTI_V_PARTS), (MINICROSSER, MINICROSSER_PARTS)):
        assert set(parts_of(db, product)) == set(catalogue_answer(answer)) | hand_kept(product)


def test_the_catalogue_wins_when_a_part_is_in_both(db):
    # NAV: api FinnDelerTilHjelpemiddelTest "skal bruke info fra grunndata dersom del finnes både i grunndata
    # og i manuell liste" (Netti V 316161)
    parts = parts_of(db, NETTI_V)
    both = hand_kept(NETTI_V) & set(catalogue_answer(NETTI_V_PARTS))
    assert both and all(parts[h].from_catalogue and "deleliste" in parts[h].sources for h in both)
    fork = parts["268002"]            # hand-kept: "Gaffel m/svinghjul 7''", Svinghjul, 2/2
    assert (fork.name, fork.category, fork.default_qty, fork.max_qty) == (
        'Hjul mrs Netti V Svinghjul m/gaffel 7"', "Hjul", 2, 4)
    seat = parts["154516"]            # hand-kept: "Setepute", Annet, 1/1, a spare part
    assert (seat.category, seat.default_qty, seat.max_qty, seat.is_accessory) == ("Pute", 1, 4, True)
    pad = parts["065633"]             # hand-kept default 2: the catalogue's category default 1 wins
    assert (pad.category, pad.default_qty, pad.max_qty) == ("Pad", 1, 4)


def test_a_part_only_on_the_hand_kept_list_keeps_the_lists_values(db):
    # NAV: api FinnDelerTilHjelpemiddel.kt berikMedUnikeDeler — the list's own Del (name, kategori, antall)
    leg = parts_of(db, NETTI_V)["154656"]
    assert (leg.name, leg.category, leg.default_qty, leg.max_qty, leg.sources) == (
        "Benstøtte høyre", "Annet", 1, 1, ("deleliste",))


def test_catalogue_values_do_not_leak_to_a_product_without_the_catalogue(db):
    # NAV: api FinnDelerTilHjelpemiddel.kt — the values depend on where this product's part comes from:
    # the head rest is a catalogue accessory for Netti V, a hand-kept spare part for Netti 3 (316151)
    assert parts_of(db, NETTI_V)["181422"].is_accessory
    head_rest = parts_of(db, "316151")["181422"]
    assert (head_rest.name, head_rest.category, head_rest.max_qty, head_rest.is_accessory) == (
        "Hodestøtte", "Annet", 1, False)


def test_catalogue_part_is_named_by_its_article_name(db):
    # NAV: api FinnDelerTilHjelpemiddel.kt — navn = it.artikkelnavn (not the title)
    arm = parts_of(db, MINICROSSER)["263765"]
    assert arm.name == "Armlene ers Minicrosser X Ergo2 std hø" and arm.category == "Armlene"


def test_catalogue_battery_maximum_follows_the_parts_own_iso_class(db, tmp_path):
    # NAV: api FinnDelerTilHjelpemiddel.kt — maksAntall(kategori, it.isoKategori), the part's ISO code
    answer = write_answer(tmp_path / "b.json",
                          part_doc("777201", "Batteri personløfter 12V", "0c1ccc9c-f3b0-46e3-a235-ceda27a79978",
                                   iso="123603"),
                          part_doc("777202", "Batteri ers 12V", "0c1ccc9c-f3b0-46e3-a235-ceda27a79978",
                                   iso="122303"))
    assert import_grunndata(db, [answer]).ok
    parts = parts_of(db, MINICROSSER, "12230301")
    assert (parts["777201"].max_qty, parts["777202"].max_qty) == (1, 2)
    # deliberate: NAV would start the person lift's battery at its category default 2, above its maximum 1
    assert parts["777201"].default_qty == 1


def test_panthera_parts_from_the_hand_kept_list(db):
    # NAV: api ManuellListeTest "skal finne hjelpemiddel med deler for Panthera" (022492)
    parts = parts_of(db, "022492")
    assert len(parts) > 10
    tyre = parts["150817"]
    assert (tyre.name, tyre.category) == ('Dekk Schwalbe Marathon Plus punkteringsbeskyttet 24"x1', "Dekk")


def test_minicrosser_m1_parts_from_the_hand_kept_list(db):
    # NAV: api ManuellListeTest "skal finne hjelpemiddel med deler for Minicrosser M1" (159629)
    parts = parts_of(db, "159629")
    assert len(parts) == 3
    assert (parts["200842"].name, parts["200842"].category) == ("Hjul 13x5.00-6 foran/bak", "Hjul")
    assert (parts["328154"].name, parts["328154"].category) == ("Batteri 85 Ah", "Batteri")


def test_no_hand_kept_default_above_its_maximum(db):
    # NAV: api ManuellListeTest "skal ikke eksistere deler med defaultAntall større enn maksAntall"
    with db.session() as s:
        rows = s.execute(select(Part.hmsnr, Part.default_qty, Part.max_qty)).all()
    assert len(rows) > 170 and all(d <= m for _h, d, m in rows)


def test_x850_battery_defaults_to_two(db):
    # NAV: api ManuellListeTest "skal ha riktigDefaultAntall på batteri og batteripakke" (X850 145668)
    battery = next(p for p in parts_of(db, "145668").values() if p.category == "Batteri")
    assert battery.default_qty == 2


def test_undecided_maximum_eight_stands(db):
    # NAV: api oppslag/legacy/data/Deler.kt TODO_BESTEM_MAX_ANTALL = 8 (Gripekloss seng Opus 149965)
    assert parts_of(db, "255798")["149965"].max_qty == 8


# --- pictures ----------------------------------------------------------------------

def test_catalogue_picture_first_then_the_lists(db, tmp_path):
    # NAV: api infrastructure/grunndata/Grunndata.kt beregnBildeUrls — the catalogue's media first, else the
    # hand-kept list's picture
    media = [{"uri": "orig/999.jpg", "priority": 1, "type": "IMAGE", "text": "", "source": "REGISTER"}]
    answer = write_answer(tmp_path / "m.json",
                          part_doc("150817", "Dekk 24\" mrs Schwalbe", "0c1ccc9c-f3b0-46e3-a235-ceda27a79978",
                                   media=media))
    assert import_grunndata(db, [answer]).ok
    assert parts_of(db, MINICROSSER)["150817"].image == "orig/999.jpg"       # from the catalogue here
    assert parts_of(db, "022492")["150817"].image == "150817.jpg"            # only hand-kept for Panthera


def face_picture() -> np.ndarray:
    return cv2.imread(str(resource("demo", "astronaut.jpg")))


def detail(image: np.ndarray, box=(185, 70, 265, 165)) -> float:
    x1, y1, x2, y2 = box
    return float(cv2.Laplacian(cv2.cvtColor(image[y1:y2, x1:x2], cv2.COLOR_BGR2GRAY), cv2.CV_64F).var())


def test_a_picture_the_catalogue_import_carries_is_stored_with_faces_blurred(db, tmp_path):
    # NAV: web components/Bilde/Bilde.tsx shows the part's picture (imgs) on its card; offline, the picture
    # must come with the import — here a file beside the answer, named by the media URI
    (tmp_path / "orig").mkdir()
    original = face_picture()
    assert cv2.imwrite(str(tmp_path / "orig" / "777301.jpg"), original)
    media = [{"uri": "orig/777301.jpg", "priority": 1, "type": "IMAGE", "text": "", "source": "REGISTER"}]
    answer = write_answer(tmp_path / "pic.json", part_doc("777301", "Sete ers Bilde", "s-pic", media=media))
    report = import_grunndata(db, [answer])
    assert report.ok and report.warnings == []
    with db.session() as s:
        stored = s.get(PartPicture, "777301")
        assert stored.source == "orig/777301.jpg" and stored.media_type == "image/jpeg"
        shown = cv2.imdecode(np.frombuffer(stored.data, np.uint8), cv2.IMREAD_COLOR)
    assert shown.shape == original.shape
    assert detail(shown) < 0.2 * detail(original)        # the face is blurred before it is stored


def test_a_picture_in_the_hand_kept_files_folder_and_an_inline_one(db, tmp_path):
    # NAV: api Deler.kt imgs (the hand-kept list's pictures) — the "bilde" column names the file
    (tmp_path / "bilder").mkdir()
    blue = np.full((60, 90, 3), (187, 110, 42), np.uint8)
    assert cv2.imwrite(str(tmp_path / "bilder" / "999101.png"), blue)
    ok, png = cv2.imencode(".png", blue)
    inline = "data:image/png;base64," + base64.b64encode(png.tobytes()).decode()
    csv_file = tmp_path / "parts.csv"
    csv_file.write_text("hmsnr,navn,kategori,default_antall,maks_antall,bilde\n"
                        "999101,Hjul foran,Hjul,2,2,999101.png\n"
                        f'999102,Hjul bak,Hjul,2,2,"{inline}"\n'
                        "999103,Hjul midt,Hjul,2,2,finnes-ikke.png\n", encoding="utf-8")
    report = import_parts(db, [csv_file])
    assert report.ok
    with db.session() as s:
        pictures = {p.part_hmsnr: p for p in s.scalars(select(PartPicture))}
        assert set(pictures) == {"999101", "999102"}
        assert s.get(Part, "999102").image == "innebygd:999102"       # no base64 blob in the reference
    colour = cv2.imdecode(np.frombuffer(pictures["999101"].data, np.uint8), cv2.IMREAD_COLOR)[30, 45]
    assert np.abs(colour.astype(int) - (187, 110, 42)).max() <= 6


def test_the_parts_list_carries_the_stored_picture(db, tmp_path):
    (tmp_path / "bilder").mkdir()
    assert cv2.imwrite(str(tmp_path / "bilder" / "150817.jpg"), np.full((40, 40, 3), 200, np.uint8))
    shutil.copyfile(CATALOG / "parts.csv", tmp_path / "parts.csv")
    assert import_parts(db, [tmp_path / "parts.csv"]).ok
    tyre = parts_of(db, "022492")["150817"]
    assert tyre.picture.startswith(b"\xff\xd8") and parts_of(db, "022492")["178498"].picture == b""


# --- storage units -----------------------------------------------------------------

def units(db) -> dict[str, str]:
    with db.session() as s:
        return dict(s.execute(select(Municipality.number, Municipality.hms_unit)).all())


@pytest.mark.parametrize("municipality, unit", [
    ("3201", "4703"),   # NAV: api FinnLagerenhetTest "enhet 4702 Akershus skal mappes til 4703 Oslo" (Bærum)
    ("5501", "4719"),   # NAV: api FinnLagerenhetTest "kommuner i Troms skal mappes til 4719 Troms" (Tromsø)
    ("5610", "4720"),   # NAV: api FinnLagerenhetTest "kommuner i Finnmark skal mappes til 4720 Finnmark" (Karasjok)
    ("5001", "4716"),   # NAV: api FinnLagerenhetTest "kommuner som tidligere tilhørte Sør-Trøndelag …" (Trondheim)
    ("5060", "4716"),   # NAV: api fakes/NorgClientFake Nærøysund → HMS Trøndelag → lager 4716
    ("0301", "4703"),   # NAV: api fakes/NorgClientFake Oslo → HMS Oslo
])
def test_storage_unit_of_every_municipality_navs_tests_name(db, municipality, unit):
    assert units(db)[municipality] == unit


def test_storage_unit_by_former_county(db):
    # NAV: api infrastructure/oebs/FinnLagerenhet.kt — Akershus (4702) → Oslo; Troms og Finnmark by the
    # number's first two digits (55 Troms, 56 Finnmark); Trøndelag → the Sør-Trøndelag storage unit
    table = units(db)
    by_prefix = {prefix: {u for n, u in table.items() if n.startswith(prefix)} for prefix in ("32", "55", "56", "50")}
    assert by_prefix == {"32": {"4703"}, "55": {"4719"}, "56": {"4720"}, "50": {"4716"}}
    assert len([n for n in table if n.startswith("32")]) == 21


def test_an_imported_table_with_navs_own_units_is_mapped_to_storage_units(db, tmp_path):
    # NAV: api FinnLagerenhet.kt (4702 → 4703, 4719 + 56xx → 4720) and EnhetTest "skal kaste feil for ukjent
    # enhetsnummer" (an unknown unit is refused)
    table = tmp_path / "kommuner.csv"
    table.write_text("kommunenummer,kommunenavn,hms_enhet\n3203,Asker,4702\n5601,Alta,4719\n5501,Tromsø,4719\n",
                     encoding="utf-8")
    assert import_municipalities(db, [table]).ok
    assert {n: units(db)[n] for n in ("3203", "5601", "5501")} == {"3203": "4703", "5601": "4720", "5501": "4719"}
    bad = tmp_path / "feil.csv"
    bad.write_text("kommunenummer,kommunenavn,hms_enhet\n9999,Ukjent,9999\n", encoding="utf-8")
    report = import_municipalities(db, [bad])
    assert not report.ok and "Ukjent HMS-enhet" in report.errors[0].text


def test_upgrade_moves_akershus_and_nord_trondelag(tmp_path):
    # NAV: api FinnLagerenhet.kt — an existing database learns the storage units at its upgrade (0005)
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_db_engine(url)
    migrate(engine, target="0002")
    with engine.begin() as c:
        c.exec_driver_sql("INSERT INTO municipalities VALUES ('3201','Bærum','4701'), ('5006','Steinkjer','4717'),"
                          " ('3101','Halden','4701'), ('3203','Asker','4706')")
    migrate(engine, tmp_path / "backups")
    with engine.connect() as c:
        rows = dict(c.exec_driver_sql("SELECT number, hms_unit FROM municipalities").all())
    engine.dispose()
    # Asker was set by hand to another unit: left alone
    assert rows == {"3201": "4703", "5006": "4716", "3101": "4701", "3203": "4706"}
