"""GUI responsiveness while importing a big device register (event-loop stall).

A synthetic OeBS register CSV (500,000 rows; ``--quick``: 100,000) is
imported twice into fresh SQLite databases, each time with a 10 ms QTimer on
the GUI thread recording when it actually fires:

* ``worker`` — the real path: ``ImportDialog`` runs the importer through the
  tasks door (db worker thread), progress relayed as a queued Qt signal;
* ``gui_thread`` — the naive peer: the same importer called on the GUI
  thread (with a progress callback that sets a progress bar).

The stall figures are the intervals between timer callbacks that end during
the import (nominal 10 ms): p50 / p99 / max in ms.  Target: worker p99 ≤ 50 ms.
The ratio is naive ÷ worker.  Runs offscreen by default.

    python bench/import_gui.py [--quick] [--rows N] [--naive-first]

The first import of a run pays for a cold file cache; ``--naive-first``
swaps the order to check that the throughput figures are not an order effect.

The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TICK_MS = 10
SETTLE_S = 0.3          # timer runs this long before and after each import


def percentile(values: list[float], q: float) -> float:
    s = sorted(values)
    if not s:
        return 0.0
    k = max(0, min(len(s) - 1, int(round(q / 100 * (len(s) - 1)))))
    return s[k]


def stall_stats(ticks: list[float], t0: float, t1: float) -> dict:
    """Intervals (ms) between consecutive timer callbacks whose end falls in (t0, t1 + one late tick]."""
    intervals = []
    for a, b in zip(ticks, ticks[1:]):
        if b > t0 and a < t1:
            intervals.append((b - a) * 1000)
    return {
        "intervals": len(intervals),
        "p50_ms": round(percentile(intervals, 50), 1),
        "p99_ms": round(percentile(intervals, 99), 1),
        "max_ms": round(max(intervals) if intervals else 0.0, 1),
        "mean_ms": round(statistics.fmean(intervals), 1) if intervals else 0.0,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--rows", type=int, default=None)
    ap.add_argument("--naive-first", action="store_true", help="run the GUI-thread import first")
    args = ap.parse_args()
    rows = args.rows or (100_000 if args.quick else 500_000)
    naive_first = args.naive_first

    import qasync
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QProgressBar

    from hms_desk.catalog.register import import_register
    from hms_desk.catalog.register_gen import generate_register_csv
    from hms_desk.platform.tasks import ThreadTasks
    from hms_desk.storage.db import open_database
    from hms_desk.ui.import_dialog import ImportDialog

    app = QApplication.instance() or QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        csv_path = tmp / "register.csv"
        t = time.perf_counter()
        generate_register_csv(csv_path, rows, seed=2026)
        gen_s = time.perf_counter() - t
        print(f"generated {rows} rows in {gen_s:.1f} s ({csv_path.stat().st_size / 1e6:.0f} MB)")
        db_worker, _ = open_database(f"sqlite:///{tmp / 'worker.sqlite3'}")
        db_naive, _ = open_database(f"sqlite:///{tmp / 'naive.sqlite3'}")
        tasks = ThreadTasks()

        ticks: list[float] = []
        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(TICK_MS)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))

        async def pause(seconds: float) -> None:
            await asyncio.sleep(seconds)

        async def run_worker() -> tuple[float, float, object, int]:
            dlg = ImportDialog(tasks.db, lambda kind, paths, progress, cancel:
                               import_register(db_worker, paths, progress=progress, cancel=cancel))
            dlg.show()
            dlg.set_kind("register")
            dlg.set_files([csv_path])
            finished = asyncio.get_running_loop().create_future()
            dlg.done.connect(lambda ok: finished.done() or finished.set_result(ok))
            await pause(SETTLE_S)
            t0 = time.perf_counter()
            dlg.start()
            await finished
            t1 = time.perf_counter()
            await pause(SETTLE_S)
            report, updates = dlg.report, dlg.progress_updates
            dlg.close()
            dlg.deleteLater()
            return t0, t1, report, updates

        async def run_naive() -> tuple[float, float, object]:
            bar = QProgressBar()
            bar.show()

            def progress(done: int, total: int | None) -> None:
                bar.setRange(0, total or 0)
                bar.setValue(done)

            await pause(SETTLE_S)
            t0 = time.perf_counter()
            report = import_register(db_naive, [csv_path], progress=progress)   # on the GUI thread
            t1 = time.perf_counter()
            await pause(SETTLE_S)
            bar.close()
            return t0, t1, report

        async def bench() -> dict:
            timer.start()
            if naive_first:
                n0, n1, n_report = await run_naive()
                naive_ticks = list(ticks)
                ticks.clear()
            w0, w1, w_report, updates = await run_worker()
            worker_ticks = list(ticks)
            ticks.clear()
            if not naive_first:
                n0, n1, n_report = await run_naive()
                naive_ticks = list(ticks)
            timer.stop()
            assert w_report.ok and n_report.ok and w_report.rows_read == n_report.rows_read == rows
            worker = stall_stats(worker_ticks, w0, w1) | {"import_s": round(w1 - w0, 2),
                                                         "rows_per_s": round(rows / (w1 - w0)),
                                                         "progress_updates": updates}
            naive = stall_stats(naive_ticks, n0, n1) | {"import_s": round(n1 - n0, 2),
                                                       "rows_per_s": round(rows / (n1 - n0))}
            return {"worker": worker, "gui_thread": naive}

        with loop:
            res = loop.run_until_complete(bench())
        tasks.shutdown()
        db_worker.dispose()
        db_naive.dispose()

    w, n = res["worker"], res["gui_thread"]
    print(f"{'':12}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>10}{'import s':>10}{'rows/s':>10}")
    for name, r in (("worker", w), ("gui thread", n)):
        print(f"{name:12}{r['p50_ms']:>9}{r['p99_ms']:>9}{r['max_ms']:>10}{r['import_s']:>10}{r['rows_per_s']:>10}")
    ratio_p99 = round(n["p99_ms"] / w["p99_ms"], 1) if w["p99_ms"] else None
    ratio_max = round(n["max_ms"] / w["max_ms"], 1) if w["max_ms"] else None
    print(json.dumps({"bench": "import_gui", "rows": rows, "tick_ms": TICK_MS, "worker": w, "gui_thread": n,
                      "ratio_p99": ratio_p99, "ratio_max": ratio_max, "target_p99_ms": 50,
                      "ok": w["p99_ms"] <= 50, "order": "naive-first" if naive_first else "worker-first", "qpa": os.environ.get("QT_QPA_PLATFORM"),
                      "cpus": os.cpu_count()}))


if __name__ == "__main__":
    main()
