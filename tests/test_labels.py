"""The label reader (hms_desk.labels): GS1, barcodes, candidates, the live voter, the CLI."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp

from hms_desk.labels import LiveLabelVoter, read_label, scan_barcodes
from hms_desk.labels.candidates import Candidate, best_pair, from_codes, from_lines, from_text, merge
from hms_desk.labels.gs1 import GS, gtin_check_ok, parse_gs1, parse_gs1_hri
from hms_desk.labels.ocr import OcrLine
from hms_desk.labels.reader import LabelInputError
from hms_desk.video.demo_scene import DemoScene

ROOT = Path(__file__).resolve().parents[1]


def _code_image(text: str, fmt, *, gs1: bool = False, scale: int = 3, margin: int = 60) -> np.ndarray:
    code = zxingcpp.create_barcode(text, fmt, gs1=True) if gs1 else zxingcpp.create_barcode(text, fmt)
    img = np.asarray(code.to_image(scale=scale))
    img = cv2.copyMakeBorder(img, margin, margin, margin, margin, cv2.BORDER_CONSTANT, value=255)
    return cv2.cvtColor(img, cv2.COLOR_GRAY2BGR)


def _rotated(img: np.ndarray, angle: float) -> np.ndarray:
    h, w = img.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    c, s = abs(m[0, 0]), abs(m[0, 1])
    nw, nh = int(h * s + w * c), int(h * c + w * s)
    m[0, 2] += nw / 2 - w / 2
    m[1, 2] += nh / 2 - h / 2
    return cv2.warpAffine(img, m, (nw, nh), flags=cv2.INTER_CUBIC, borderValue=(255, 255, 255))


# --------------------------------------------------------------------------- GS1

def test_gs1_element_string_is_split_into_named_fields_with_dates_and_check_digit():
    raw = "0109501101020917" + "11240229" + "17290100" + "10AB-12" + GS + "21S123" + GS + "3103000250"
    g = parse_gs1(raw)
    assert g is not None
    assert g.raw == raw                               # the raw text is kept, separators as U+001D
    assert g.bracketed == "(01)09501101020917(11)240229(17)290100(10)AB-12(21)S123(3103)000250"
    assert (g.gtin, g.lot, g.serial) == ("09501101020917", "AB-12", "S123")
    assert g.production_date == "2024-02-29"
    assert g.expiry == "2029-01-31"                   # day 00 = the month's last day
    by_ai = {f.ai: f for f in g.fields}
    assert by_ai["01"].check_ok is True and "ikke HMS-nr" in by_ai["01"].name
    assert "ikke OeBS-serienr" in by_ai["21"].name
    assert by_ai["3103"].name == "AI 3103" and by_ai["3103"].value == "000250"   # unknown AIs kept generically
    assert g.to_json()["fields"][0] == {"ai": "01", "name": by_ai["01"].name, "value": "09501101020917",
                                        "check_ok": True}


def test_gs1_symbology_prefix_fixed_length_ais_and_the_bracketed_form():
    assert parse_gs1("]C1" + "8101054321120021123456").bracketed == "(8101)0543211200(21)123456"
    h = parse_gs1_hri("(01)09501101020917(10)AB-12(21)S123")
    assert h is not None and h.raw == "0109501101020917" + "10AB-12" + GS + "21S123"
    assert parse_gs1(h.raw).bracketed == h.bracketed
    assert parse_gs1("0109501101020918").fields[0].check_ok is False     # wrong check digit: shown as such
    assert gtin_check_ok("4006381333931") and not gtin_check_ok("4006381333932")


@pytest.mark.parametrize("text", ["Code 128", "168901", "0123", "01" + "9" * 10, "(01)123", "(99)",
                                  "21" + GS, "https://nav.no"])
def test_text_that_is_not_a_gs1_element_string_gives_none(text):
    assert parse_gs1(text) is None or text.startswith("(")
    assert parse_gs1_hri(text) is None


def test_gs1_codes_are_read_with_their_fields_and_are_never_hmsnr_candidates():
    hri = "(01)09501101020917(17)290101(10)AB-12(21)123456"
    for fmt in (zxingcpp.BarcodeFormat.Code128, zxingcpp.BarcodeFormat.DataMatrix, zxingcpp.BarcodeFormat.QRCode):
        read = read_label(_code_image(hri, fmt, gs1=True), ocr=False)
        assert len(read.codes) == 1, fmt
        code = read.codes[0]
        assert code.gs1 is not None and code.gs1.bracketed == hri
        assert code.text == "01095011010209171729010110AB-12" + GS + "21123456"
        assert read.serienr == [] and read.hmsnr == []       # (21) is the maker's serial, not NAV's


# --------------------------------------------------------------------------- barcodes

@pytest.mark.parametrize("angle", [30, 45, -52])
def test_a_code128_at_an_angle_one_plain_call_misses_is_read(angle):
    img = _rotated(_code_image("250464123456", zxingcpp.BarcodeFormat.Code128, scale=2), angle)
    scene = np.full((720, 1280, 3), 235, np.uint8)
    y, x = (720 - img.shape[0]) // 2, (1280 - img.shape[1]) // 2
    scene[y:y + img.shape[0], x:x + img.shape[1]] = img
    assert zxingcpp.read_barcodes(scene, text_mode=zxingcpp.TextMode.Plain) == []
    scan = scan_barcodes(scene, budget_s=5)
    assert [c.text for c in scan.codes] == ["250464123456"]
    box = scan.codes[0].to_json()["position"]["box"]
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    assert abs(cx - 640) < 60 and abs(cy - 360) < 60       # the position is in the picture's pixels


def test_a_small_code_in_a_large_photo_and_a_code_without_quiet_zone_are_read():
    small = _code_image("HMS 250464", zxingcpp.BarcodeFormat.DataMatrix, scale=4, margin=8)
    photo = cv2.resize(cv2.imread(str(ROOT / "resources" / "demo" / "astronaut.jpg")), (4000, 3000))
    photo[2500:2500 + small.shape[0], 3500:3500 + small.shape[1]] = small
    scan = scan_barcodes(photo, budget_s=10)
    assert "HMS 250464" in [c.text for c in scan.codes]
    tight = _code_image("X12X12X12X12", zxingcpp.BarcodeFormat.DataMatrix, scale=6, margin=0)
    assert "X12X12X12X12" in [c.text for c in scan_barcodes(255 - tight, budget_s=5).codes]


def test_nothing_to_read_gives_an_empty_result_within_the_budget():
    noise = np.random.default_rng(1).integers(0, 255, (1080, 1920, 3), dtype=np.uint8)
    scan = scan_barcodes(noise, budget_s=0.5)
    assert scan.codes == []
    assert scan.elapsed_s < 2.0


def test_live_path_reads_the_demo_label_on_a_1080p_frame():
    frame = cv2.resize(DemoScene().render(12), (1920, 1080))
    read = read_label(frame, live=True, budget_s=0.035)
    assert read.pair == ("250464", "123456")
    assert read.text == [] and read.ocr == "ikke kjørt"      # no OCR on the live path
    assert set(read.attempts) <= {"direkte", "utsnitt (1D)"}


# --------------------------------------------------------------------------- candidates and the register

def _line(text: str, box, score: float = 0.98) -> OcrLine:
    x, y, w, h = box
    return OcrLine(text, score, ((x, y), (x + w, y), (x + w, y + h), (x, y + h)))


@pytest.mark.parametrize("text,kind,value", [
    ("HMS-nr 250464", "hmsnr", "250464"), ("HMS art.nr: 250464", "hmsnr", "250464"),
    ("Art.nr. 250464", "hmsnr", "250464"), ("Artikkelnr 25O464", "hmsnr", "250464"),
    ("Serienr 123456", "serienr", "123456"), ("Ser.nr. 123 456", "serienr", "123456"),
    ("Serie-nr: 123456", "serienr", "123456"), ("S/N 123456", "serienr", "123456"),
])
def test_labelled_numbers_are_candidates(text, kind, value):
    got = from_text(text, 0.97, "ocr")
    assert [(c.kind, c.value) for c in got] == [(kind, value)]


@pytest.mark.parametrize("text", ["Lev.art.nr 250464", "Best.nr 123456", "Kundenr 123456", "Ordre 123456",
                                  "HMS-nr 2504641", "Serienr 12345", "Tlf 250464", "250464"])
def test_other_numbers_are_not_candidates(text):
    assert from_text(text, 0.97, "ocr") == []


@pytest.mark.parametrize("text,kind,value", [
    ("HMS-wr: 127478", "hmsnr", "127478"), ("HMS art.er 122863", "hmsnr", "122863"),
    ("Ser mer. 934362", "serienr", "934362"), ("Senenr 123456", "serienr", "123456"),
    # "Art.nr" one letter off: "artnr" is also the tail of "levartnr", but one of our own spellings,
    # which the exact pattern takes as ours too
    ("Art nt: 326702", "hmsnr", "326702"), ("Art.nt 326702", "hmsnr", "326702"),
])
def test_labels_ocr_misread_are_still_labels(text, kind, value):
    assert [(c.kind, c.value) for c in from_text(text, 0.97, "ocr")] == [(kind, value)]


@pytest.mark.parametrize("text", ["Bes.nr 123456", "Lev.artnr 250464", "Kundene 933748", "Modhll 481539",
                                  "Varenr 123456", "Sertifikat 123456", "Postr 811357", "Rom 123456",
                                  "rt.nr 626672", "Lev.art.nt 626672"])   # "rt.nr": the tail of "Lev.art.nr" cut off
def test_misread_other_labels_are_not_taken_for_ours(text):
    assert from_text(text, 0.97, "ocr") == []


def test_a_number_without_its_label_among_other_numbers_is_not_the_hmsnr():
    lines = [_line("NAV Hjelpemiddelsentral", (10, 0, 300, 30)), _line("250464", (10, 40, 120, 32)),
             _line("Serienr 123456", (10, 80, 200, 32)), _line("Ordre 999999", (10, 120, 200, 32)),
             _line("777777", (300, 40, 120, 32))]
    got = {(c.kind, c.value) for c in from_lines(lines)}
    assert got == {("serienr", "123456")}
    assert best_pair(merge(from_lines(lines))) is None


def test_a_label_with_its_number_on_the_line_below_is_paired():
    lines = [_line("NAV Hjelpemiddelsentral", (10, 0, 300, 30)), _line("HMS-nr", (10, 40, 90, 24)),
             _line("250464", (10, 70, 120, 32)), _line("Serienr", (10, 110, 100, 24)),
             _line("123456", (10, 140, 120, 32)), _line("Ordre 999999", (600, 400, 150, 24))]
    got = {(c.kind, c.value) for c in from_lines(lines)}
    assert got == {("hmsnr", "250464"), ("serienr", "123456")}


_STICKER_UNREAD_HMS_LABEL = [
    _line("NAV Hjelpemiddelsentral Vestland", (10, 0, 300, 20)),
    _line("5 atar", (10, 40, 60, 14)), _line("725255", (10, 60, 120, 32)),     # "HMS art.nr" misread
    _line("Sersmr.", (10, 105, 70, 14)), _line("739407", (10, 125, 120, 32)),  # "Serienr." misread, still ours
]


def test_the_other_number_of_a_sticker_whose_label_was_seen_but_not_read():
    """One labelled number, and the sticker's only other number laid out the same way with unreadable
    text in its label's place: that number is the other kind, trusted less than the labelled one."""
    got = {c.kind: c for c in from_lines(_STICKER_UNREAD_HMS_LABEL)}
    assert (got["serienr"].value, got["hmsnr"].value) == ("739407", "725255")
    assert got["hmsnr"].confidence < got["serienr"].confidence
    assert got["hmsnr"].label == "(5 atar)"
    assert best_pair(merge(from_lines(_STICKER_UNREAD_HMS_LABEL))).hmsnr == "725255"
    # same-line layout: "<unreadable label> 725255" over "Serienr 739407"
    same_line = [_line("5 atar 725255", (10, 40, 200, 30)), _line("Serienr 739407", (10, 80, 200, 30))]
    assert {(c.kind, c.value) for c in from_lines(same_line)} == {("hmsnr", "725255"), ("serienr", "739407")}
    # only what decides whether to look further leaves it out
    assert {c.kind for c in from_lines(_STICKER_UNREAD_HMS_LABEL, exclusion=False)} == {"serienr"}


