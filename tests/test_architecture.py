"""The core is Qt-free: enforced by import-linter and by a direct AST scan."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "hms_desk"
QT_MODULES = ("PySide6", "qasync", "hms_desk.ui")


def _qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [n for n in names if n.split(".")[0] in ("PySide6", "qasync") or n.startswith("hms_desk.ui")]
    return found


def test_core_modules_do_not_import_qt():
    offenders = {}
    for py in PKG.rglob("*.py"):
        if PKG / "cli" in py.parents or PKG / "ui" in py.parents:   # entry point and widgets
            continue
        hits = _qt_imports(py)
        if hits:
            offenders[str(py.relative_to(ROOT))] = hits
    assert offenders == {}


def test_import_linter_contract_holds():
    exe = Path(sys.executable).with_name("lint-imports")
    res = subprocess.run([str(exe)], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Core is Qt-free KEPT" in res.stdout


def test_core_imports_without_qt_loaded():
    code = ("import sys; import hms_desk.app, hms_desk.services.cases, hms_desk.services.lookup, "
            "hms_desk.storage.db, hms_desk.parts.orders, hms_desk.documents.journal_pdf; "
            "assert 'PySide6' not in sys.modules, sorted(m for m in sys.modules if 'PySide' in m)")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
