"""Async client for an OeBS loan lookup shaped like NAV's OeBS API proxy.

NAV's parts service asks ``POST {base}/utlanSerienrArtnr`` with
``{"artnr": "...", "serienr": "..."}`` and gets back
``{"utlån": {...}}`` or ``{"utlån": null}`` (``navikt/hm-delbestilling-api``,
``OebsApiProxyClient`` / ``UtlånMedSerienr``: ``fnr``, ``artnr``,
``serienr``, ``utlånsDato``, ``opprettetDato``, ``isokode``).  This client
mirrors that request and those field names.

* The answer is validated strictly: status 200, content type JSON, a bounded
  body, UTF-8 JSON, the ``utlån`` key, 6-digit ``artnr``/``serienr`` equal to
  what was asked, ISO dates, a numeric ``isokode``.  Anything else is an
  ``OebsBadAnswer`` with a Norwegian reason.
* Personal fields in the answer (NAV's proxy sends the user's ``fnr``) are
  never read into the result, stored or logged; only known device fields are
  kept.  The bearer token is sent as ``Authorization`` and never logged.
* Timeouts per attempt and ONE overall deadline (``asyncio.wait_for`` around
  the whole call, so a server dripping its answer is cut off there); the body
  is streamed and given up past ``MAX_BODY_BYTES`` (never buffered whole);
  retries with exponential backoff and jitter on connection errors, timeouts
  and 5xx — never on 4xx.
* Kept fields pass the personal-data guard: ``artikkelstatus`` must be a
  status, ``isokode`` an ISO code — "Hentet av 01019010046" is refused.
* One ``httpx.AsyncClient`` per lookup (all its retries share it): nothing is
  bound to an event loop between lookups and nothing is left to close.

No Qt here: the GUI awaits ``fetch_loan`` on the qasync loop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

import asyncio
import datetime as dt
import json
import logging
import random
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit


from hms_desk.domain.errors import HmsError, NoLoan, ValidationError
from hms_desk.domain.personal_data import PersonalDataError, check_identifier, is_identifier
from hms_desk.domain.nav import LOAN_TYPES
from hms_desk.domain.validation import validate_hmsnr, validate_serienr

log = logging.getLogger("hms_desk.oebs")

PATH = "/utlanSerienrArtnr"
TOKEN_SECRET = "oebs-token"          # name in the SecretStore
MAX_BODY_BYTES = 64 * 1024           # one loan is a few hundred bytes


# --- errors (Norwegian texts for the user) ------------------------------------

class OebsError(HmsError):
    """OeBS could not give a usable answer; the caller may fall back to the local register."""

    code = "OEBS"
    retryable = False


class OebsNotConfigured(OebsError):
    code = "OEBS_IKKE_SATT_OPP"


class OebsUnavailable(OebsError):
    code = "OEBS_UTILGJENGELIG"
    retryable = True


class OebsTimeout(OebsError):
    code = "OEBS_TIDSAVBRUDD"
    retryable = True


class OebsServerError(OebsError):
    code = "OEBS_SERVERFEIL"
    retryable = True

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


class OebsRejected(OebsError):
    """A 4xx answer: asking again will not help."""

    code = "OEBS_AVVIST"

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


class OebsBadAnswer(OebsError):
    code = "OEBS_UGYLDIG_SVAR"


# --- the answer -----------------------------------------------------------------

@dataclass(frozen=True)
class OebsLoan:
    """One loan as OeBS reports it — device fields only, never the user's."""

    artnr: str
    serienr: str
    loan_date: dt.date                 # utlånsDato
    created_date: dt.date | None       # opprettetDato (warranty start)
    iso_code: str                      # isokode
    municipality: str | None = None    # kommunenummer, if the proxy sends it
    loan_type: str | None = None       # utlånsType (P/F/K/U), if sent
    article_status: str | None = None  # artikkelstatus, if sent


def _bad(reason: str) -> OebsBadAnswer:
    return OebsBadAnswer(f"OeBS ga et svar som ikke kan brukes: {reason}.")


def _date(value: Any, name: str, required: bool) -> dt.date | None:
    if value is None or value == "":
        if required:
            raise _bad(f"«{name}» mangler")
        return None
    if not isinstance(value, str):
        raise _bad(f"«{name}» er ikke en dato")
    text = value.strip()
    try:
        # ISO date, optionally with a time part ("2025-02-03T00:00:00")
        if len(text) >= 10 and text[4] == "-" and text[7] == "-":
            return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    raise _bad(f"«{name}» er ikke en gyldig dato (ÅÅÅÅ-MM-DD)")


def _six(value: Any, name: str) -> str:
    if not isinstance(value, str) or len(value) != 6 or not (value.isdigit() and value.isascii()):
        raise _bad(f"«{name}» skal være 6 siffer")
    return value