@pytest.mark.parametrize("change", ["other label", "header", "no label line", "third number", "elsewhere",
                                    "both unread"])
def test_a_number_is_not_taken_by_exclusion_when_anything_else_could_explain_it(change):
    lines = list(_STICKER_UNREAD_HMS_LABEL)
    if change == "other label":
        lines[1] = _line("Lev.art.nr", (10, 40, 90, 14))
    elif change == "header":
        lines[1:2] = []
        lines[0] = _line("NAV Hjelpemiddelsentral", (10, 30, 300, 20))
    elif change == "no label line":
        lines[1:2] = []
    elif change == "third number":
        lines.append(_line("482913", (10, 180, 120, 32)))     # which of the two is it? no guess
    elif change == "elsewhere":
        lines[1:3] = [_line("5 atar", (400, 40, 60, 14)), _line("725255", (400, 60, 120, 32))]
    else:
        lines[3] = _line("Sxzq", (10, 105, 70, 14))
    assert "hmsnr" not in {c.kind for c in from_lines(lines)}
    assert best_pair(merge(from_lines(lines))) is None


def test_a_twelve_digit_nav_barcode_gives_both_numbers():
    read = read_label(_code_image("250464123456", zxingcpp.BarcodeFormat.Code128), ocr=False)
    assert read.pair == ("250464", "123456")
    assert read.hmsnr[0].source == "strekkode"


