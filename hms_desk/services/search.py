"""Forgiving device search and full-text product search (no Qt).

``SearchService(db).search(text, limit=50) -> list[SearchHit]`` decides from
the input what to look for:

* a serial-like token (3–7 characters, digits plus letters a camera or an ear
  mistakes for digits) → **device search** on the register;
* words → **product search** (HMS-nr, product and article name, supplier,
  supplier's ref, series);
* ``HMSNR SERIENR`` → device search narrowed to that HMS-nr, and the product.

Device search never scans the register.  From the typed serial it generates
the serials the technician may have meant — letters read back as digits
(O/0, I/l/1, S/5, B/8, Z/2, G/6), two neighbouring digits swapped, one digit
missing (inserted at every place), one digit too many (each one dropped) —
and, for 3–5 digits, every 6-digit serial that contains the fragment (prefix
first, then suffix, then inside).  Serials are exactly six digits (NAV's
rule), so that set is finite: at most 4,000 serials for a 3-digit fragment,
looked up in chunks with indexed ``IN`` queries (``ix_devices_serial_hmsnr``,
or the unique (hmsnr, serial) index when narrowed) until ``limit`` hits are
found.  The same SQL runs on SQLite and PostgreSQL and needs no extra
storage; on two million devices it answers in a few milliseconds.

Product search uses the ``product_search`` table of migration 0002: an FTS5
index on SQLite (every word as a prefix, ranked by bm25) and a pg_trgm-indexed
text on PostgreSQL (``LIKE '%word%'``).  The candidates are then scored in
Python the same way on both, so the ranking and the reason shown
("treff i produktnavn") do not depend on the database.

Ranking: exact > letter misread > swapped digits > missing/extra digit >
partial; the reason is shown in Norwegian ("0 lest som O").
"""

from __future__ import annotations

import itertools
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass

from sqlalchemy import bindparam, select, text
from sqlalchemy.engine import Connection

from hms_desk.domain.i18n import N_
from hms_desk.storage.db import Database
from hms_desk.storage.models import Device, Product

log = logging.getLogger("hms_desk.search")

SERIAL_LENGTH = 6

#: Letters read or heard instead of a digit (upper and lower case alike).
MISREADS: dict[str, str] = {
    "O": "0", "o": "0",
    "I": "1", "i": "1", "l": "1", "L": "1",
    "S": "5", "s": "5",
    "B": "8", "b": "8",
    "Z": "2", "z": "2",
    "G": "6", "g": "6",
}

_SERIAL_LIKE = re.compile(r"[0-9OoIiLlSsBbZzGg]{3,7}")
_SPLIT = re.compile(r"[\s,;]+")

# what went wrong, and what it costs in the ranking
EXACT, MISREAD, SWAP, MISSING, EXTRA, PARTIAL = "exact", "misread", "swap", "missing", "extra", "partial"
_PENALTY = {MISREAD: 0.1, SWAP: 0.2, MISSING: 0.3, EXTRA: 0.3}
_REASON = {   # bokmål; shown in the user's language (hms_desk.domain.i18n.t)
    EXACT: N_("eksakt treff"),
    SWAP: N_("to siffer byttet om"),
    MISSING: N_("ett siffer mangler"),
    EXTRA: N_("ett siffer for mye"),
    PARTIAL: N_("delvis treff"),
}
_PARTIAL_SCORE = {"prefix": 0.5, "suffix": 0.47, "inside": 0.44}

#: Candidate serials per IN query.
CHUNK = 500
#: Product candidates fetched from the index before scoring.
PRODUCT_CANDIDATES = 200


@dataclass(frozen=True)
class SearchHit:
    kind: str              # "enhet" | "produkt"
    hmsnr: str
    serial: str | None
    title: str
    reason_nb: str
    score: float

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class _Guess:
    """One serial the technician may have meant, and why."""

    serial: str
    score: float
    reason_nb: str


# --- reading the input -------------------------------------------------------

