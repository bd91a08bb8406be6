"""The one printing service: every document HMS Desk makes is printed the same way.

A :class:`PrintJob` says how to get a document's PDF (staged operation steps:
database work, then CPU work, ending in a :class:`Printable`) and how to
audit that it was printed.  :meth:`PrintService.print_job` then

1. runs the steps plus the rasterising of the pages as *one* staged operation
   (``ops.staged``: database → CPU → CPU), so nothing heavy runs on the GUI thread;
2. opens the one preview dialog (:class:`hms_desk.ui.print_preview.PrintPreview`)
   from the operation's success callback — *after* the operation has finished,
   so the dialog never runs an event loop inside an operation;
3. when the user prints, records it with an audit mutation (``Change.DOCUMENT``)
   and emits :attr:`PrintService.printed`.

The documents (journal note, parts order, repair order, deletion receipt,
deviation; later the utprøving preparation sheet) each have a small job
builder below.  Printing never leaves a PDF behind in the exports folder.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from hms_desk.domain.errors import HmsError
from hms_desk.ui.ops import Change, Op, Operations, Step, cpu, db
from hms_desk.ui.print_preview import PrintPreview, rasterise_pdf

__all__ = ["JOURNAL_NOTE", "PARTS_ORDER", "REPAIR_ORDER", "DELETION_RECEIPT", "DEVIATION", "KINDS",
           "Printable", "PrintJob", "PrintService", "deletion_receipt_job", "deviation_job",
           "journal_note_job", "order_job"]

# document kinds (the audit's words, and what ``printed`` reports)
JOURNAL_NOTE = "journalnotat"
PARTS_ORDER = "bestilling"              # as hms_desk.parts.documents.PARTS_ORDER
REPAIR_ORDER = "reparasjonsordre"       # as hms_desk.parts.documents.REPAIR_ORDER
DELETION_RECEIPT = "slettebekreftelse"
DEVIATION = "avvik"
KINDS = (JOURNAL_NOTE, PARTS_ORDER, REPAIR_ORDER, DELETION_RECEIPT, DEVIATION)


@dataclass(frozen=True)
class Printable:
    """A document's PDF bytes, what its audit step needs, and notes for the user."""

    data: bytes
    context: Any = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PrintJob:
    """How to print one document.

    ``steps`` are staged-operation steps (``ops.db`` / ``ops.cpu``) whose last
    result is a :class:`Printable`; ``record(context)`` runs on the database
    worker after the user printed (the audit entry).
    """

    kind: str
    reference: str
    title: str
    steps: tuple[Step, ...]
    record: Callable[[Any], Any]
    first: Any = None


@dataclass
class _Prepared:
    printable: Printable
    pages: list = field(default_factory=list)


class PrintService(QObject):
    """Render → preview (after the operation) → print → audit, for every document."""

    previewOpened = Signal(str, str)     # kind, reference: the preview dialog is open
    printed = Signal(str, str)           # kind, reference: printed and audited
    failed = Signal(str)                 # a Norwegian message
    notice = Signal(str)                 # warnings of the rendered document (e.g. characters the font lacks)

    def __init__(self, ops: Operations, parent: QObject | None = None):
        super().__init__(parent)
        self._ops = ops
        self.preview = PrintPreview          # the one preview dialog (tests replace its ``ask``)

    def print_job(self, parent: QWidget, job: PrintJob, *,
                  on_printed: Callable[[str, str], None] | None = None,
                  on_failure: Callable[[HmsError], None] | None = None,
                  on_finished: Callable[[bool], None] | None = None) -> Op:
        """Start printing ``job`` from ``parent``; returns the rendering operation.

        ``on_failure`` gets a failure of the rendering or of the audit (else
        :attr:`failed` and the status bar); ``on_finished(ok)`` runs when the
        rendering operation is over (e.g. to enable buttons again).
        """
        def fail(exc: HmsError) -> None:
            if on_failure is not None:
                on_failure(exc)
            self.failed.emit(exc.message)

        def rasterise(printable: Printable) -> _Prepared:
            if not isinstance(printable, Printable):
                raise TypeError(f"a print job must end in a Printable, not {type(printable).__name__}")
            return _Prepared(printable, rasterise_pdf(printable.data))

        def show(prepared: _Prepared) -> None:
            for w in prepared.printable.warnings:
                self.notice.emit(w)

            def done(printed: bool) -> None:
                if not printed:
                    return
                self._ops.mutate(parent, job.record, prepared.printable.context, changes=Change.DOCUMENT) \
                    .success(lambda _r: self._printed(job, on_printed)).failure(fail).run()
            self.preview.open(parent, prepared.pages, job.title, done)
            self.previewOpened.emit(job.kind, job.reference)

        op = self._ops.staged(parent, *job.steps, cpu(rasterise), first=job.first).success(show).failure(fail)
        if on_finished is not None:
            op.finally_(on_finished)
        return op.run()

    def _printed(self, job: PrintJob, on_printed: Callable[[str, str], None] | None) -> None:
        if on_printed is not None:
            on_printed(job.kind, job.reference)
        self.printed.emit(job.kind, job.reference)