def test_candidates_are_scored_against_a_real_seeded_register(core):
    from hms_desk.labels.register import known_in_register

    known = known_in_register(core.db)
    assert known("250464", "123456") is True            # the demo device is in the seeded register
    assert known("250464", "123457") is False
    # OCR read the serial twice: once right, once with a digit wrong but more confidently
    cands = merge([Candidate("hmsnr", "250464", "ocr", 0.95), Candidate("serienr", "123457", "ocr", 0.97),
                   Candidate("serienr", "123456", "ocr", 0.80)])
    assert best_pair(cands).serienr == "123457"           # without the register: the most confident
    pair = best_pair(cands, known)
    assert (pair.hmsnr, pair.serienr, pair.known) == ("250464", "123456", True)   # the known device wins
    unknown = best_pair(merge([Candidate("hmsnr", "111111", "ocr", 0.9),
                               Candidate("serienr", "222222", "ocr", 0.9)]), known)
    assert unknown.known is False                          # "doesn't match any device" for the GUI
    frame = DemoScene().render(40)
    read = read_label(frame, known=known)
    assert read.best.known is True and read.pair == ("250464", "123456")
    plain = read_label(frame)                              # the GUI: read on the CPU worker …
    assert plain.best.known is None
    assert plain.rescored(known).best.known is True       # … and score on the database worker


