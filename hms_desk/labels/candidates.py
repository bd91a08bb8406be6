"""HMS-nr and serienr candidates from codes and sticker text, scored against the register.

Where a candidate comes from (``source``):

* ``strekkode`` — a code whose text is NAV's pair (12 digits: HMS-nr then
  serienr, as on NAV's labels), or text with the labels ("HMS-nr 250464
  Serienr 123456") inside a QR/Data Matrix code;
* ``ocr`` — a six-digit number on the sticker after (or under) a label:
  "HMS-nr", "HMS art.nr", "Art.nr", "Artikkelnr" for the HMS article number;
  "Serienr", "Serie-nr", "Ser.nr", "Serienummer", "S/N" for the serial.
  "Lev.art.nr" (the supplier's number), "Best.nr", "Kundenr" and the like are
  not labels.  A GS1 code's (01) GTIN and (21) maker's serial are never
  candidates: they are not NAV's numbers.

A label OCR misread ("HMS-wr", "Ser mer.", "HMS art.er") still counts when
its letters are at most a quarter off one of our spellings and nearer to ours
than to any other label a picture shows next to numbers (:func:`fuzzy_label`);
a number without a label is never a candidate, however sticker-like it looks.

``confidence`` (0–1) combines the recogniser's score, how cleanly the label
was read and whether letters had to be read as digits (O→0, I/l→1, S→5, B→8).

:func:`best_pair` pairs the candidates; a pair the register knows
(``known(hmsnr, serienr) -> bool``) always wins over one it does not.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable

import numpy as np

__all__ = ["NAV_WORDS", "Candidate", "Known", "Pair", "best_pair", "digit_runs", "from_codes", "from_lines",
           "from_text", "has_label", "merge", "numbers_in", "replace_number"]

Known = Callable[[str, str], bool]


@dataclass(frozen=True)
class Candidate:
    kind: str              # "hmsnr" | "serienr"
    value: str             # six digits
    source: str            # "strekkode" | "ocr"
    confidence: float
    label: str = ""        # the label text read, or the code's format
    text: str = ""         # the whole line/code text it came from
    lines: tuple[int, ...] = field(default=(), compare=False, repr=False)   # OCR lines used

    def to_json(self) -> dict:
        return {"value": self.value, "source": self.source, "confidence": round(self.confidence, 3),
                "label": self.label, "text": self.text}


@dataclass(frozen=True)
class Pair:
    hmsnr: str
    serienr: str
    confidence: float
    known: bool | None     # None: no register was asked
    sources: tuple[str, str]

    def to_json(self) -> dict:
        return {"hmsnr": self.hmsnr, "serienr": self.serienr, "confidence": round(self.confidence, 3),
                "known": self.known, "sources": list(self.sources)}


# --------------------------------------------------------------------------- text parsing

# Letters OCR reads for digits inside a number.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "|": "1",
                                   "i": "1", "!": "1", "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2",
                                   "G": "6", "b": "6", "g": "9", "q": "9", "T": "7"})

# "nr" as OCR reads it: nr, nummer, and "m"/"mr" for a squeezed "nr".
_NR = r"(?:[nm]\s?(?:e?r|ummer|umber)|me?(?=\W|$))"
_HMS_LABEL = re.compile(
    r"(?<![a-zæøå.])(?:"
    r"h\s?[mn]\s?s\s?[-.:]?\s?(?:art(?:ikkel)?\s?\.?\s?-?\s?)?" + _NR +   # HMS-nr, HMS art.nr, HMS-artnr
    r"|h\s?m\s?s(?=\s*[:.]?\s*\d)"                                      # HMS 250464
    r"|art(?:ikkel)?\s?\.?\s?-?\s?" + _NR +                              # Art.nr, Artikkelnr
    r")\.?\s*:?",
    re.IGNORECASE)
_SERIAL_LABEL = re.compile(
    r"(?<![a-zæøå.])(?:"
    r"s\s?e\s?r(?:ie)?\s?[-.]?\s?" + _NR +                               # Serienr, Ser.nr, Serie-nr, Serienummer
    r"|se\s?n\s?r"                                                      # "Senr" (a dot lost)
    r"|s\s?/\s?n|s\.?n\.?(?=\s*:?\s*\d)"                                # S/N, SN
    r"|serial\s?(?:no|nr|number)?"
    r")\.?\s*:?",
    re.IGNORECASE)
#: Words that make a following "nr" something else (supplier's number, order number …).
_NOT_OURS = re.compile(r"(lev|leverandør|best|kunde|ordre|faktura|reg|post|tlf|telefon)\s*\.?\s*-?\s*$",
                       re.IGNORECASE)
# A digit as OCR writes it: a digit or a letter it reads for one (see _DIGIT_LOOKALIKES).
_DIGITISH = r"[0-9OoDQIl|iSsBZzGbgqT!]"
_NUMBER = re.compile(r"(?<![0-9A-Za-z])(" + _DIGITISH + r"{6}|[0-9]{3}\s[0-9]{3})(?![0-9A-Za-z])")
_DIGIT_RUN = re.compile(_DIGITISH + r"{4,}")


def _number_after(text: str) -> tuple[str, float] | None:
    """The first six-digit number at the start of ``text`` (after the label), with a penalty
    when letters had to be read as digits."""
    m = _NUMBER.search(text)
    if m is None or m.start() > 3:
        return None
    raw = m.group(1).replace(" ", "")
    value = raw.translate(_DIGIT_LOOKALIKES)
    if not value.isdigit() or len(value) != 6:
        return None
    fixed = sum(1 for a, b in zip(raw, value) if a != b)
    if fixed > 2 or sum(c.isdigit() for c in raw) < 4:
        return None
    return value, 1.0 - 0.15 * fixed


# Label spellings, letters only, for the forgiving match of a label OCR misread ("HMS-wr", "Ser mer.",
# "HMS art.er", "Artikkeln"): a word is taken as our label only when it is closer to one of ours than to
# any of the other labels a picture shows next to numbers.
_FUZZY_LABELS = {
    "hmsnr": ("hmsnr", "hmsartnr", "hmsartikkelnr", "hmsnummer", "artnr", "artikkelnr", "artikkelnummer"),
    "serienr": ("serienr", "sernr", "serienummer", "serialnr", "serialno", "serialnumber"),
    "": ("levartnr", "levnr", "leverandørnr", "bestnr", "bestillingsnr", "kundenr", "ordre", "ordrenr",
         "faktura", "fakturanr", "regnr", "postnr", "tlf", "telefon", "lot", "lotnr", "modell", "modellnr",
         "pris", "dato", "ref", "refnr", "rom", "vekt", "varenr", "typenr", "gtin", "ean", "batch", "sertifikat",
         "nav", "hjelpemiddelsentral", "utlånt", "eiendom"),
}
_WORD = re.compile(r"[^\s\d]+(?:\s+[^\s\d]+)*")


def _distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


# the tails of each kind's spellings ("rtnr", "tnr" … of "levartnr"), for the check of a cut-off label
_TAILS = {kind: sorted({sp[k:] for sp in spellings for k in range(1, len(sp) - 2)})
          for kind, spellings in _FUZZY_LABELS.items()}


def fuzzy_label(word: str) -> tuple[str, int] | None:
    """``(kind, edits)`` when ``word`` is one of our labels misread by at most a quarter of its letters
    (at least one edit allowed) and is nearer to ours than to any other label; else None."""
    letters = "".join(ch for ch in word.lower() if ch.isalpha())
    if len(letters) < 4:
        return None
    return _fuzzy_letters(letters)


@functools.lru_cache(maxsize=4096)
def _fuzzy_letters(letters: str) -> tuple[str, int] | None:
    """:func:`fuzzy_label` of a word's letters (the same words come back often: kept)."""
    best: dict[str, int] = {}
    for kind, spellings in _FUZZY_LABELS.items():
        best[kind] = min(_distance(letters, sp) for sp in spellings)
    theirs = best.pop("")
    kind, d = min(best.items(), key=lambda kv: kv[1])
    # the tail of another label ("rtnr" of "Lev.art.nr" cut off): whose it is cannot be told — unless the
    # tail is itself one of our spellings ("artnr" of "levartnr"), which the exact patterns take as ours too
    ours = set(_FUZZY_LABELS[kind])
    n = len(letters)
    for other, tails in _TAILS.items():
        if other != kind and any(abs(len(t) - n) <= 1 and t not in ours and _distance(letters, t) <= 1
                                 for t in tails):
            return None
    other = max(best.values())
    allowed = max(1, round(0.25 * len(letters)))
    if d > allowed or d >= theirs or d >= other:
        return None
    return kind, d


