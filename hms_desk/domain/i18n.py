"""The core's texts in the user's language, without Qt.

The core writes its messages in Norwegian bokmål — errors, refusals, card
values, video banners.  :func:`t` gives such a text in the process-wide
language (:func:`set_language`, default ``"nb"``): unchanged in bokmål, from
the catalogue (:mod:`hms_desk.domain.messages_en`) in English.

The catalogue maps a Norwegian text to its English, either exactly or as a
template whose ``{name}`` parts stand for values::

    "Kunne ikke skrive {what} til {path}: {why}": "Could not write {what} to {path}: {why}",

A template is matched as a whole (a compiled regex); each value it captures
is translated in turn, so a message built from other messages (``"Linje 2:
Hmsnr må ha 6 siffer"``) comes out whole (``"Line 2: HMS no. must have 6
digits"``), while a value that is not in the catalogue (a path, a number, a
product name) is left as it is.  A text of several lines that is not in the
catalogue is translated line by line, and a list (``"a, b og c"``) item by
item when every item is in the catalogue.  Placeholders named ``n`` or
``n_*`` match numbers only; the most specific template (most fixed text)
wins.

Counted texts use :func:`plural` (``plural(3, "{n} bilde", "{n} bilder")`` →
``"3 bilder"``) so bokmål is right and each form has its catalogue entry.

Core texts that are not exceptions are marked with :func:`N_` where they are
defined and translated with :func:`t` where they are shown; a text put
together from translated parts uses :func:`t_format`.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

__all__ = ["LANGUAGES", "N_", "current_language", "has_translation", "plural", "set_language", "t", "t_format"]

LANGUAGES = ("nb", "en")

_language = "nb"
_lock = threading.Lock()


def set_language(language: str | None) -> str:
    """Sets the language of the whole process (``"nb"`` or ``"en"``; anything else is bokmål)."""
    global _language
    with _lock:
        _language = "en" if (language or "").lower().startswith("en") else "nb"
    return _language


def current_language() -> str:
    return _language


def N_(text: str) -> str:
    """Marks a core text as user-visible (for the translation test); returns it unchanged."""
    return text


def plural(n: int, singular: str, plural_form: str) -> str:
    """``{n}`` in the bokmål singular or plural form: ``plural(1, "{n} bilde", "{n} bilder")`` → ``"1 bilde"``."""
    return (singular if n == 1 else plural_form).format(n=n)


def t(text: str, language: str | None = None) -> str:
    """``text`` (bokmål, from the core) in ``language`` (default: the process's language)."""
    lang = language or _language
    if lang != "en" or not text:
        return text
    return _translate(text, 0)


def t_format(template: str, language: str | None = None, **values: object) -> str:
    """A catalogue template (``"… {parts} …"``) in the language, then filled in with ``values``
    (which the caller gives in that language already)."""
    lang = language or _language
    text = template
    if lang == "en":
        text = _get().by_template.get(template, template)
    return text.format(**values)


# --- the catalogue --------------------------------------------------------------

_NAMED = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_NUMBER = r"[-+]?\d[\d\u00a0\u202f .,]*"
_NORMAL = re.compile(r"\{[^{}]*\}")
_LIST = re.compile(r"(, | og )")          # "a, b og c": each item translated, " og " → " and "
_LIST_EN = {", ": ", ", " og ": " and "}


class _Template:
    __slots__ = ("english", "literal", "regex")

    def __init__(self, norwegian: str, english: str):
        pattern, pos = [], 0
        seen: set[str] = set()
        for m in _NAMED.finditer(norwegian):
            pattern.append(re.escape(norwegian[pos:m.start()]))
            name = m.group(1)
            if name in seen:
                raise ValueError(f"placeholder {name} twice in {norwegian!r}")
            seen.add(name)
            body = _NUMBER if name == "n" or name.startswith("n_") else ".*?"
            pattern.append(f"(?P<{name}>{body})")
            pos = m.end()
        pattern.append(re.escape(norwegian[pos:]))
        self.regex = re.compile("".join(pattern), re.DOTALL)
        self.literal = len(_NAMED.sub("", norwegian))
        self.english = english
        missing = set(_NAMED.findall(english)) - seen
        if missing:
            raise ValueError(f"English {english!r} names {missing} that {norwegian!r} lacks")


class _Catalogue:
    def __init__(self, entries: dict[str, str]):
        self.exact: dict[str, str] = {}
        templates: list[_Template] = []
        for nb, en in entries.items():
            if _NAMED.search(nb):
                templates.append(_Template(nb, en))
            else:
                self.exact[nb] = en
        # The most specific template wins: the one with the most fixed text.
        self.templates = sorted(templates, key=lambda tp: -tp.literal)
        self.normalised = {_NORMAL.sub("{}", k).strip() for k in entries}
        self.by_template = {k: v for k, v in entries.items() if _NAMED.search(k)}


_catalogue: _Catalogue | None = None


def _get() -> _Catalogue:
    global _catalogue
    if _catalogue is None:
        from hms_desk.domain.messages_en import MESSAGES

        _catalogue = _Catalogue(MESSAGES)
    return _catalogue


def has_translation(template: str) -> bool:
    """Whether the catalogue has ``template`` (placeholders compare by position: ``{}`` = ``{what}``)."""
    return _NORMAL.sub("{}", template).strip() in _get().normalised


@lru_cache(maxsize=4096)
def _translate(text: str, depth: int) -> str:
    cat = _get()
    hit = cat.exact.get(text)
    if hit is not None:
        return hit
    core = text.strip()
    if core != text:
        if not core:
            return text
        start = text.index(core)
        return text[:start] + _translate(core, depth) + text[start + len(core):]
    if depth < 6 and (", " in text or " og " in text) and "\n" not in text:
        parts = _LIST.split(text)
        items = parts[::2]
        if len(items) > 1 and all(_known(item, depth) for item in items):   # a list of catalogued texts
            return "".join(_translate(p, depth + 1) if i % 2 == 0 else _LIST_EN[p] for i, p in enumerate(parts))
    if depth < 6:
        for tp in cat.templates:
            m = tp.regex.fullmatch(text)
            if m is not None:
                return tp.english.format(**{k: _translate(v, depth + 1) for k, v in m.groupdict().items()})
    if "\n" in text:
        return "\n".join(_translate(line, depth) for line in text.split("\n"))
    return text


def _known(text: str, depth: int) -> bool:
    return text in _get().exact or _translate(text, depth + 1) != text