def test_a_failing_register_does_not_lose_the_read():
    def broken(h, s):
        raise RuntimeError("database gone")

    pair = best_pair([Candidate("hmsnr", "250464", "ocr", 0.9), Candidate("serienr", "123456", "ocr", 0.9)],
                     broken)
    assert (pair.hmsnr, pair.serienr, pair.known) == ("250464", "123456", None)


def test_codes_with_labelled_text_give_candidates():
    class C:
        format, gs1 = "QRCode", None
        text = "NAV\nHMS-nr: 250464\nSerienr: 123456"
    got = {(c.kind, c.value, c.source) for c in from_codes([C()])}
    assert got == {("hmsnr", "250464", "strekkode"), ("serienr", "123456", "strekkode")}


# --------------------------------------------------------------------------- live voter

def test_the_live_voter_trusts_a_pair_only_after_several_frames():
    from hms_desk.labels.candidates import Pair

    a = Pair("250464", "123456", 0.9, None, ("ocr", "ocr"))
    b = Pair("250464", "123457", 0.9, None, ("ocr", "ocr"))
    v = LiveLabelVoter(needed=3, window=5)
    assert v.add(a) is None and v.add(None) is None and v.add(b) is None and v.add(a) is None
    assert v.add(a) == a                                   # 3 of the last 5
    assert v.add(b) == a                                   # a tie changes nothing
    assert v.add(b) == b                                   # until another pair has 3 of the last 5
    v.reset()
    assert v.confirmed is None
    k = Pair("250464", "123456", 0.9, True, ("strekkode", "strekkode"))
    assert v.add(k) is None and v.add(k) == k              # a known device needs two frames
    with pytest.raises(ValueError):
        LiveLabelVoter(needed=7, window=5)


