"""The inputs of the preparation's documents (prep sheet PDF, meeting invitation .ics).

Plain frozen values copied out of the database by
:class:`hms_desk.services.preparations.PreparationService`, so the writers are
pure functions of their input.  People appear by role and organisation only;
the user only as "takes part" and the consent agreed beforehand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class PrepParticipantInfo:
    role: str                  # Norwegian text, e.g. "Ergoterapeut"
    organisation: str
    holds_camera: bool


@dataclass(frozen=True)
class PrepCheckInfo:
    text: str                  # "Forbindelsen er sjekket"
    done: bool
    done_by: str
    done_at: datetime | None   # aware
    result: str = ""           # plain text (e.g. the pre-call check's summary)
    applies: bool = True       # False: "ikke aktuelt" (consent when the user does not take part)


@dataclass(frozen=True)
class PrepCandidateInfo:
    hmsnr: str
    name: str
    supplier: str
    iso_category: str
    status_text: str           # "Klargjøres", "Klar", "Forkastet"
    note: str
    parts: tuple[str, ...]     # "150817 Dekk … × 2", "Ekstra sittepute × 1"


@dataclass(frozen=True)
class PrepPictureInfo:
    caption: str
    kind_text: str             # "Tegning" | "Bilde"
    faces_blurred: int
    png: bytes                 # anonymised


@dataclass(frozen=True)
class PrepSheetData:
    """Everything the prep sheet and the invitation show."""

    number: str
    kind: str                  # utproving | boligsak
    kind_text: str             # "Utprøving" | "Boligsak"
    status_text: str
    starts_at: datetime        # aware (UTC)
    duration_min: int
    adviser: str               # staff ident
    hms_unit: str
    hms_unit_name: str
    municipality: str          # "0301 Oslo" or ""
    purpose: str
    questions: str
    filming: str
    angles: str
    meeting_url: str
    dial_in: tuple[str, ...]
    agenda: str
    user_takes_part: bool
    consent_text: str          # "Muntlig samtykke fra bruker til video" | "Ikke innhentet" | "Ikke aktuelt"
    participants: tuple[PrepParticipantInfo, ...]
    checklist: tuple[PrepCheckInfo, ...]
    candidates: tuple[PrepCandidateInfo, ...]
    pictures: tuple[PrepPictureInfo, ...]
    case_number: str = ""      # the case the meeting opened
    ics_uid: str = ""
    ics_sequence: int = 0
    generated_at: datetime | None = None
