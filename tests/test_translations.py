"""One language everywhere: the core's messages, Qt's own dialogs, plurals and dates, in bokmål and English.

The UI's tr() strings have their test in test_gui_shell.py
(``test_every_ui_string_is_translated_to_english``); here:

* every message the core writes (found by reading its source, tests/i18n_scan.py)
  and every value it shows (loan types, statuses, roles …) is in the English
  catalogue, hms_desk/domain/messages_en.py;
* real failures in English mode come out in English (service, CLI, GUI);
* Qt's standard buttons speak bokmål in bokmål and English in English;
* numerus strings have a bokmål singular and plural; the core writes no "bilde(r)";
* the UI shows dates in one Norwegian form.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from hms_desk.domain import i18n
from hms_desk.domain.i18n import has_translation, plural, set_language, t, t_format

sys.path.insert(0, str(Path(__file__).resolve().parent))
from i18n_scan import Scanner, normalise  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def english():
    """The process in English for one test, bokmål again after it."""
    set_language("en")
    yield
    set_language("nb")


@pytest.fixture(scope="module")
def scanned():
    s = Scanner()
    return s.scan()


# --------------------------------------------------------------------------- the catalogue

def test_every_core_message_has_english(scanned):
    templates = {f.template for f in scanned}
    assert len(templates) > 350, "the scanner stopped finding the core's messages"
    missing = sorted({f"{f.path}:{f.line}: {f.template!r}" for f in scanned if not has_translation(f.template)})
    assert missing == [], "add them to hms_desk/domain/messages_en.py (python tests/i18n_scan.py lists them)"


def test_scanner_sees_the_kinds_of_message(scanned):
    """The scanner itself: errors, rule texts, f-strings as templates, followed names, video states, N_."""
    by_path: dict[str, set[str]] = {}
    for f in scanned:
        by_path.setdefault(f.path, set()).add(f.template)
    assert "Saken finnes ikke." in by_path["hms_desk/services/cases.py"]                     # NotFound(...)
    assert "Delbestillingen må inneholde minst én dellinje" in by_path["hms_desk/parts/rules.py"]  # constant
    assert "Du kan bestille høyst {} stk. ({})." in by_path["hms_desk/parts/rules.py"]        # f-string
    assert "linje {}: {}" in by_path["hms_desk/parts/rules.py"]                               # helper's return
    assert "{} Prøver igjen om {} s (forsøk {}) …" in by_path["hms_desk/video/pipeline.py"]   # _set_state
    assert "{} bilder" in by_path["hms_desk/services/deletion.py"]                            # plural()
    assert "Venter på bilde …" in by_path["hms_desk/ui/video_pane.py"]                        # N_ in the UI
    assert "Fant ingen kamera." in by_path["hms_desk/ui/capture_sources.py"]                  # UI errors


def test_values_the_screens_show_have_english():
    from hms_desk.catalog.report import RowError
    from hms_desk.domain import nav
    from hms_desk.domain.limits import LIMITS
    from hms_desk.parts.orders import STATUS_TEXT
    from hms_desk.services.cases import CONSENT_GIVERS, CONSENT_KINDS, CONSENT_SCOPES, ROLES
    from hms_desk.video.annotate import KIND_NAMES
    from hms_desk.video.pipeline import PipelineState

    values = [*nav.LOAN_TYPES.values(), *nav.ARTICLE_STATUSES, "Utlån ikke funnet",
              *nav.ORDER_STATUS_PLAIN.values(), *nav.DELIVERY_TEXT.values(), *nav.DECISION_TEXT.values(),
              *STATUS_TEXT.values(), *(s.value for s in PipelineState), *(lim.label for lim in LIMITS.values()),
              *ROLES, *CONSENT_KINDS, *CONSENT_GIVERS, *CONSENT_SCOPES, *KIND_NAMES.values(),
              RowError("f", 1, "").label, "Treff", "Hmsnr", "Serienr", "Produktets hmsnr", "Delens hmsnr"]
    missing = [v for v in values if not has_translation(v)]
    assert missing == []


def test_catalogue_entries_are_well_formed():
    from hms_desk.domain.messages_en import MESSAGES

    named = re.compile(r"\{([A-Za-z_]\w*)\}")
    for nb, en in MESSAGES.items():
        assert en.strip(), nb
        assert set(named.findall(en)) <= set(named.findall(nb)), nb
        assert nb == nb.strip() or nb.startswith(" "), nb
        # English has no bokmål letters outside quoted examples and data («…» / “…”)
        unquoted = re.sub(r"“[^”]*”|«[^»]*»|\{[^}]*\}", "", en)
        assert not re.search(r"[æøåÆØÅ]", unquoted), (nb, en)
    assert len({normalise(k) for k in MESSAGES}) == len(MESSAGES), "two entries differ only in placeholder names"


def test_no_module_hides_t_behind_a_local_name():
    """``from hms_desk.domain.i18n import t`` and a local ``t`` (a time, a track) in the same module break the
    day someone calls t() there; such modules use ``i18n.t``."""
    clashes = []
    for path in sorted((ROOT / "hms_desk").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {a.asname or a.name for n in ast.walk(tree)
                    if isinstance(n, ast.ImportFrom) and n.module == "hms_desk.domain.i18n" for a in n.names}
        bound = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        bound |= {a.arg for n in ast.walk(tree) if isinstance(n, ast.arguments)
                  for a in [*n.posonlyargs, *n.args, *n.kwonlyargs]}
        if imported & bound & {"t", "N_", "plural", "t_format"}:
            clashes.append(f"{path.relative_to(ROOT)}: {sorted(imported & bound)}")
    assert clashes == []


# --------------------------------------------------------------------------- t(): how a text is translated

def test_bokmal_is_unchanged_and_unknown_text_passes_through(english):
    assert t("Saken finnes ikke.", "nb") == "Saken finnes ikke."
    assert t("Saken finnes ikke.") == "The case does not exist."
    assert t("/home/x/y.pdf") == "/home/x/y.pdf" and t("") == ""
    assert t("Minicrosser X1 4W") == "Minicrosser X1 4W"


def test_templates_translate_their_parts(english):
    # a value that is itself a message, two levels deep
    assert t("Linje 2: Hmsnr skal kun bestå av tall") == "Line 2: HMS no. must consist of digits only"
    assert t("Produktets hmsnr må ha 6 siffer") == "The product's HMS no. must have 6 digits"
    # a value that is not (a part name, a path) is left as it is
    assert t("Du kan bestille høyst 4 stk. (linje 1: Batteri 12V).") == \
        "You can order at most 4 pcs. (line 1: Batteri 12V)."
    assert t("Kunne ikke skrive journalnotatet til /tmp/a b.pdf: Permission denied") == \
        "Could not write the journal note to /tmp/a b.pdf: Permission denied"
    # an empty value, several lines, a list of catalogued items
    assert t("Ukjent hjelpemiddelsentral. Velg din hjelpemiddelsentral i innstillingene.") == \
        "Unknown assistive technology centre. Choose your centre in the settings."
    assert t("Hmsnr må ha 6 siffer\nSerienr skal kun bestå av tall") == \
        "HMS no. must have 6 digits\nSerial no. must consist of digits only"
    assert t("0 lest som O, delvis treff") == "0 read as O, partial match"
    assert t("treff i produktnavn og serie") == "match in product name and series"
    assert t("Oslo kommune, hjemmetjenesten") == "Oslo kommune, hjemmetjenesten"


def test_plural_and_formatted_templates(english):
    assert plural(1, "{n} bilde", "{n} bilder") == "1 bilde" and plural(3, "{n} bilde", "{n} bilder") == "3 bilder"
    assert t("Saken har 1 bilde som ikke er slettet ennå. Avslutt saken (eller slett bildene) før du lager "
             "slettebekreftelse.").startswith("The case still has 1 picture not deleted.")
    assert t("Bilde tatt, 2 ansikter sladdet") == "Picture taken, 2 faces blurred"
    assert t_format("Personopplysninger skal ikke lagres: {parts}. Fjern det, eller bekreft at det ikke gjelder "
                    "en person.", parts="x") == \
        "Personal data must not be stored: x. Remove it, or confirm that it is not about a person."


def test_the_core_writes_no_bracketed_plurals(scanned):
    """ "1 bilde(r)" is neither bokmål nor English: counted texts use plural()."""
    bracketed = re.compile(r"\w\((?:e|r|er|ene|ne)\)")
    assert sorted({f.template for f in scanned if bracketed.search(f.template)}) == []
    for ts in ("hms_desk_nb.ts", "hms_desk_en.ts"):
        for m in ET.parse(ROOT / "resources" / "i18n" / ts).iter("message"):
            for form in m.iter("numerusform"):
                assert not bracketed.search(form.text or ""), (ts, form.text)


# --------------------------------------------------------------------------- real failures in English

def test_errors_speak_the_current_language(db, english):
    from hms_desk.domain.errors import HmsError, NoLoan
    from hms_desk.domain.validation import InvalidIdentity, require_identity
    from hms_desk.services.lookup import LookupService

    with pytest.raises(InvalidIdentity) as bad:
        require_identity("25O46", "123456")
    assert bad.value.message == "HMS no. must have 6 digits\nHMS no. must consist of digits only"
    assert bad.value.message_nb == "Hmsnr må ha 6 siffer\nHmsnr skal kun bestå av tall"
    assert str(bad.value) == bad.value.message
    assert bad.value.to_dict()["code"] == "UGYLDIG"
    assert [v["message"] for v in bad.value.to_dict()["violations"]] == [
        "HMS no. must have 6 digits", "HMS no. must consist of digits only"]
    with pytest.raises(NoLoan) as unknown:
        LookupService(db).lookup("999999", "999999")
    assert unknown.value.message == "Unfortunately we cannot find a loan for this art. no. and serial no."
    assert unknown.value.code == "INGET_UTLÅN"
    set_language("nb")
    assert unknown.value.message == "Vi finner dessverre ikke et utlån på dette art.nr og serienr."
    assert HmsError("Saken er lukket.").message == "Saken er lukket."


def test_the_demo_video_and_its_banners_render_in_english(english):
    import numpy as np

    from hms_desk.video.demo_scene import DemoScene
    from hms_desk.video.live_blur import WARN_TEXT, _banner

    frame = DemoScene().render(3)
    assert frame.ndim == 3 and frame.any()
    image = np.zeros((120, 640, 3), np.uint8)
    _banner(image, WARN_TEXT)               # burnt in: "FACE BLURRING IS NOT WORKING – …"
    assert image[:, :, 2].max() > 150       # the red band with its text is there
    assert t(WARN_TEXT).startswith("FACE BLURRING IS NOT WORKING")


def test_settings_errors_in_english(tmp_path, english):
    from hms_desk.domain.errors import HmsError
    from hms_desk.platform.settings import Settings, SettingsError, SettingsStore, validate

    s = Settings()
    s.retention_days = 0
    with pytest.raises(SettingsError) as bad:
        validate(s)
    assert t(str(bad.value)) == "“retention_days” must be between 1 and 365 days"

    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"schema_version": 999}), encoding="utf-8")
    try:
        result = SettingsStore(path).load()
    except HmsError as exc:                  # a newer file is refused with a message, in English
        assert "newer version of HMS Desk" in exc.message, exc.message
    else:
        assert any("newer version of HMS Desk" in t(w) for w in result.warnings), result.warnings
    path.write_text("{ not json", encoding="utf-8")
    warnings = SettingsStore(path).load().warnings
    assert warnings and t(warnings[0]).startswith("The settings file was broken ("), warnings


def test_a_refused_order_in_english(db, english):
    from hms_desk.parts.orders import DraftLine, OrderDraft, OrderRefused, OrderService
    from hms_desk.parts.rules import NO_LINES_TEXT

    draft = OrderDraft(hmsnr="250464", serial="12345", orderer="T123456", orderer_hms_unit="4703",
                       delivery="hjem", lines=(), battery_training_confirmed=False)
    with pytest.raises(OrderRefused) as refused:
        OrderService(db).create(draft)
    messages = [v.message for v in refused.value.violations]
    assert "Serial no. must have 6 digits" in messages
    assert "You must choose a delivery." in messages
    assert "The parts order must contain at least one part line" in messages
    assert refused.value.message == "\n".join(messages)
    assert NO_LINES_TEXT in refused.value.message_nb
    d = refused.value.to_dict()
    assert d["code"] == "BESTILLING_AVVIST" and {"UGYLDIG_SERIENR", "UGYLDIG_LEVERING", "INGEN_DELER"} <= {
        v["code"] for v in d["violations"]}
    assert DraftLine  # the draft's line type is what the GUI fills


def cli(profile, *args):
    return subprocess.run([sys.executable, "-m", "hms_desk", "--profile", str(profile), *args],
                          capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_cli_follows_lang(profile_dir):
    bad = cli(profile_dir, "--lang", "en", "lookup", "12345", "abc")
    assert bad.returncode == 1
    assert bad.stderr.splitlines() == ["HMS no. must have 6 digits", "Serial no. must have 6 digits",
                                       "Serial no. must consist of digits only"]
    unknown = cli(profile_dir, "lookup", "999999", "999999", "--lang", "en", "--json")
    assert unknown.returncode == 3
    err = json.loads(unknown.stdout)["error"]
    assert err == {"code": "INGET_UTLÅN", "field": None,
                   "message": "Unfortunately we cannot find a loan for this art. no. and serial no."}
    refused = cli(profile_dir, "order", "create", "--lang", "en", "--hmsnr", "250464", "--serienr", "123456",
                  "--unknown", ":1: ", "--delivery", "hjem")
    assert refused.returncode == 1
    assert "UGYLDIG_LEVERING: You must choose a delivery." in refused.stderr
    assert "UKJENT_DEL_MANGLER_NUMMER: Line 1: give the part's HMS no. or the supplier's article number." \
        in refused.stderr
    norsk = cli(profile_dir, "lookup", "12345", "123456")         # without --lang: bokmål
    assert norsk.stderr.strip() == "Hmsnr må ha 6 siffer"


# --------------------------------------------------------------------------- the GUI

@pytest.fixture
def gui_english(qapp):
    from hms_desk.ui.i18n import install_translations

    assert install_translations(qapp, "en")
    yield
    install_translations(qapp, "nb")


def test_qt_standard_buttons_speak_the_language(qapp):
    from PySide6.QtWidgets import QDialogButtonBox

    from hms_desk.ui.i18n import install_translations

    def texts() -> list[str]:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        out = [b.text().replace("&", "") for b in box.buttons()]
        box.deleteLater()
        return sorted(out)

    assert install_translations(qapp, "nb")
    assert i18n.current_language() == "nb"
    assert texts() == ["Avbryt", "Lagre", "Lukk", "OK"]
    try:
        assert install_translations(qapp, "en")
        assert i18n.current_language() == "en"
        assert texts() == ["Cancel", "Close", "OK", "Save"]
    finally:
        install_translations(qapp, "nb")
    from PySide6.QtCore import QCoreApplication
    assert QCoreApplication.translate("QLineEdit", "Select All") == "Merk alt"
    assert QCoreApplication.translate("QPrintPreviewDialog", "Print Preview") == "Forhåndsvisning"


def test_numerus_strings_have_both_forms_in_both_languages(qapp, tmp_path):
    from PySide6.QtCore import QCoreApplication

    from hms_desk.ui.i18n import install_translations

    ts = tmp_path / "fresh.ts"
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(exe), *map(str, sorted((ROOT / "hms_desk" / "ui").glob("*.py"))), "-ts", str(ts)],
                   check=True, capture_output=True)
    numerus = {m.find("source").text for m in ET.parse(ts).iter("message") if m.get("numerus") == "yes"}
    assert len(numerus) >= 8
    for lang in ("nb", "en"):
        shipped = {m.find("source").text: [f.text for f in m.iter("numerusform")]
                   for m in ET.parse(ROOT / "resources" / "i18n" / f"hms_desk_{lang}.ts").iter("message")
                   if m.get("numerus") == "yes"}
        for src in numerus:
            forms = shipped.get(src, [])
            assert len(forms) == 2 and all(f and f.strip() for f in forms), (lang, src)

    translate = QCoreApplication.translate
    try:
        install_translations(qapp, "nb")
        assert translate("CasePanel", "%n ansikt(er) sladdet", "", 1) == "1 ansikt sladdet"
        assert translate("CasePanel", "%n ansikt(er) sladdet", "", 2) == "2 ansikter sladdet"
        assert translate("CasePanel", "%n bilde(r) slettet.", "", 1) == "1 bilde slettet."
        install_translations(qapp, "en")
        assert translate("CasePanel", "%n ansikt(er) sladdet", "", 1) == "1 face blurred"
        assert translate("CasePanel", "%n ansikt(er) sladdet", "", 2) == "2 faces blurred"
    finally:
        install_translations(qapp, "nb")


def test_every_ui_string_is_found_in_the_context_it_is_looked_up_in(tmp_path):
    """tr() looks a text up under its class's name: lupdate must file it there too (not under "win",
    "parent" or no context, as it does for ``win.tr(…)`` or ``tr = self.tr``)."""
    ts = tmp_path / "fresh.ts"
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    files = sorted((ROOT / "hms_desk" / "ui").glob("*.py"))
    subprocess.run([str(exe), *map(str, files), "-ts", str(ts)], check=True, capture_output=True)
    classes = {n.name for f in files for n in ast.walk(ast.parse(f.read_text(encoding="utf-8")))
               if isinstance(n, ast.ClassDef)}
    contexts = {c.findtext("name") for c in ET.parse(ts).iter("context")}
    assert contexts - classes == set()


UI_LITERAL_OK = {"English", "Norsk bokmål",                       # each language in its own name
                 "rtsp://…  http://…/video.mjpg  https://…/index.m3u8"}
_SETTERS = {"setText", "setPlaceholderText", "setToolTip", "setStatusTip", "setWindowTitle", "setTitle",
            "setAccessibleName", "setAccessibleDescription", "setHorizontalHeaderLabels", "setHeaderLabels",
            "showMessage", "setSuffix", "setPrefix", "setInformativeText", "setLabelText", "addRow", "addTab",
            "QLabel", "QPushButton", "QCheckBox", "QGroupBox", "QRadioButton", "QListWidgetItem",
            "QTableWidgetItem", "addItem", "addAction", "addMenu"}


def test_ui_shows_no_untranslated_literal():
    """A literal text handed straight to a widget (not through tr() or t()) is in neither language's file."""
    word = re.compile(r"[A-Za-zÆØÅæøå]{2,}")
    found = []
    for path in sorted((ROOT / "hms_desk" / "ui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            if name not in _SETTERS or not node.args:
                continue
            first = node.args[0]
            texts = [first.value] if isinstance(first, ast.Constant) and isinstance(first.value, str) else []
            if isinstance(first, ast.JoinedStr):
                texts = ["".join(v.value for v in first.values if isinstance(v, ast.Constant))]
            for text in texts:
                if word.search(text) and text not in UI_LITERAL_OK:
                    found.append(f"{path.name}:{node.lineno}: {text!r}")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):          # lupdate does not look inside f-strings
                for sub in ast.walk(node):
                    if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and sub.func.attr == "tr":
                        found.append(f"{path.name}:{node.lineno}: tr() inside an f-string")
    assert found == []


def test_ui_dates_use_the_one_norwegian_form():
    """Dates on screen go through hms_desk.domain.formats (28.11.2026 kl. 14:05), never ISO."""
    offenders = []
    for path in sorted((ROOT / "hms_desk" / "ui").glob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\.isoformat\(\)|strftime\(|:%[dYHm]", line):
                offenders.append(f"{path.name}:{n}: {line.strip()}")
    assert offenders == []


@pytest.mark.slow
def test_english_window_after_a_lookup(gui_english, window, gui_core, qtbot):
    """The device card in English: the malformed HMS-nr, then the demo device's values and dates."""
    lp = window.lookup_panel
    window.act_lookup.trigger()
    qtbot.keyClicks(lp.hmsnr, "25O464")
    qtbot.keyClicks(lp.serial, "123456")
    lp.do_lookup()
    assert lp.hmsnr_error.text() == "HMS no. must consist of digits only"
    lp.hmsnr.clear()
    qtbot.keyClicks(lp.hmsnr, "250464")
    with qtbot.waitSignal(lp.deviceFound, timeout=10000) as found:
        lp.do_lookup()
    card = found.args[0]
    shown = {k: lab.text() for k, lab in lp._card_labels.items()}
    assert shown["status"] == t(card.article_status) and shown["status"] in ("On loan", "Under repair")
    assert shown["loan"].startswith(t(card.loan_type_text)) and " from " in shown["loan"]
    assert re.search(r"\b\d\d\.\d\d\.\d{4}\b", shown["loan"]), shown["loan"]
    if card.warranty_end is not None:
        assert card.warranty_end.strftime("%d.%m.%Y") in shown["warranty"]
    for text in shown.values():
        assert not re.search(r"\d{4}-\d\d-\d\d", text), text
    assert window.lookup_panel.button.text() == "&Look up"


@pytest.mark.slow
def test_video_banner_in_english(gui_english, qtbot):
    from PySide6.QtGui import QImage

    from hms_desk.ui.video_pane import VideoPane

    pane = VideoPane()
    qtbot.addWidget(pane)
    pane.resize(640, 360)
    pane.show_error("Videoadressen «x» er ikke en gyldig adresse.")
    assert pane.state_message == "Videoadressen «x» er ikke en gyldig adresse."      # kept in bokmål …
    assert t(pane.state_message) == "The video address “x” is not a valid address."   # … shown in English
    img: QImage = pane.grab().toImage()
    assert not img.isNull()
    pane.shutdown()
