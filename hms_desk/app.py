"""The composition root: the one place where HMS Desk is assembled.

Order (documented, and the only order):
  1. profile directories           (platform.paths)
  2. logging + faulthandler        (platform.logs, platform.crash)
  3. settings                      (platform.settings; a corrupt file -> defaults + warning)
  4. secrets                       (platform.secrets; OS keychain or file fallback)
  5. storage                       (storage.db: engine, backup, migrations)
  6. embedded defaults             (catalog: bundled catalogue + demo register on first run)
  7. services                      (lookup, cases, captures, parts, orders, journal)
  8. GUI only: QApplication, qasync loop, crash dialog, translations, main window
     (``hms_desk.ui.application.run_gui``); widgets get narrow services in
     their constructors — the ``Core`` below never leaves this module and
     ``ui.application``.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from hms_desk.platform import crash
from hms_desk.platform.logs import setup_logging
from hms_desk.platform.paths import Profile, machine_settings_file
from hms_desk.platform.secrets import SecretStore, open_secret_store
from hms_desk.platform.settings import Settings, SettingsStore, effective_db_url
from hms_desk.platform.tasks import InlineTasks, Tasks, ThreadTasks
from hms_desk.storage.db import Database, MigrationReport, open_database

if TYPE_CHECKING:
    from hms_desk.parts.documents import OrderDocumentService
    from hms_desk.parts.orders import OrderService
    from hms_desk.services.cases import CaseService
    from hms_desk.services.journal import JournalService
    from hms_desk.services.lookup import LookupService
    from hms_desk.services.device_lookup import DeviceLookup
    from hms_desk.services.deletion import DeletionService

log = logging.getLogger("hms_desk.app")


@dataclass
class Options:
    profile: Path | None = None
    db_url: str | None = None
    demo: bool = False
    no_err_windows: bool = False
    quit_after_show: bool = False
    language: str | None = None
    console_log: bool = False
    secrets: SecretStore | None = None      # injected by tests
    tasks: Tasks | None = None              # injected by tests (InlineTasks)
    seed: bool = True                        # import embedded defaults on first run


@dataclass
class Core:
    """What the composition root built; used only here and in ui.application."""

    profile: Profile
    settings_store: SettingsStore
    settings: Settings
    db: Database
    migration: MigrationReport
    secrets: SecretStore
    tasks: Tasks
    lookup: "LookupService"
    cases: "CaseService"
    orders: "OrderService"
    journal: "JournalService"
    parts_for_device: Callable
    warnings: list[str] = field(default_factory=list)
    order_documents: "OrderDocumentService | None" = None   # parts/repair order PDFs, exports
    device_lookup: "DeviceLookup | None" = None   # OeBS first, local register as fallback (async)
    deletion: "DeletionService | None" = None   # deletion receipts (slettebekreftelse)

    def close(self) -> None:
        self.tasks.shutdown()
        self.db.dispose()
        crash.disable_faulthandler()


def database_is_empty(db: Database) -> bool:
    from sqlalchemy import func, select

    from hms_desk.storage.models import Product

    with db.session() as s:
        return (s.scalar(select(func.count()).select_from(Product)) or 0) == 0


def seed_embedded_defaults(db: Database, progress: Callable[[str], None] | None = None) -> None:
    """First run: the bundled catalogue, municipalities and a synthetic demo register."""
    from hms_desk.catalog.importers import import_bundled_catalog, import_municipalities
    from hms_desk.catalog.register_gen import generate_demo_register

    if progress:
        progress("Importerer kommuner …")
    import_municipalities(db)
    if progress:
        progress("Importerer produktkatalogen …")
    import_bundled_catalog(db)
    if progress:
        progress("Lager demoregister over hjelpemidler …")
    generate_demo_register(db)
    log.info("embedded defaults imported")


def build_core(opts: Options, gui: bool = False) -> Core:
    from hms_desk.parts.catalog import parts_for_device
    from hms_desk.parts.documents import OrderDocumentService
    from hms_desk.parts.orders import OrderService
    from hms_desk.services.captures import CaptureStore
    from hms_desk.services.cases import CaseService
    from hms_desk.services.device_lookup import SYNC_FILE_NAME, DeviceLookup
    from hms_desk.services.deletion import DeletionService
    from hms_desk.services.journal import JournalService
    from hms_desk.services.lookup import LookupService
    from hms_desk.video.anonymise import anonymise_still

    # 1. profile
    profile = (Profile.at(opts.profile) if opts.profile else Profile.default()).ensure()
    # 2. logging and hard-crash capture
    setup_logging(profile.log_dir, console=opts.console_log)
    crash.enable_faulthandler(profile.crash_dir)
    # 3. settings
    store = SettingsStore(profile.settings_file, machine_settings_file())   # IT's defaults under the user's
    loaded = store.load()
    settings = loaded.settings
    warnings = list(loaded.warnings)
    if opts.language:
        settings.ui.language = opts.language
    if opts.demo:
        settings.video.source = "demo"
    # 4. secrets
    secrets = opts.secrets
    if secrets is None:
        secrets, warn = open_secret_store(profile.config_dir / "secrets.json")
        if warn:
            warnings.append(warn)
    # 5. storage
    url = effective_db_url(settings, opts.db_url, profile.default_db_file)
    db, report = open_database(url, profile.backups_dir)
    # 6. embedded defaults
    if opts.seed and database_is_empty(db):
        seed_embedded_defaults(db)
    # 7. services
    tasks = opts.tasks or (ThreadTasks() if gui else InlineTasks())
    captures = CaptureStore(profile.captures_dir, secrets)
    lookup = LookupService(db)
    cases = CaseService(db, captures, anonymise_still, technician=settings.technician)
    orders = OrderService(db)
    journal = JournalService(db, cases, lookup, settings.hms_unit, profile.exports_dir)
    order_documents = OrderDocumentService(db, orders, cases, lookup, profile.exports_dir,
                                           actor=settings.technician)
    device_lookup = DeviceLookup(lookup, db, tasks, settings.oebs, secrets, profile.data_dir / SYNC_FILE_NAME)
    deleted = cases.enforce_retention(settings.retention_days)
    if deleted:
        log.info("retention removed %d capture(s) at start", deleted)
    log.info("core ready (db=%s, schema %s)", db.dialect, report.to_revision)
    deletion = DeletionService(db, settings.hms_unit, profile.exports_dir, settings.technician)
    return Core(profile, store, settings, db, report, secrets, tasks, lookup, cases, orders, journal,
                parts_for_device, warnings, order_documents, device_lookup=device_lookup, deletion=deletion)


def today() -> dt.date:
    return dt.date.today()