def is_serial_like(token: str) -> bool:
    """3–7 characters of digits and misreadable letters, at least one a digit."""
    return bool(_SERIAL_LIKE.fullmatch(token)) and any(c.isdigit() for c in token)


def read_digits(token: str) -> tuple[str, list[str]]:
    """The token with misread letters turned back into digits, and the reasons."""
    digits, reasons = [], []
    for ch in token:
        if ch in MISREADS:
            d = MISREADS[ch]
            digits.append(d)
            reason = N_(f"{d} lest som {ch}")
            if reason not in reasons:
                reasons.append(reason)
        else:
            digits.append(ch)
    return "".join(digits), reasons


def serial_guesses(token: str) -> list[_Guess]:
    """Whole serials the token may stand for, best first (no partial matches)."""
    digits, misread = read_digits(token)
    base = 1.0 - (_PENALTY[MISREAD] if misread else 0.0)
    best: dict[str, _Guess] = {}

    def add(serial: str, kind: str) -> None:
        score = base - _PENALTY.get(kind, 0.0)
        parts = misread if kind == EXACT and misread else [*misread, _REASON[kind]]
        guess = _Guess(serial, round(score, 3), ", ".join(parts))
        if serial not in best or best[serial].score < guess.score:
            best[serial] = guess

    n = len(digits)
    if n == SERIAL_LENGTH:
        add(digits, EXACT)
        for i in range(n - 1):
            if digits[i] != digits[i + 1]:
                add(digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:], SWAP)
    elif n == SERIAL_LENGTH - 1:
        for i in range(n + 1):
            for d in "0123456789":
                add(digits[:i] + d + digits[i:], MISSING)
    elif n == SERIAL_LENGTH + 1:
        for i in range(n):
            add(digits[:i] + digits[i + 1:], EXTRA)
    return sorted(best.values(), key=lambda g: (-g.score, g.serial))


def partial_serials(fragment: str) -> Iterator[tuple[str, str]]:
    """(serial, where) for every 6-digit serial containing ``fragment``: prefix, suffix, inside."""
    k = len(fragment)
    if not 3 <= k < SERIAL_LENGTH:
        return
    free = SERIAL_LENGTH - k
    order = [0, free] + list(range(1, free))          # prefix, suffix, then the places between
    seen: set[str] = set()
    for pos in order:
        where = "prefix" if pos == 0 else "suffix" if pos == free else "inside"
        before, after = pos, free - pos
        for head in _fills(before):
            for tail in _fills(after):
                serial = head + fragment + tail
                if serial not in seen:          # "456456" is both prefix and suffix
                    seen.add(serial)
                    yield serial, where


def _fills(width: int) -> Iterable[str]:
    if width == 0:
        return ("",)
    return (f"{i:0{width}d}" for i in range(10 ** width))


def _fold(text_: str) -> str:
    """Lower case without diacritics (as FTS5's unicode61 with remove_diacritics)."""
    nfkd = unicodedata.normalize("NFKD", text_.lower())
    return "".join(c for c in nfkd if not unicodedata.combining(c)).replace("ø", "o")


# --- the service ---------------------------------------------------------------

_PRODUCT_FIELDS = (  # (field, weight, Norwegian name shown in the reason)
    ("hmsnr", 0.9, N_("HMS-nr")),
    ("name", 0.9, N_("produktnavn")),
    ("article_name", 0.8, N_("artikkelnavn")),
    ("series", 0.78, N_("serie")),
    ("supplier", 0.75, N_("leverandør")),
    ("supplier_ref", 0.75, N_("leverandørens art.nr.")),
)


