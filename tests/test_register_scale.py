"""The staged, set-based register import at small scale, on SQLite and PostgreSQL.

The benchmark (bench/register.py) measures the 2M-row targets; these tests
prove that the fast path keeps the contract: idempotent re-import with the
right counts, last row wins for a repeated key, all-or-nothing on a bad row
(also after many batches were staged), cancel, and the serial index rebuilt
after a bulk load.
"""

from __future__ import annotations

import csv
import subprocess
import sys
import threading

import pytest
from sqlalchemy import func, inspect, select

from hms_desk.catalog import generate_register_csv, import_register
from hms_desk.catalog.register import REGISTER_COLUMNS
from hms_desk.services.lookup import LookupService
from hms_desk.storage.models import Device, Loan


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_db(request):
    return request.getfixturevalue("db" if request.param == "sqlite" else "pg_db")


def counts(db) -> tuple[int, int]:
    with db.session() as s:
        return (s.scalar(select(func.count()).select_from(Device)),
                s.scalar(select(func.count()).select_from(Loan)))


def state(db) -> list[tuple]:
    with db.session() as s:
        return s.execute(select(Device.hmsnr, Device.serial, Device.iso_category, Device.created_date,
                                Loan.loan_date, Loan.loan_type, Loan.article_status, Loan.municipality)
                         .join(Loan, Loan.device_id == Device.id)
                         .order_by(Device.hmsnr, Device.serial)).all()


def rows_of(path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))[1:]


def write(path, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(REGISTER_COLUMNS)
        w.writerows(rows)


def test_import_reimport_and_update_counts(any_db, tmp_path):
    f = tmp_path / "reg.csv"
    generate_register_csv(f, 12_345, seed=31)
    r = import_register(any_db, [f])
    assert r.ok and (r.rows_read, r.inserted, r.updated) == (12_345, 12_345, 0)
    assert counts(any_db) == (12_345, 12_345)
    before = state(any_db)
    again = import_register(any_db, [f])
    assert again.ok and (again.inserted, again.updated) == (0, 12_345)
    assert state(any_db) == before
    # an export with 10 moved devices and 5 new ones
    rows = rows_of(f)[:10]
    for row in rows:
        row[7] = "4601"
        row[5] = "Til reparasjon"
    extra = tmp_path / "extra.csv"
    generate_register_csv(extra, 5, seed=32, products=[("999991", "122203")])
    write(tmp_path / "delta.csv", rows + rows_of(extra))
    d = import_register(any_db, [tmp_path / "delta.csv"])
    assert d.ok and (d.inserted, d.updated) == (5, 10)
    assert counts(any_db) == (12_350, 12_350)
    card = LookupService(any_db).lookup(rows[0][0], rows[0][1])
    assert card.municipality_number == "4601" and card.article_status == "Til reparasjon"


def test_a_repeated_key_counts_as_update_and_the_last_row_wins(any_db, tmp_path):
    base = ["250464", "424242", "2024-01-02", "2024-01-01", "12230301", "I utlån", "P"]
    write(tmp_path / "dup.csv", [base + ["0301"], ["250464", "111111", "", "", "", "", "", "0301"],
                                 base[:2] + ["2025-05-05", "2025-05-01", "12230301", "I utlån", "F", "4601"]])
    r = import_register(any_db, [tmp_path / "dup.csv"])
    assert r.ok and (r.inserted, r.updated) == (2, 1)
    card = LookupService(any_db).lookup("250464", "424242")
    assert (card.municipality_number, card.loan_type, str(card.loan_date)) == ("4601", "F", "2025-05-05")
    assert str(card.created_date) == "2025-05-01"


def test_bad_row_after_many_staged_batches_leaves_the_database_unchanged(any_db, tmp_path):
    first = tmp_path / "first.csv"
    generate_register_csv(first, 800, seed=33)
    assert import_register(any_db, [first]).ok
    before = state(any_db)
    big = tmp_path / "big.csv"
    generate_register_csv(big, 16_000, seed=34)            # four batches staged before the bad row
    with big.open("a", encoding="utf-8") as fh:
        fh.write("250464,12345,2024-01-01,2024-01-01,,I utlån,P,0301\n")
    r = import_register(any_db, [big])
    assert not r.ok and [e.text for e in r.errors] == ["Linje 16002: Serienr må ha 6 siffer"]
    assert state(any_db) == before
    # the staging table left nothing behind: the next import is clean
    again = import_register(any_db, [first])
    assert again.ok and (again.inserted, again.updated) == (0, 800)
    assert state(any_db) == before


def test_cancel_before_the_merge_rolls_back(any_db, tmp_path):
    f = tmp_path / "reg.csv"
    generate_register_csv(f, 9000, seed=35)
    cancel = threading.Event()

    def progress(done, total):
        if done >= 9000:                 # everything read and staged, merge not yet run
            cancel.set()

    r = import_register(any_db, [f], progress=progress, cancel=cancel)
    assert r.cancelled and not r.ok and counts(any_db) == (0, 0)


def test_bulk_load_rebuilds_the_serial_index(db, tmp_path):
    f = tmp_path / "reg.csv"
    generate_register_csv(f, 3000, seed=36)
    assert import_register(db, [f]).ok
    names = {ix["name"] for ix in inspect(db.engine).get_indexes("devices")}
    assert "ix_devices_serial_hmsnr" in names
    with db.engine.connect() as c:
        plan = " ".join(str(r) for r in c.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT hmsnr FROM devices WHERE serial IN ('123456', '654321')"))
    assert "ix_devices_serial_hmsnr" in plan


def test_cli_generate_register(tmp_path):
    out = tmp_path / "reg.csv"
    res = subprocess.run([sys.executable, "-m", "hms_desk", "--profile", str(tmp_path / "p"),
                          "generate-register", str(out), "--devices", "1234", "--seed", "5"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    rows = rows_of(out)
    assert len(rows) == 1234 and len({(r[0], r[1]) for r in rows}) == 1234
    bad = subprocess.run([sys.executable, "-m", "hms_desk", "--profile", str(tmp_path / "p"),
                          "generate-register", str(tmp_path / "nope" / "x.csv"), "--devices", "5"],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "finnes ikke" in bad.stderr
