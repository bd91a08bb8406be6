"""The one personal-data guard: every value that enters HMS Desk passes it.

HMS Desk never stores a national identity number (fødselsnummer, D-number,
H-number), a person's name or a diagnosis.  Every door uses this module:
forms (through the services), the command line, every kept column of every
importer, the OeBS answer, the log filter and the audit log.

* :func:`check_free_text` — free text (summary, reasons, descriptions,
  catalogue names …).  Refuses, with a Norwegian message that never echoes
  the value: a valid national ID number in any spelling, a labelled name
  ("navn: …"), text longer than the field's limit
  (:mod:`hms_desk.domain.limits`), control characters, NUL, lone
  surrogates and bidi override characters.
* :func:`check_identifier` — fields whose meaning is an identifier (orderer,
  status "by", audit actor, technician, ISO code, article status) must match
  their own strict pattern: an orderer is an employee ident or initials,
  never 11 digits or a name pair.
* :func:`find_national_ids` / :func:`redact` — the detector and the mask.

The detector normalises first (Unicode NFKC; invisible and formatting
characters such as NBSP, zero-width space, soft hyphen, thin space and bidi
marks removed; digits of every script made ASCII; HTML tags and character
references undone; look-alike letters O/o→0 and l/I/|→1 inside digit runs),
then looks for 11 digits with a real date and valid check digits written in
any grouping: one run (also inside a longer number), or consecutive groups
joined by up to three separator characters (space, line break, ``.``,
``-``, ``_``, ``/`` …) — 6+5, 2+2+2+5, ``dd.mm.yy nnnnn``, 3+3+5 and so on.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
import unicodedata
from collections.abc import Iterable

from hms_desk.domain.errors import ValidationError
from hms_desk.domain.i18n import N_
from hms_desk.domain.limits import FieldLimit, label_for, limit_for

__all__ = [
    "FNR_REFUSED_TEXT",
    "NAME_REFUSED_TEXT",
    "FieldTooLong",
    "InvalidCharacters",
    "InvalidIdentifier",
    "PersonalDataError",
    "check_free_text",
    "check_identifier",
    "contains_national_id",
    "find_national_ids",
    "is_valid_national_id",
    "normalise",
    "redact",
]

FNR_REFUSED_TEXT = ("Teksten ser ut til å inneholde et fødselsnummer (eller D-nummer). "
                    "HMS Desk lagrer aldri fødselsnummer – fjern det og prøv igjen.")
NAME_REFUSED_TEXT = ("Teksten ser ut til å inneholde et navn («navn: …»). Skriv rolle "
                     "(bruker, pårørende, terapeut …), aldri navn.")

_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
_NAME_LABEL = re.compile(r"\b(?:navn|name|fornavn|etternavn|mellomnavn)\s*[:=]", re.IGNORECASE)


class PersonalDataError(ValidationError):
    code = "PERSONOPPLYSNINGER"


class FieldTooLong(ValidationError):
    code = "FOR_LANG"


class InvalidCharacters(ValidationError):
    code = "UGYLDIGE_TEGN"


class InvalidIdentifier(ValidationError):
    code = "UGYLDIG_IDENT"


# --- the national ID number -----------------------------------------------------

def _check_digit(digits: list[int], weights: tuple[int, ...]) -> int | None:
    k = 11 - sum(d * w for d, w in zip(digits, weights)) % 11
    if k == 11:
        return 0
    return None if k == 10 else k


def _date_ok(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def is_valid_national_id(number: str) -> bool:
    """True for an 11-digit fødselsnummer, D-number or H-number (also the synthetic
    +80 month of test registers) with a real date and valid check digits."""
    if len(number) != 11 or not (number.isdigit() and number.isascii()):
        return False
    day, month, year2 = int(number[0:2]), int(number[2:4]), int(number[4:6])
    if day > 40:        # D-number
        day -= 40
    if month > 80:      # synthetic numbers in NAV's and Skatteetaten's test registers
        month -= 80
    elif month > 40:    # H-number (assistance number)
        month -= 40
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return False
    # the date must exist in some century (29 February needs a leap year)
    if not any(_date_ok(c + year2, month, day) for c in (1900, 2000, 1800)):
        return False
    d = [int(c) for c in number]
    k1 = _check_digit(d[:9], _W1)
    if k1 is None or k1 != d[9]:
        return False
    k2 = _check_digit(d[:10], _W2)
    return k2 is not None and k2 == d[10]


# --- normalisation -----------------------------------------------------------------

#: Invisible characters that are not in Unicode's format (Cf) or mark categories.
_INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f")
_LOOKALIKE = {"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"}
_MARKUP = re.compile(r"</?[A-Za-z][^<>]{0,60}>|&#[0-9]{1,7};|&#[xX][0-9a-fA-F]{1,6};|&[A-Za-z]{2,8};")
# a run of digits and look-alikes that holds both (only those need mapping)
_TOKEN = re.compile(r"[0-9OolI|]*(?:[OolI|][0-9]|[0-9][OolI|])[0-9OolI|]*")


def _normalise_map(text: str) -> tuple[str, list[int], list[int]]:
    """The normalised text and, for each of its characters, the span of ``text`` it came from
    (start indices, end indices)."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    spans = [(m.start(), m.end(), m.group(0)) for m in _MARKUP.finditer(text)] if "<" in text or "&" in text \
        else []
    spans.append((len(text), len(text), ""))
    for start, end, markup in spans:
        _normalise_chars(text, pos, start, out, starts, ends)
        if markup.startswith("&"):
            decoded = html.unescape(markup)
            if decoded != markup:
                _normalise_chars(decoded, 0, len(decoded), out, starts, ends, span=(start, end))
            else:
                _normalise_chars(text, start, end, out, starts, ends)
        # a tag is dropped: it joins what stands on either side of it
        pos = end
    norm = "".join(out)
    if any(c in norm for c in _LOOKALIKE):
        norm = _map_lookalikes(norm)
    return norm, starts, ends