def _fuzzy_labels_in(text: str, taken: list[tuple[int, int]]) -> list[tuple[str, int, int, str]]:
    """Labels OCR misread: the last one to three words of each run of words (no digits), not overlapping
    a label the exact patterns found."""
    found = []
    for m in _WORD.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        words = [w for w in re.finditer(r"\S+", m.group(0))]
        hits = []
        for k in range(max(0, len(words) - 3), len(words)):
            start = m.start() + words[k].start()
            span = text[start:m.end()]
            hit = fuzzy_label(span)
            if hit is not None:
                hits.append((hit[1], -len(span), hit[0], start, span))
        if hits:
            d, _neg, kind, start, span = min(hits)
            if _NOT_OURS.search(text[:start]):
                continue
            found.append((kind, start, m.end(), span.strip(), d))
    return [(kind, start, end, label) for kind, start, end, label, _d in found]


def _labels_in(text: str) -> list[tuple[str, int, int, str]]:
    """``(kind, start, end, label)`` for every label in ``text`` (exact patterns first, then the forgiving
    match for words they did not explain)."""
    found = []
    for kind, rx in (("hmsnr", _HMS_LABEL), ("serienr", _SERIAL_LABEL)):
        for m in rx.finditer(text):
            if _NOT_OURS.search(text[:m.start()]):
                continue
            found.append((kind, m.start(), m.end(), m.group(0).strip()))
    found += _fuzzy_labels_in(text, [(f[1], f[2]) for f in found])
    found.sort(key=lambda f: f[1])
    return found


