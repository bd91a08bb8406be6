"""The UI's dates and numbers: the core's one Norwegian format (see ``hms_desk.domain.formats``)."""

from hms_desk.domain.formats import (local_date, local_datetime, local_time, number, oslo_datetime,  # noqa: F401
                                     to_local)