def _normalise_chars(text: str, start: int, end: int, out: list[str], starts: list[int], ends: list[int],
                     span: tuple[int, int] | None = None) -> None:
    for i in range(start, end):
        ch = text[i]
        a, b = span if span is not None else (i, i + 1)
        if ch.isascii():
            out.append(" " if ch.isspace() else ch)
            starts.append(a)
            ends.append(b)
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cf", "Mn", "Me") or ch in _INVISIBLE:
            continue                                    # zero-width, soft hyphen, bidi marks, combining
        if cat == "Cs":
            out.append("?")                             # a lone surrogate
            starts.append(a)
            ends.append(b)
            continue
        for c in unicodedata.normalize("NFKC", ch):
            if c.isspace():
                c = " "                                 # NBSP, thin space, line separators …
            elif c.isdecimal():
                c = str(unicodedata.decimal(c))         # digits of every script
            elif unicodedata.category(c) in ("Pd", "Sm") and c not in "<>":
                c = "-"                                 # dashes and minus signs
            out.append(c)
            starts.append(a)
            ends.append(b)


def _map_lookalikes(norm: str) -> str:
    def sub(m: re.Match[str]) -> str:
        token = m.group(0)
        if not any(c.isdigit() for c in token):
            return token
        before = norm[m.start() - 1] if m.start() else " "
        after = norm[m.end()] if m.end() < len(norm) else " "
        if (before.isalpha() or after.isalpha()) and sum(c.isdigit() for c in token) < 6:
            return token                                 # part of a word, not a digit run
        return "".join(_LOOKALIKE.get(c, c) for c in token)

    return _TOKEN.sub(sub, norm)


@functools.lru_cache(maxsize=4096)
def _char_norm(ch: str) -> str:
    """One non-ASCII character as the detector sees it (the rules of ``_normalise_chars``)."""
    cat = unicodedata.category(ch)
    if cat in ("Cf", "Mn", "Me") or ch in _INVISIBLE:
        return ""
    if cat == "Cs":
        return "?"
    out = []
    for c in unicodedata.normalize("NFKC", ch):
        if c.isspace():
            c = " "
        elif c.isdecimal():
            c = str(unicodedata.decimal(c))
        elif unicodedata.category(c) in ("Pd", "Sm") and c not in "<>":
            c = "-"
        out.append(c)
    return "".join(out)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_SPACES = re.compile(r"\s")


def _normalise_fast(text: str) -> str:
    """The same normalisation as :func:`_normalise_map`, without the index map (and faster)."""
    norm = text
    if "<" in norm or "&" in norm:
        norm = _MARKUP.sub(lambda m: html.unescape(m.group(0)) if m.group(0).startswith("&") else "", norm)
    if not norm.isascii():
        norm = _NON_ASCII.sub(lambda m: _char_norm(m.group(0)), norm)
    if not norm.isprintable():
        norm = _SPACES.sub(" ", norm)
    if any(c in norm for c in _LOOKALIKE):
        norm = _map_lookalikes(norm)
    return norm


def _digits(text: str) -> int:
    return sum(map(str.isdigit, text))


def normalise(text: str) -> str:
    """``text`` as the detector sees it (see the module docstring)."""
    return _normalise_fast(text or "")


