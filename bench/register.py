"""Device register at national scale: import, exact lookup, forgiving search.

Generates a synthetic OeBS register (2,000,000 devices; ``--quick``: 200,000)
with ``hms_desk.catalog.register_gen`` in a temp directory, then on SQLite:

* imports it through the service layer (``import_register``) in a child
  process — wall time and the child's peak RSS (targets ≤ 30 s, ≤ 300 MB) —
  side by side with the peer: the previous importer (per-batch SQLAlchemy
  upsert with RETURNING), same file, same machine, as a ratio;
* exact lookups through ``LookupService`` on random devices (p99 ≤ 1 ms);
* forgiving searches through ``SearchService``: letters misread, swapped,
  missing and extra digits, partial serials, HMS-nr + serial, product words
  (p99 ≤ 50 ms) — and, as the peer for partial serials, the plain
  ``LIKE '%…%'`` scan the candidate approach replaces, as a ratio;
* the same import/lookup/search on a throw-away PostgreSQL server when the
  ``postgresql`` package is installed (``--no-pg`` skips it).

    python bench/register.py [--quick] [--devices N] [--no-peer] [--no-pg]

The last line printed is one JSON object with all figures.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

TARGETS = {"import_s": 30.0, "import_peak_rss_mb": 300.0, "lookup_p99_ms": 1.0, "search_p99_ms": 50.0}


# --- the import, in a child process (its own peak memory) ----------------------

def child_import(url: str, csv_path: str, peer: bool) -> None:
    from hms_desk.storage.db import open_database

    db, _ = open_database(url)
    t0 = time.perf_counter()
    if peer:
        report = previous_import(db, Path(csv_path))
    else:
        from hms_desk.catalog.register import import_register

        report = import_register(db, [Path(csv_path)])
    seconds = time.perf_counter() - t0
    db.dispose()
    rss_mb = peak_rss_mb()
    print(json.dumps({"seconds": seconds, "rss_mb": rss_mb, "inserted": report.inserted,
                      "updated": report.updated, "ok": report.ok}))


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss not inherited over exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def previous_import(db, path: Path):
    """The peer: the importer as it was before (per-batch upsert, ids RETURNING, then loans)."""
    from sqlalchemy import func, select

    from hms_desk.catalog._base import CsvSource, ImportRun, RowProblem, dialect_insert, upsert
    from hms_desk.catalog.register import (REGISTER_ALIASES, REQUIRED_COLUMNS, parse_register_row)
    from hms_desk.storage.models import Device, Loan

    devices, loans = Device.__table__, Loan.__table__

    def flush(conn, records):
        batch = {(r[0], r[1]): r for r in records}
        max_before = conn.execute(select(func.max(devices.c.id))).scalar() or 0
        ins = dialect_insert(conn)(devices)
        stmt = ins.on_conflict_do_update(
            index_elements=["hmsnr", "serial"],
            set_={"iso_category": ins.excluded.iso_category, "created_date": ins.excluded.created_date},
        ).returning(devices.c.id, devices.c.hmsnr, devices.c.serial)
        rows = conn.execute(stmt, [{"hmsnr": r[0], "serial": r[1], "iso_category": r[2],
                                    "created_date": _date(r[3])} for r in batch.values()]).all()
        ids = {(h, s): i for i, h, s in rows}
        upsert(conn, loans, [{"device_id": ids[k], "loan_date": _date(r[4]), "loan_type": r[5],
                              "article_status": r[6], "municipality": r[7]} for k, r in batch.items()],
               ["device_id"], ["loan_date", "loan_type", "article_status", "municipality"])
        new = sum(1 for i, _, _ in rows if i > max_before)
        return new, len(records) - new

    src = CsvSource(path, REGISTER_ALIASES, REQUIRED_COLUMNS)
    with ImportRun(db, "register", flush, None, None) as run:
        for line, raw in src:
            try:
                run.add(parse_register_row(raw))
            except RowProblem as exc:
                run.error(src.path, line, str(exc))
    return run.report


def _date(text):
    import datetime as dt

    return dt.date.fromisoformat(text) if text else None


def run_import(url: str, csv_path: Path, peer: bool = False) -> dict:
    res = subprocess.run([sys.executable, __file__, "--child-import", url, str(csv_path)]
                         + (["--peer"] if peer else []), capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise RuntimeError(f"import child failed:\n{res.stdout}\n{res.stderr}")
    return json.loads(res.stdout.strip().splitlines()[-1])


# --- lookups and searches ----------------------------------------------------

def sample_devices(db, n: int, seed: int = 5) -> list[tuple[str, str]]:
    from sqlalchemy import func, select

    from hms_desk.storage.models import Device

    rng = random.Random(seed)
    with db.engine.connect() as conn:
        top = conn.execute(select(func.max(Device.id))).scalar() or 0
        ids = [rng.randint(1, top) for _ in range(n)]
        rows = conn.execute(select(Device.hmsnr, Device.serial).where(Device.id.in_(ids))).all()
    return [(h, s) for h, s in rows]


def percentile(values: list[float], q: float) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, int(round(q * (len(v) - 1))))]


def timed(fn, items) -> list[float]:
    out = []
    for it in items:
        t = time.perf_counter()
        fn(it)
        out.append((time.perf_counter() - t) * 1000)
    return out


_LETTER = {"0": "O", "1": "I", "5": "S", "8": "B", "2": "Z", "6": "G"}


def search_queries(devices: list[tuple[str, str]], rng: random.Random) -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {k: [] for k in ("misread", "swap", "missing", "extra", "partial3",
                                                   "partial4", "hmsnr_serial", "product")}
    words = ["minicros", "netti", "panthera", "cross", "azalea", "seng", "comet", "x850"]
    for h, s in devices:
        pos = [i for i, c in enumerate(s) if c in _LETTER]
        if pos:
            i = rng.choice(pos)
            kinds["misread"].append(s[:i] + _LETTER[s[i]] + s[i + 1:])
        i = rng.randrange(5)
        kinds["swap"].append(s[:i] + s[i + 1] + s[i] + s[i + 2:])
        i = rng.randrange(6)
        kinds["missing"].append(s[:i] + s[i + 1:])
        i = rng.randrange(7)
        kinds["extra"].append(s[:i] + str(rng.randrange(10)) + s[i:])
        i = rng.randrange(4)
        kinds["partial3"].append(s[i:i + 3])
        i = rng.randrange(3)
        kinds["partial4"].append(s[i:i + 4])
        kinds["hmsnr_serial"].append(f"{h} {s[:3]}O{s[4:]}" if s[3] == "0" else f"{h} {s}")
        kinds["product"].append(rng.choice(words))
    return kinds


def measure_db(url: str, devices_n: int, quick: bool) -> dict:
    from hms_desk.services.lookup import LookupService
    from hms_desk.services.search import SearchService
    from hms_desk.storage.db import open_database

    db, _ = open_database(url)
    try:
        n = 300 if quick else 2000
        devices = sample_devices(db, n)
        lookup = LookupService(db)
        for d in devices[:100]:                      # warm the statement cache and the pages
            lookup.lookup(*d)
        lk = timed(lambda d: lookup.lookup(*d), devices)
        search = SearchService(db)
        rng = random.Random(9)
        queries = search_queries(devices[: (100 if quick else 300)], rng)
        for q in queries["swap"][:20]:
            search.search(q)
        per_kind, all_times = {}, []
        found_self = 0
        for kind, qs in queries.items():
            ts = timed(search.search, qs)
            all_times += ts
            per_kind[kind] = {"p50_ms": round(percentile(ts, 0.5), 3), "p99_ms": round(percentile(ts, 0.99), 3)}
        # the searched device is among the hits (recall on misread/swap/extra)
        sample = devices[:50]
        for (h, s), q in zip(sample, queries["swap"][:50]):
            found_self += any(hit.hmsnr == h and hit.serial == s for hit in search.search(q, limit=200))
        # the peer for partial serials: a LIKE scan of the register
        from sqlalchemy import text

        frags = queries["partial4"][:20]
        with db.engine.connect() as conn:
            scan = timed(lambda f: conn.execute(text(
                "SELECT d.hmsnr, d.serial FROM devices d WHERE d.serial LIKE :p LIMIT 50"),
                {"p": f"%{f}%"}).all(), frags)
        ours = timed(search.search, frags)
        return {
            "lookup_p50_ms": round(percentile(lk, 0.5), 4),
            "lookup_p99_ms": round(percentile(lk, 0.99), 4),
            "lookups": len(lk),
            "search_p50_ms": round(percentile(all_times, 0.5), 3),
            "search_p99_ms": round(percentile(all_times, 0.99), 3),
            "searches": len(all_times),
            "search_by_kind": per_kind,
            "swap_recall": round(found_self / max(1, len(sample)), 3),
            "partial_like_scan_p50_ms": round(percentile(scan, 0.5), 3),
            "partial_ours_p50_ms": round(percentile(ours, 0.5), 3),
            "partial_scan_over_ours": round(percentile(scan, 0.5) / max(1e-9, percentile(ours, 0.5)), 1),
        }
    finally:
        db.dispose()


def prepare(url: str) -> None:
    """Schema, municipalities and the bundled catalogue (product names for the hits)."""
    from hms_desk.catalog.importers import import_bundled_catalog, import_municipalities
    from hms_desk.storage.db import open_database

    db, _ = open_database(url)
    import_municipalities(db)
    import_bundled_catalog(db)
    db.dispose()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--devices", type=int)
    ap.add_argument("--no-peer", action="store_true")
    ap.add_argument("--no-pg", action="store_true")
    ap.add_argument("--child-import", nargs=2, metavar=("URL", "CSV"), help=argparse.SUPPRESS)
    ap.add_argument("--peer", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child_import:
        child_import(*args.child_import, peer=args.peer)
        return

    from hms_desk.catalog.register_gen import generate_register_csv

    n = args.devices or (200_000 if args.quick else 2_000_000)
    out: dict = {"bench": "register", "devices": n, "quick": args.quick, "targets": TARGETS}
    with tempfile.TemporaryDirectory(prefix="hms-bench-register-") as tmp:
        csv_path = Path(tmp) / "register.csv"
        t = time.perf_counter()
        generate_register_csv(csv_path, n, seed=1)
        out["generate_s"] = round(time.perf_counter() - t, 2)
        print(f"generated {n} devices in {out['generate_s']} s", file=sys.stderr)

        url = f"sqlite:///{Path(tmp) / 'register.sqlite3'}"
        prepare(url)
        imp = run_import(url, csv_path)
        assert imp["ok"] and imp["inserted"] == n, imp
        out["sqlite_import_s"] = round(imp["seconds"], 2)
        out["sqlite_import_peak_rss_mb"] = round(imp["rss_mb"], 1)
        print(f"sqlite import {imp['seconds']:.1f} s, peak {imp['rss_mb']:.0f} MB", file=sys.stderr)
        re_imp = run_import(url, csv_path)
        assert re_imp["ok"] and re_imp["inserted"] == 0 and re_imp["updated"] == n, re_imp
        out["sqlite_reimport_s"] = round(re_imp["seconds"], 2)
        out["sqlite"] = measure_db(url, n, args.quick)
        print(f"sqlite lookup/search: {out['sqlite']}", file=sys.stderr)
        if not args.no_peer:
            peer_url = f"sqlite:///{Path(tmp) / 'peer.sqlite3'}"
            prepare(peer_url)
            peer = run_import(peer_url, csv_path, peer=True)
            assert peer["ok"] and peer["inserted"] == n, peer
            Path(tmp, "peer.sqlite3").unlink()
            out["peer_import_s"] = round(peer["seconds"], 2)
            out["peer_import_peak_rss_mb"] = round(peer["rss_mb"], 1)
            out["import_speedup_vs_peer"] = round(peer["seconds"] / imp["seconds"], 2)
            print(f"peer import {peer['seconds']:.1f} s", file=sys.stderr)

        if not args.no_pg:
            from _pg import temporary_postgres

            with temporary_postgres() as pg_url:
                if pg_url is None:
                    out["postgres"] = "not installed"
                else:
                    prepare(pg_url)
                    pg_imp = run_import(pg_url, csv_path)
                    assert pg_imp["ok"] and pg_imp["inserted"] == n, pg_imp
                    out["postgres_import_s"] = round(pg_imp["seconds"], 2)
                    out["postgres_import_peak_rss_mb"] = round(pg_imp["rss_mb"], 1)
                    out["postgres"] = measure_db(pg_url, n, args.quick)
                    print(f"postgres: import {pg_imp['seconds']:.1f} s, {out['postgres']}", file=sys.stderr)

    s = out["sqlite"]
    out["targets_met"] = {
        "import_s": out["sqlite_import_s"] <= TARGETS["import_s"],
        "import_peak_rss_mb": out["sqlite_import_peak_rss_mb"] <= TARGETS["import_peak_rss_mb"],
        "lookup_p99_ms": s["lookup_p99_ms"] <= TARGETS["lookup_p99_ms"],
        "search_p99_ms": s["search_p99_ms"] <= TARGETS["search_p99_ms"],
    }
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