def test_the_voter_over_real_live_reads_of_the_demo_scene():
    scene = DemoScene()
    v = LiveLabelVoter()
    results = [v.add(read_label(scene.render(i * 5), live=True, budget_s=0.05)) for i in range(5)]
    assert results[0] is None
    assert results[-1] is not None and (results[-1].hmsnr, results[-1].serienr) == ("250464", "123456")


# --------------------------------------------------------------------------- input checks

def test_bad_pictures_and_regions_are_refused_with_norwegian_messages():
    with pytest.raises(LabelInputError, match="tomt eller ugyldig"):
        read_label(np.zeros((0, 0, 3), np.uint8))
    with pytest.raises(LabelInputError, match="tomt eller ugyldig"):
        read_label(np.zeros((10, 10, 3), np.float32))
    with pytest.raises(LabelInputError, match="utenfor bildet"):
        read_label(np.zeros((100, 100, 3), np.uint8), region=(200, 200, 50, 50))


def test_a_region_read_reports_positions_in_the_whole_picture():
    frame = DemoScene().render(0)
    full = read_label(frame, ocr=False)
    box = full.codes[0].to_json()["position"]["box"]
    region = (box[0] - 40, box[1] - 40, box[2] - box[0] + 80, box[3] - box[1] + 80)
    part = read_label(frame, region=region, ocr=False)
    assert part.region is not None and part.codes[0].text == full.codes[0].text
    assert np.abs(np.subtract(part.codes[0].to_json()["position"]["box"], box)).max() <= 3


# --------------------------------------------------------------------------- CLI

def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "hms_desk", *args], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)


def test_cli_read_label_json_shape(tmp_path, profile_dir):
    cv2.imwrite(str(tmp_path / "demo.png"), DemoScene().render(3))
    cv2.imwrite(str(tmp_path / "gs1.png"), _code_image("(01)09501101020917(10)AB-12(21)S123",
                                                       zxingcpp.BarcodeFormat.DataMatrix, gs1=True))
    cv2.imwrite(str(tmp_path / "blank.png"), np.full((200, 300, 3), 255, np.uint8))
    res = run_cli("read-label", str(tmp_path / "demo.png"), str(tmp_path / "gs1.png"), str(tmp_path / "blank.png"),
                  "--json", "--profile", str(profile_dir))
    assert res.returncode == 0, res.stderr                  # ran: 0, even for the blank picture
    data = json.loads(res.stdout)
    assert data["failed"] == 0
    demo, gs1, blank = data["images"]
    assert demo["file"].endswith("demo.png") and demo["error"] is None
    code = demo["codes"][0]
    assert set(code) >= {"format", "text", "gs1", "position"}
    assert (code["format"], code["text"], code["gs1"]) == ("Code128", "250464123456", None)
    assert len(code["position"]["points"]) == 4 and len(code["position"]["box"]) == 4
    assert demo["hmsnr"][0]["value"] == "250464" and demo["hmsnr"][0]["source"] == "strekkode"
    assert 0 < demo["hmsnr"][0]["confidence"] <= 1
    assert demo["serienr"][0]["value"] == "123456"
    assert demo["best"] == {"hmsnr": "250464", "serienr": "123456", "confidence": demo["best"]["confidence"],
                            "known": True, "sources": ["strekkode", "strekkode"]}
    g = gs1["codes"][0]["gs1"]
    assert g["bracketed"] == "(01)09501101020917(10)AB-12(21)S123"
    assert [f["ai"] for f in g["fields"]] == ["01", "10", "21"]
    assert gs1["codes"][0]["text"] == "0109501101020917" + "10AB-12" + GS + "21S123"
    assert blank["codes"] == [] and blank["best"] is None and blank["error"] is None


