"""Wire -> domain for ReportEvent: an integration's LogEvent."""

from __future__ import annotations

from typing import Any

from wms_soap.services.events import REFERENCE_FIELDS, EventInput

_YEAR_ONE = 1
REFERENCE_WIRE_NAMES = {field: "".join(part.capitalize() for part in field.split("_")) for field in REFERENCE_FIELDS}
"""LogEvent element name of each reference: ``order_id`` -> ``OrderId``."""


def event_input(log_event: Any) -> EventInput:
    """A LogEvent; a Time of 0001-01-01 (what .NET sends for an unset DateTime) is no time."""
    time = log_event.Time
    return EventInput(
        event_type=log_event.Type, success=bool(log_event.Success),
        time=time if time is not None and time.year > _YEAR_ONE else None,
        header=log_event.Header, message=log_event.Message, file_text=log_event.FileText,
        message_id=log_event.MessageId, user_id=log_event.UserId, is_sent=log_event.IsSent,
        references={field: getattr(log_event, wire) for field, wire in REFERENCE_WIRE_NAMES.items()})
