"""The one error of face anonymisation and its Norwegian messages."""

from __future__ import annotations

from hms_desk.domain.errors import HmsError

UNAVAILABLE_TEXT = "Ansiktsgjenkjenning er ikke tilgjengelig – bildet ble ikke lagret."
FAILED_TEXT = "Ansiktsgjenkjenningen feilet – bildet ble ikke lagret."
INVALID_TEXT = "Bildet er tomt eller ugyldig – det ble ikke lagret."
TOO_LARGE_TEXT = "Bildet er for stort ({mp:.0f} megapiksler, største tillatte er {max_mp:.0f}) – det ble ikke lagret."


class AnonymisationError(HmsError):
    """Faces could not be found or hidden; the picture must not be kept or shown."""

    code = "ANONYMISERING"