# --- the documents ---------------------------------------------------------------------

def _pdf_of(writer: Callable[[Path], Any], name: str) -> bytes:
    """Bytes of a PDF that a writer puts in a file (a private temporary folder, removed at once)."""
    with tempfile.TemporaryDirectory(prefix="hms-print-") as tmp:
        target = Path(tmp) / name
        written = writer(target)
        return Path(written or target).read_bytes()


def journal_note_job(journal, note, lang: str = "nb", title: str | None = None) -> PrintJob:
    """The journal note as the editor holds it (``note``); audited as printed for its case."""
    from hms_desk.documents.journal_note import render

    def rendered(bundle) -> Printable:
        r = render(bundle, "pdf", lang)
        return Printable(r.data, bundle.note.case_number, tuple(r.warnings))
    return PrintJob(JOURNAL_NOTE, note.case_number, title or f"Journalnotat {note.case_number}",
                    (db(lambda _: journal.collect(note)), cpu(rendered)),
                    journal.record_printed)


def order_job(documents, number: str, kind: str, title: str, decision: str | None = None,
              reason: str | None = None) -> PrintJob:
    """The parts order (``kind="bestilling"``) or repair order of ``number``."""
    def rendered(data) -> Printable:
        return Printable(_pdf_of(lambda target: documents.render_pdf(data, kind, target), f"{kind}-{number}.pdf"))
    return PrintJob(kind, number, title,
                    (db(lambda _: documents.compose(number, decision, reason)), cpu(rendered)),
                    lambda _ctx: documents.record_printed(number, kind))


def deletion_receipt_job(deletion, case_id: int, case_number: str, title: str) -> PrintJob:
    """The deletion receipt (*slettebekreftelse*) of a closed case."""
    from hms_desk.documents.receipt_pdf import write_deletion_receipt_pdf

    def rendered(data) -> Printable:
        return Printable(_pdf_of(lambda target: write_deletion_receipt_pdf(data, target),
                                 "slettebekreftelse.pdf"), data.case_number)
    return PrintJob(DELETION_RECEIPT, case_number, title,
                    (db(lambda _: deletion.receipt_data(case_id)), cpu(rendered)),
                    deletion.record_printed)


def deviation_job(deviations, number: str, lang: str = "nb", title: str | None = None) -> PrintJob:
    """A deviation report (*avviksmelding*); audited through the deviation service."""
    from hms_desk.documents.deviation_doc import render_deviation

    def rendered(doc) -> Printable:
        r = render_deviation(doc, "pdf", lang)
        return Printable(r.data, (doc, r), tuple(r.warnings))
    return PrintJob(DEVIATION, number, title or f"Avvik {number}",
                    (db(lambda _: deviations.document(number)), cpu(rendered)),
                    lambda ctx: deviations.store(ctx[0], ctx[1], write=False, action="printed"))
