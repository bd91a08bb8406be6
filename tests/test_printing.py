"""The one printing service: every document HMS Desk makes goes render (operation) → preview
(after the operation) → print → audit.  Printed through the real preview dialog's printer into a
PDF file (QPrinter PdfFormat), read back with pypdf and compared page by page with the document."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from hms_desk.documents.deviation_doc import render_deviation
from hms_desk.documents.journal_note import render
from hms_desk.documents.pdfa_check import check_pdf
from hms_desk.parts.demo import ensure_demo_call
from hms_desk.services.deviations import DeviationDraft
from hms_desk.storage.models import AuditEntry
from hms_desk.ui import printing as P
from tests.document_gui_helpers import assert_printed_like, printed_to_file  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore("pipewire", "propagateSizeHints")


@pytest.fixture
def service(ops, qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    svc = P.PrintService(ops, parent)
    return svc, parent


def _printed(core, object_type: str, object_id: str) -> list[str]:
    with core.db.session() as s:
        return list(s.scalars(select(AuditEntry.action).where(AuditEntry.object_type == object_type,
                                                              AuditEntry.object_id == object_id,
                                                              AuditEntry.action == "printed")))


def _print(qtbot, service, job) -> tuple[str, str]:
    svc, parent = service
    with qtbot.waitSignal(svc.printed, timeout=60000) as printed:
        svc.print_job(parent, job)
    return tuple(printed.args)


@pytest.mark.slow
def test_every_document_prints_through_the_one_service(gui_core, service, qtbot, printed_to_file):
    core = gui_core
    cid = ensure_demo_call(core.db, core.cases, core.orders, core.journal)
    note = core.journal.open_note(cid)
    order = note.devices[0].orders[0].number
    n = 0

    # journal note (as the editor holds it)
    assert _print(qtbot, service, P.journal_note_job(core.journal, note)) == (P.JOURNAL_NOTE, "demo")
    source = render(core.journal.collect(note), "pdf").data
    assert check_pdf(source, expect_type="notat").ok
    assert_printed_like(printed_to_file.files[n], source)
    assert _printed(core, "journal", "demo") == ["printed"]
    n += 1

    # parts order and repair order
    for kind in (P.PARTS_ORDER, P.REPAIR_ORDER):
        job = P.order_job(core.order_documents, order, kind, f"{kind} {order}")
        assert _print(qtbot, service, job) == (kind, order)
        src = core.order_documents.write_pdf(order, kind, printed_to_file.files[n].with_name(f"src-{kind}.pdf"),
                                             action="")
        assert_printed_like(printed_to_file.files[n], src.read_bytes())
        n += 1
    assert _printed(core, "parts_order", order) == ["printed", "printed"]

    # deviation
    doc = core.deviations.create(DeviationDraft(kind="feil_del", what_happened="Feil hjul levert – æøå.",
                                                reporter_role="tekniker", reporter_org="Oslo kommune",
                                                case="demo"))
    assert _print(qtbot, service, P.deviation_job(core.deviations, doc.number)) == (P.DEVIATION, doc.number)
    assert_printed_like(printed_to_file.files[n], render_deviation(core.deviations.document(doc.number), "pdf").data)
    assert _printed(core, "deviation", doc.number) == ["printed"]
    n += 1

    # deletion receipt of a closed case
    core.cases.close(cid)
    job = P.deletion_receipt_job(core.deletion, cid, "demo", "Slettebekreftelse demo")
    assert _print(qtbot, service, job) == (P.DELETION_RECEIPT, "demo")
    receipt = core.deletion.receipt(cid, printed_to_file.files[n].with_name("src-receipt.pdf"))
    assert_printed_like(printed_to_file.files[n], receipt.read_bytes())
    assert _printed(core, "deletion_receipt", "demo") == ["printed"]

    # one preview dialog, never opened inside an operation; printing leaves no PDF in the exports folder
    assert printed_to_file.inside_task == [False] * 5
    assert printed_to_file.titles[0] == "Journalnotat demo"
    assert not list(core.profile.exports_dir.glob("*.pdf"))


def test_other_operations_finish_while_the_preview_is_open(gui_core, ops, service, qtbot, printed_to_file):
    """The old bug: a preview opened from inside an operation made other operations fail with
    "Cannot enter into task" and lose their results.  Now it opens after its operation, so an
    operation started and finished while the preview is up (a nested event loop, as exec() would
    run) delivers its result."""
    core = gui_core
    case = core.cases.start()
    core.cases.set_summary(case.id, "Kort samtale.", "Ingen ny kontakt")
    results: list = []

    def during() -> None:
        op = ops.query(None, core.cases.open_cases).success(results.append).run()
        qtbot.waitUntil(lambda: bool(results), timeout=10000)       # a nested event loop, as a modal dialog
        assert op.error is None
    printed_to_file.during = during
    note = core.journal.open_note(case.id)
    assert _print(qtbot, service, P.journal_note_job(core.journal, note)) == (P.JOURNAL_NOTE, case.number)
    assert [c.number for c in results[0]] == [case.number]
    assert printed_to_file.inside_task == [False]


def test_a_refused_document_says_why_and_opens_no_preview(gui_core, service, qtbot, printed_to_file):
    core = gui_core
    case = core.cases.start()                     # no summary, no next contact
    svc, parent = service
    note = core.journal.open_note(case.id)
    with qtbot.waitSignal(svc.failed, timeout=20000) as failed:
        svc.print_job(parent, P.journal_note_job(core.journal, note))
    assert failed.args[0] == "Journalnotatet kan ikke eksporteres ennå: fyll ut oppsummering og neste kontakt."
    assert printed_to_file.files == []
    assert _printed(core, "journal", case.number) == []


def test_cancelled_preview_records_nothing(gui_core, service, qtbot, monkeypatch):
    from hms_desk.ui import print_preview

    core = gui_core
    cid = ensure_demo_call(core.db, core.cases, core.orders, core.journal, with_picture=False)
    svc, parent = service
    shown = []

    def ask(cls, dialog, done):
        shown.append(dialog.windowTitle())
        done(False)                               # the technician closed the preview
        dialog.close()
    monkeypatch.setattr(print_preview.PrintPreview, "ask", classmethod(ask))
    with qtbot.waitSignal(svc.previewOpened, timeout=30000):
        svc.print_job(parent, P.journal_note_job(core.journal, core.journal.open_note(cid)))
    assert shown == ["Journalnotat demo"]
    assert _printed(core, "journal", "demo") == []


def test_long_documents_keep_memory_bounded_and_print_the_same(tmp_path, qtbot):
    """Pages past the raw budget are packed and unpacked one at a time while painted; what reaches
    the printer is the same either way."""
    from PySide6.QtPrintSupport import QPrinter

    from hms_desk.documents.samples import sample_note
    from hms_desk.ui.print_preview import PackedPage, RenderedPage, a4_printer, paint_pages, rasterise_pdf

    pdf = render(sample_note(pages=3, pictures=1), "pdf").data
    raw = rasterise_pdf(pdf)
    assert len(raw) >= 2 and all(isinstance(p, RenderedPage) for p in raw)
    one = raw[0].pixels.nbytes
    mixed = rasterise_pdf(pdf, raw_budget=one)                   # the first page raw, the rest packed
    assert isinstance(mixed[0], RenderedPage) and all(isinstance(p, PackedPage) for p in mixed[1:])
    assert all(len(p.data) < one / 3 for p in mixed[1:])
    assert round(mixed[1].width_pt) == 595 and round(mixed[1].height_pt) == 842
    for i, pages in enumerate((raw, mixed)):
        printer = a4_printer("test")
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / f"p{i}.pdf"))
        paint_pages(printer, pages)
    assert_printed_like(tmp_path / "p0.pdf", pdf)
    assert_printed_like(tmp_path / "p1.pdf", pdf)