class SearchService:
    def __init__(self, db: Database):
        self._db = db
        self._device_q = (
            select(Device.hmsnr, Device.serial, Product.name)
            .outerjoin(Product, Product.hmsnr == Device.hmsnr)
            .where(Device.serial.in_(bindparam("serials", expanding=True)))
            .limit(bindparam("n"))
        )
        self._device_narrow_q = self._device_q.where(Device.hmsnr == bindparam("hmsnr"))

    # public -----------------------------------------------------------------

    def search(self, text_: str, limit: int = 50) -> list[SearchHit]:
        """Ranked hits for what the technician typed (empty input → no hits)."""
        tokens = [t for t in _SPLIT.split((text_ or "").strip()) if t]
        if not tokens or limit <= 0:
            return []
        hits: list[SearchHit] = []
        with self._db.engine.connect() as conn:
            if (len(tokens) == 2 and _is_hmsnr(tokens[0]) and is_serial_like(tokens[1])):
                hits += self._devices(conn, tokens[1], limit, hmsnr=tokens[0])
                hits += self._products(conn, [tokens[0]], limit)
            else:
                serial_tokens = [t for t in tokens if is_serial_like(t)]
                words = [t for t in tokens if not is_serial_like(t)]
                for t in serial_tokens:
                    hits += self._devices(conn, t, limit)
                # digits alone may also be an HMS-nr or a supplier's ref
                product_words = words or [t for t in serial_tokens if t.isdigit()]
                if product_words:
                    hits += self._products(conn, product_words, limit)
        return _rank(hits)[:limit]

    def search_devices(self, serial: str, hmsnr: str | None = None, limit: int = 50) -> list[SearchHit]:
        """Device search only: ``serial`` as typed, optionally narrowed to an HMS-nr."""
        with self._db.engine.connect() as conn:
            return _rank(self._devices(conn, serial.strip(), limit, hmsnr=hmsnr))[:limit]

    def search_products(self, text_: str, limit: int = 50) -> list[SearchHit]:
        words = [t for t in _SPLIT.split((text_ or "").strip()) if t]
        if not words:
            return []
        with self._db.engine.connect() as conn:
            return _rank(self._products(conn, words, limit))[:limit]

    # devices ------------------------------------------------------------------

    def _devices(self, conn: Connection, token: str, limit: int, hmsnr: str | None = None) -> list[SearchHit]:
        if not is_serial_like(token):
            return []
        found: dict[tuple[str, str], SearchHit] = {}
        guesses = serial_guesses(token)
        by_serial = {g.serial: g for g in guesses}
        for chunk in _chunks(list(by_serial), CHUNK):
            for h, s, name in self._probe(conn, chunk, limit, hmsnr):
                g = by_serial[s]
                found[(h, s)] = SearchHit("enhet", h, s, name or N_("(ukjent produkt)"), g.reason_nb, g.score)
        digits, misread = read_digits(token)
        if 3 <= len(digits) < SERIAL_LENGTH and len(found) < limit:
            self._partial(conn, digits, misread, limit, hmsnr, found)
        return list(found.values())

    def _partial(self, conn: Connection, digits: str, misread: list[str], limit: int,
                 hmsnr: str | None, found: dict[tuple[str, str], SearchHit]) -> None:
        penalty = _PENALTY[MISREAD] if misread else 0.0
        reason = ", ".join([*misread, _REASON[PARTIAL]])
        bonus = 0.01 * len(digits)        # a longer fragment says more
        stream = partial_serials(digits)
        while len(found) < limit:
            chunk = list(itertools.islice(stream, CHUNK))
            if not chunk:
                break
            where = dict(chunk)
            for h, s, name in self._probe(conn, list(where), limit - len(found), hmsnr):
                if (h, s) in found:
                    continue
                score = round(_PARTIAL_SCORE[where[s]] + bonus - penalty, 3)
                found[(h, s)] = SearchHit("enhet", h, s, name or N_("(ukjent produkt)"), reason, score)

    def _probe(self, conn: Connection, serials: list[str], limit: int,
               hmsnr: str | None) -> list[tuple[str, str, str | None]]:
        if hmsnr is None:
            return conn.execute(self._device_q, {"serials": serials, "n": limit}).all()
        return conn.execute(self._device_narrow_q, {"serials": serials, "n": limit, "hmsnr": hmsnr}).all()

    # products -----------------------------------------------------------------

    def _products(self, conn: Connection, words: list[str], limit: int) -> list[SearchHit]:
        words = [w.lower() for w in words if _WORD.search(w)]
        if not words:
            return []
        if conn.dialect.name == "sqlite":
            rows = self._products_sqlite(conn, words)
        else:
            rows = self._products_postgres(conn, words)
        folded = [_fold(w) for w in words]
        hits = [hit for row in rows if (hit := _score_product(row, folded)) is not None]
        return _rank(hits)[:limit]

    @staticmethod
    def _products_sqlite(conn: Connection, words: list[str]) -> list[dict]:
        # every word as a quoted prefix term: "minicros"* — quotes doubled inside
        match = " ".join('"' + w.replace('"', '""') + '"*' for w in words)
        sql = text(
            "SELECT hmsnr, name, article_name, supplier, supplier_ref, series FROM product_search "
            "WHERE product_search MATCH :q ORDER BY bm25(product_search, 10.0, 8.0, 4.0, 3.0, 3.0, 3.0) "
            "LIMIT :n")
        return [dict(r._mapping) for r in conn.execute(sql, {"q": match, "n": PRODUCT_CANDIDATES})]

    @staticmethod
    def _products_postgres(conn: Connection, words: list[str]) -> list[dict]:
        likes = " AND ".join(f"ps.doc LIKE :w{i}" for i in range(len(words)))
        params: dict[str, object] = {f"w{i}": "%" + _like_escape(w) + "%" for i, w in enumerate(words)}
        params["n"] = PRODUCT_CANDIDATES
        sql = text(
            "SELECT p.hmsnr, p.name, p.article_name, p.supplier_name AS supplier, p.supplier_ref, "
            "coalesce(s.name, '') AS series FROM product_search ps "
            "JOIN products p ON p.hmsnr = ps.hmsnr LEFT JOIN series s ON s.id = p.series_id "
            f"WHERE {likes} ORDER BY p.hmsnr LIMIT :n")
        return [dict(r._mapping) for r in conn.execute(sql, params)]