def _is_number_line(text: str) -> tuple[str, float] | None:
    t = text.strip().strip(":.,;")
    if len(t) > 8:
        return None
    return _number_after(t)


def from_text(text: str, score: float, source: str) -> list[Candidate]:
    """Labelled numbers on one line of text (or inside a code's text)."""
    out = []
    for kind, _start, end, label in _labels_in(text):
        hit = _number_after(text[end:])
        if hit is None:
            continue
        value, clean = hit
        exact = 1.0 if re.fullmatch(r"(hms[- ]?nr|hms art\.?nr|art\.?nr|serienr|ser\.?nr|serie-nr)[.:]?",
                                    label.lower()) else 0.92
        out.append(Candidate(kind, value, source, round(score * clean * exact, 4), label, text))
    return out


def from_lines(lines: Iterable, exclusion: bool = True) -> list[Candidate]:
    """Candidates from OCR lines (objects with ``text``, ``score``, ``box``).

    A label with its number on the same line counts; so does a line holding
    only the label when the number is on the line just below it or just to its
    right (stickers print both layouts).  With ``exclusion``, the sticker's
    other number whose label was seen but not read (:func:`_by_exclusion`).
    """
    lines = list(lines)
    out: list[Candidate] = []
    used_numbers: set[int] = set()
    for i, line in enumerate(lines):
        cands = [replace(c, lines=(i,)) for c in from_text(line.text, line.score, "ocr")]
        out += cands
        if cands:
            continue
        labels = _labels_in(line.text)
        if not labels:
            continue
        kind, _s, end, label = labels[-1]
        if line.text[end:].strip(" :.-"):
            continue                 # something else follows the label on its own line
        j = _neighbour_number(lines, i, used_numbers)
        if j is None:
            continue
        value, clean = _is_number_line(lines[j].text)   # type: ignore[misc]
        used_numbers.add(j)
        conf = min(line.score, lines[j].score) * clean * 0.95
        out.append(Candidate(kind, value, "ocr", round(conf, 4), label, f"{line.text} / {lines[j].text}",
                             (i, j)))
    return out + _by_exclusion(lines, out) if exclusion else out


#: How much less an number found by exclusion is trusted than the labelled number it pairs with.
EXCLUSION_FACTOR = 0.8
#: Words of the sticker's header ("NAV Hjelpemiddelsentral", "Eiendom av NAV", "Tilhører NAV"), as OCR
#: reads them when the text is small.
NAV_WORDS = re.compile(r"\bNAV\b|hj[e3]lp|middel|sentral|eiendom|tilh[øo]rer", re.IGNORECASE)
_LOANED = re.compile(r"utl[åa]nt", re.IGNORECASE)      # "Utlånt fra NAV", the sticker's foot line


def _unread_label(text: str) -> bool:
    """Text in a label's place that could be our other label misread beyond recognition: a few letters,
    no number, and nothing else a picture shows next to numbers (another label, NAV's header)."""
    t = text.strip()
    letters = "".join(ch for ch in t.lower() if ch.isalpha())
    if not 2 <= len(letters) <= 14 or len(t) > 18 or re.search(r"\d{3}", t):
        return False
    if _labels_in(t) or _NOT_OURS.search(t) or NAV_WORDS.search(t) or _LOANED.search(t):
        return False
    theirs = min(_distance(letters, sp) for sp in _FUZZY_LABELS[""])
    return theirs > max(1, round(0.25 * len(letters)))


