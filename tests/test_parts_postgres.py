"""Orders on a shared PostgreSQL database, from two real connections at the same moment.

Two workstations = two engines (two connection pools) on the real server the
``pg_url`` fixture starts.  Threads meet at a barrier and send together; the
advisory lock per device must keep NAV's 24-hour limit exact and a double
click (the same request key) must make one order.
"""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from sqlalchemy import func, select, text

from hms_desk.parts.orders import OrderRefused, OrderService
from hms_desk.storage.db import open_database
from hms_desk.storage.models import OrderLine, OrderStatusChange, PartsOrder
from test_parts_orders import T0, Clock, draft, seed

pytestmark = pytest.mark.postgres


@pytest.fixture
def two_workstations(pg_db, pg_url):
    """The fixture's database plus a second, independent engine on the same server."""
    seed(pg_db)
    other, _ = open_database(pg_url)
    yield pg_db, other
    other.dispose()


def at_once(jobs) -> list:
    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def work(i: int) -> None:
        barrier.wait()
        try:
            results[i] = jobs[i]()
        except Exception as exc:      # collected, asserted on below
            results[i] = exc

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not any(t.is_alive() for t in threads), "a thread hung (deadlock?)"
    return results


def backend_pids(*dbs) -> set[int]:
    pids = set()
    for database in dbs:
        with database.engine.connect() as c:
            pids.add(c.execute(text("SELECT pg_backend_pid()")).scalar())
    return pids


def test_two_connections_cannot_break_the_24_hour_limit(two_workstations):
    a, b = two_workstations
    assert a.dialect == b.dialect == "postgresql"
    assert len(backend_pids(a, b)) == 2                      # really two server connections
    services = [OrderService(a, clock=Clock(T0)), OrderService(b, clock=Clock(T0))]
    jobs = [lambda i=i: services[i % 2].create(draft(key=f"ws{i % 2}-{i}")) for i in range(10)]
    results = at_once(jobs)
    made = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, OrderRefused)]
    assert len(made) == 5 and len(refused) == 5, results
    assert all([v.code for v in r.violations] == ["FOR_MANGE_BESTILLINGER_SISTE_24_TIMER"] for r in refused)
    with a.session() as s:
        assert s.scalar(select(func.count()).select_from(PartsOrder)) == 5
        numbers = list(s.scalars(select(PartsOrder.number)))
        assert len(set(numbers)) == 5 and all(n.startswith("D-2026-") for n in numbers)
        assert s.scalar(select(func.count()).select_from(OrderLine)) == 5
        assert s.scalar(select(func.count()).select_from(OrderStatusChange)) == 5


def test_two_technicians_each_get_their_own_five(two_workstations):
    a, b = two_workstations
    sa, sb = OrderService(a, clock=Clock(T0)), OrderService(b, clock=Clock(T0))
    jobs = []
    for i in range(12):
        service, orderer = (sa, "T100001") if i % 2 == 0 else (sb, "T100002")
        jobs.append(lambda service=service, orderer=orderer, i=i:
                    service.create(draft(key=f"{orderer}-{i}", orderer=orderer)))
    results = at_once(jobs)
    made = Counter(r.order.orderer for r in results if not isinstance(r, Exception))
    assert made == {"T100001": 5, "T100002": 5}, results
    assert sum(isinstance(r, OrderRefused) for r in results) == 2


def test_double_click_from_two_connections_makes_one_order(two_workstations):
    a, b = two_workstations
    services = [OrderService(a, clock=Clock(T0)), OrderService(b, clock=Clock(T0))]
    results = at_once([lambda i=i: services[i % 2].create(draft(key="one-click")) for i in range(6)])
    assert not any(isinstance(r, Exception) for r in results), results
    assert len({r.order.number for r in results}) == 1
    assert sum(r.created for r in results) == 1
    with b.session() as s:
        assert s.scalar(select(func.count()).select_from(PartsOrder)) == 1
        assert s.scalar(select(func.count()).select_from(OrderLine)) == 1