# --- finding numbers -----------------------------------------------------------------

# digit groups joined by 1–3 separator characters (anything but letters and digits)
_CHAIN = re.compile(r"\d+(?:[\W_]{1,3}\d+)*")
_GROUP = re.compile(r"\d+")


def _candidates(norm: str) -> Iterable[tuple[str, int, int]]:
    """(11 digits, start, end) in the normalised text."""
    for chain in _CHAIN.finditer(norm):
        if _digits(chain.group(0)) < 11:
            continue
        groups = [(g.group(0), chain.start() + g.start(), chain.start() + g.end())
                  for g in _GROUP.finditer(chain.group(0))]
        for i, (digits, start, end) in enumerate(groups):
            if len(digits) >= 11:                        # one run, also inside a longer number
                for k in range(len(digits) - 10):
                    yield digits[k:k + 11], start + k, start + k + 11
            total, joined = len(digits), [digits]
            for nxt, _s, nend in groups[i + 1:]:
                total += len(nxt)
                if total > 11:
                    break
                joined.append(nxt)
                if total == 11:                           # consecutive groups, any grouping
                    yield "".join(joined), start, nend
                    break


def _plausible(digits: str) -> bool:
    """11 digits that start with a date as a national ID number does (check digits not required)."""
    day, month = int(digits[0:2]), int(digits[2:4])
    day -= 40 if day > 40 else 0
    month -= 80 if month > 80 else (40 if month > 40 else 0)
    return 1 <= day <= 31 and 1 <= month <= 12


def _spans(text: str, check_digits: bool = True) -> list[tuple[int, int]]:
    if not text:
        return []
    norm, starts, ends = _normalise_map(text)
    if _digits(norm) < 11:
        return []
    spans = []
    valid = is_valid_national_id if check_digits else _plausible
    for digits, start, end in _candidates(norm):
        if valid(digits):
            spans.append((starts[start], ends[end - 1]))
    return spans


def find_national_ids(text: str) -> list[str]:
    """Every valid national ID number in ``text`` (as 11 digits), in any spelling."""
    if not text:
        return []
    norm = _normalise_fast(text)
    if _digits(norm) < 11:
        return []
    found: list[str] = []
    for digits, _s, _e in _candidates(norm):
        if is_valid_national_id(digits) and digits not in found:
            found.append(digits)
    return found


def contains_national_id(text: str) -> bool:
    return bool(find_national_ids(text))


def redact(text: str, check_digits: bool = True, mask: str = "[fnr fjernet]") -> str:
    """``text`` with every valid national ID number (any spelling) replaced by ``[fnr fjernet]``.

    ``check_digits=False`` (logs, crash reports) also masks 11 digits that only start with
    a date — a mistyped number is still a person's number."""
    spans = _spans(text, check_digits)
    if not spans:
        return text
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out.append(text[pos:start])
        out.append(mask)
        pos = end
    out.append(text[pos:])
    return "".join(out)


# --- the guard for free text ------------------------------------------------------------

_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
                        + "".join(sorted(_BIDI_CONTROLS)) + "]")
_LINE_BREAKS = re.compile("[\n\r\x85\u2028\u2029]")


def _character_problem(text: str, label: str, multiline: bool) -> str | None:
    m = _BAD_CHARS.search(text)
    if m is None and (multiline or _LINE_BREAKS.search(text) is None):
        return None
    if m is None:
        return f"«{label}» kan ikke ha linjeskift."
    o = ord(m.group(0))
    if 0xD800 <= o <= 0xDFFF:
        return f"«{label}» inneholder ugyldige tegn (ødelagt tegnkoding). Skriv teksten på nytt."
    if m.group(0) in _BIDI_CONTROLS:
        return (f"«{label}» inneholder skjulte retningstegn som kan gjøre teksten villedende. "
                "Fjern dem og prøv igjen.")
    if o == 0x85 and not multiline:
        return f"«{label}» kan ikke ha linjeskift."
    return f"«{label}» inneholder ugyldige kontrolltegn (for eksempel NUL). Fjern dem og prøv igjen."


