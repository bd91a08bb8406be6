"""Hostile inputs and the tools to aim them at HMS Desk (the attack suite's shared kit).

* ``FNR`` / ``D_NUMBER`` / ``H_NUMBER`` and :func:`spellings` — a national ID
  number written every way an attacker or a careless user might.
* ``MARKUP``, ``CONTROL``, ``BIDI``, ``NUL``, ``LONG`` — other hostile text.
* :func:`run_cli` — the real ``hms-desk`` in a subprocess, optionally as
  another user (read-only folders even when the tests run as root) or with a
  file-size limit (a full disk, ``RLIMIT_FSIZE``).
* :func:`assert_message` — a failure must be a Norwegian message with an exit
  code, never a traceback.
* :func:`scan_tree` — nothing personal anywhere in a profile: database, WAL,
  logs, crash logs, settings, exports (PDF text too).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from hms_desk.domain.personal_data import find_national_ids


def make_national_id(day: int, month: int, year2: int, individual: int, d_number: bool = False,
                     h_number: bool = False) -> str:
    """An 11-digit number with valid check digits (the next individual number that has them)."""
    for ind in range(individual, individual + 60):
        base = (f"{day + (40 if d_number else 0):02d}{month + (40 if h_number else 0):02d}"
                f"{year2:02d}{ind:03d}")
        d = [int(c) for c in base]
        k1 = 11 - sum(x * w for x, w in zip(d, (3, 7, 6, 1, 8, 9, 4, 5, 2))) % 11
        k1 = 0 if k1 == 11 else k1
        if k1 == 10:
            continue
        k2 = 11 - sum(x * w for x, w in zip(d + [k1], (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))) % 11
        k2 = 0 if k2 == 11 else k2
        if k2 == 10:
            continue
        return f"{base}{k1}{k2}"
    raise AssertionError("no valid number")


FNR = make_national_id(1, 1, 90, 100)            # 010190 1xxxx — the attack's "01019010046" shape
D_NUMBER = make_national_id(17, 5, 83, 400, d_number=True)
H_NUMBER = make_national_id(9, 9, 99, 700, h_number=True)
NAME = "Kari Nordmann"
NAME_TOKEN = "Nordmann"

MARKUP = '<b>fet</b> <script>alert(1)</script> &amp; <para>x</para> <font size="200">'
CONTROL = "linje\x07med\x1bkontroll\x7ftegn"
NUL = "før\x00etter"
BIDI = "pris \u202e0001\u202c kr"
LONE_SURROGATE = "ødelagt \ud800 tegn"
LONG = "x" * 50_000


def spellings(number: str = FNR) -> dict[str, str]:
    """The attack's 12 spellings of a valid number (and a few more), by name."""
    a, b = number[:6], number[6:]
    return {
        "plain": f"bruker {number}",
        "6+5 space": f"{a} {b}",
        "dash": f"{a}-{b}",
        "nbsp": f"{a}\u00a0{b}",
        "zero-width": f"{a}\u200b{b}",
        "soft hyphen": f"{a}\u00ad{b}",
        "thin space": f"{a}\u2009{b}",
        "2+2+2+5": f"{number[0:2]} {number[2:4]} {number[4:6]} {b}",
        "3 groups": f"{number[:3]} {number[3:6]} {b}",
        "dd.mm.yy nnnnn": f"født {number[0:2]}.{number[2:4]}.{number[4:6]} {b}",
        "underscore": f"{a}_{b}",
        "slash": f"{a}/{b}",
        "line break": f"{a}\n{b}",
        "letter O": number.replace("0", "O"),
        "letter l": number.replace("1", "l"),
        "inside longer number": f"ordre 77{number}3",
        "fullwidth": "".join(chr(0xFF10 + int(c)) for c in number),
        "bidi mark": f"{number[:4]}\u200e{number[4:]}",
        "en dash": f"{a}\u2013{b}",
        "markup": f"<b>{a}</b>{b}",
        "html entity": f"{a}&#32;{b}",
        "combining": "".join(c + "\u0301" for c in number),
    }


# --- running the real CLI ------------------------------------------------------------

FILE_SECRETS_ENV = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
_TRACEBACK = re.compile(r"Traceback \(most recent call last\)|^\w+(Error|Exception): ", re.MULTILINE)


def _preexec(user: int | None, fsize: int | None):
    def run() -> None:
        if fsize is not None:
            import resource

            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)    # a write past the limit fails with EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        if user is not None:
            os.setgroups([])
            os.setgid(user)
            os.setuid(user)
    return run if (user is not None or fsize is not None) else None


