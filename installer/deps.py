"""HMS Desk's dependencies as the builds see them, read from pyproject.toml and installed metadata.

Used by the PyInstaller spec (what to bundle) and by ``python installer/deps.py windows`` (what must
exist as Windows wheels: scripts/check-windows-wheels).  Nothing here lists today's dependencies.

    python installer/deps.py runtime     the runtime distributions installed here, one per line
    python installer/deps.py windows     requirements a Windows build installs (pyproject's runtime
                                         and build pins, plus what the installed packages need only
                                         on Windows), one per line for pip
"""

from __future__ import annotations

import importlib.metadata as md
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
BUNDLED_EXTRAS = ("postgres",)      # a department's shared PostgreSQL must work in the installed app
BUILD_EXTRAS = ("build",)           # PyInstaller, for installer/build-windows.ps1
WINDOWS_PYTHON = "3.11"             # the Python the Windows build uses (installer/build-windows.ps1)
WINDOWS_MARKERS = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt",
                   "platform_machine": "AMD64", "implementation_name": "cpython",
                   "platform_python_implementation": "CPython", "python_version": WINDOWS_PYTHON,
                   "python_full_version": f"{WINDOWS_PYTHON}.9"}


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def requirements(extras=BUNDLED_EXTRAS, markers: dict | None = None) -> list[Requirement]:
    """[project].dependencies plus the given extras, with markers evaluated (here, or for ``markers``)."""
    proj = project()
    texts = list(proj.get("dependencies", []))
    for extra in extras:
        texts += proj.get("optional-dependencies", {}).get(extra, [])
    reqs = [Requirement(t) for t in texts]
    return [r for r in reqs if r.marker is None or r.marker.evaluate({**(markers or {}), "extra": ""})]


def installed_closure(reqs: list[Requirement], markers: dict | None = None) -> dict[str, md.Distribution]:
    """The installed distributions ``reqs`` need, followed through their requirements and extras.

    With ``markers`` (e.g. WINDOWS_MARKERS) requirements are evaluated for that platform; ones not
    installed here are then skipped (they are reported by :func:`windows_requirements`)."""
    todo = list(reqs)
    found: dict[str, md.Distribution] = {}
    done: set[tuple[str, str]] = set()
    while todo:
        req = todo.pop()
        name = canonicalize_name(req.name)
        try:
            dist = found.get(name) or md.distribution(req.name)
        except md.PackageNotFoundError:
            if markers is not None:
                continue
            raise SystemExit(f"{req.name} (from pyproject.toml) is not installed here: run scripts/setup first")
        found[name] = dist
        for extra in ("", *sorted(req.extras)):
            if (name, extra) in done:
                continue
            done.add((name, extra))
            for text in dist.requires or []:
                sub = Requirement(text)
                if sub.marker is None or sub.marker.evaluate({**(markers or {}), "extra": extra}):
                    todo.append(sub)
    return found


def windows_requirements() -> list[str]:
    """pip requirement lines for a Windows build: pyproject's runtime, bundled and build pins, plus
    the requirements installed packages declare only for Windows (pip evaluates environment markers
    for the machine it runs on, not for ``--platform``, so it would not fetch those itself)."""
    direct = requirements(BUNDLED_EXTRAS + BUILD_EXTRAS, WINDOWS_MARKERS)
    lines = [str(r) for r in direct]
    here = {canonicalize_name(n) for n in installed_closure(requirements(BUNDLED_EXTRAS + BUILD_EXTRAS))}
    seen = set(here)
    for dist in installed_closure(direct, WINDOWS_MARKERS).values():
        for text in dist.requires or []:
            sub = Requirement(text)
            name = canonicalize_name(sub.name)
            if name in seen or sub.marker is None:
                continue
            if sub.marker.evaluate({**WINDOWS_MARKERS, "extra": ""}):
                seen.add(name)
                sub.marker = None
                lines.append(str(sub))
    return lines


def main(argv: list[str]) -> int:
    what = argv[1] if len(argv) > 1 else ""
    if what == "runtime":
        print("\n".join(sorted(installed_closure(requirements()))))
    elif what == "windows":
        print("\n".join(windows_requirements()))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
