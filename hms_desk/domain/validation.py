"""NAV's validation of HMS-nr (art.nr) and serienr: exactly 6 digits each.

As NAV's ``Validation.kt``: every reason is reported, length first, then
digits, and an empty field is "må ha 6 siffer" (it has no other fault).
Deliberate differences: surrounding spaces are trimmed before the check (a
pasted number often carries one), and only the ASCII digits 0–9 count
(Kotlin's ``isDigit`` also accepts other scripts' digits, which OeBS never has).
"""

from __future__ import annotations

from hms_desk.domain.errors import ValidationError

LENGTH = 6


def reasons(value: str | None, label: str) -> list[str]:
    """Every reason ``value`` is not a valid 6-digit number, in NAV's words and order."""
    v = (value or "").strip()
    out: list[str] = []
    if len(v) != LENGTH:
        out.append(f"{label} må ha {LENGTH} siffer")
    if not (v.isascii() and all(c.isdigit() for c in v)):
        out.append(f"{label} skal kun bestå av tall")
    return out


class InvalidNumber(ValidationError):
    """One field (``hmsnr``/``serienr``) with all its reasons; ``message`` joins them with "; "."""

    def __init__(self, field_reasons: list[str], field: str):
        self.reasons = list(field_reasons)
        super().__init__("; ".join(self.reasons), field=field)

    def to_dict(self) -> dict:
        d: dict = dict(super().to_dict())
        d["violations"] = [ValidationError(r, field=self.field).to_dict() for r in self.reasons]
        return d


class InvalidIdentity(ValidationError):
    """HMS-nr and/or serienr are invalid; ``violations`` lists every reason (NAV returns them all)."""

    def __init__(self, errors: list[ValidationError]):
        self.errors = list(errors)
        super().__init__("\n".join(e.message_nb for e in self.errors),
                         field=self.errors[0].field if self.errors else None)

    def to_dict(self) -> dict:
        d: dict = dict(super().to_dict())
        d["violations"] = [e.to_dict() for e in self.errors]
        return d


def _check(value: str, label: str, field: str) -> str:
    found = reasons(value, label)
    if found:
        raise InvalidNumber(found, field)
    return (value or "").strip()


def validate_hmsnr(value: str) -> str:
    """The trimmed HMS-nr, or ``InvalidNumber`` carrying every reason."""
    return _check(value, "Hmsnr", "hmsnr")


def validate_serienr(value: str) -> str:
    return _check(value, "Serienr", "serienr")


def validation_errors(hmsnr: str, serienr: str) -> list[ValidationError]:
    """One error per reason, HMS-nr first (as NAV's ``validateOppslagRequest``)."""
    return ([ValidationError(r, field="hmsnr") for r in reasons(hmsnr, "Hmsnr")]
            + [ValidationError(r, field="serienr") for r in reasons(serienr, "Serienr")])


def require_identity(hmsnr: str, serienr: str) -> tuple[str, str]:
    """Both trimmed, or ``InvalidIdentity`` with every reason of both fields."""
    errors = validation_errors(hmsnr, serienr)
    if errors:
        raise InvalidIdentity(errors)
    return (hmsnr or "").strip(), (serienr or "").strip()
