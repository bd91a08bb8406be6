"""Finds the core's user-facing Norwegian texts by reading its source (AST), for the translation test.

A *message* is the text argument of

* ``HmsError`` and every subclass (found by following the class definitions),
  also ``super().__init__(...)`` inside such a class;
* ``RuleViolation(code, message)`` (the parts rules);
* the marker and translation calls of :mod:`hms_desk.domain.i18n` (``N_``,
  ``t``, ``t_format``, ``plural``) — also in ``hms_desk/ui`` — and the few core
  calls that hand a text to the screen (the video pipeline's ``_set_state``,
  the live blur's ``_banner``, an import report's ``warn`` …; see
  ``MESSAGE_CALLS``);
* what a function named ``*_nb`` returns (``summary_nb``).

The argument is followed where it is plain to follow: a literal; an f-string
(its literal parts become a template ``"Kunne ikke skrive {} til {}: {}"``
and whatever it interpolates is followed in turn); ``a if c else b``,
``a or b``, ``a + b``, ``"…".format(…)``; a name assigned in the function or
module; ``module.CONSTANT``; a call of a function of the same module (its
``return`` values).  Texts without a word in them (``" «{}»"``) are not
messages.

Run it as a script to print what the catalogue lacks.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "hms_desk"

# Calls that hand a text to the user: name → index of the text argument(s).
MESSAGE_CALLS: dict[str, tuple[int, ...]] = {
    "RuleViolation": (1,),
    "N_": (0,),
    "t": (0,),
    "t_format": (0,),
    "plural": (1, 2),
    "_set_state": (1,),        # video pipeline → the pane's banner and the status bar
    "_banner": (1,),           # text burnt into the video picture
    "_fail": (0,),             # annotation errors (wrapped in AnnotationError)
    "RowProblem": (0,),        # a catalogue import's row errors (the import report)
    "SettingsError": (0,),     # why a settings file is not used (a start-up warning)
    "warn": (0,),              # an import report's warnings
    "write_document": (4,),    # what a document is, in "Kunne ikke skrive {what} til …"
    "write_text_document": (3,),
    "write_bytes_atomic": (2,),
}
# In hms_desk/ui only these and the errors count (Qt's tr() has its own test).
UI_CALLS = ("N_", "t", "t_format", "plural", "_fail")
MESSAGE_KEYWORDS = ("message", "message_nb", "what_nb")

_WORD = re.compile(r"[A-Za-zÆØÅæøå]{2,}")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def normalise(template: str) -> str:
    """``"Kunne ikke skrive {what} til {path}"`` and the f-string's ``"… {} til {}"`` compare equal."""
    return _PLACEHOLDER.sub("{}", template).strip()


def is_text(template: str) -> bool:
    if re.fullmatch(r"#[0-9a-fA-F]{3,8}", template.strip()):       # a colour, not a word
        return False
    return bool(_WORD.search(_PLACEHOLDER.sub(" ", template)))


@dataclass(frozen=True)
class Found:
    template: str        # normalised: placeholders are "{}"
    path: str
    line: int


class _Module:
    def __init__(self, path: Path):
        self.path = path
        self.rel = str(path.relative_to(ROOT))
        self.tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        self.functions: dict[str, ast.FunctionDef] = {}
        self.assigned: dict[str, list[ast.expr]] = {}
        for node in self.tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions[node.name] = node
            for target, value in _assignments(node):
                self.assigned.setdefault(target, []).append(value)
        self.methods: dict[str, list[ast.FunctionDef]] = {}     # by name, over every class of the module
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        self.methods.setdefault(item.name, []).append(item)
        self.parents: dict[ast.AST, ast.AST] = {}
        for parent in ast.walk(self.tree):
            for child in ast.iter_child_nodes(parent):
                self.parents[child] = parent

    def enclosing(self, node: ast.AST, kinds) -> ast.AST | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, kinds):
                return node
        return None


def _assignments(node: ast.AST):
    if isinstance(node, ast.Assign):
        for target in node.targets:
            if isinstance(target, ast.Name):
                yield target.id, node.value
    elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
        yield node.target.id, node.value


def _callee(call: ast.Call) -> str | None:
    f = call.func
    if isinstance(f, ast.Name):
        return f.id
    if isinstance(f, ast.Attribute):
        return f.attr
    return None