NOBODY = 65534


def run_cli(*args: str | Path, profile: Path | None = None, env: dict[str, str] | None = None,
            as_nobody: bool = False, fsize: int | None = None, timeout: float = 300,
            code: str | None = None) -> subprocess.CompletedProcess:
    """``hms-desk [--profile P] ARGS`` in a subprocess (``code``: run this Python instead)."""
    cmd = [sys.executable, "-c", code] if code else [sys.executable, "-m", "hms_desk"]
    if profile is not None and code is None:
        cmd += ["--profile", str(profile)]
    full_env = dict(os.environ, **FILE_SECRETS_ENV, **(env or {}))
    full_env.pop("HMS_DESK_DB_URL", None)
    user = NOBODY if as_nobody and os.geteuid() == 0 else None
    return subprocess.run(cmd + [str(a) for a in args], capture_output=True, timeout=timeout,
                          env=full_env, preexec_fn=_preexec(user, fsize), text=True, errors="replace")


def assert_message(res: subprocess.CompletedProcess, codes=(1,), contains: str | None = None) -> str:
    """A clear Norwegian message on stderr and an exit code in ``codes`` — never a traceback."""
    err = res.stderr
    assert res.returncode in codes, f"exit {res.returncode}\n{err}"
    assert not _TRACEBACK.search(err), f"a traceback instead of a message:\n{err}"
    assert err.strip(), "no message at all"
    if contains is not None:
        assert contains in err, err
    return err


def shared_copy(src_profile: Path) -> Path:
    """A copy of a profile another user can use (its parents traversable), for ``as_nobody``."""
    base = Path(tempfile.mkdtemp(prefix="hms-attack-"))
    os.chmod(base, 0o755)
    dst = base / "profile"
    shutil.copytree(src_profile, dst)
    if os.geteuid() == 0:
        for root, dirs, files in os.walk(base):
            for n in dirs + files:
                os.chown(os.path.join(root, n), NOBODY, NOBODY)
        os.chown(base, NOBODY, NOBODY)
    return dst


def make_read_only(path: Path) -> None:
    for root, dirs, files in os.walk(path):
        for n in files:
            os.chmod(os.path.join(root, n), 0o444)
        for n in dirs:
            os.chmod(os.path.join(root, n), 0o555)
    os.chmod(path, 0o555)


# --- scanning for personal data ---------------------------------------------------

_PRINTABLE_RUNS = re.compile(rb"[\x20-\x7e\t\n\r]{11,}")


def _texts(path: Path) -> list[str]:
    data = path.read_bytes()
    out = [m.group(0).decode("ascii") for m in _PRINTABLE_RUNS.finditer(data)]
    out += [m.group(0).decode("ascii") for m in _PRINTABLE_RUNS.finditer(data.replace(b"\x00", b""))]
    if path.suffix.lower() == ".pdf":
        from pypdf import PdfReader

        out.append("\n".join(page.extract_text() or "" for page in PdfReader(path).pages))
    return out


PLANTED_NUMBERS = frozenset({FNR, D_NUMBER, H_NUMBER})


def scan_file(path: Path, planted: tuple[str, ...] = ()) -> list[str]:
    """What in ``path`` is personal: any ``planted`` string as typed (UTF-8 or UTF-16) — the
    hostile spellings, the name — and the planted national ID numbers in any spelling the
    detector knows.  (Only the planted numbers: a database's packed binary rows hold long
    digit runs that are nobody's number.)"""
    hits: list[str] = []
    data = path.read_bytes()
    for p in planted:
        for enc in ("utf-8", "utf-16-le"):
            try:
                needle = p.encode(enc)
            except UnicodeEncodeError:
                continue
            if needle and needle in data:
                hits.append(f"{p!r} ({enc})")
    for text in _texts(path):
        hits += [n for n in find_national_ids(text) if n in PLANTED_NUMBERS]
    return hits


def scan_tree(root: Path, planted: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Every file under ``root`` (database, -wal, -shm, logs, crash logs, settings, exports)."""
    out = {}
    for p in sorted(Path(root).rglob("*")):
        if p.is_file() and (hits := scan_file(p, planted)):
            out[str(p)] = hits
    return out


def planted_for(*texts: str) -> tuple[str, ...]:
    """Strings to look for after an attack: the texts as typed, their digits, the name."""
    out = {NAME_TOKEN, FNR, D_NUMBER, H_NUMBER}
    for t in texts:
        if len(t) >= 8:
            out.add(t)
    return tuple(sorted(out))