def parse_answer(data: Any, artnr: str, serienr: str) -> OebsLoan:
    """Validates a decoded JSON answer; raises NoLoan or OebsBadAnswer."""
    if not isinstance(data, dict):
        raise _bad("svaret er ikke et JSON-objekt")
    if "utlån" not in data:
        raise _bad("feltet «utlån» mangler")
    u = data["utlån"]
    if u is None:
        raise NoLoan()
    if not isinstance(u, dict):
        raise _bad("«utlån» er ikke et objekt")
    got_art, got_serial = _six(u.get("artnr"), "artnr"), _six(u.get("serienr"), "serienr")
    if (got_art, got_serial) != (artnr, serienr):
        raise _bad("utlånet gjelder et annet hjelpemiddel enn det som ble spurt etter")
    iso = u.get("isokode")
    if iso is None:
        iso = ""
    if not isinstance(iso, str) or (iso and not (iso.isdigit() and iso.isascii() and 4 <= len(iso) <= 10)):
        raise _bad("«isokode» skal være et ISO-nummer med siffer")
    if iso and not is_identifier(iso, "iso_category"):
        raise _bad("«isokode» skal være et ISO-nummer med siffer")
    muni = u.get("kommunenummer")
    if muni is not None and not (isinstance(muni, str) and len(muni) == 4 and muni.isdigit() and muni.isascii()):
        raise _bad("«kommunenummer» skal være 4 siffer")
    ltype = u.get("utlånsType")
    if ltype is not None and ltype not in LOAN_TYPES:
        raise _bad("«utlånsType» er ukjent")
    status = u.get("artikkelstatus")
    if status is not None and not (isinstance(status, str) and 0 < len(status) <= 40):
        raise _bad("«artikkelstatus» er ugyldig")
    if status is not None:     # the same guard as every other door: a status, never a person
        try:
            status = check_identifier(status, "article_status", required=True)
        except PersonalDataError:
            log.warning("OeBS answer refused: personal data in artikkelstatus")
            raise _bad("«artikkelstatus» inneholder personopplysninger og ble ikke brukt") from None
        except ValidationError:
            raise _bad("«artikkelstatus» er ugyldig") from None
    return OebsLoan(
        artnr=got_art,
        serienr=got_serial,
        loan_date=_date(u.get("utlånsDato"), "utlånsDato", required=True),  # type: ignore[arg-type]
        created_date=_date(u.get("opprettetDato"), "opprettetDato", required=False),
        iso_code=iso,
        municipality=muni,
        loan_type=ltype,
        article_status=status,
    )


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json"


# --- the client -------------------------------------------------------------------