def _is_hmsnr(token: str) -> bool:
    return len(token) == 6 and token.isdigit() and token.isascii()


def _like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_WORD = re.compile(r"\w+")


def _score_product(row: dict, words: list[str]) -> SearchHit | None:
    """How well a product matches every word; None when a word matches no field."""
    if words == [row["hmsnr"]]:
        return SearchHit("produkt", row["hmsnr"], None, row["name"], N_("HMS-nr stemmer"), 0.95)
    fields = [(f, w, label, _fold(row.get(f) or "")) for f, w, label in _PRODUCT_FIELDS]
    total, labels = 0.0, []
    for word in words:
        best, best_label = 0.0, ""
        for _f, weight, label, value in fields:
            if not value:
                continue
            tokens = _WORD.findall(value)
            if word in tokens:
                s = weight
            elif any(t.startswith(word) for t in tokens):
                s = weight * 0.9
            elif word in value:
                s = weight * 0.7
            else:
                continue
            if s > best:
                best, best_label = s, label
        if best == 0.0:
            return None
        total += best
        if best_label not in labels:
            labels.append(best_label)
    score = round(total / len(words), 3)
    reason = N_(f"treff i {' og '.join(labels)}")
    return SearchHit("produkt", row["hmsnr"], None, row["name"], reason, score)


def _rank(hits: list[SearchHit]) -> list[SearchHit]:
    """Best first; a device before a product at the same score; stable by number."""
    best: dict[tuple[str, str, str | None], SearchHit] = {}
    for h in hits:
        key = (h.kind, h.hmsnr, h.serial)
        if key not in best or best[key].score < h.score:
            best[key] = h
    return sorted(best.values(), key=lambda h: (-h.score, h.kind != "enhet", h.hmsnr, h.serial or ""))


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
