"""The demo call with its parts order: the one call the GUI start-up and the CLI make.

:func:`ensure_demo_call` makes case ``demo`` once (see
:mod:`hms_desk.services.demo`) and gives it a parts order for a wheel of the
demo device, placed through the same :class:`~hms_desk.parts.orders.OrderService`
and NAV rules as any order (idempotent by its request key).
"""

from __future__ import annotations

import logging

from hms_desk.domain.errors import HmsError
from hms_desk.services.cases import CaseService
from hms_desk.services.demo import DEMO_HMSNR, DEMO_SERIAL, ensure_demo_case
from hms_desk.storage.db import Database

log = logging.getLogger("hms_desk.demo")

DEMO_ORDER_KEY = "demo-case-order"


def ensure_demo_call(db: Database, cases: CaseService, orders=None, journal=None, with_picture: bool = True) -> int:
    """The id of case ``demo`` (made the first time, with its order when ``orders`` is given)."""
    make_order = None
    if orders is not None:
        def make_order(case_id: int, snapshot_id: int | None) -> None:
            _demo_order(db, orders, cases.technician, case_id, snapshot_id)
    return ensure_demo_case(db, cases, make_order, journal, with_picture)


def _demo_order(db: Database, orders, technician: str, case_id: int, snapshot_id: int | None) -> None:
    from hms_desk.domain import nav
    from hms_desk.parts.catalog import parts_for_device
    from hms_desk.parts.orders import DraftLine, OrderDraft

    with db.session() as s:
        parts = parts_for_device(s, DEMO_HMSNR)
    wheel = next((p for p in parts if p.category == "Hjul"), None) or (parts[0] if parts else None)
    if wheel is None:
        log.warning("demo order not made: no parts for %s", DEMO_HMSNR)
        return
    unit = next((code for code, name in nav.HMS_UNITS.items() if name == "Oslo"), "4703")
    draft = OrderDraft(hmsnr=DEMO_HMSNR, serial=DEMO_SERIAL, orderer=technician, orderer_hms_unit=unit,
                       delivery="kommunelager", lines=[DraftLine(part_hmsnr=wheel.hmsnr, quantity=1)],
                       case_id=case_id, snapshot_id=snapshot_id, request_key=DEMO_ORDER_KEY)
    try:
        orders.create(draft)
    except HmsError as exc:          # NAV's rules refused it: the demo goes on without an order
        log.warning("demo order not made: %s", exc.message)