def _frame(box) -> tuple[np.ndarray, np.ndarray, np.ndarray, float, float]:
    """A line's box as (top-left corner, reading direction, down direction, length, height)."""
    a = np.asarray(box, np.float64)
    ua = a[1] - a[0]
    length = float(np.linalg.norm(ua)) or 1.0
    u = ua / length
    return a[0], u, np.array([-u[1], u[0]]), length, float(np.linalg.norm(a[3] - a[0])) or 1.0


def _by_exclusion(lines: list, found: list[Candidate]) -> list[Candidate]:
    """The other number of a sticker whose label was seen but not read.

    When only one kind was found (say the serial, "Sersmr. / 739407") and the sticker shows exactly one
    more six-digit number laid out as the labelled one is — in the same column, one label-and-number
    step away, with unreadable text of a label's size in its label's place (above it, or before it on
    its line) and no other label there — that number is the other kind: a NAV sticker carries both.
    Trusted :data:`EXCLUSION_FACTOR` as much as the labelled number, never more."""
    if len({c.kind for c in found}) != 1:
        return []
    anchor = max(found, key=lambda c: c.confidence)
    if not anchor.lines:
        return []
    other_kind = "serienr" if anchor.kind == "hmsnr" else "hmsnr"
    used = {i for c in found for i in c.lines}
    origin, u, v, _length, h = _frame(lines[anchor.lines[-1]].box)
    above = len(anchor.lines) == 2          # the anchor's label was on the line above its number
    column = []
    for k, line in enumerate(lines):
        if k in used or not numbers_in(line.text):
            continue
        corner, _u, _v, _l, hk = _frame(line.box)
        d = corner - origin
        # the same column, a label-and-number step (or a few lines) above or below the anchor
        if (0.6 < hk / h < 1.6 and 1.0 < abs(float(d @ v)) / max(h, hk) < 5.0
                and abs(float(d @ u)) < 2.5 * max(h, hk)):
            column.append(k)
    if len(column) != 1:
        return []                           # no other number there, or more than one: no guess
    k = column[0]
    line = lines[k]
    if above:
        hit = _is_number_line(line.text)
        slots = [(gap, j) for j, other in enumerate(lines) if j not in used and j != k
                 and (gap := _label_slot(other.box, line.box)) is not None]
        if hit is None or not slots:
            return []
        j = min(slots)[1]                   # the line right above it
        if numbers_in(lines[j].text) or not _unread_label(lines[j].text):
            return []
        value, score = hit[0], min(line.score, lines[j].score)
    else:
        m = re.match(r"^(.*?)(?<![0-9A-Za-z])([0-9]{6})\W*$", line.text.strip())
        if m is None or not _unread_label(m.group(1)):
            return []
        j, value, score = k, m.group(2), line.score
    if value == anchor.value:
        return []
    conf = round(min(anchor.confidence, score) * EXCLUSION_FACTOR, 4)
    text = lines[k].text if j == k else f"{lines[j].text} / {lines[k].text}"
    return [Candidate(other_kind, value, "ocr", conf, f"({lines[j].text.strip()})", text, tuple(sorted({j, k})))]


def _label_slot(label_box, number_box) -> float | None:
    """How far above ``number_box`` ``label_box`` sits, when it sits where a label does (just above,
    starting near where the number starts); else None."""
    corner, u, v, _length, h = _frame(number_box)
    lc, _u, _v, _l, hl = _frame(label_box)
    d = lc - corner
    along, across = float(d @ u), float(d @ v)
    if -2.6 * max(h, hl) < across < -0.3 * hl and abs(along) < 2.0 * max(h, hl) and 0.25 < hl / h < 1.3:
        return -across
    return None


def _numbers(text: str):
    """Each six-digit number in ``text`` (letters read as digits mapped back) with the positions in
    ``text`` of its six characters."""
    for m in _NUMBER.finditer(text):
        value = m.group(1).replace(" ", "").translate(_DIGIT_LOOKALIKES)
        if value.isdigit() and len(value) == 6:
            yield value, [m.start(1) + k for k, ch in enumerate(m.group(1)) if ch != " "]


def numbers_in(text: str) -> list[str]:
    """Every six-digit number in ``text`` (letters read as digits mapped back)."""
    return [value for value, _ in _numbers(text)]


