"""The parts order being built on screen, held in the core.

The parts panel shows an :class:`OrderDraftBuilder` through a Qt table model;
every rule it applies while the technician edits (quantities within the
line's maximum, an unknown part's number and description, no personal data)
is the same rule code :mod:`hms_desk.parts.rules` applies when the order is
submitted — nothing is re-implemented in a widget.  A refusal from the order
service is mapped back onto the lines it concerns (:meth:`apply_refusal`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Sequence

from hms_desk.parts import rules
from hms_desk.parts.catalog import PartInfo
from hms_desk.parts.orders import DraftLine, OrderDraft

#: Refusals about the battery that belong beside the battery lines.
BATTERY_RULES = frozenset({rules.GARANTI, rules.BATTERI_BESTILT_SISTE_AAR})


@dataclass(frozen=True)
class LinePart:
    """What an order line is of: a catalogue part or a described unknown part."""

    part_hmsnr: str | None
    supplier_ref: str
    description: str
    category: str
    max_qty: int
    unknown_part: bool
    is_accessory: bool = False                  # the catalogue says so: it must already be on the device
    accessory_on_device: bool | None = None     # the technician's answer

    @property
    def is_battery(self) -> bool:
        return rules.is_battery(self.category)


@dataclass
class DraftRow:
    part: LinePart
    quantity: int
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Refusal:
    """A refused order mapped onto the screen: notes per line, and the rest by place."""

    line_notes: dict[int, list[str]]
    battery: str = ""
    delivery: str = ""
    general: tuple[str, ...] = ()


class OrderDraftBuilder:
    """Order lines for one device, validated as they are edited."""

    def __init__(self, iso: str | None = None):
        self.iso = iso
        self.rows: list[DraftRow] = []

    # -- editing ------------------------------------------------------------------
    def reset(self, iso: str | None = None) -> None:
        self.iso = iso
        self.rows.clear()

    def add_part(self, part: PartInfo, quantity: int, accessory_on_device: bool | None = None) -> int:
        """Adds a catalogue part; the same part again adds pieces to its line (up to its
        maximum).  An accessory carries the technician's answer to «is it already on the
        device?» (NAV orders it only then).  Returns the row."""
        for i, row in enumerate(self.rows):
            if not row.part.unknown_part and row.part.part_hmsnr == part.hmsnr:
                row.quantity = min(row.part.max_qty, row.quantity + max(1, quantity))
                if accessory_on_device is not None:
                    row.part = replace(row.part, accessory_on_device=accessory_on_device)
                row.notes.clear()
                return i
        line = LinePart(part.hmsnr, part.supplier_ref or "", part.name, part.category, part.max_qty, False,
                        bool(getattr(part, "is_accessory", False)), accessory_on_device)
        self.rows.append(DraftRow(line, _clamp(quantity, line.max_qty)))
        return len(self.rows) - 1

    def check_unknown(self, hmsnr: str, supplier_ref: str, description: str,
                      quantity: int) -> tuple[LinePart, list[rules.RuleViolation]]:
        """The unknown part the form describes, and what is wrong with it (NAV's rules)."""
        hmsnr, ref = hmsnr.strip(), supplier_ref.strip()
        desc = " ".join(description.split())
        category = rules.category_from_name(desc)
        limit = rules.max_quantity(category, self.iso, rules.UNKNOWN_PART_MAX_QTY)
        facts = rules.LineFacts(quantity=quantity, category=category, name=desc, part_hmsnr=hmsnr or None,
                                supplier_ref=ref, unknown_part=True, max_qty=limit)
        problems = rules.check_unknown_part(len(self.rows), facts)
        problems += rules.check_quantities([facts], self.iso)
        return LinePart(hmsnr or None, ref, desc, category, limit, True), problems

    def add_unknown(self, hmsnr: str, supplier_ref: str, description: str,
                    quantity: int) -> list[rules.RuleViolation]:
        """Adds the described part when the rules allow it; otherwise returns why not."""
        line, problems = self.check_unknown(hmsnr, supplier_ref, description, quantity)
        if not problems:
            self.rows.append(DraftRow(line, quantity))
        return problems

    def set_quantity(self, row: int, quantity: int) -> list[rules.RuleViolation]:
        """Sets a line's quantity; refused (and unchanged) outside 1 … the line's maximum."""
        r = self.rows[row]
        facts = replace(self._facts(r), quantity=quantity)
        problems = rules.check_quantities([facts], self.iso)
        if not problems:
            r.quantity = quantity
            r.notes.clear()
        return [replace(p, line=row) for p in problems]

    def remove(self, row: int) -> None:
        del self.rows[row]

    def clear(self) -> None:
        self.rows.clear()

    # -- reading ----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.rows)

    @property
    def has_battery(self) -> bool:
        return any(r.part.is_battery for r in self.rows)

    def _facts(self, r: DraftRow) -> rules.LineFacts:
        p = r.part
        return rules.LineFacts(quantity=r.quantity, category=p.category, name=p.description,
                               part_hmsnr=p.part_hmsnr, supplier_ref=p.supplier_ref,
                               unknown_part=p.unknown_part, max_qty=p.max_qty, is_accessory=p.is_accessory,
                               accessory_on_device=p.accessory_on_device)

    def check(self) -> list[rules.RuleViolation]:
        """The line rules as the order service applies them on submit."""
        facts = [self._facts(r) for r in self.rows]
        out = rules.check_has_lines(facts) + rules.check_quantities(facts, self.iso)
        for i, f in enumerate(facts):
            out += rules.check_unknown_part(i, f)
        return out

    def lines(self) -> list[DraftLine]:
        return [DraftLine(part_hmsnr=r.part.part_hmsnr, supplier_ref=r.part.supplier_ref,
                          description=r.part.description, quantity=r.quantity, unknown_part=r.part.unknown_part,
                          accessory_on_device=r.part.accessory_on_device if r.part.is_accessory else None)
                for r in self.rows]

    def to_order(self, *, hmsnr: str, serial: str, orderer: str, orderer_hms_unit: str, delivery: str,
                 battery_training_confirmed: bool, case_id: int | None, snapshot_id: int | None,
                 request_key: str) -> OrderDraft:
        return OrderDraft(hmsnr=hmsnr, serial=serial, orderer=orderer, orderer_hms_unit=orderer_hms_unit,
                          delivery=delivery, lines=self.lines(),
                          battery_training_confirmed=battery_training_confirmed, case_id=case_id,
                          snapshot_id=snapshot_id, request_key=request_key)

    # -- refusals -----------------------------------------------------------------------
    def apply_refusal(self, violations: Sequence[rules.RuleViolation], fallback: str = "") -> Refusal:
        """Puts each reason where its cause is: the line, the battery lines, the training
        confirmation, the delivery choice; the rest is general."""
        for r in self.rows:
            r.notes.clear()
        notes: dict[int, list[str]] = {}
        battery = delivery = ""
        general: list[str] = []
        battery_rows = [i for i, r in enumerate(self.rows) if r.part.is_battery]
        for v in violations:               # shown to the user: in the user's language
            if v.line is not None and 0 <= v.line < len(self.rows):
                notes.setdefault(v.line, []).append(strip_line_prefix(v.message))
            elif v.code in BATTERY_RULES and battery_rows:
                for i in battery_rows:
                    notes.setdefault(i, []).append(v.message)
            elif v.field == "battery_training_confirmed":
                battery = v.message
            elif v.field == "delivery":
                delivery = v.message
            else:
                general.append(v.message)
        if not violations and fallback:
            general.append(fallback)
        for i, texts in notes.items():
            self.rows[i].notes = list(texts)
        return Refusal(notes, battery, delivery, tuple(general))


def strip_line_prefix(text: str) -> str:
    """"Linje 2: beskriv delen …" → "Beskriv delen …" (the line is already where it is shown);
    the English "Line 2: …" likewise."""
    if text.startswith(("Linje ", "Line ")) and ": " in text[:12]:
        rest = text.split(": ", 1)[1]
        return rest[:1].upper() + rest[1:]
    return text


def _clamp(quantity: int, limit: int) -> int:
    return min(max(1, quantity), limit)
