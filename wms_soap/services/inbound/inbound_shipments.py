"""Inbound shipments: goods of a goods owner's in-order lines that arrive together, with their customs data.

The contract has no operation that creates them: the warehouse creates a shipment from in-order lines
(``create_inbound_shipment``; a line travels on one shipment), sets its customs status, marks it arrived and
received. The goods owner reads them with GetInboundShipmentsByQuery (``query_inbound_shipments``): the shipment, its
in-order lines and in-orders, and what was received on those lines (the in-order receipts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, selectinload

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.common import inclusive, utcnow
from wms_soap.services.production.production import articles_by_id
from wms_soap.store.access import GoodsOwner
from wms_soap.store.articles import Article
from wms_soap.store.db import claim_sqlite_writer
from wms_soap.store.inbound_shipments import InboundShipment, InboundShipmentLine
from wms_soap.store.inorders import InOrder, InOrderLine
from wms_soap.store.inventory import ArticleItemStatus
from wms_soap.store.suppliers import Supplier

ADVISED, ARRIVED, RECEIVED = 100, 200, 300
STATUS_TEXTS = {ADVISED: "Advised", ARRIVED: "Arrived", RECEIVED: "Received"}
NO_STATUS, ALL = "NoStatus", "All"
CUSTOMS_STATUS_IDS = {"PendingForApproval": 1, "FetchedByCustomsSystem": 2, "Approved": 3}
EU_TYPES = ("Unknown", "NONEU", "EU")


@dataclass
class ShipmentLineInput:
    """An in-order line by its in-order number and ExternalOrderLineCode; ``number_of_items`` None: what is still
    to receive on it."""

    in_order_number: str
    line_code: str
    number_of_items: Decimal | None = None


@dataclass
class ShipmentInput:
    shipment_number: str
    lines: list[ShipmentLineInput] = field(default_factory=list)
    comment: str | None = None
    waybill: str | None = None
    customs_reference_number: str | None = None
    customs_eu_type: str = "Unknown"
    supplier_number: str | None = None


@dataclass
class ShipmentQuery:
    """GetInboundShipmentsQuery in domain terms; empty lists and None mean "no filter"."""

    ids: list[int] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    customs_status: str | None = None
    status_from: int | None = None
    status_to: int | None = None


@dataclass(frozen=True)
class ShipmentsView:
    shipments: list[InboundShipment]
    in_order_lines: dict[int, InOrderLine]
    articles: dict[int, Article]
    item_statuses: dict[str, ArticleItemStatus]
    suppliers: dict[int, Supplier]
    goods_owner: GoodsOwner | None


# --- the warehouse ---

def create_inbound_shipment(session: Session, goods_owner_id: int, data: ShipmentInput, *,
                            now: datetime | None = None) -> InboundShipment:
    """A new advised shipment; ValidationFailed, NotFound or Conflict, with nothing written, otherwise."""
    now = now or utcnow()
    claim_sqlite_writer(session, InboundShipment.__tablename__)
    number = (data.shipment_number or "").strip()
    if not number:
        raise ValidationFailed("A shipment number is required")
    if data.customs_eu_type not in EU_TYPES:
        raise ValidationFailed(f"CustomsEUType must be one of {', '.join(EU_TYPES)}")
    if session.scalars(select(InboundShipment.id).where(InboundShipment.goods_owner_id == goods_owner_id,
                                                        InboundShipment.shipment_number == number)).first():
        raise Conflict(f"Inbound shipment {number} exists already")
    if not data.lines:
        raise ValidationFailed("An inbound shipment needs at least one in-order line")
    shipment = InboundShipment(
        goods_owner_id=goods_owner_id, shipment_number=number, status=ADVISED, customs_status=None,
        customs_eu_type=data.customs_eu_type, customs_reference_number=data.customs_reference_number,
        waybill=data.waybill, comment=data.comment, supplier_id=_supplier_id(session, goods_owner_id, data),
        created_at=now, updated_at=now, lines=_lines(session, goods_owner_id, data.lines))
    session.add(shipment)
    session.flush()
    return shipment


def _supplier_id(session: Session, goods_owner_id: int, data: ShipmentInput) -> int | None:
    if not (data.supplier_number or "").strip():
        return None
    found = session.scalars(select(Supplier.id).where(Supplier.goods_owner_id == goods_owner_id,
                                                      Supplier.supplier_number == data.supplier_number)).first()
    if found is None:
        raise NotFound(f"Supplier {data.supplier_number} was not found")
    return found


def _lines(session: Session, goods_owner_id: int, data: list[ShipmentLineInput]) -> list[InboundShipmentLine]:
    lines: list[InboundShipmentLine] = []
    for wanted in data:
        line = _in_order_line(session, goods_owner_id, wanted)
        if any(existing.in_order_line_id == line.id for existing in lines) or session.scalars(
                select(InboundShipmentLine.id).where(InboundShipmentLine.in_order_line_id == line.id)).first():
            raise Conflict(f"In-order {wanted.in_order_number} line {wanted.line_code} is on a shipment already")
        count = wanted.number_of_items
        if count is None:
            count = line.advised_number_of_items - line.received_number_of_items
        if count <= 0:
            raise ValidationFailed(f"In-order {wanted.in_order_number} line {wanted.line_code}: the number of items "
                                   "must be greater than 0")
        lines.append(InboundShipmentLine(in_order_line_id=line.id, number_of_items=count))
    return lines


def _in_order_line(session: Session, goods_owner_id: int, wanted: ShipmentLineInput) -> InOrderLine:
    found = session.scalars(select(InOrderLine).join(InOrder, InOrderLine.in_order_id == InOrder.id).where(
        InOrder.goods_owner_id == goods_owner_id, InOrder.goods_owner_order_number == wanted.in_order_number,
        InOrderLine.external_order_line_code == wanted.line_code)).first()
    if found is None:
        raise NotFound(f"In-order {wanted.in_order_number} has no line {wanted.line_code}")
    return found


def set_customs_status(session: Session, shipment_id: int, status: str, *,
                       at: datetime | None = None) -> InboundShipment:
    """``NoStatus`` or one of CUSTOMS_STATUS_IDS."""
    if status != NO_STATUS and status not in CUSTOMS_STATUS_IDS:
        raise ValidationFailed(f"The customs status must be one of {NO_STATUS}, {', '.join(CUSTOMS_STATUS_IDS)}")
    shipment = _shipment(session, shipment_id)
    shipment.customs_status = None if status == NO_STATUS else status
    shipment.updated_at = at or utcnow()
    session.flush()
    return shipment


def advance(session: Session, shipment_id: int, status: int, *, at: datetime | None = None) -> InboundShipment:
    """Advised -> arrived (the in date is set) -> received; never back."""
    shipment = _shipment(session, shipment_id)
    if status not in (ARRIVED, RECEIVED) or status != shipment.status + 100:
        raise Conflict(f"Inbound shipment {shipment.shipment_number} is {STATUS_TEXTS[shipment.status].lower()} and "
                       f"cannot become {STATUS_TEXTS.get(status, status)}")
    now = at or utcnow()
    if status == ARRIVED:
        shipment.in_date = now
    shipment.status, shipment.updated_at = status, now
    session.flush()
    return shipment


def _shipment(session: Session, shipment_id: int) -> InboundShipment:
    claim_sqlite_writer(session, InboundShipment.__tablename__)
    shipment = session.get(InboundShipment, shipment_id, with_for_update=True)
    if shipment is None:
        raise NotFound(f"Inbound shipment {shipment_id} was not found")
    return shipment


def open_shipments(session: Session, goods_owner_id: int | None = None) -> list[InboundShipment]:
    statement = select(InboundShipment).where(InboundShipment.status != RECEIVED)
    if goods_owner_id is not None:
        statement = statement.where(InboundShipment.goods_owner_id == goods_owner_id)
    return list(session.scalars(statement.order_by(InboundShipment.id)))


# --- GetInboundShipmentsByQuery ---

def query_inbound_shipments(session: Session, goods_owner_id: int,
                            query: ShipmentQuery | None = None) -> ShipmentsView:
    """The goods owner's shipments that pass every filter given, by id."""
    query = query or ShipmentQuery()
    shipments = list(session.scalars(select(InboundShipment).where(*_conditions(goods_owner_id, query))
                                     .order_by(InboundShipment.id).options(selectinload(InboundShipment.lines))))
    line_ids = [line.in_order_line_id for shipment in shipments for line in shipment.lines]
    lines = {line.id: line for line in session.scalars(
        select(InOrderLine).where(InOrderLine.id.in_(line_ids))
        .options(selectinload(InOrderLine.received_items), selectinload(InOrderLine.in_order)))} if line_ids else {}
    codes = {item.status_code for line in lines.values() for item in line.received_items if item.status_code}
    supplier_ids = {s.supplier_id for s in shipments if s.supplier_id is not None}
    return ShipmentsView(
        shipments, lines, articles_by_id(session, {line.article_id for line in lines.values()}),
        {s.code: s for s in session.scalars(select(ArticleItemStatus).where(ArticleItemStatus.code.in_(codes)))}
        if codes else {},
        {s.id: s for s in session.scalars(select(Supplier).where(Supplier.id.in_(supplier_ids)))}
        if supplier_ids else {},
        session.get(GoodsOwner, goods_owner_id))


def _conditions(goods_owner_id: int, query: ShipmentQuery) -> list[ColumnElement[bool]]:
    if query.status_from is not None and query.status_to is not None and query.status_from > query.status_to:
        raise ValidationFailed(f"ShipmentStatusFrom ({query.status_from}) is greater than ShipmentStatusTo "
                               f"({query.status_to})")
    conditions: list[ColumnElement[bool]] = [InboundShipment.goods_owner_id == goods_owner_id]
    if query.ids:
        conditions.append(InboundShipment.id.in_(query.ids))
    if query.numbers:
        conditions.append(InboundShipment.shipment_number.in_(query.numbers))
    if query.customs_status == NO_STATUS:
        conditions.append(InboundShipment.customs_status.is_(None))
    elif query.customs_status not in (None, ALL):
        if query.customs_status not in CUSTOMS_STATUS_IDS:
            raise ValidationFailed(f"Unknown CustomsStatus {query.customs_status}")
        conditions.append(InboundShipment.customs_status == query.customs_status)
    return conditions + inclusive(InboundShipment.status, query.status_from, query.status_to)
