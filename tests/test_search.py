"""Forgiving device search and full-text product search (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import select, update

from hms_desk.services.search import SearchService, partial_serials, serial_guesses
from hms_desk.storage.models import Device, Loan, Product, Series

MISREAD_CASES = [
    # typed, the serial on the device, the reason shown
    ("2O4060", "204060", "0 lest som O"),
    ("3I0177", "310177", "1 lest som I"),
    ("3l0177", "310177", "1 lest som l"),
    ("S55123", "555123", "5 lest som S"),
    ("B80421", "880421", "8 lest som B"),
    ("Z20913", "220913", "2 lest som Z"),
    ("G60318", "660318", "6 lest som G"),
]
OTHER_HMSNR = "097765"


def _fill(db) -> None:
    with db.session() as s, s.begin():
        s.add(Series(id="serie-mc", name="Minicrosser X"))
        s.add(Series(id="serie-az", name="Azalea"))
        s.flush()
        s.add(Product(hmsnr="250464", name="Minicrosser X1 4W", article_name="Minicrosser X1 4W 4-hjuls scooter",
                      series_id="serie-mc", supplier_name="Medema AS", supplier_ref="MX1-4W",
                      iso_category="12230301"))
        s.add(Product(hmsnr=OTHER_HMSNR, name="Azalea Assist", article_name="Azalea komfortrullestol",
                      series_id="serie-az", supplier_name="Invacare AS", supplier_ref="1601234",
                      iso_category="122218"))
        s.flush()
        serials = {"123456", "123465", *(dev for _, dev, _ in MISREAD_CASES)}
        for serial in sorted(serials):
            d = Device(hmsnr="250464", serial=serial, iso_category="12230301")
            s.add(d)
            s.flush()
            s.add(Loan(device_id=d.id, municipality="0301"))
        d = Device(hmsnr=OTHER_HMSNR, serial="123456", iso_category="122218")   # same serial, other product
        s.add(d)
        s.flush()
        s.add(Loan(device_id=d.id, municipality="4601"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def search_db(request):
    db = request.getfixturevalue("db" if request.param == "sqlite" else "pg_db")
    _fill(db)
    return db


def devices(hits):
    return [(h.hmsnr, h.serial) for h in hits if h.kind == "enhet"]


def first_device(hits, hmsnr="250464"):
    return next(h for h in hits if h.kind == "enhet" and h.hmsnr == hmsnr)


@pytest.mark.parametrize("typed,serial,reason", MISREAD_CASES)
def test_each_misread_letter_finds_the_device_with_its_reason(search_db, typed, serial, reason):
    hits = SearchService(search_db).search(typed)
    top = hits[0]
    assert (top.kind, top.hmsnr, top.serial) == ("enhet", "250464", serial)
    assert top.reason_nb == reason and top.score == pytest.approx(0.9)
    assert top.title == "Minicrosser X1 4W"


def test_exact_beats_swap_and_both_products_share_a_serial(search_db):
    hits = SearchService(search_db).search("123456")
    exact = [h for h in hits if h.serial == "123456"]
    assert {h.hmsnr for h in exact} == {"250464", OTHER_HMSNR}
    assert all(h.reason_nb == "eksakt treff" and h.score == 1.0 for h in exact)
    swapped = next(h for h in hits if h.serial == "123465")
    assert swapped.reason_nb == "to siffer byttet om" and swapped.score == pytest.approx(0.8)
    assert hits.index(swapped) > max(hits.index(h) for h in exact)


@pytest.mark.parametrize("typed,reason,score", [
    ("123456", "eksakt treff", 1.0),
    ("1234S6", "5 lest som S", 0.9),
    ("213456", "to siffer byttet om", 0.8),
    ("12346", "ett siffer mangler", 0.7),
    ("1234567", "ett siffer for mye", 0.7),
    ("1273456", "ett siffer for mye", 0.7),
    ("3456", "delvis treff", None),
    ("234", "delvis treff", None),
])
def test_rank_and_reason_per_kind(search_db, typed, reason, score):
    hits = SearchService(search_db).search(typed)
    hit = next(h for h in hits if h.kind == "enhet" and (h.hmsnr, h.serial) == ("250464", "123456"))
    assert hit.reason_nb == reason
    if score is None:                     # partial: below every whole-serial kind
        assert 0.3 < hit.score < 0.7
    else:
        assert hit.score == pytest.approx(score)


def test_ranking_order_across_kinds_is_exact_misread_swap_missing_partial():
    scores = {}
    for typed, kind in (("123456", "exact"), ("12345G", "misread"), ("123465", "swap"),
                        ("12356", "missing"), ("1234566", "extra")):
        g = next(g for g in serial_guesses(typed) if g.serial == "123456")
        scores[kind] = g.score
    assert scores["exact"] > scores["misread"] > scores["swap"] > scores["missing"] == scores["extra"]
    assert max(0.5, 0.47, 0.44) + 0.05 < scores["missing"]       # partial scores (with fragment bonus)


def test_partial_serial_candidates_are_finite_and_ordered():
    cands = list(partial_serials("456"))
    assert len(cands) == 3999 and len({c for c, _ in cands}) == 3999    # 456456 only once
    assert cands[0] == ("456000", "prefix") and cands[1000] == ("000456", "suffix")
    assert all("456" in c for c, _ in cands) and cands[-1][1] == "inside"
    assert list(partial_serials("12")) == [] and list(partial_serials("123456")) == []


def test_prefix_inside_and_suffix_partials(search_db):
    svc = SearchService(search_db)
    for fragment in ("1234", "2345", "3456", "123", "345"):
        assert ("250464", "123456") in devices(svc.search(fragment)), fragment
    # two digits are not enough to search serials: no device hits
    assert devices(svc.search("12")) == []


def test_hmsnr_narrows_and_also_finds_the_product(search_db):
    hits = SearchService(search_db).search("250464 12345G")
    found = devices(hits)
    assert found[0] == ("250464", "123456") and first_device(hits).reason_nb == "6 lest som G"
    assert {h for h, _ in found} == {"250464"}                 # not the other product's 123456
    assert ("250464", "123465") in found                       # G read as 6, then two digits swapped
    product = next(h for h in hits if h.kind == "produkt")
    assert product.hmsnr == "250464" and product.reason_nb == "HMS-nr stemmer"
    other = SearchService(search_db).search(f"{OTHER_HMSNR} 123456")
    assert devices(other) == [(OTHER_HMSNR, "123456")]


def test_product_search_by_prefix_supplier_series_ref_and_hmsnr(search_db):
    svc = SearchService(search_db)
    hits = svc.search("minicros")
    assert [h.hmsnr for h in hits] == ["250464"]
    assert hits[0].kind == "produkt" and hits[0].reason_nb == "treff i produktnavn"
    by_supplier = svc.search("invacare")
    assert [h.hmsnr for h in by_supplier] == [OTHER_HMSNR]
    assert by_supplier[0].reason_nb == "treff i leverandør"
    assert [h.hmsnr for h in svc.search("Medema minicrosser")] == ["250464"]
    assert "produktnavn" in svc.search("Medema minicrosser")[0].reason_nb
    assert "leverandør" in svc.search("Medema minicrosser")[0].reason_nb
    assert [h.hmsnr for h in svc.search("komfortrullestol")] == [OTHER_HMSNR]
    by_hmsnr = [h for h in svc.search("250464") if h.kind == "produkt"]
    assert [(h.hmsnr, h.reason_nb, h.score) for h in by_hmsnr] == [("250464", "HMS-nr stemmer", 0.95)]
    assert svc.search("finnesikke") == [] and svc.search("   ") == [] and svc.search('"*') == []


def test_product_index_follows_product_and_series_changes(search_db):
    svc = SearchService(search_db)
    with search_db.session() as s, s.begin():
        s.execute(update(Product).where(Product.hmsnr == OTHER_HMSNR).values(name="Orion Pro"))
        s.execute(update(Series).where(Series.id == "serie-mc").values(name="Scooterserien"))
    assert [h.hmsnr for h in svc.search("orion")] == [OTHER_HMSNR]
    assert svc.search("azalea assist") == []
    hit = svc.search("scooterserien")
    assert [h.hmsnr for h in hit] == ["250464"] and hit[0].reason_nb == "treff i serie"
    with search_db.session() as s, s.begin():
        s.add(Product(hmsnr="123789", name="Nytt produkt Quattro", supplier_name="Sunrise Medical"))
    assert [h.hmsnr for h in svc.search("quattro sunrise")] == ["123789"]
    with search_db.session() as s, s.begin():
        s.delete(s.get(Product, "123789"))
    assert svc.search("quattro") == []


def test_limit_is_respected_and_results_are_sorted(search_db):
    hits = SearchService(search_db).search("123", limit=3)
    assert len(hits) == 3
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_search_on_a_generated_register(db, tmp_path):
    """Search finds a device of an imported synthetic register from a misread serial."""
    from hms_desk.catalog import generate_register_csv, import_register

    f = tmp_path / "reg.csv"
    generate_register_csv(f, 5000, seed=21)
    assert import_register(db, [f]).ok
    with db.session() as s:
        rows = s.execute(select(Device.hmsnr, Device.serial).where(Device.serial.like("%0%")).limit(20)).all()
    svc = SearchService(db)
    for hmsnr, serial in rows:
        typed = serial.replace("0", "O", 1)
        assert (hmsnr, serial) in devices(svc.search(typed)), typed
        assert devices(svc.search(f"{hmsnr} {typed}"))[0] == (hmsnr, serial)


def _cli(*args, profile):
    return subprocess.run([sys.executable, "-m", "hms_desk", "--profile", str(profile), *args],
                          capture_output=True, text=True, timeout=300)


def test_cli_search_json(profile_dir):
    res = _cli("search", "250464", "12345G", "--json", profile=profile_dir)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["query"] == "250464 12345G"
    first = out["hits"][0]
    assert set(first) == {"kind", "hmsnr", "serial", "title", "reason_nb", "score"}
    device = next(h for h in out["hits"] if h["kind"] == "enhet")
    assert (device["hmsnr"], device["serial"], device["reason_nb"]) == ("250464", "123456", "6 lest som G")
    assert device["title"] == "Minicrosser X1 4W"
    text = _cli("search", "minicros", profile=profile_dir)
    assert text.returncode == 0 and "Minicrosser" in text.stdout and "treff i produktnavn" in text.stdout
    none = _cli("search", "finnesikkeiregisteret", "--json", profile=profile_dir)
    assert none.returncode == 3 and json.loads(none.stdout)["hits"] == []


def test_search_panel_shows_reasons_and_enter_or_double_click_choose_a_device(qtbot, gui_core, ops):
    from PySide6.QtCore import Qt

    from hms_desk.ui.search_panel import SearchPanel

    panel = SearchPanel(ops, SearchService(gui_core.db).search)
    qtbot.addWidget(panel)
    panel.show()
    chosen: list[tuple[str, str]] = []
    products: list[str] = []
    panel.deviceChosen.connect(lambda h, s: chosen.append((h, s)))
    panel.productChosen.connect(products.append)
    with qtbot.waitSignal(panel.resultsShown, timeout=10_000) as sig:
        qtbot.keyClicks(panel.box, "250464 12345G")      # debounced: one search after typing stops
    assert sig.args[0] == len(panel.hits) > 0
    texts = [panel.results.item(i).text() for i in range(panel.results.count())]
    row = next(i for i, t in enumerate(texts) if "serienr 123456" in t)
    assert "6 lest som G" in texts[row] and "Minicrosser X1 4W" in texts[row]
    assert "HMS-nr stemmer" in texts[0]                   # the product ranks first (0.95)
    panel.results.setCurrentRow(row)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert chosen == [("250464", "123456")]
    rect = panel.results.visualItemRect(panel.results.item(0))
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert products == ["250464"]
    with qtbot.waitSignal(panel.resultsShown, timeout=10_000):
        panel.box.setText("finnesikke")
    assert panel.results.count() == 0 and "Ingen treff" in panel.status.text()
    assert panel.box.text() == "finnesikke"               # what the technician typed stays
