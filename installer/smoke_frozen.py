"""Smoke test of a frozen one-folder build (scripts/build-frozen runs it after PyInstaller).

    python installer/smoke_frozen.py build/dist/hms-desk [--runs N] [--max-size-mb M] [--max-start-s S]

With one temporary profile, offscreen, and the machine-wide settings switched off:
  1. ``--version`` names Qt, OpenCV and SQLite — the same versions as the build environment's, so
     they are the bundled ones;
  2. ``lookup`` of a device in the bundled catalogue and demo register (first run: imports them),
     and once against a closed PostgreSQL port (the driver is bundled; the error is a clean message);
     ``import parts`` of the shipped deler.xlsx (openpyxl with lxml.etree);
  3. ``read-label`` on a sticker picture drawn from shipped files (the demo photo, the DejaVu font)
     without any barcode: HMS-nr and serienr must come from OCR, i.e. RapidOCR's config and ONNX
     models are inside the build and onnxruntime runs them;
  4. ``anonymize`` on the shipped demo portrait: at least one face found and blurred (finds the
     ONNX model inside the build);
  5. the GUI in demo mode with ``HMS_DESK_SMOKE=snapshot``: it takes the demo call's first snapshot
     and quits by itself (hms_desk/ui/smoke.py);
  6. start time to the main window (``--quit-after-show``), median of N runs, interleaved with the
     same from source (``python -m hms_desk``) so both see the same machine load.
Every run fails on a non-zero exit, a traceback or an error in its output, and at the end on an
error or traceback in the profile's log or a crash file.  Prints the frozen size and the start time,
and fails above the size budget (450 MB on disk; on Linux counted without the Linux-only ICU and system
libraries a Windows build has no counterpart of — the raw size is printed and in the JSON too).  The
last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BAD_OUTPUT = re.compile(r"Traceback \(most recent call last\)|\bERROR\b|\bCRITICAL\b|Fatal Python error|"
                        r"Segmentation fault|\[PYI-\d+:ERROR\]|Failed to execute script")
BAD_LOG = re.compile(r"^\S+ \S+ (ERROR|CRITICAL) |Traceback \(most recent call last\)", re.M)
SIZE_BUDGET_MB = 450        # the budget for the installed folder
START_BUDGET_S = 2.0        # process start to main window on 2 cores


class SmokeFailure(Exception):
    pass


def executable(dist: Path) -> Path:
    for name in ("hms-desk.exe", "hms-desk"):
        if (dist / name).is_file():
            return dist / name
    raise SmokeFailure(f"no hms-desk executable in {dist}")


def disk_mb(folder: Path) -> float:
    """Space on disk, as du counts it (symlinks are not followed)."""
    total = 0
    for p in folder.rglob("*"):
        st = p.lstat()
        total += getattr(st, "st_blocks", 0) * 512 or st.st_size
    return total / 2**20


# Libraries a Linux build copies from the system whose Windows counterparts a Windows build carries
# too (python.org's Python brings OpenSSL, SQLite and libffi; the MSVC runtime stands in for libstdc++).
_ALSO_ON_WINDOWS = re.compile(r"^lib(python|crypto|ssl|sqlite3|ffi|stdc\+\+|gcc_s)[.-]")


def linux_only_mb(dist: Path) -> float:
    """What a Linux build carries that a Windows build has no counterpart of: ICU (Qt on Windows uses
    the system's) and the system libraries PyInstaller copies from /usr/lib (X11/xcb, fontconfig,
    CUPS and GnuTLS, PulseAudio, D-Bus, GLib …; Windows has its own) — except those in
    _ALSO_ON_WINDOWS."""
    internal = dist / "_internal"
    files = [p for p in internal.glob("lib*.so*") if p.is_file() and not p.is_symlink()
             and not _ALSO_ON_WINDOWS.match(p.name)]
    files += [p for p in internal.rglob("libicu*.so*") if p.is_file() and not p.is_symlink()]
    return sum(p.lstat().st_blocks * 512 for p in files) / 2**20


class Runner:
    def __init__(self, exe: Path, profile: Path) -> None:
        self.exe, self.profile = exe, profile
        self.env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
                        HMS_DESK_MACHINE_SETTINGS=str(profile.parent / "no-machine-settings.json"))
        for var in ("HMS_DESK_RESOURCES", "HMS_DESK_DB_URL", "HMS_DESK_SMOKE", "PYTHONPATH", "PYTHONHOME"):
            self.env.pop(var, None)
        self.steps: dict[str, float] = {}

    def run(self, step: str, *args: str, ok_codes=(0,), env: dict | None = None,
            timeout: float = 300, command: list[str] | None = None) -> subprocess.CompletedProcess:
        t0 = time.monotonic()
        res = subprocess.run([*(command or [str(self.exe)]), *args], capture_output=True, text=True, timeout=timeout,
                             env={**self.env, **(env or {})}, cwd=self.profile.parent)
        self.steps[step] = round(time.monotonic() - t0, 2)
        out = res.stdout + res.stderr
        if res.returncode not in ok_codes:
            raise SmokeFailure(f"{step}: exit code {res.returncode}\n{out}")
        bad = BAD_OUTPUT.search(out)
        if bad:
            raise SmokeFailure(f"{step}: «{bad.group(0)}» in the output\n{out}")
        return res


def check_version(r: Runner) -> dict:
    import cv2
    import PySide6
    from PySide6 import QtCore

    text = r.run("version", "--version").stdout
    want = {"Qt": QtCore.qVersion(), "OpenCV": cv2.__version__, "SQLite": sqlite3.sqlite_version}
    for name, version in want.items():
        if not re.search(rf"^{name} {re.escape(version)}\b", text, re.M):
            raise SmokeFailure(f"--version does not name {name} {version}:\n{text}")
    print(text.strip())
    return {"qt": want["Qt"], "pyside6": PySide6.__version__, "opencv": want["OpenCV"], "sqlite": want["SQLite"]}


def commands(r: Runner) -> set[str]:
    text = r.run("help", "--help").stdout
    groups = [set(m.group(1).split(",")) for m in re.finditer(r"\{([a-z0-9,-]+)\}", text)]
    return next((g for g in groups if "lookup" in g), set())


def check_lookup(r: Runner) -> None:
    res = r.run("lookup", "--profile", str(r.profile), "lookup", "250464", "123456", "--json")
    card = json.loads(res.stdout)
    if card.get("hmsnr") != "250464" or not card.get("product_name"):
        raise SmokeFailure(f"lookup: unexpected answer {res.stdout}")
    print(f"lookup: {card['hmsnr']} {card['serial']} {card['product_name']}")


def check_xlsx_import(r: Runner) -> None:
    """The service's parts workbook (openpyxl, with lxml.etree) imports in the build."""
    book = ROOT / "resources" / "catalog" / "deler.xlsx"
    res = r.run("import-xlsx", "--profile", str(r.profile), "import", "parts", str(book))
    if not re.search(r"parts: lest [1-9]", res.stdout):
        raise SmokeFailure(f"import parts {book.name}: unexpected answer\n{res.stdout}{res.stderr}")
    print(f"import {book.name}: {res.stdout.strip().splitlines()[0]}")