class OebsClient:
    """``fetch_loan(artnr, serienr)`` against one OeBS proxy base URL.

    ``timeout_s`` bounds each attempt; ``deadline_s`` (default: two attempts'
    worth) bounds the whole call including retries and backoff, so a call on
    the phone never waits longer than that before the caller falls back.
    """

    def __init__(self, base_url: str, token: str | None = None, timeout_s: float = 5.0,
                 retries: int = 2, backoff_s: float = 0.2, deadline_s: float | None = None):
        base = (base_url or "").strip().rstrip("/")
        if not base:
            raise OebsNotConfigured("Ingen adresse til OeBS er satt opp.")
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise OebsNotConfigured(f"Adressen til OeBS er ugyldig: «{base}». Den skal begynne med https://.")
        if timeout_s <= 0:
            raise OebsNotConfigured("Tidsavbruddet for OeBS må være større enn 0 sekunder.")
        self.url = base + PATH
        token = (token or "").strip() or None
        if token is not None and not (token.isascii() and token.isprintable() and " " not in token):
            raise OebsNotConfigured("OeBS-tokenet i nøkkelringen er ugyldig (det kan bare ha vanlige tegn).")
        self._token = token
        self.timeout_s = float(timeout_s)
        self.retries = max(0, int(retries))
        self.backoff_s = max(0.0, float(backoff_s))
        self.deadline_s = float(deadline_s) if deadline_s is not None else 2 * self.timeout_s + 1.0

    def __repr__(self) -> str:   # never show the token
        return f"OebsClient({self.url!r}, token={'satt' if self._token else 'mangler'})"

    def _headers(self) -> dict[str, str]:
        h = {"Accept": "application/json", "Content-Type": "application/json"}
        if self._token:
            h["Authorization"] = f"Bearer {self._token}"
        return h

    async def fetch_loan(self, artnr: str, serienr: str) -> OebsLoan:
        """The loan for (artnr, serienr); raises NoLoan (``{"utlån": null}``) or an OebsError.

        The whole call — connecting, every retry and backoff, and reading the answer
        byte by byte — is bounded by ONE deadline (``deadline_s``, ``asyncio.wait_for``):
        a server that drips its answer is cut off there, not after a per-read timeout.
        """
        artnr, serienr = validate_hmsnr(artnr), validate_serienr(serienr)
        try:
            return await asyncio.wait_for(self._fetch(artnr, serienr), self.deadline_s)
        except asyncio.TimeoutError:
            log.warning("OeBS lookup cut off at the %.1f s deadline", self.deadline_s)
            raise OebsTimeout(self._deadline_text()) from None

    def _deadline_text(self) -> str:
        seconds = f"{self.deadline_s:g}".replace(".", ",")
        return f"OeBS svarte ikke ferdig innen {seconds} sekunder."

    async def _fetch(self, artnr: str, serienr: str) -> OebsLoan:
        body = json.dumps({"artnr": artnr, "serienr": serienr}).encode()
        start = time.monotonic()
        attempt = 0
        import httpx   # loaded on the first remote lookup, not at start-up (~0.1 s)

        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        async with httpx.AsyncClient(limits=limits, follow_redirects=False, trust_env=False) as http:
            while True:
                remaining = self.deadline_s - (time.monotonic() - start)
                per_try = min(self.timeout_s, remaining)
                try:
                    if per_try <= 0:
                        raise OebsTimeout(self._timeout_text())
                    loan = await self._attempt(http, body, artnr, serienr, per_try)
                except OebsError as exc:
                    attempt += 1
                    delay = self.backoff_s * (2 ** (attempt - 1)) * random.uniform(0.75, 1.25)
                    left = self.deadline_s - (time.monotonic() - start)
                    if not exc.retryable or attempt > self.retries or left <= delay:
                        log.warning("OeBS lookup failed after %d attempt(s): %s", attempt, exc.code)
                        raise
                    log.info("OeBS attempt %d failed (%s); retrying in %.2f s", attempt, exc.code, delay)
                    await asyncio.sleep(delay)
                    continue
                log.info("OeBS answered in %.0f ms (attempt %d)", (time.monotonic() - start) * 1000, attempt + 1)
                return loan

    def _timeout_text(self) -> str:
        seconds = f"{self.timeout_s:g}".replace(".", ",")     # Norwegian decimal comma
        return f"OeBS svarte ikke innen {seconds} sekunder."

    async def _attempt(self, http: "httpx.AsyncClient", body: bytes, artnr: str, serienr: str,
                       timeout: float) -> OebsLoan:
        import httpx

        try:
            async with http.stream("POST", self.url, content=body, headers=self._headers(),
                                   timeout=httpx.Timeout(timeout)) as resp:
                self._check_status(resp)
                content = await self._read_bounded(resp)
        except httpx.TimeoutException:
            raise OebsTimeout(self._timeout_text()) from None
        except httpx.TransportError as exc:   # refused, reset, DNS, broken HTTP
            log.info("OeBS transport error: %s", type(exc).__name__)
            raise OebsUnavailable(
                "Får ikke kontakt med OeBS (nettverksfeil). Sjekk nettverket eller adressen i innstillingene."
            ) from None
        try:
            data = json.loads(content.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise _bad("svaret er ikke gyldig JSON") from None
        return parse_answer(data, artnr, serienr)

    def _check_status(self, resp: "httpx.Response") -> None:
        status = resp.status_code
        if status >= 500:
            raise OebsServerError(f"OeBS svarte med en feil på serveren (HTTP {status}).", status)
        if status in (401, 403):
            raise OebsRejected(f"OeBS avviste tilgangen (HTTP {status}). Sjekk OeBS-tokenet i nøkkelringen.",
                               status)
        if status == 404:
            raise OebsRejected(f"Fant ikke oppslagstjenesten på {self.url} (HTTP 404). Sjekk adressen.", status)
        if status >= 400:
            raise OebsRejected(f"OeBS avviste forespørselen (HTTP {status}).", status)
        if status != 200:
            raise _bad(f"uventet HTTP-status {status}")
        ctype = resp.headers.get("content-type", "")
        if not _is_json(ctype):
            raise _bad("svaret er ikke JSON (innholdstype «%s»)" % (ctype.split(";")[0].strip() or "ingen"))
        length = resp.headers.get("content-length", "")
        if length.strip().isdigit() and int(length) > MAX_BODY_BYTES:
            raise _bad("svaret er for stort")

    @staticmethod
    async def _read_bounded(resp: "httpx.Response") -> bytes:
        """The body, read in pieces and given up as soon as it passes ``MAX_BODY_BYTES``:
        a huge answer is never held in memory."""
        chunks: list[bytes] = []
        size = 0
        async for chunk in resp.aiter_bytes():
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                raise _bad("svaret er for stort")
            chunks.append(chunk)
        return b"".join(chunks)
