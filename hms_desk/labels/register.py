"""The register check for label candidates, built from HMS Desk's storage.

The reader's core takes a plain ``known(hmsnr, serienr) -> bool`` so it stays
independent of the database; :func:`known_in_register` makes one from a
:class:`~hms_desk.storage.db.Database` (the local device register, the same
table the lookup answers from).
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import select

from hms_desk.storage.db import Database
from hms_desk.storage.models import Device

__all__ = ["known_in_register"]


def known_in_register(db: Database):
    """``known(hmsnr, serienr)``: True when the register holds that device (answers are cached)."""

    @lru_cache(maxsize=256)
    def known(hmsnr: str, serienr: str) -> bool:
        if not (hmsnr.isdigit() and serienr.isdigit()):
            return False
        with db.session() as s:
            hit = s.scalar(select(Device.id).where(Device.hmsnr == hmsnr, Device.serial == serienr).limit(1))
        return hit is not None

    return known