def test_cli_read_label_bad_files_exit_1_with_messages(tmp_path):
    (tmp_path / "tom.jpg").write_bytes(b"")
    (tmp_path / "tekst.png").write_text("ikke et bilde")
    res = run_cli("read-label", str(tmp_path / "borte.jpg"), str(tmp_path / "tom.jpg"), str(tmp_path / "tekst.png"),
                  "--json", "--no-register")
    assert res.returncode == 1
    rows = json.loads(res.stdout)["images"]
    assert [r["error"] is not None for r in rows] == [True, True, True]
    assert "Fant ikke filen" in res.stderr and "er tom" in res.stderr and "ikke et bilde" in res.stderr
    assert "Traceback" not in res.stderr


def test_cli_read_label_text_output(tmp_path):
    cv2.imwrite(str(tmp_path / "demo.png"), DemoScene().render(3))
    res = run_cli("read-label", str(tmp_path / "demo.png"), "--no-register", "--no-ocr")
    assert res.returncode == 0, res.stderr
    assert "Code128: 250464123456" in res.stdout
    assert "HMS-nr 250464 · Serienr 123456 — ikke sjekket" in res.stdout


def test_gs1_dates_use_the_gs1_century_rule():
    from hms_desk.labels.gs1 import _gs1_date

    today = dt.date(2026, 6, 1)
    assert _gs1_date("751231", today) == "2075-12-31"      # within +50 years
    assert _gs1_date("770101", today) == "1977-01-01"      # more than 50 ahead → last century
    assert _gs1_date("991301", today) is None


def test_the_forgiving_label_match_gives_the_plain_comparisons_answer_for_every_word():
    # the match compares a word with the tails of other labels only when their lengths allow one edit, and
    # keeps its answers: it must answer exactly as comparing with every tail
    from hms_desk.labels import candidates as C

    def plain(word):
        letters = "".join(ch for ch in word.lower() if ch.isalpha())
        if len(letters) < 4:
            return None
        best = {kind: min(C._distance(letters, sp) for sp in spellings) for kind, spellings in C._FUZZY_LABELS.items()}
        theirs = best.pop("")
        kind, d = min(best.items(), key=lambda kv: kv[1])
        ours = set(C._FUZZY_LABELS[kind])
        for other, spellings in C._FUZZY_LABELS.items():
            if other != kind and any(C._distance(letters, sp[k:]) <= 1 for sp in spellings
                                     for k in range(1, len(sp) - 2) if sp[k:] not in ours):
                return None
        if d > max(1, round(0.25 * len(letters))) or d >= theirs or d >= max(best.values()):
            return None
        return kind, d

    rng = np.random.default_rng(7)
    words = {sp[k:] for spellings in C._FUZZY_LABELS.values() for sp in spellings for k in range(len(sp) - 3)}
    for w in sorted(words):
        for _ in range(6):                                  # one or two letters changed, dropped or added
            v = list(w)
            for _ in range(int(rng.integers(1, 3))):
                i = int(rng.integers(0, len(v)))
                op = int(rng.integers(0, 3))
                ch = "abcdeilmnorstuvw"[int(rng.integers(0, 16))]
                if op == 0:
                    v[i] = ch
                elif op == 1 and len(v) > 4:
                    del v[i]
                else:
                    v.insert(i, ch)
            words.add("".join(v))
    assert len(words) > 1000
    for w in sorted(words):
        assert C.fuzzy_label(w) == plain(w), w
