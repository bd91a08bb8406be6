"""Part categories: one normalising rule for import, the order rules and the screen.

NAV's parts service takes a part's category from the first word of its name
(``"Batteri 12V ..."`` → ``"Batteri"``) and treats a line as a battery when
that word is ``Batteri``.  Its screen lower-cases before comparing, its
server does not, so ``"batteri 12V"`` was a battery on one side and not on
the other.  Here :func:`category_of` is the only place a category is made:
it ignores case, surrounding spaces, odd whitespace (non-breaking spaces,
tabs) and punctuation around or after the first word, and returns one
canonical spelling — so ``"batteri 12V"``, ``"  BATTERI, 12 V"`` and
``"Batteri-12V"`` are all ``"Batteri"`` and get the same training, warranty
and 365-day checks.  ``"Batterilader"`` stays a charger: only the whole word
counts.

Also NAV's default and maximum quantity by category (``legacy/Kategori.kt``).
"""

from __future__ import annotations

import re
import unicodedata

ANNET = "Annet"
BATTERY = "Batteri"

#: Categories NAV names in its rules, in their canonical spelling.
KNOWN = ("Annet", "Batteri", "Dekk", "Drivhjul", "Hjul", "Lader", "Slange", "Svinghjul")
_CANONICAL = {c.casefold(): c for c in KNOWN}

#: NAV: "Dekk", "Hjul", "Svinghjul", "Batteri" and "Drivhjul" default to 2, everything else to 1.
DEFAULT_TWO = frozenset({"Dekk", "Hjul", "Svinghjul", "Batteri", "Drivhjul"})

#: NAV's maximum for a catalogue part; batteries by the ISO class (below).
NAV_MAX = 4
ISO_PERSON_LIFT = "1236"
ISO_ELECTRIC_WHEELCHAIR = "1223"
MAX_CATEGORY_LEN = 60

# letters/digits; a hyphen joins two words only before a letter ("O-ring", but "Batteri-12V" → "Batteri")
_FIRST_WORD = re.compile(r"[^\W_]+(?:-(?=[^\W\d_])[^\W_]+)*")


def category_of(text: str | None) -> str:
    """The canonical category of a part name or a category label: its first word.

    Case, spacing and punctuation do not matter; NAV's own category words
    come back in NAV's spelling (``"hjul"`` → ``"Hjul"``), any other word
    with a capital first letter (``"pute"`` → ``"Pute"``).  No word → ``"Annet"``.
    """
    clean = unicodedata.normalize("NFKC", text or "")
    match = _FIRST_WORD.search(clean)
    if match is None:
        return ANNET
    word = match.group(0)
    canonical = _CANONICAL.get(word.casefold())
    if canonical is not None:
        return canonical
    return (word[:1].upper() + word[1:])[:MAX_CATEGORY_LEN]


def is_battery(category_or_name: str | None) -> bool:
    """A battery line: the (normalised) category is ``Batteri``."""
    return category_of(category_or_name) == BATTERY


def default_quantity(category: str | None) -> int:
    """NAV's default quantity for a category (2 for tyres, wheels and batteries, else 1)."""
    return 2 if category_of(category) in DEFAULT_TWO else 1


def iso_family(iso: str | None) -> str:
    return (iso or "").strip()[:4]


def nav_max_quantity(category: str | None, iso: str | None) -> int:
    """NAV's maximum for a catalogue part (``maksAntall``): 4; batteries 1 for
    person lifts (ISO 1236), 2 for electric wheelchairs (ISO 1223)."""
    if category_of(category) == BATTERY:
        family = iso_family(iso)
        if family == ISO_PERSON_LIFT:
            return 1
        if family == ISO_ELECTRIC_WHEELCHAIR:
            return 2
    return NAV_MAX