def check_postgres_driver(r: Runner) -> None:
    """The PostgreSQL driver is bundled: a closed port on this machine gives the clean Norwegian
    message about the connection, not a missing module."""
    res = r.run("postgres-driver", "--profile", str(r.profile), "--db", "postgresql+psycopg://hms@127.0.0.1:1/hmsdesk",
                "lookup", "250464", "123456", ok_codes=(1,))
    if "Kan ikke åpne databasen" not in res.stderr or "127.0.0.1" not in res.stderr:
        raise SmokeFailure(f"postgres-driver: unexpected answer\n{res.stdout}{res.stderr}")
    print("postgres driver: bundled (a closed port is reported in Norwegian)")


def sticker_picture(path: Path) -> Path:
    """A NAV-style sticker (HMS-nr 250464, Serienr 123456: a device of the demo register) drawn with
    the shipped DejaVu font, turned 12° on the shipped demo photo with distractor numbers around it.
    It has no barcode: the numbers can only come from the OCR models inside the build."""
    import cv2
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    fonts = ROOT / "resources" / "fonts"
    bold = ImageFont.truetype(str(fonts / "DejaVuSans-Bold.ttf"), 30)
    lines = ["NAV Hjelpemiddelsentral", "HMS-nr 250464", "Serienr 123456"]
    card = Image.new("RGB", (max(bold.getbbox(t)[2] for t in lines) + 60, len(lines) * 45 + 30), (250, 250, 246))
    d = ImageDraw.Draw(card)
    for k, t in enumerate(lines):
        d.text((30, 15 + k * 45), t, font=bold, fill=(20, 20, 20))
    frame = Image.open(ROOT / "resources" / "demo" / "astronaut.jpg").convert("RGB").resize((1280, 720))
    d = ImageDraw.Draw(frame)
    regular = ImageFont.truetype(str(fonts / "DejaVuSans.ttf"), 26)
    for (x, y), t in (((40, 40), "Ordre 482913"), ((60, 620), "Tlf 55 55 33 33"), ((980, 660), "Lot 230915")):
        d.rectangle((x - 6, y - 4, x + 230, y + 34), fill=(235, 235, 235))
        d.text((x, y), t, font=regular, fill=(30, 30, 30))
    frame, card = np.asarray(frame).copy(), np.asarray(card)
    h, w = card.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), 12.0, 1.0)
    m[:, 2] += np.array([700, 300]) - [w / 2, h / 2]
    warped = cv2.warpAffine(card, m, (1280, 720))
    mask = cv2.warpAffine(np.full((h, w), 255, np.uint8), m, (1280, 720)) > 0
    frame[mask] = warped[mask]
    cv2.imwrite(str(path), cv2.cvtColor(frame, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, 90])
    return path


