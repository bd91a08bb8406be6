"""Hostile inputs and the tools to aim them at HMS Desk (the attack suite's shared kit).

* ``FNR`` / ``D_NUMBER`` / ``H_NUMBER`` and :func:`spellings` — a national ID
  number written every way an attacker or a careless user might.
* ``MARKUP``, ``CONTROL``, ``BIDI``, ``NUL``, ``LONG`` — other hostile text.
* :func:`run_cli` — the real ``hms-desk`` in a subprocess, optionally with
  file modes binding even for root (read-only folders, ``setpriv``) or with a
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


def _preexec(fsize: int | None):
    if fsize is None:
        return None

    def run() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)        # a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
    return run


#: As root, file modes do not stop writes (CAP_DAC_OVERRIDE); ``setpriv`` drops that power so
#: a read-only folder is read-only for the child too.
_NO_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
                "--inh-caps=-dac_override,-dac_read_search", "--"]


def read_only_possible() -> bool:
    return os.geteuid() != 0 or shutil.which("setpriv") is not None


def run_cli(*args: str | bytes | Path, profile: Path | None = None, env: dict[str, str] | None = None,
            honour_modes: bool = False, fsize: int | None = None, timeout: float = 300,
            code: str | None = None) -> subprocess.CompletedProcess:
    """``hms-desk [--profile P] ARGS`` in a subprocess (``code``: run this Python instead).

    ``honour_modes``: file modes bind the child even when the tests run as root (read-only
    folders); ``fsize``: no file may grow past this many bytes (a full disk)."""
    cmd = [sys.executable, "-c", code] if code else [sys.executable, "-m", "hms_desk"]
    if profile is not None and code is None:
        cmd += ["--profile", str(profile)]
    if honour_modes and os.geteuid() == 0:
        cmd = _NO_OVERRIDE + cmd
    full_env = dict(os.environ, **FILE_SECRETS_ENV, **(env or {}))
    full_env.pop("HMS_DESK_DB_URL", None)
    argv = cmd + [a if isinstance(a, bytes) else str(a) for a in args]
    return subprocess.run(argv, capture_output=True, timeout=timeout, env=full_env, cwd=tempfile.gettempdir(),
                          preexec_fn=_preexec(fsize), text=True, errors="replace")


def assert_message(res: subprocess.CompletedProcess, codes=(1,), contains: str | None = None) -> str:
    """A clear Norwegian message on stderr and an exit code in ``codes`` — never a traceback."""
    err = res.stderr
    assert res.returncode in codes, f"exit {res.returncode}\n{err}"
    assert not _TRACEBACK.search(err), f"a traceback instead of a message:\n{err}"
    assert err.strip(), "no message at all"
    if contains is not None:
        assert contains in err, err
    return err


def make_read_only(path: Path) -> None:
    """``path`` and everything under it read-only (undo with :func:`make_writable`)."""
    for root, dirs, files in os.walk(path):
        for n in files:
            os.chmod(os.path.join(root, n), 0o444)
        for n in dirs:
            os.chmod(os.path.join(root, n), 0o555)
    os.chmod(path, 0o555)


def make_writable(path: Path) -> None:
    os.chmod(path, 0o755)
    for root, dirs, files in os.walk(path):
        for n in dirs:
            os.chmod(os.path.join(root, n), 0o755)
        for n in files:
            os.chmod(os.path.join(root, n), 0o644)


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


SP_DASH = f"{FNR[:6]}-{FNR[6:]}"