class Scanner:
    def __init__(self, skip: tuple[str, ...] = ("documents/pdfa_check.py", "ui/smoke.py")):
        files = sorted(p for p in PACKAGE.rglob("*.py")
                       if str(p.relative_to(PACKAGE)) not in skip and "migrations" not in p.parts)
        self.modules = [_Module(p) for p in files]
        self.constants: dict[str, list[tuple[_Module, ast.expr]]] = {}
        for m in self.modules:
            for name, values in m.assigned.items():
                for v in values:
                    self.constants.setdefault(name, []).append((m, v))
        self.error_classes = self._error_classes()
        self.found: list[Found] = []
        self.unresolved: list[tuple[str, int, str]] = []

    def _error_classes(self) -> set[str]:
        names = {"HmsError"}
        classes = [n for m in self.modules for n in ast.walk(m.tree) if isinstance(n, ast.ClassDef)]
        changed = True
        while changed:
            changed = False
            for c in classes:
                bases = {b.id if isinstance(b, ast.Name) else b.attr if isinstance(b, ast.Attribute) else ""
                         for b in c.bases}
                if c.name not in names and bases & names:
                    names.add(c.name)
                    changed = True
        return names

    # --- following an expression to its texts ---------------------------------

    def _texts(self, m: _Module, node: ast.expr, depth: int = 0, scope: ast.AST | None = None) -> list[str] | None:
        """Templates the expression can produce; None when it cannot be followed."""
        if depth > 6:
            return None
        if isinstance(node, ast.Constant):
            return [node.value] if isinstance(node.value, str) else None
        if isinstance(node, ast.JoinedStr):
            parts: list[str] = []
            for v in node.values:
                if isinstance(v, ast.Constant):
                    parts.append(str(v.value))
                else:
                    parts.append("{}")
                    self._inner(m, v.value, depth, scope)
            return ["".join(parts)]
        if isinstance(node, ast.IfExp):
            return self._either(m, [node.body, node.orelse], depth, scope)
        if isinstance(node, ast.BoolOp):
            return self._either(m, node.values, depth, scope)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left = self._piece(m, node.left, depth, scope)
            right = self._piece(m, node.right, depth, scope)
            return [a + b for a in left for b in right][:16]
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant):
            self._inner(m, node.right, depth, scope)
            return [re.sub(r"%[-0-9.]*[sdfr]", "{}", str(node.left.value))]
        if isinstance(node, ast.Call):
            name = _callee(node)
            if name == "format" and isinstance(node.func, ast.Attribute):
                for a in [*node.args, *(k.value for k in node.keywords)]:
                    self._inner(m, a, depth, scope)
                return self._texts(m, node.func.value, depth + 1, scope)
            if name in ("replace", "strip", "rstrip", "lstrip") and isinstance(node.func, ast.Attribute):
                return self._texts(m, node.func.value, depth + 1, scope)
            if name == "get" and isinstance(node.func, ast.Attribute) and node.args:   # TABLE.get(key, default)
                out = list(self._table(m, node.func.value, depth, scope) or [])
                if len(node.args) > 1:
                    out += self._texts(m, node.args[1], depth + 1, scope) or []
                return out or None
            if name in ("N_", "t") and node.args:
                return self._texts(m, node.args[0], depth + 1, scope)
            if name == "plural":
                self._inner(m, node, depth, scope)
                return None
            fns: list[ast.FunctionDef] = []
            if isinstance(node.func, ast.Name) and name in m.functions:
                fns = [m.functions[name]]
            elif isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) \
                    and node.func.value.id in ("self", "cls"):
                fns = m.methods.get(name or "", [])
            out: list[str] = []
            for fn in fns:
                for r in ast.walk(fn):
                    if isinstance(r, ast.Return) and r.value is not None:
                        out += self._texts(m, r.value, depth + 1, fn) or []
            return out or None
        if isinstance(node, ast.Name):
            values: list[tuple[_Module, ast.expr, ast.AST | None]] = []
            if scope is not None:
                for sub in ast.walk(scope):
                    for target, value in _assignments(sub):
                        if target == node.id:
                            values.append((m, value, scope))
            if not values:
                values = [(m, v, None) for v in m.assigned.get(node.id, [])]
            if not values and node.id.isupper():
                values = [(mm, v, None) for mm, v in self.constants.get(node.id, [])]
            out = []
            for mm, v, sc in values:
                out += self._texts(mm, v, depth + 1, sc) or []
            return out or None
        if isinstance(node, ast.Subscript):          # TABLE[key]: every value of the table
            return self._table(m, node.value, depth, scope)
        if isinstance(node, ast.Dict):
            return self._either(m, [v for v in node.values if v is not None], depth, scope)
        if isinstance(node, ast.Attribute) and node.attr.isupper():
            out = []
            for mm, v in self.constants.get(node.attr, []):
                out += self._texts(mm, v, depth + 1, None) or []
            return out or None
        return None

    def _table(self, m, node, depth, scope) -> list[str] | None:
        """The values of a dict literal the name (or ``module.NAME``) is bound to."""
        if isinstance(node, ast.Name):
            bound = [(m, v) for v in m.assigned.get(node.id, [])] or self.constants.get(node.id, [])
        elif isinstance(node, ast.Attribute):
            bound = self.constants.get(node.attr, [])
        else:
            return None
        out: list[str] = []
        for mm, v in bound:
            if isinstance(v, ast.Dict):
                out += self._either(mm, [x for x in v.values if x is not None], depth, None) or []
        return out or None

    def _either(self, m, nodes, depth, scope) -> list[str] | None:
        out: list[str] = []
        for n in nodes:
            out += self._texts(m, n, depth + 1, scope) or []
        return out or None

    def _piece(self, m, node, depth, scope) -> list[str]:
        """One operand of ``a + b``: a literal is part of the text, anything else a placeholder."""
        if isinstance(node, (ast.Constant, ast.JoinedStr)) or (
                isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add)):
            return self._texts(m, node, depth + 1, scope) or ["{}"]
        self._inner(m, node, depth, scope)
        return ["{}"]

    def _inner(self, m: _Module, node: ast.expr, depth: int, scope) -> None:
        """An interpolated value: each text it can be is a message of its own (translated recursively)."""
        for sub in ast.walk(node):
            if isinstance(sub, ast.Call) and _callee(sub) == "plural":
                for i in MESSAGE_CALLS["plural"]:
                    if i < len(sub.args):
                        for text in self._texts(m, sub.args[i], depth + 1, scope) or []:
                            self._add(text, m, sub)
        for text in self._texts(m, node, depth + 1, scope) or []:
            self._add(text, m, node)

    def _add(self, text: str, m: _Module, node: ast.AST) -> None:
        if is_text(text):
            self.found.append(Found(normalise(text), m.rel, getattr(node, "lineno", 0)))

    def _message(self, m: _Module, node: ast.expr, call: ast.AST) -> None:
        if isinstance(node, ast.Call) and _callee(node) == "tr":
            return                               # Qt's translation (the UI test covers it)
        scope = m.enclosing(call, (ast.FunctionDef, ast.AsyncFunctionDef))
        texts = self._texts(m, node, 0, scope)
        if texts is None:
            self.unresolved.append((m.rel, call.lineno, ast.unparse(node)[:80]))
            return
        for text in texts:
            self._add(text, m, call)

    # --- the calls ---------------------------------------------------------------

    def scan(self) -> list[Found]:
        for m in self.modules:
            ui = m.rel.startswith("hms_desk/ui/")
            if not ui:
                for fn in ast.walk(m.tree):
                    if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) and fn.name.endswith("_nb"):
                        for r in ast.walk(fn):
                            if isinstance(r, ast.Return) and r.value is not None:
                                self._message(m, r.value, r)
            for call in ast.walk(m.tree):
                if not isinstance(call, ast.Call):
                    continue
                name = _callee(call)
                indices: tuple[int, ...] = ()
                if ui and name in UI_CALLS:
                    indices = MESSAGE_CALLS[name]
                elif ui and name not in self.error_classes:
                    continue
                elif name in self.error_classes:
                    indices = (0,)
                elif name == "__init__" and isinstance(call.func, ast.Attribute) \
                        and isinstance(call.func.value, ast.Call) and _callee(call.func.value) == "super":
                    cls = m.enclosing(call, ast.ClassDef)
                    if cls is not None and cls.name in self.error_classes:
                        indices = (0,)
                elif name in MESSAGE_CALLS:
                    indices = MESSAGE_CALLS[name]
                if not indices:
                    continue
                for i in indices:
                    if i < len(call.args) and not isinstance(call.args[i], ast.Starred):
                        self._message(m, call.args[i], call)
                for k in call.keywords:
                    if k.arg in MESSAGE_KEYWORDS:
                        self._message(m, k.value, call)
        return self.found


def core_messages() -> tuple[list[Found], list[tuple[str, int, str]]]:
    s = Scanner()
    return s.scan(), s.unresolved


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from hms_desk.domain.i18n import has_translation

    found, unresolved = core_messages()
    missing: dict[str, Found] = {}
    for f in found:
        if not has_translation(f.template):
            missing.setdefault(f.template, f)
    for f in sorted(missing.values(), key=lambda f: (f.path, f.line)):
        print(f"{f.path}:{f.line}: {f.template!r}")
    if "-v" in sys.argv:
        for path, line, expr in unresolved:
            print(f"unresolved {path}:{line}: {expr}")
    print(f"{len({f.template for f in found})} core messages, {len(missing)} without English", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