def check_read_label(r: Runner, available: set[str], work: Path) -> dict:
    """read-label reads the sticker's numbers by OCR, with the models inside the build."""
    if "read-label" not in available:
        raise SmokeFailure(f"read-label: the build has no such command (it has {sorted(available)})")
    models = sorted(p.name for p in r.exe.parent.glob("_internal/rapidocr/models/*.onnx"))
    picture = sticker_picture(work / "sticker.jpg")
    res = r.run("read-label", "--profile", str(r.profile), "read-label", str(picture), "--json")
    row = json.loads(res.stdout)["images"][0]
    best = row.get("best") or {}
    got = (best.get("hmsnr"), best.get("serienr"), tuple(best.get("sources") or ()))
    if row.get("ocr") != "ok" or row.get("codes") or got != ("250464", "123456", ("ocr", "ocr")):
        raise SmokeFailure(f"read-label: the sticker was not read by OCR (ocr={row.get('ocr')!r}, "
                           f"codes={len(row.get('codes') or [])}, best={best}); models in the build: {models}")
    print(f"read-label {picture.name}: HMS-nr {got[0]} · Serienr {got[1]} by OCR "
          f"({len(row['text'])} text lines, {row['elapsed_ms']:.0f} ms; known in the register: {best.get('known')}); "
          f"models: {', '.join(models)}")
    return {"hmsnr": got[0], "serienr": got[1], "sources": list(got[2]), "ocr_models": models}


def check_anonymize(r: Runner, out_dir: Path) -> int:
    picture = ROOT / "resources" / "demo" / "astronaut.jpg"
    res = r.run("anonymize", "--profile", str(r.profile), "anonymize", str(picture), "--out", str(out_dir), "--json")
    report = json.loads(res.stdout)
    faces = len(report["images"][0]["faces"])
    if faces < 1 or not (out_dir / picture.name).is_file():
        raise SmokeFailure(f"anonymize: no face blurred in {picture.name}: {res.stdout}")
    print(f"anonymize: {faces} face(s) blurred in {picture.name}")
    return faces


def check_gui_snapshot(r: Runner) -> str:
    res = r.run("gui-snapshot", "--demo", "--no-err-windows", "--profile", str(r.profile),
                env={"HMS_DESK_SMOKE": "snapshot", "HMS_DESK_SMOKE_TIMEOUT": "120"}, timeout=240)
    lines = [line for line in res.stdout.splitlines() if line.startswith("HMS_DESK_SMOKE ")]
    if not lines or not lines[-1].startswith("HMS_DESK_SMOKE ok "):
        raise SmokeFailure(f"GUI: no snapshot taken\n{res.stdout}{res.stderr}")
    print(f"GUI: {lines[-1].removeprefix('HMS_DESK_SMOKE ')}")
    return lines[-1].removeprefix("HMS_DESK_SMOKE ")


def start_to_window(r: Runner, runs: int, compare_source: bool) -> tuple[list[float], list[float]]:
    """Seconds from process start to the main window shown, for the build and (interleaved, on the
    same profile, so both see the same machine load) for ``python -m hms_desk`` from source."""
    frozen, source = [], []
    commands = [("frozen", None, frozen)]
    if compare_source:
        commands.append(("source", [sys.executable, "-m", "hms_desk"], source))
    for i in range(runs):
        for label, command, times in commands:
            t0 = time.time()
            res = r.run(f"start-{label}-{i + 1}", "--demo", "--no-err-windows", "--quit-after-show",
                        "--profile", str(r.profile), command=command)
            shown = [float(line.split()[1]) for line in res.stdout.splitlines()
                     if line.startswith("HMS_DESK_INTERACTIVE ")]
            if not shown:
                raise SmokeFailure(f"start ({label}): the window was never reported shown\n{res.stdout}{res.stderr}")
            times.append(shown[0] - t0)
    return frozen, source


