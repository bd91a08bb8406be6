"""NAV's validation of HMS-nr and serienr (exactly 6 digits each)."""

from __future__ import annotations

from hms_desk.domain.errors import ValidationError


def _check_six_digits(value: str, label: str, field: str) -> str:
    v = (value or "").strip()
    if not v:
        raise ValidationError(f"{label} mangler", field=field)
    if not v.isdigit() or not v.isascii():
        raise ValidationError(f"{label} skal kun bestå av tall", field=field)
    if len(v) != 6:
        raise ValidationError(f"{label} må ha 6 siffer", field=field)
    return v


def validate_hmsnr(value: str) -> str:
    return _check_six_digits(value, "Hmsnr", "hmsnr")


def validate_serienr(value: str) -> str:
    return _check_six_digits(value, "Serienr", "serienr")


def validation_errors(hmsnr: str, serienr: str) -> list[ValidationError]:
    errors: list[ValidationError] = []
    for fn, v in ((validate_hmsnr, hmsnr), (validate_serienr, serienr)):
        try:
            fn(v)
        except ValidationError as e:
            errors.append(e)
    return errors
