"""A throw-away PostgreSQL server for benchmarks (the same recipe as tests/conftest.py).

    with temporary_postgres() as url:   # None when PostgreSQL is not installed
        ...

Uses ``HMS_DESK_TEST_PG_URL`` when set; otherwise runs initdb/pg_ctl from the
Debian ``postgresql`` package on a free loopback port in a temp directory.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


def _pg_bin() -> Path | None:
    for cand in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(cand) / "initdb").exists():
            return Path(cand)
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@contextlib.contextmanager
def temporary_postgres() -> Iterator[str | None]:
    if os.environ.get("HMS_DESK_TEST_PG_URL"):
        yield os.environ["HMS_DESK_TEST_PG_URL"]
        return
    bindir = _pg_bin()
    if bindir is None:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="hms-bench-pg-") as tmp:
        base = Path(tmp)
        data = base / "data"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        prefix: list[str] = []
        if os.geteuid() == 0:       # initdb refuses to run as root
            shutil.chown(base, "postgres", "postgres")
            os.chmod(base, 0o755)
            for parent in list(base.parents)[:3]:
                os.chmod(parent, os.stat(parent).st_mode | 0o711)
            prefix = ["runuser", "-u", "postgres", "--"]

        def run(*cmd: object) -> None:
            subprocess.run(prefix + [str(c) for c in cmd], check=True, capture_output=True, text=True)

        run(bindir / "initdb", "-D", data, "-U", "hms", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        run(bindir / "pg_ctl", "-D", data, "-l", base / "log.txt", "-w", "-t", "60", "start",
            "-o", f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off")
        try:
            run(bindir / "createdb", "-h", "127.0.0.1", "-p", port, "-U", "hms", "hms_bench")
            yield f"postgresql+psycopg://hms@127.0.0.1:{port}/hms_bench"
        finally:
            subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
                           capture_output=True)