def number_at(text: str) -> tuple[str, list[int]] | None:
    """The first six-digit number in ``text`` (as :func:`numbers_in` gives it) and the positions in
    ``text`` of its six characters."""
    return next(_numbers(text), None)


def digit_runs(text: str) -> list[str]:
    """Every run of four or more digits in ``text`` as OCR wrote them (letters read as digits mapped
    back), whatever its length: what a reading of a number that lost or gained digits still shows."""
    return [r.translate(_DIGIT_LOOKALIKES) for r in _DIGIT_RUN.findall(text)]


def has_label(text: str) -> bool:
    return bool(_labels_in(text))


def replace_number(text: str, new: str) -> str:
    """``text`` with its first six-digit number (as OCR wrote it) replaced by ``new``."""
    return _NUMBER.sub(new, text, count=1)


def _neighbour_number(lines: list, i: int, used: set[int]) -> int | None:
    """The number-only line right below or right of line ``i``."""
    a = np.asarray(lines[i].box, np.float64)
    ua = a[1] - a[0]
    la = float(np.linalg.norm(ua)) or 1.0
    u = ua / la
    v = np.array([-u[1], u[0]])
    h = float(np.linalg.norm(a[3] - a[0])) or 1.0
    ca = a.mean(axis=0)
    best, best_d = None, 1e9
    for j, other in enumerate(lines):
        if j == i or j in used:
            continue
        if _is_number_line(other.text) is None:
            continue
        b = np.asarray(other.box, np.float64)
        d = b.mean(axis=0) - ca
        along, across = float(d @ u), float(d @ v)
        hb = float(np.linalg.norm(b[3] - b[0])) or 1.0
        below = 0.3 * h < across < 2.6 * max(h, hb) and abs(along) < la + 2 * hb
        right = abs(across) < 0.6 * max(h, hb) and 0 < along < la + 6 * hb
        if below or right:
            dist = abs(across) + abs(along) * 0.3
            if dist < best_d:
                best, best_d = j, dist
    return best


def from_codes(codes: Iterable) -> list[Candidate]:
    """Candidates from codes (objects with ``format``, ``text``, ``gs1``)."""
    out: list[Candidate] = []
    for c in codes:
        if c.gs1 is not None:
            continue                     # GTIN and maker's serial are not NAV's numbers
        text = c.text.strip()
        if re.fullmatch(r"\d{12}", text) and c.format.startswith(("Code128", "Code39", "DataMatrix", "QRCode")):
            out.append(Candidate("hmsnr", text[:6], "strekkode", 0.9, c.format, text))
            out.append(Candidate("serienr", text[6:], "strekkode", 0.9, c.format, text))
            continue
        out += [replace(k, source="strekkode", confidence=round(min(0.99, k.confidence), 4))
                for line in text.splitlines() for k in from_text(line, 0.99, "strekkode")]
    return out


def merge(cands: Iterable[Candidate]) -> list[Candidate]:
    """One candidate per (kind, value): the most confident, raised a little when sources agree."""
    best: dict[tuple[str, str], Candidate] = {}
    count: dict[tuple[str, str], set[str]] = {}
    for c in cands:
        key = (c.kind, c.value)
        count.setdefault(key, set()).add(c.source)
        if key not in best or c.confidence > best[key].confidence:
            best[key] = c
    out = []
    for key, c in best.items():
        if len(count[key]) > 1:
            c = replace(c, confidence=round(min(0.999, c.confidence + 0.5 * (1 - c.confidence)), 4))
        out.append(c)
    out.sort(key=lambda c: (c.kind, -c.confidence))
    return out


def best_pair(cands: list[Candidate], known: Known | None = None) -> Pair | None:
    """The most likely (HMS-nr, serienr): a pair the register knows wins; else the most confident."""
    hms = [c for c in cands if c.kind == "hmsnr"]
    ser = [c for c in cands if c.kind == "serienr"]
    if not hms or not ser:
        return None
    pairs = []
    for h in hms:
        for s in ser:
            conf = h.confidence * s.confidence
            is_known = None
            if known is not None:
                try:
                    is_known = bool(known(h.value, s.value))
                except Exception:          # the register is down: the read still counts
                    is_known = None
            pairs.append(Pair(h.value, s.value, round(conf, 4), is_known, (h.source, s.source)))
    pairs.sort(key=lambda p: (p.known is True, p.confidence), reverse=True)
    return pairs[0]
