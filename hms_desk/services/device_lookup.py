"""The device lookup the UI uses: OeBS first, the local register as fallback.

``DeviceLookup.lookup(hmsnr, serienr)`` is a coroutine (it runs on the
qasync loop in the GUI; database and file work go through the tasks door):

* No OeBS base URL in the settings: the local register only, no badge.
* With a base URL: OeBS is asked first and its answer wins.  A loan it
  reports is upserted into the local register (so the device is there
  offline next time) and the card is built from the register, with the
  device's history.  ``{"utlån": null}`` is NAV's "no loan" answer.
* OeBS unreachable, too slow, failing (5xx), refusing (4xx) or answering
  nonsense: the local register answers and the result is marked offline
  with the time of the last successful OeBS answer — "frakoblet — sist
  synkronisert 22.11.2026 kl. 10:15".  That time is kept in a small JSON
  file in the profile's data directory (``oebs_sync.json``), not in the
  database.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from hms_desk.domain.errors import NoLoan, StorageError
from hms_desk.domain.validation import validate_hmsnr, validate_serienr
from hms_desk.platform.atomic import atomic_write_text
from hms_desk.platform.secrets import SecretStore
from hms_desk.platform.settings import OebsSettings
from hms_desk.platform.tasks import Tasks
from hms_desk.services.lookup import DeviceCard, LookupService
from hms_desk.services.oebs import TOKEN_SECRET, OebsClient, OebsError, OebsLoan
from hms_desk.storage.db import Database
from hms_desk.storage.models import Device, Loan

log = logging.getLogger("hms_desk.device_lookup")

SYNC_FILE_NAME = "oebs_sync.json"


def format_sync_time(when: dt.datetime) -> str:
    """``22.11.2026 kl. 10:15`` in local time."""
    local = when.astimezone() if when.tzinfo else when
    return local.strftime("%d.%m.%Y kl. %H:%M")


def offline_badge(last_sync: dt.datetime | None) -> str:
    if last_sync is None:
        return "frakoblet — aldri synkronisert"
    return f"frakoblet — sist synkronisert {format_sync_time(last_sync)}"


@dataclass(frozen=True)
class LookupResult:
    card: DeviceCard
    source: str                          # "oebs" | "lokal"
    offline: bool = False                # OeBS is configured but could not be used
    reason: str = ""                     # why not (Norwegian), when offline
    last_sync: dt.datetime | None = None

    @property
    def badge_text(self) -> str:
        return offline_badge(self.last_sync) if self.offline else ""


class OfflineNoLoan(NoLoan):
    """No loan in the local register while OeBS could not be asked."""

    def __init__(self, reason: str, last_sync: dt.datetime | None):
        super().__init__()
        self.offline = True
        self.reason = reason
        self.last_sync = last_sync
        self.badge_text = offline_badge(last_sync)


class SyncState:
    """The time of the last successful OeBS answer, in a JSON file in the profile."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._last = self._read()

    def _read(self) -> dt.datetime | None:
        try:
            raw = self.path.read_bytes()
            if len(raw) > 10_000:
                raise ValueError("too big")
            data = json.loads(raw.decode("utf-8"))
            when = dt.datetime.fromisoformat(data["last_success"])
            return when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            log.warning("OeBS sync state unreadable; treating as never synchronised")
            return None

    @property
    def last(self) -> dt.datetime | None:
        return self._last

    def mark(self, when: dt.datetime) -> None:
        self._last = when

    def save(self) -> None:
        if self._last is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(self.path, json.dumps({"last_success": self._last.isoformat()}))


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class DeviceLookup:
    def __init__(self, local: LookupService, db: Database, tasks: Tasks, oebs: OebsSettings,
                 secrets: SecretStore, sync_file: Path, clock: Callable[[], dt.datetime] = _utcnow,
                 cache_remote: bool = True):
        self._local = local
        self._db = db
        self._tasks = tasks
        self._oebs = oebs                 # read at every lookup: a settings change applies at once
        self._secrets = secrets
        self.sync = SyncState(sync_file)
        self._clock = clock
        self._cache_remote = cache_remote

    @property
    def remote_configured(self) -> bool:
        return bool(self._oebs.base_url.strip())

    async def lookup(self, hmsnr: str, serial: str) -> LookupResult:
        """Raises ValidationError (NAV's texts), NoLoan / OfflineNoLoan or StorageError."""
        hmsnr, serial = validate_hmsnr(hmsnr), validate_serienr(serial)
        if not self.remote_configured:
            card = await self._tasks.db(self._local.lookup, hmsnr, serial)
            return LookupResult(card, "lokal")
        try:
            token = await self._tasks.cpu(self._secrets.get, TOKEN_SECRET)
            client = OebsClient(self._oebs.base_url, token=token, timeout_s=self._oebs.timeout_s,
                                retries=self._oebs.retries)
            loan = await client.fetch_loan(hmsnr, serial)
        except OebsError as exc:
            log.warning("OeBS not usable (%s); answering from the local register", exc.code)
            return await self._offline(hmsnr, serial, exc.message_nb)
        except NoLoan:
            await self._synced()
            raise
        await self._synced()
        card = await self._tasks.db(self._store_and_card, loan)
        return LookupResult(card, "oebs", last_sync=self.sync.last)

    async def _synced(self) -> None:
        self.sync.mark(self._clock())
        try:
            await self._tasks.cpu(self.sync.save)
        except OSError as exc:
            log.warning("could not save the OeBS sync time: %s", type(exc).__name__)

    async def _offline(self, hmsnr: str, serial: str, reason: str) -> LookupResult:
        try:
            card = await self._tasks.db(self._local.lookup, hmsnr, serial)
        except NoLoan:
            raise OfflineNoLoan(reason, self.sync.last) from None
        return LookupResult(card, "lokal", offline=True, reason=reason, last_sync=self.sync.last)

    def _store_and_card(self, loan: OebsLoan) -> DeviceCard:
        """Upsert OeBS's loan into the local register (keeping what OeBS did not say), then the card."""
        if self._cache_remote:
            try:
                self._upsert(loan)
            except SQLAlchemyError as exc:
                log.error("could not store the OeBS loan locally: %s", type(exc).__name__)
                raise StorageError("Svaret fra OeBS kunne ikke lagres i det lokale registeret.") from None
        return self._local.lookup(loan.artnr, loan.serienr)

    def _upsert(self, loan: OebsLoan) -> None:
        with self._db.session() as s, s.begin():
            device = s.scalars(select(Device).where(Device.hmsnr == loan.artnr,
                                                    Device.serial == loan.serienr)).first()
            if device is None:
                device = Device(hmsnr=loan.artnr, serial=loan.serienr, iso_category=loan.iso_code,
                                created_date=loan.created_date)
                s.add(device)
                s.flush()
            else:
                if loan.iso_code:
                    device.iso_category = loan.iso_code
                if loan.created_date:
                    device.created_date = loan.created_date
            row = s.get(Loan, device.id)
            if row is None:
                row = Loan(device_id=device.id, loan_type=loan.loan_type or "",
                           article_status=loan.article_status or "I utlån",
                           municipality=loan.municipality or "")
                s.add(row)
            row.loan_date = loan.loan_date
            if loan.loan_type:
                row.loan_type = loan.loan_type
            if loan.article_status:
                row.article_status = loan.article_status
            if loan.municipality:
                row.municipality = loan.municipality
        log.info("OeBS loan stored in the local register")
