"""Order status numbers, their default texts, and history rows."""

from __future__ import annotations

from datetime import datetime

from wms_soap.errors import ValidationFailed
from wms_soap.store.orders import OrderStatusChange

NOTIFIED = 100
ERROR = 150
OPEN = 200
RELEASED = 300
ALLOCATED = 320
PICKED = 400
SENT = 450
COLLECTED = 500
CANCELLED = 1000

DEFAULT_TEXTS = {
    NOTIFIED: "Notified",
    ERROR: "Error",
    OPEN: "Open",
    RELEASED: "Released",
    ALLOCATED: "Allocated",
    PICKED: "Picked",
    SENT: "Sent",
    COLLECTED: "Collected",
    CANCELLED: "Cancelled",
}


def check_known(status: int) -> None:
    if status not in DEFAULT_TEXTS:
        raise ValidationFailed(f"Unknown order status {status}; known statuses are "
                               + ", ".join(str(number) for number in DEFAULT_TEXTS))


def change(from_status: int | None, to_status: int, *, source: str, at: datetime,
           comment: str | None = None) -> OrderStatusChange:
    return OrderStatusChange(from_status=from_status, to_status=to_status, source=source, changed_at=at,
                             comment=comment)


def is_picked(status: int) -> bool:
    return status in (PICKED, SENT, COLLECTED)


def is_delivered(status: int) -> bool:
    return status in (SENT, COLLECTED)
