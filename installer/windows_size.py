"""An estimate of the Windows one-folder build's size, from the Linux build and the Windows wheels.

    python installer/windows_size.py build/dist/hms-desk WHEEL_DIR [--json]

scripts/check-windows-wheels runs it on the win_amd64 wheels it has just downloaded, so CI sees what
the installed Windows folder will roughly weigh (the budget is 450 MB; installer/build-windows.ps1
measures the real folder).  Each file of the Linux build is matched with its Windows counterpart:

* Qt: ``libQt6X.so.6`` -> ``Qt6X.dll``, ``QtX.abi3.so`` -> ``QtX.pyd``, FFmpeg ``libavcodec.so.61`` ->
  ``avcodec-61.dll``; the plugin folders the Linux build has, with all their Windows plugins (as
  PyInstaller's hooks collect them) minus the spec's QT_DROP; plus what PyInstaller adds on Windows
  only (``opengl32sw.dll``, the MSVC runtime); no ICU (Qt on Windows uses the system's);
* other packages: a Windows extension module counts when the Linux build has that module, a DLL
  inside a package when the Linux build has binaries of that package, a data file when the Linux
  build has the same file; delvewheel's ``<dist>.libs`` folders when the
  package's extension modules are in the build;
* the same on both: ``resources/``, ``base_library.zip``, metadata, the standard library's extension
  modules; the Python runtime (libpython, OpenSSL, SQLite, libffi) at its Linux size;
* two executables (console and windowed), each with the Python archive;
* nothing for the system libraries the Linux build copies from /usr/lib.
It is an estimate (±10 MB), not a measurement.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zipfile
from pathlib import Path

QT_DROP = re.compile(r"plugins/(egldeviceintegrations|generic|networkinformation|designer|qmllint|qmltooling|"
                     r"sqldrivers|vectorimageformats|platformthemes)/|platforminputcontexts/qtvirtualkeyboard|"
                     r"imageformats/qpdf")
WINDOWS_ONLY_QT = ("opengl32sw.dll", "vcruntime140.dll", "vcruntime140_1.dll", "msvcp140.dll", "msvcp140_1.dll",
                   "msvcp140_2.dll")
PYTHON_RUNTIME = ("libpython3", "libcrypto.so", "libssl.so", "libsqlite3.so", "libffi.so")
FOR_OTHER_CONSUMERS = ("onnxruntime/capi/onnxruntime.dll",)   # the spec drops it (C API library)


def wheel_files(folder: Path) -> dict[str, int]:
    files: dict[str, int] = {}
    for wheel in folder.glob("*.whl"):
        with zipfile.ZipFile(wheel) as z:
            for info in z.infolist():
                if not info.is_dir():
                    files[info.filename] = info.file_size
    return files


def estimate(dist: Path, wheels: Path) -> dict[str, float]:
    internal = dist / "_internal"
    win = wheel_files(wheels)
    linux = {p.relative_to(internal).as_posix(): p.lstat().st_size
             for p in internal.rglob("*") if p.is_file() and not p.is_symlink()}
    parts: dict[str, int] = {}

    def add(part: str, size: int) -> None:
        parts[part] = parts.get(part, 0) + size

    for rel, size in linux.items():
        if rel.startswith("PySide6/"):
            if m := re.match(r"PySide6/Qt/lib/libQt6(\w+)\.so", rel):
                add("Qt", win.get(f"PySide6/Qt6{m.group(1)}.dll", 0))
            elif m := re.match(r"PySide6/Qt/lib/lib(av\w+|sw\w+)\.so\.(\d+)$", rel):
                add("Qt FFmpeg", win.get(f"PySide6/{m.group(1)}-{m.group(2)}.dll", 0))
            elif m := re.match(r"PySide6/(\w+)\.abi3\.so$", rel):
                add("PySide6", win.get(f"PySide6/{m.group(1)}.pyd", 0))
            elif rel.startswith("PySide6/libpyside6"):
                add("PySide6", win.get("PySide6/pyside6.abi3.dll", 0))
            elif not ("/plugins/" in rel or "libicu" in rel):
                add("PySide6", size)          # translations, Python files
        elif rel.startswith("shiboken6/"):
            add("PySide6", win.get("shiboken6/shiboken6.abi3.dll", 0) if ".so" in rel else size)
    plugin_types = {p.name for p in (internal / "PySide6" / "Qt" / "plugins").iterdir()} | {"styles"}
    for name, size in win.items():
        m = re.match(r"PySide6/plugins/([^/]+)/", name)
        if m and m.group(1) in plugin_types and name.endswith(".dll") and not QT_DROP.search(name):
            add("Qt plugins", size)
    for name in WINDOWS_ONLY_QT:
        add("Qt on Windows only (software OpenGL, MSVC runtime)", win.get(f"PySide6/{name}", 0))

    tops = {rel.split("/")[0] for rel in linux if "/" in rel}
    linux_modules = {re.sub(r"\..*$", "", rel) for rel in linux if re.search(r"\.so(\.|$)", rel)}
    with_binaries = {rel.split("/")[0] for rel in linux_modules if "/" in rel}
    for name, size in win.items():
        top = name.split("/")[0]
        if top.startswith(("PySide6", "shiboken6")) or top.endswith((".dist-info", ".data")):
            continue
        if top.endswith(".libs"):       # delvewheel: the DLLs a package's extension modules load
            owner = top[: -len(".libs")]
            if any(t.lower().replace("_", "-").startswith(owner.lower().replace("_", "-")) or owner.lower() in t.lower()
                   for t in with_binaries):
                add("packages", size)
        elif top in tops:
            if name.endswith(".pyd"):
                if re.sub(r"\..*$", "", name) in linux_modules:
                    add("packages", size)
            elif name.endswith(".dll"):     # loaded by the package's modules (cv2's FFmpeg, pdfium …)
                if top in with_binaries and not name.endswith(FOR_OTHER_CONSUMERS):
                    add("packages", size)
            elif name in linux and not name.endswith((".py", ".pyc")):
                add("packages", size)
    for rel, size in linux.items():
        top = rel.split("/")[0]
        if top in ("resources", "base_library.zip") or top.startswith("python3") or top.endswith(".dist-info"):
            add("the same on both", size)
        elif "/" not in rel and rel.startswith(PYTHON_RUNTIME):
            add("Python runtime", size)
    exe = dist / "hms-desk"
    add("two executables", 2 * exe.stat().st_size if exe.exists() else 0)
    return {k: v / 2**20 for k, v in sorted(parts.items(), key=lambda kv: -kv[1])}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dist", type=Path)
    ap.add_argument("wheels", type=Path)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    parts = estimate(args.dist, args.wheels)
    total = sum(parts.values())
    if args.json:
        print(json.dumps({"windows_estimate_mb": round(total, 1), "parts_mb": {k: round(v, 1) for k, v in parts.items()}}))
    else:
        for k, v in parts.items():
            print(f"  {v:6.1f} MB  {k}")
        print(f"  {total:6.1f} MB  i alt (overslag for Windows-mappen)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
