"""Events a goods owner's integration reports to the warehouse (ReportEvent), kept for operators to read.

A LogEvent is stored with every field as sent, plus who reported it and when it arrived. References to objects
this server keeps per goods owner (order, in-order, shipment, return order, invoice) must name the caller's own:
another goods owner's object is "not found", like one that does not exist. A reference of 0 means none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.errors import NotFound, ValidationFailed
from wms_soap.store.access import GoodsOwner
from wms_soap.store.base import Base
from wms_soap.store.events import ReportedEvent
from wms_soap.store.inorders import InOrder
from wms_soap.store.invoices import Invoice
from wms_soap.store.orders import Order
from wms_soap.store.returns import ReturnOrder
from wms_soap.store.shipments import Shipment

EVENT_TYPES = ("Error", "Info", "Report")
REFERENCE_FIELDS = ("order_id", "in_order_id", "article_item_id", "parent_message_log_id", "shipment_id", "trip_id",
                    "inventory_id", "log_row_id", "return_order_id", "external_system_id", "pallet_item_id",
                    "production_order_id", "invoice_id", "goods_operation_order_id")
"""The LogEvent ids, as ReportedEvent columns."""
_OWNED: dict[str, tuple[type[Base], str]] = {
    "order_id": (Order, "Order"),
    "in_order_id": (InOrder, "In-order"),
    "shipment_id": (Shipment, "Shipment"),
    "return_order_id": (ReturnOrder, "Return order"),
    "invoice_id": (Invoice, "Invoice"),
}


@dataclass(frozen=True)
class EventInput:
    """A LogEvent as it came on the wire (``references`` keyed by REFERENCE_FIELDS)."""

    event_type: str | None = "Error"
    success: bool = False
    time: datetime | None = None
    header: str | None = None
    message: str | None = None
    file_text: str | None = None
    message_id: str | None = None
    user_id: int | None = None
    is_sent: bool | None = None
    references: dict[str, int | None] = field(default_factory=dict)


@dataclass(frozen=True)
class EventFilter:
    goods_owner_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    event_type: str | None = None
    limit: int | None = None


def as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def report_event(session: Session, event: EventInput, *, goods_owner_id: int, username: str | None) -> ReportedEvent:
    """Store a reported event; raises ValidationFailed (bad type) or NotFound (a reference not of this owner)."""
    if event.event_type not in EVENT_TYPES:
        raise ValidationFailed(f"LogEvent Type must be one of {', '.join(EVENT_TYPES)}, got {event.event_type!r}")
    references = {name: value or None for name, value in event.references.items()}
    for name, value in references.items():
        _check_owned(session, goods_owner_id, name, value)
    stored = ReportedEvent(
        goods_owner_id=goods_owner_id, received_at=datetime.now(UTC), reported_by=username,
        event_time=as_utc(event.time) if event.time is not None else None, success=event.success,
        event_type=event.event_type, header=event.header, message=event.message, file_text=event.file_text,
        message_id=event.message_id, user_id=event.user_id, is_sent=event.is_sent, **references)
    session.add(stored)
    session.flush()
    return stored


def _check_owned(session: Session, goods_owner_id: int, name: str, value: int | None) -> None:
    if value is None or name not in _OWNED:
        return
    model, label = _OWNED[name]
    found = session.get(model, value)
    if found is None or getattr(found, "goods_owner_id", None) != goods_owner_id:
        raise NotFound(f"{label} {value} was not found")


def list_events(session: Session, events: EventFilter) -> list[tuple[ReportedEvent, str]]:
    """Reported events with their goods owner's code, newest first."""
    query = (select(ReportedEvent, GoodsOwner.code).join(GoodsOwner, GoodsOwner.id == ReportedEvent.goods_owner_id)
             .order_by(ReportedEvent.received_at.desc(), ReportedEvent.id.desc()))
    if events.goods_owner_id is not None:
        query = query.where(ReportedEvent.goods_owner_id == events.goods_owner_id)
    if events.since is not None:
        query = query.where(ReportedEvent.received_at >= events.since)
    if events.until is not None:
        query = query.where(ReportedEvent.received_at < events.until)
    if events.event_type is not None:
        query = query.where(ReportedEvent.event_type == events.event_type)
    if events.limit is not None:
        query = query.limit(events.limit)
    return [(event, code) for event, code in session.execute(query)]