def check_log(profile: Path) -> None:
    log = profile / "logs" / "hms_desk.log"
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    bad = BAD_LOG.search(text)
    if bad:
        start = text.rfind("\n", 0, bad.start()) + 1
        raise SmokeFailure(f"the log has an error: {text[start:start + 2000]}")
    crashes = [p for p in (profile / "logs" / "crashes").glob("*") if p.is_file() and p.stat().st_size]
    if crashes:
        raise SmokeFailure(f"crash files left: {[p.name for p in crashes]}\n{crashes[0].read_text(errors='replace')}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dist", type=Path)
    ap.add_argument("--runs", type=int, default=5, help="start-time runs (median)")
    ap.add_argument("--no-source", action="store_true",
                    help="do not time `python -m hms_desk` side by side (e.g. without a source checkout)")
    ap.add_argument("--max-size-mb", type=float, default=float(os.environ.get("HMS_DESK_FROZEN_MAX_MB", SIZE_BUDGET_MB)),
                    help="fail above this many MB on disk (default: the budget); on Linux it applies to the "
                         "build without its Linux-only libraries (see linux_only_mb), the part a Windows build "
                         "also carries — the raw Linux size is printed beside it")
    ap.add_argument("--max-start-s", type=float, default=float(os.environ.get("HMS_DESK_FROZEN_MAX_START_S", 6.0)),
                    help="fail above this median (a regression guard on a busy machine)")
    args = ap.parse_args()
    dist = args.dist.resolve()
    t_all = time.monotonic()
    result: dict = {"bench": "frozen_smoke", "platform": sys.platform}
    try:
        exe = executable(dist)
        with tempfile.TemporaryDirectory(prefix="hms-smoke-") as tmp:
            r = Runner(exe, Path(tmp) / "profile")
            result["versions"] = check_version(r)
            available = commands(r)
            check_lookup(r)
            check_postgres_driver(r)
            check_xlsx_import(r)
            result["read_label"] = check_read_label(r, available, Path(tmp))
            result["faces_blurred"] = check_anonymize(r, Path(tmp) / "anonymized")
            result["gui"] = check_gui_snapshot(r)
            times, source_times = start_to_window(r, args.runs, not args.no_source)
            check_log(r.profile)
            result["steps_s"] = r.steps
        med = statistics.median(times)
        size = disk_mb(dist)
        linux_only = linux_only_mb(dist) if sys.platform.startswith("linux") else 0.0
        budgeted = size - linux_only      # the installed Windows folder's counterpart
        result.update(size_mb=round(size, 1), linux_only_mb=round(linux_only, 1), budgeted_size_mb=round(budgeted, 1),
                      size_budget_mb=SIZE_BUDGET_MB, within_size_budget=budgeted <= SIZE_BUDGET_MB,
                      start_to_window_s=round(med, 3), start_runs_s=[round(t, 3) for t in times],
                      start_budget_s=START_BUDGET_S, within_start_budget=med <= START_BUDGET_S,
                      source_start_to_window_s=round(statistics.median(source_times), 3) if source_times else None,
                      load_avg=round(os.getloadavg()[0], 1) if hasattr(os, "getloadavg") else None,
                      cpus=os.cpu_count(), smoke_s=round(time.monotonic() - t_all, 1))
        if linux_only:
            print(f"frozen size: {size:.0f} MB on disk; without the Linux-only ICU and system libraries "
                  f"({linux_only:.0f} MB): {budgeted:.0f} MB (budget {SIZE_BUDGET_MB} MB)")
        else:
            print(f"frozen size: {size:.0f} MB on disk (budget {SIZE_BUDGET_MB} MB)")
        print(f"start to window: median {med:.2f} s over {len(times)} runs (budget {START_BUDGET_S} s)"
              + (f"; from source, interleaved: {result['source_start_to_window_s']:.2f} s" if source_times else ""))
        if budgeted > args.max_size_mb:
            raise SmokeFailure(f"the build is {budgeted:.0f} MB" + (" without its Linux-only libraries" if linux_only else "")
                               + f", more than {args.max_size_mb:.0f} MB")
        if med > args.max_start_s:
            raise SmokeFailure(f"start to window took {med:.2f} s, more than the {args.max_start_s:.1f} s guard")
        result["ok"] = True
    except (SmokeFailure, subprocess.TimeoutExpired) as exc:
        print(f"SMOKE TEST FAILED: {exc}", file=sys.stderr)
        result["ok"] = False
        result["failure"] = str(exc).splitlines()[0]
    print(json.dumps(result))
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
