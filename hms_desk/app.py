"""The composition root: the one place where HMS Desk is assembled.

Order (documented, and the only order):
  1. profile directories           (platform.paths)
  2. logging + faulthandler        (platform.logs, platform.crash)
  3. settings                      (platform.settings; a corrupt file -> defaults + warning)
  4. secrets                       (platform.secrets; OS keychain or file fallback)
  5. storage                       (storage.db: engine, backup, migrations)
  6. services                      (lookup, cases, captures, parts, orders, journal)
  7. GUI only: QApplication, qasync loop, crash dialog, translations, main window
     (``hms_desk.ui.application.run_gui``); widgets get narrow services in
     their constructors — the ``Core`` below never leaves this module and
     ``ui.application``.

This module only wires.  Work that takes time is not done here: first-run
seeding (:func:`seed_if_empty`) and the retention sweep
(``CaseService.enforce_retention``) run after the window is shown, as
background operations, and in a CLI command only where that command needs
them (commands that read the catalogue seed an empty database; no CLI
command sweeps captures).
"""

from __future__ import annotations

import copy
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
    from hms_desk.services.preparations import PreparationService
    from hms_desk.services.deviations import DeviationService

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
    preparations: "PreparationService | None" = None   # advisers: utprøving / boligsak preparations
    persisted: Settings | None = None     # the settings as in the file: command-line overrides never get here
    deviations: "DeviationService | None" = None   # deviations (avvik): report, list, export

    def apply_settings(self, new: Settings) -> None:
        """Settings changed in the settings dialog, applied without a restart where possible
        (technician, HMS unit, OeBS, retention, video defaults); the database URL and the
        language take effect at the next start.  ``persisted`` takes all of it."""
        import copy
        import dataclasses

        old = self.settings
        for name in ("technician", "hms_unit", "retention_days", "delete_captures_after_export",
                     "require_journal_before_close"):
            setattr(old, name, getattr(new, name))
        for f in ("base_url", "timeout_s", "retries"):          # DeviceLookup holds this very object
            setattr(old.oebs, f, getattr(new.oebs, f))
        for f in ("live_face_blur", "blank_when_detector_fails", "precall_on_new_case"):
            setattr(old.video, f, getattr(new.video, f))
        self.cases.technician = new.technician
        self.journal._hms_unit = new.hms_unit
        if self.order_documents is not None:
            self.order_documents.actor = new.technician
        if self.deletion is not None:
            self.deletion.technician = new.technician
            self.deletion._hms_unit = new.hms_unit
        if self.preparations is not None:
            self.preparations.technician = new.technician
            self.preparations.hms_unit = new.hms_unit
        if self.deviations is not None:
            self.deviations.technician = new.technician
            self.deviations._hms_unit = new.hms_unit
        before = self.persisted or old
        keep_ui, keep_source = before.ui, before.video.source     # layout and source are not the dialog's
        self.persisted = copy.deepcopy(new)
        self.persisted.video.source = keep_source
        self.persisted.ui = dataclasses.replace(keep_ui, language=new.ui.language)

    def close(self) -> None:
        self.tasks.shutdown()
        self.db.dispose()
        crash.disable_faulthandler()


def database_is_empty(db: Database) -> bool:
    from sqlalchemy import func, select

    from hms_desk.storage.models import Product

    with db.session() as s:
        return (s.scalar(select(func.count()).select_from(Product)) or 0) == 0


def seed_if_empty(db: Database, progress: Callable[[str], None] | None = None) -> bool:
    """First run: the embedded defaults when the database has no catalogue yet; True if seeded."""
    if not database_is_empty(db):
        return False
    seed_embedded_defaults(db, progress)
    return True


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
    from hms_desk.services.deviations import DeviationService
    from hms_desk.services.journal import JournalService
    from hms_desk.services.lookup import LookupService
    from hms_desk.services.preparations import PreparationService
    from hms_desk.video.anonymise import anonymise_still, search_ahead_still

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
    persisted = copy.deepcopy(settings)       # what is saved; the overrides below are for this run only
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
    # 6. services
    tasks = opts.tasks or (ThreadTasks() if gui else InlineTasks())
    captures = CaptureStore(profile.captures_dir, secrets, db.database_id())
    lookup = LookupService(db)
    cases = CaseService(db, captures, anonymise_still, technician=settings.technician,
                        search_ahead=search_ahead_still)
    orders = OrderService(db)
    journal = JournalService(db, cases, lookup, settings.hms_unit, profile.exports_dir)
    order_documents = OrderDocumentService(db, orders, cases, lookup, profile.exports_dir,
                                           actor=settings.technician)
    device_lookup = DeviceLookup(lookup, db, tasks, settings.oebs, secrets, profile.data_dir / SYNC_FILE_NAME)
    log.info("core ready (db=%s, schema %s)", db.dialect, report.to_revision)
    deletion = DeletionService(db, settings.hms_unit, profile.exports_dir, settings.technician)
    preparations = PreparationService(
        db, CaptureStore(profile.data_dir / "prep_attachments", secrets, db.database_id()), anonymise_still,
        cases, technician=settings.technician, hms_unit=settings.hms_unit, exports_dir=profile.exports_dir)
    journal.prep_facts = preparations.journal_facts
    deviations = DeviationService(db, settings.technician, profile.exports_dir, settings.hms_unit)
    return Core(profile, store, settings, db, report, secrets, tasks, lookup, cases, orders, journal,
                parts_for_device, warnings, order_documents, device_lookup=device_lookup, deletion=deletion,
                persisted=persisted, preparations=preparations, deviations=deviations)


def today() -> dt.date:
    return dt.date.today()
