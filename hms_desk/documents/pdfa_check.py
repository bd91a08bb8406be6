"""A self-check of the PDF/A-2b points HMS Desk promises — *not* ISO validation.

NAV archives documents as PDF/A-2.  The ISO validator (veraPDF) cannot be
installed where HMS Desk runs, so this module opens a written PDF with
``pikepdf`` and checks, one by one, the points our writers are responsible
for.  It is a self-check of our own output: passing it does not certify a
file as PDF/A-2b.

Checks (each a key of :attr:`CheckReport.checks`):

``header``            ``%PDF-1.n`` (n ≤ 7) at byte 0, then a binary comment line
``no_encryption``     no ``/Encrypt`` in the trailer
``trailer_id``        a trailer ``/ID`` of two non-empty strings
``fonts_embedded``    every font has its font program embedded (no base-14 font by name only)
``norwegian_glyphs``  every embedded text font can draw the whole Norwegian alphabet
                      (``ÆØÅæøå`` and the accented letters of :data:`NORWEGIAN_GLYPHS`)
``no_notdef``         no text operator shows a code without a real glyph (``.notdef``)
``to_unicode``        every font maps its codes to Unicode (the text layer reads back)
``output_intent``     one ``GTS_PDFA1`` OutputIntent with an embedded RGB profile (N = 3)
``icc_profile``       that profile is a valid ICC display/printer RGB profile, version < 5
``xmp``               an unfiltered XMP stream with ``pdfaid:part`` 2, ``pdfaid:conformance`` B
                      and the archive document type in ``dc:type``
``xmp_matches_info``  title, author, subject, keywords, creator, producer and both dates
                      equal the document information dictionary; no Info key without an
                      XMP twin (``/Trapped``)
``no_actions``        no JavaScript, Launch or other forbidden actions, no ``/AA``, no
                      embedded files, no XFA
``no_transparency``   no soft masks, no constant alpha below 1, no blend mode other than
                      Normal, no transparency groups, no image interpolation
``lang``              the catalogue's ``/Lang`` (and the expected language when given)

Run it on files: ``python -m hms_desk.documents.pdfa_check FILE.pdf ...``.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

__all__ = ["CHECKS", "CheckReport", "Finding", "check_pdf", "main"]

CHECKS = ("header", "no_encryption", "trailer_id", "fonts_embedded", "norwegian_glyphs", "no_notdef",
          "to_unicode", "output_intent", "icc_profile", "xmp", "xmp_matches_info", "no_actions",
          "no_transparency", "lang")

#: What every font must be able to draw (the core letters plus the accented ones we promise).
NORWEGIAN_REQUIRED = "ÆØÅæøåÉéÈèÊêÓóÒòÔôÀàÜüÄäÖö«»–"

STANDARD_14 = {"Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic", "Helvetica",
               "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Courier", "Courier-Bold",
               "Courier-Oblique", "Courier-BoldOblique", "Symbol", "ZapfDingbats"}
FORBIDDEN_ACTIONS = {"/JavaScript", "/Launch", "/Sound", "/Movie", "/ResetForm", "/ImportData", "/Hide",
                     "/SetOCGState", "/Rendition", "/Trans", "/GoTo3DView"}

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
}


@dataclass(frozen=True)
class Finding:
    check: str
    message: str

    def __str__(self) -> str:
        return f"{self.check}: {self.message}"


@dataclass
class CheckReport:
    """The result: ``checks`` says pass/fail per check, ``findings`` why."""

    source: str
    checks: dict[str, bool] = field(default_factory=lambda: {c: True for c in CHECKS})
    findings: list[Finding] = field(default_factory=list)
    pages: int = 0
    fonts: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return all(self.checks.values())

    def fail(self, check: str, message: str) -> None:
        self.checks[check] = False
        self.findings.append(Finding(check, message))

    def describe(self) -> str:
        head = (f"{self.source}: PDF/A-2b-egenkontroll "
                f"{'bestått' if self.ok else 'IKKE bestått'} ({self.pages} side(r); egenkontroll, "
                "ikke ISO-validering)")
        lines = [head] + [f"  {'OK ' if passed else 'FEIL'} {name}" for name, passed in self.checks.items()]
        lines += [f"    – {f}" for f in self.findings]
        return "\n".join(lines)


# --- helpers ----------------------------------------------------------------------

def _name(obj: Any) -> str:
    return str(obj) if obj is not None else ""


def _pdf_date(text: str) -> dt.datetime | None:
    m = re.match(r"D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?([Zz+\-])?(\d\d)?'?(\d\d)?'?", text or "")
    if not m:
        return None
    y, mo, d, h, mi, s, sign, tzh, tzm = m.groups()
    tz = dt.timezone.utc
    if sign in ("+", "-"):
        off = dt.timedelta(hours=int(tzh or 0), minutes=int(tzm or 0))
        tz = dt.timezone(off if sign == "+" else -off)
    return dt.datetime(int(y), int(mo or 1), int(d or 1), int(h or 0), int(mi or 0), int(s or 0), tzinfo=tz)


def _xmp_date(text: str) -> dt.datetime | None:
    try:
        value = dt.datetime.fromisoformat((text or "").strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.timezone.utc)


class _BadCMap(ValueError):
    pass


def _parse_tounicode(data: bytes) -> dict[int, str]:
    """code → text of a ToUnicode CMap (``bfchar`` and ``bfrange``); :class:`_BadCMap`
    when a destination is not UTF-16 (an odd number of hex digits)."""
    out: dict[int, str] = {}
    text = data.decode("latin-1")

    def uni(hexstr: str) -> str:
        if len(hexstr) % 4:
            raise _BadCMap(f"<{hexstr}> er ikke UTF-16")
        raw = bytes.fromhex(hexstr)
        return raw.decode("utf-16-be", errors="replace")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            out[int(src, 16)] = uni(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, rest in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)", block):
            a, b = int(lo, 16), int(hi, 16)
            if rest.startswith("["):
                for i, dst in enumerate(re.findall(r"<([0-9A-Fa-f]*)>", rest)):
                    out[a + i] = uni(dst)
            else:
                start = int(rest[1:-1], 16)
                for i in range(b - a + 1):
                    out[a + i] = chr(start + i)
    return out


@dataclass
class _Font:
    """What the checks need of one PDF font resource."""

    key: tuple[int, int] | str
    base: str                           # BaseFont without the subset prefix
    subtype: str
    embedded: bool
    code_glyph: dict[int, bool] | None  # code → has a real glyph (None: not checkable)
    to_unicode: dict[int, str] | None


def _font_program_glyphs(data: bytes) -> dict[int, bool]:
    """code → whether the embedded TrueType program has a real glyph for it."""
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(data), lazy=True)
    order = font.getGlyphOrder()
    glyf = font["glyf"] if "glyf" in font else None
    result: dict[int, bool] = {}
    for table in font["cmap"].tables:
        for code, gname in table.cmap.items():
            c = code - 0xF000 if (table.platformID == 3 and table.platEncID == 0 and code >= 0xF000) else code
            if not 0 <= c <= 0xFFFF:
                continue
            real = gname != ".notdef" and gname in order and order.index(gname) != 0
            if real and glyf is not None:
                g = glyf[gname]
                # an empty outline is fine for a space, but it must not be glyph 0
                real = getattr(g, "numberOfContours", 0) != 0 or c in (0x20, 0xA0) or g.isComposite()
            result[c] = result.get(c, False) or real
    return result


class _Checker:
    def __init__(self, pdf: Any, raw: bytes, report: CheckReport, expect_type: str | None,
                 expect_lang: str | None) -> None:
        self.pdf = pdf
        self.raw = raw
        self.r = report
        self.expect_type = expect_type
        self.expect_lang = expect_lang
        self.fonts: dict[Any, _Font] = {}

    # -- file level ------------------------------------------------------------------
    def header(self) -> None:
        m = re.match(rb"%PDF-1\.([0-7])\r?\n", self.raw)
        if not m:
            self.r.fail("header", "Filen begynner ikke med «%PDF-1.n» (n ≤ 7) på første byte.")
            return
        second = self.raw[m.end():m.end() + 64].split(b"\n", 1)[0]
        if not (second.startswith(b"%") and sum(1 for b in second[1:5] if b > 127) == 4):
            self.r.fail("header", "Andre linje er ikke en kommentar med fire binære tegn.")
        tail = self.raw.rstrip(b"\r\n")
        if not tail.endswith(b"%%EOF"):
            self.r.fail("header", "Det står data etter siste «%%EOF».")

    def encryption(self) -> None:
        if self.pdf.is_encrypted or "/Encrypt" in self.pdf.trailer:
            self.r.fail("no_encryption", "Filen er kryptert.")

    def trailer_id(self) -> None:
        ident = self.pdf.trailer.get("/ID")
        if ident is None or len(ident) != 2 or not all(len(bytes(x)) > 0 for x in ident):
            self.r.fail("trailer_id", "Trailer mangler /ID med to ikke-tomme strenger.")

    # -- fonts ----------------------------------------------------------------------------
    def _font(self, fdict: Any) -> _Font:
        key = fdict.objgen if fdict.is_indirect else id(fdict)
        if key in self.fonts:
            return self.fonts[key]
        import pikepdf

        subtype = _name(fdict.get("/Subtype"))
        base = _name(fdict.get("/BaseFont")).lstrip("/")
        base_plain = base.split("+", 1)[1] if re.match(r"^[A-Z]{6}\+", base) else base
        descriptor = fdict.get("/FontDescriptor")
        if subtype == "/Type0":
            desc_fonts = fdict.get("/DescendantFonts")
            descriptor = desc_fonts[0].get("/FontDescriptor") if desc_fonts else None
        program = None
        if descriptor is not None:
            for k in ("/FontFile2", "/FontFile", "/FontFile3"):
                if k in descriptor:
                    program = (k, descriptor[k])
                    break
        embedded = program is not None or subtype == "/Type3"
        code_glyph = None
        if program is not None and program[0] == "/FontFile2" and subtype == "/TrueType":
            try:
                code_glyph = _font_program_glyphs(program[1].read_bytes())
            except Exception as exc:  # a broken font program is a finding, not a crash
                self.r.fail("fonts_embedded", f"Skriften {base} kan ikke leses: {type(exc).__name__}.")
        to_unicode = None
        tu = fdict.get("/ToUnicode")
        if isinstance(tu, pikepdf.Stream):
            try:
                to_unicode = _parse_tounicode(tu.read_bytes())
            except _BadCMap as exc:
                to_unicode = {}
                self.r.fail("to_unicode", f"Skriften {base_plain} har en ugyldig /ToUnicode: {exc}.")
        font = _Font(key, base_plain, subtype, embedded, code_glyph, to_unicode)
        self.fonts[key] = font
        return font

    def _resources(self) -> Iterable[tuple[Any, Any]]:
        """(content holder, resources) for every page and form XObject, recursively."""
        import pikepdf

        seen: set[Any] = set()

        def walk(holder: Any, resources: Any) -> Iterable[tuple[Any, Any]]:
            yield holder, resources
            xobjects = resources.get("/XObject") if resources is not None else None
            if xobjects is None:
                return
            for _n, xo in xobjects.items():
                if isinstance(xo, pikepdf.Stream) and xo.get("/Subtype") == "/Form":
                    key = xo.objgen
                    if key in seen:
                        continue
                    seen.add(key)
                    yield from walk(xo, xo.get("/Resources") or resources)

        for page in self.pdf.pages:
            yield from walk(page, page.obj.get("/Resources"))

    def fonts_and_text(self) -> None:
        import pikepdf

        used: dict[str, set[str]] = {}
        for holder, resources in self._resources():
            fonts = resources.get("/Font") if resources is not None else None
            font_map: dict[str, _Font] = {}
            if fonts is not None:
                for fname, fdict in fonts.items():
                    font_map[fname] = self._font(fdict)
            try:
                ops = pikepdf.parse_content_stream(holder)
            except pikepdf.PdfError as exc:
                self.r.fail("no_notdef", f"Innholdet på en side kan ikke leses: {exc}.")
                continue
            current: _Font | None = None
            stack: list[_Font | None] = []
            for operands, op in ops:
                opname = str(op)
                if opname == "q":
                    stack.append(current)
                elif opname == "Q":
                    current = stack.pop() if stack else None
                elif opname == "Tf" and operands:
                    current = font_map.get(str(operands[0]))
                    if current is None:
                        self.r.fail("fonts_embedded", f"Skriften {operands[0]} brukes, men finnes ikke i ressursene.")
                elif opname in ("Tj", "'", '"', "TJ"):
                    strings: list[bytes] = []
                    if opname == "TJ":
                        strings = [bytes(x) for x in operands[0] if isinstance(x, pikepdf.String)]
                    elif operands:
                        strings = [bytes(operands[-1])]
                    if current is None:
                        self.r.fail("no_notdef", "Tekst vises uten at en skrift er valgt.")
                        continue
                    self._check_codes(current, strings, used)
        self.r.fonts = tuple(sorted({f.base for f in self.fonts.values()}))
        for font in self.fonts.values():
            if not font.embedded:
                what = " (en av standardskriftene, som aldri er innebygd)" if font.base in STANDARD_14 else ""
                self.r.fail("fonts_embedded", f"Skriften {font.base} er ikke innebygd{what}.")
            if font.subtype not in ("/TrueType", "/Type0", "/Type1", "/Type3", "/MMType1"):
                self.r.fail("fonts_embedded", f"Ukjent skrifttype {font.subtype} for {font.base}.")
            if font.to_unicode is None:
                self.r.fail("to_unicode", f"Skriften {font.base} mangler /ToUnicode.")
        # the Norwegian alphabet, per font family (all subsets of one font together)
        families: dict[str, dict[str, bool]] = {}
        for font in self.fonts.values():
            if font.code_glyph is None or font.to_unicode is None:
                continue
            fam = families.setdefault(font.base, {})
            for code, text in font.to_unicode.items():
                if len(text) == 1:
                    fam[text] = fam.get(text, False) or font.code_glyph.get(code, False)
        for base in sorted(used):
            fam = families.get(base)
            if fam is None:
                self.r.fail("norwegian_glyphs", f"Skriften {base} kan ikke kontrolleres (ikke TrueType).")
                continue
            missing = [ch for ch in NORWEGIAN_REQUIRED if not fam.get(ch)]
            if missing:
                self.r.fail("norwegian_glyphs", f"Skriften {base} mangler tegnene {''.join(missing)}.")

    def _check_codes(self, font: _Font, strings: list[bytes], used: dict[str, set[str]]) -> None:
        used.setdefault(font.base, set())
        if font.subtype == "/Type3":
            return
        if font.code_glyph is None:
            if font.subtype != "/TrueType":
                self.r.fail("no_notdef", f"Skriften {font.base} ({font.subtype}) kan ikke kontrolleres for .notdef.")
            return
        for s in strings:
            for code in s:
                if not font.code_glyph.get(code, False):
                    ch = font.to_unicode.get(code, "?") if font.to_unicode else "?"
                    self.r.fail("no_notdef", f"Skriften {font.base} viser kode {code} («{ch}») uten glyf (.notdef).")
                    return

    # -- colour ------------------------------------------------------------------------------
    def output_intent(self) -> None:
        import pikepdf

        intents = self.pdf.Root.get("/OutputIntents")
        if intents is None or len(intents) == 0:
            self.r.fail("output_intent", "Katalogen mangler /OutputIntents.")
            return
        pdfa = [oi for oi in intents if oi.get("/S") == "/GTS_PDFA1"]
        if not pdfa:
            self.r.fail("output_intent", "Ingen OutputIntent med /S /GTS_PDFA1.")
            return
        profiles = {oi.get("/DestOutputProfile").objgen for oi in intents
                    if isinstance(oi.get("/DestOutputProfile"), pikepdf.Stream)}
        if len(profiles) > 1:
            self.r.fail("output_intent", "OutputIntents viser til forskjellige ICC-profiler.")
        oi = pdfa[0]
        if not oi.get("/OutputConditionIdentifier"):
            self.r.fail("output_intent", "OutputIntent mangler /OutputConditionIdentifier.")
        profile = oi.get("/DestOutputProfile")
        if not isinstance(profile, pikepdf.Stream):
            self.r.fail("output_intent", "OutputIntent mangler en innebygd ICC-profil (/DestOutputProfile).")
            return
        if int(profile.get("/N", 0)) != 3:
            self.r.fail("output_intent", f"ICC-profilen har /N {profile.get('/N')}, ikke 3 (RGB).")
        self._icc(profile.read_bytes())

    def _icc(self, icc: bytes) -> None:
        if len(icc) < 132 or icc[36:40] != b"acsp":
            self.r.fail("icc_profile", "ICC-profilen er ikke en gyldig profil (mangler «acsp»).")
            return
        size = int.from_bytes(icc[0:4], "big")
        if size != len(icc):
            self.r.fail("icc_profile", f"ICC-profilens lengde ({len(icc)}) stemmer ikke med hodet ({size}).")
        major = icc[8]
        if major >= 5:
            self.r.fail("icc_profile", f"ICC-profilen har versjon {major}; PDF/A-2 tillater under 5.")
        if icc[12:16] not in (b"mntr", b"prtr"):
            self.r.fail("icc_profile", f"ICC-profilen er av klassen {icc[12:16]!r}, ikke skjerm eller skriver.")
        if icc[16:20] != b"RGB ":
            self.r.fail("icc_profile", f"ICC-profilen har fargerom {icc[16:20]!r}, ikke RGB.")
        if icc[20:24] not in (b"XYZ ", b"Lab "):
            self.r.fail("icc_profile", "ICC-profilens forbindelsesrom er verken XYZ eller Lab.")
        try:
            from PIL import ImageCms

            desc = ImageCms.ImageCmsProfile(io.BytesIO(icc)).profile.profile_description or ""
        except Exception:  # noqa: BLE001 - any parse failure is the finding
            self.r.fail("icc_profile", "ICC-profilen kan ikke leses av LittleCMS.")
            return
        if "srgb" not in desc.lower():
            self.r.fail("icc_profile", f"ICC-profilen er ikke sRGB («{desc}»).")

    # -- metadata -----------------------------------------------------------------------------
    def xmp(self) -> dict[str, Any]:
        import pikepdf

        found: dict[str, Any] = {}
        meta = self.pdf.Root.get("/Metadata")
        if not isinstance(meta, pikepdf.Stream):
            self.r.fail("xmp", "Katalogen mangler XMP-metadata (/Metadata).")
            return found
        if meta.get("/Filter") is not None:
            self.r.fail("xmp", "XMP-strømmen er komprimert (/Filter); PDF/A krever den lesbar.")
        if meta.get("/Type") != "/Metadata" or meta.get("/Subtype") != "/XML":
            self.r.fail("xmp", "XMP-strømmen mangler /Type /Metadata /Subtype /XML.")
        data = meta.read_bytes()
        if not data.lstrip().startswith(b"<?xpacket begin="):
            self.r.fail("xmp", "XMP-pakken mangler xpacket-hodet.")
        try:
            root = ET.fromstring(re.sub(rb"<\?xpacket[^>]*\?>", b"", data))
        except ET.ParseError as exc:
            self.r.fail("xmp", f"XMP er ikke gyldig XML: {exc}.")
            return found

        def texts(path: str) -> list[str]:
            out = []
            for desc in root.iter(f"{{{NS['rdf']}}}Description"):
                for el in desc.findall(path, NS):
                    lis = el.findall(".//rdf:li", NS)
                    out += [(li.text or "") for li in lis] if lis else [el.text or ""]
                attr = path.split("/")[-1]
                if ":" in attr and not attr.startswith("."):
                    prefix, local = attr.split(":", 1)
                    if prefix in NS and f"{{{NS[prefix]}}}{local}" in desc.attrib:
                        out.append(desc.attrib[f"{{{NS[prefix]}}}{local}"])
            return out

        def one(path: str) -> str | None:
            values = texts(path)
            return values[0] if values else None

        found = {k: one(p) for k, p in (("part", "pdfaid:part"), ("conformance", "pdfaid:conformance"),
                                         ("title", "dc:title"), ("description", "dc:description"),
                                         ("creator_tool", "xmp:CreatorTool"), ("create", "xmp:CreateDate"),
                                         ("modify", "xmp:ModifyDate"), ("producer", "pdf:Producer"),
                                         ("keywords", "pdf:Keywords"), ("trapped", "pdf:Trapped"))}
        found["creators"] = texts("dc:creator")
        found["types"] = texts("dc:type")
        found["languages"] = texts("dc:language")
        if found["part"] != "2":
            self.r.fail("xmp", f"pdfaid:part er {found['part']!r}, ikke 2.")
        if found["conformance"] != "B":
            self.r.fail("xmp", f"pdfaid:conformance er {found['conformance']!r}, ikke B.")
        if not found["types"]:
            self.r.fail("xmp", "dc:type (dokumenttype) mangler.")
        elif self.expect_type is not None and self.expect_type not in found["types"]:
            self.r.fail("xmp", f"dc:type er {found['types']}, ikke «{self.expect_type}».")
        return found

    def xmp_vs_info(self, x: dict[str, Any]) -> None:
        if not x:
            self.r.fail("xmp_matches_info", "Ingen XMP å sammenligne med.")
            return
        info = self.pdf.trailer.get("/Info")
        if info is None:
            self.r.fail("xmp_matches_info", "Dokumentinformasjonen (/Info) mangler.")
            return
        pairs = {"/Title": x.get("title"), "/Subject": x.get("description"), "/Keywords": x.get("keywords"),
                 "/Creator": x.get("creator_tool"), "/Producer": x.get("producer")}
        for key, xmp_value in pairs.items():
            if key in info and str(info[key]) != (xmp_value or ""):
                self.r.fail("xmp_matches_info", f"{key} «{info[key]}» ≠ XMP «{xmp_value}».")
            if key not in info and xmp_value:
                self.r.fail("xmp_matches_info", f"XMP har {key[1:]}, men /Info mangler den.")
        if "/Title" not in info or not str(info["/Title"]).strip():
            self.r.fail("xmp_matches_info", "Dokumentet har ingen tittel.")
        if "/Author" in info:
            if x.get("creators") != [str(info["/Author"])]:
                self.r.fail("xmp_matches_info", f"/Author «{info['/Author']}» ≠ dc:creator {x.get('creators')}.")
        for key, xkey in (("/CreationDate", "create"), ("/ModDate", "modify")):
            if key in info:
                a, b = _pdf_date(str(info[key])), _xmp_date(x.get(xkey) or "")
                if a is None or b is None or a != b:
                    self.r.fail("xmp_matches_info", f"{key} {info[key]} ≠ XMP {x.get(xkey)}.")
        if "/Trapped" in info and x.get("trapped") is None:
            self.r.fail("xmp_matches_info", "/Trapped står i /Info, men har ingen tvilling i PDF/A-2s XMP.")
        known = {"/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer", "/CreationDate", "/ModDate"}
        for key in info.keys():
            if key not in known and key != "/Trapped":
                self.r.fail("xmp_matches_info", f"/Info har {key} uten tvilling i XMP.")

    # -- actions and transparency --------------------------------------------------------------
    def actions_and_transparency(self) -> None:
        import pikepdf

        root = self.pdf.Root
        if "/AA" in root:
            self.r.fail("no_actions", "Katalogen har tilleggshandlinger (/AA).")
        names = root.get("/Names")
        if names is not None:
            for key in ("/JavaScript", "/EmbeddedFiles"):
                if key in names:
                    self.r.fail("no_actions", f"Navnetreet har {key}.")
        acro = root.get("/AcroForm")
        if acro is not None and ("/XFA" in acro or bool(acro.get("/NeedAppearances", False))):
            self.r.fail("no_actions", "Skjemaet har XFA eller /NeedAppearances.")
        for page in self.pdf.pages:
            if "/AA" in page.obj:
                self.r.fail("no_actions", "En side har tilleggshandlinger (/AA).")
            group = page.obj.get("/Group")
            if group is not None and group.get("/S") == "/Transparency":
                self.r.fail("no_transparency", "En side er en transparensgruppe.")
        for obj in self.pdf.objects:
            if not isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                continue
            d = obj.stream_dict if isinstance(obj, pikepdf.Stream) else obj
            s = d.get("/S")
            if s is not None and str(s) in FORBIDDEN_ACTIONS and ("/Type" not in d or d.get("/Type") == "/Action"):
                self.r.fail("no_actions", f"Forbudt handling {s}.")
            if "/JS" in d:
                self.r.fail("no_actions", "JavaScript (/JS) i dokumentet.")
            if d.get("/Type") == "/Annot" and "/AA" in d:
                self.r.fail("no_actions", "En merknad har tilleggshandlinger (/AA).")
            if d.get("/Type") == "/Filespec" and "/EF" in d:
                self.r.fail("no_actions", "Dokumentet har innebygde filer.")
            if isinstance(obj, pikepdf.Stream) and d.get("/Subtype") == "/Image":
                if "/SMask" in d or ("/Mask" in d and not isinstance(d.get("/Mask"), pikepdf.Array)):
                    self.r.fail("no_transparency", "Et bilde har myk maske (gjennomsiktighet).")
                if bool(d.get("/Interpolate", False)):
                    self.r.fail("no_transparency", "Et bilde har /Interpolate true.")
            if isinstance(obj, pikepdf.Stream) and d.get("/Subtype") == "/Form":
                g = d.get("/Group")
                if g is not None and g.get("/S") == "/Transparency":
                    self.r.fail("no_transparency", "Et skjema-XObject er en transparensgruppe.")
            is_gstate = d.get("/Type") == "/ExtGState" or (
                not isinstance(obj, pikepdf.Stream) and any(k in d for k in ("/CA", "/ca", "/BM")))
            if is_gstate:
                for k in ("/CA", "/ca"):
                    if k in d and float(d[k]) < 1.0:
                        self.r.fail("no_transparency", f"Grafikktilstand med {k} {float(d[k])} (< 1).")
                bm = d.get("/BM")
                if bm is not None and str(bm) not in ("/Normal", "/Compatible"):
                    self.r.fail("no_transparency", f"Blandingsmodus {bm}.")
                sm = d.get("/SMask")
                if sm is not None and str(sm) != "/None":
                    self.r.fail("no_transparency", "Grafikktilstand med myk maske.")

    def lang(self) -> None:
        lang = self.pdf.Root.get("/Lang")
        if lang is None or not str(lang).strip():
            self.r.fail("lang", "Katalogen mangler /Lang.")
        elif self.expect_lang is not None and str(lang) != self.expect_lang:
            self.r.fail("lang", f"/Lang er «{lang}», ikke «{self.expect_lang}».")


def check_pdf(source: Path | str | bytes, expect_type: str | None = None,
              expect_lang: str | None = None) -> CheckReport:
    """Run every check on a PDF (a path or its bytes); never raises for a bad file.

    ``expect_type`` is the archive type dc:type must contain (e.g. ``"notat"``),
    ``expect_lang`` the catalogue language (e.g. ``"nb-NO"``).
    """
    import pikepdf

    raw = source if isinstance(source, bytes) else Path(source).read_bytes()
    report = CheckReport("(bytes)" if isinstance(source, bytes) else str(source))
    try:
        pdf = pikepdf.open(io.BytesIO(raw))
    except pikepdf.PdfError as exc:
        for c in CHECKS:
            report.fail(c, f"Filen kan ikke åpnes som PDF: {exc}.")
        return report
    with pdf:
        report.pages = len(pdf.pages)
        checker = _Checker(pdf, raw, report, expect_type, expect_lang)
        checker.header()
        checker.encryption()
        checker.trailer_id()
        checker.fonts_and_text()
        checker.output_intent()
        checker.xmp_vs_info(checker.xmp())
        checker.actions_and_transparency()
        checker.lang()
    return report


def main(argv: list[str] | None = None) -> int:
    """``python -m hms_desk.documents.pdfa_check FILE...``: exit 0 when every file passes."""
    paths = sys.argv[1:] if argv is None else argv
    if not paths:
        sys.stderr.write("Bruk: python -m hms_desk.documents.pdfa_check FIL.pdf ...\n")
        return 2
    ok = True
    for p in paths:
        report = check_pdf(p)
        print(report.describe())
        ok = ok and report.ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