def check_free_text(text: str | None, field: str | None = None, *, label: str | None = None,
                    max_len: int | None = None, multiline: bool | None = None) -> str:
    """``text`` unchanged, or a :class:`ValidationError` with a Norwegian message that never echoes it.

    ``field`` names the field in :data:`hms_desk.domain.limits.LIMITS`: its length limit,
    label and whether line breaks are allowed are looked up there (``label``,
    ``max_len`` and ``multiline`` override).  Refused: a national ID number in any
    spelling or a labelled name (:class:`PersonalDataError`), text over the limit
    (:class:`FieldTooLong`), control characters, NUL, lone surrogates and bidi
    override characters (:class:`InvalidCharacters`).
    """
    if text is None:
        return ""
    if not isinstance(text, str):
        raise ValidationError(f"«{label or label_for(field)}» skal være tekst.", field=field)
    if not text:
        return text
    limit: FieldLimit | None = limit_for(field)
    shown = label or (limit.label if limit else "Teksten")
    longest = max_len if max_len is not None else (limit.max_len if limit else None)
    lines = multiline if multiline is not None else (limit.multiline if limit else True)
    if longest is not None and len(text) > longest:
        raise FieldTooLong(f"«{shown}» er for lang: høyst {longest} tegn (teksten har {len(text)}).",
                           field=field)
    if find_national_ids(text):
        raise PersonalDataError(FNR_REFUSED_TEXT, field=field)
    if _NAME_LABEL.search(text):
        raise PersonalDataError(NAME_REFUSED_TEXT, field=field)
    if not (text.isascii() and text.isprintable()):
        problem = _character_problem(text, shown, lines)
        if problem:
            raise InvalidCharacters(problem, field=field)
    return text


# --- the guard for identifiers ------------------------------------------------------------

#: An employee ident (NAV: a letter and six digits; shorter test idents like «T1»),
#: initials (2–5 capitals) or a single lower-case user name («tekniker», «kn4703»).
_IDENT = re.compile(r"(?:[A-Za-z]{1,3}[0-9]{1,6}|[A-ZÆØÅ]{2,5}|[a-zæøå][a-zæøå0-9]{1,39})")
_ISO = re.compile(r"[0-9]{2,10}")
#: An OeBS article status: words, the first may start with a capital («I utlån», «Til reparasjon»).
_STATUS = re.compile(r"[A-ZÆØÅa-zæøå][a-zæøå]*(?:[ /().,-]{1,2}[a-zæøå]+)*\.?")

IDENT_TEXT = N_("«{label}» skal være en ansattident (for eksempel Z123456), initialer (for eksempel KN) "
                "eller et brukernavn med små bokstaver – aldri et navn eller et fødselsnummer.")
ISO_TEXT = N_("«{label}» skal være en ISO-kode med 2–10 siffer.")
STATUS_TEXT = N_("«{label}» skal være en status med ord (for eksempel «I utlån») – "
                 "ikke navn, tall eller andre opplysninger.")

_KINDS = {"ident": (_IDENT, IDENT_TEXT), "iso": (_ISO, ISO_TEXT), "status": (_STATUS, STATUS_TEXT)}
_FIELD_KIND = {"orderer": "ident", "by": "ident", "actor": "ident", "technician": "ident",
               "iso_category": "iso", "article_status": "status"}


def _looks_like_a_person(value: str) -> bool:
    words = value.split()
    capitals = sum(1 for w in words if w[:1].isupper() and w[1:].islower())
    return len(words) >= 2 and capitals >= 2


def check_identifier(value: str | None, field: str, *, required: bool = False, label: str | None = None) -> str:
    """``value`` stripped, if it matches the strict pattern of ``field`` (see ``_FIELD_KIND``).

    An orderer, a status "by", an audit actor or a technician is an employee
    ident or initials; an ISO code is 2–10 digits; an article status is words.
    An empty value is returned as "" unless ``required``.
    """
    kind = _FIELD_KIND.get(field, "ident")
    pattern, text = _KINDS[kind]
    shown = label or label_for(field)
    v = "" if value is None else value
    if not isinstance(v, str):
        raise InvalidIdentifier(text.format(label=shown), field=field)
    v = v.strip()
    if not v:
        if required:
            raise InvalidIdentifier(f"«{shown}» mangler.", field=field)
        return ""
    limit = limit_for(field)
    if limit is not None and len(v) > limit.max_len:
        raise FieldTooLong(f"«{shown}» er for lang: høyst {limit.max_len} tegn.", field=field)
    if pattern.fullmatch(v) and not (kind == "ident" and sum(c.isdigit() for c in v) > 6):
        return v
    if find_national_ids(v) or _looks_like_a_person(v) or _NAME_LABEL.search(v) \
            or sum(c.isdigit() for c in normalise(v)) >= 11:
        raise PersonalDataError(text.format(label=shown), field=field)
    raise InvalidIdentifier(text.format(label=shown), field=field)


def is_identifier(value: str, field: str) -> bool:
    try:
        check_identifier(value, field, required=True)
    except ValidationError:
        return False
    return True
