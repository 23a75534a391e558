"""Domain -> wire for GetTimeOfLastSync."""

from __future__ import annotations

from datetime import UTC, datetime


def wire_time(moment: datetime | None) -> datetime | None:
    """Stored times go out in UTC without an offset, as ASMX writes them."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment is not None else None
