"""In-orders: what a goods owner announces that it will send to the warehouse, and what the warehouse received.

The goods owner writes in-orders (create, update, cancel) and reads them back with what has been received; the
warehouse side (``services/warehouse_inbound.py``) receives and puts away against them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.inorder_queries import (
    InboundQuantities,
    InOrderQuery,
    advised_total,
    article_names,
    get_in_order,
    get_in_order_by_number,
    inbound_quantities,
    query_in_orders,
    received_total,
    status_reports,
)
from wms_soap.services.order_locking import claim_write_lock
from wms_soap.store.inorders import (
    IN_ORDER_STATUS_TEXTS,
    STATUS_CANCELLED,
    STATUS_NOTIFIED,
    STATUS_RECEIVED,
    InOrder,
    InOrderLine,
    InOrderType,
    Supplier,
)

ZERO = Decimal(0)

__all__ = [  # the area's service API: the writes below, and the reads of inorder_queries
    "ArticleRef", "InOrderInput", "InOrderLineInput", "InOrderLineUpdate", "InOrderQuery", "InOrderTypeInput",
    "InOrderUpdate", "InboundQuantities", "ProcessInOrderOutcome", "SupplierInput", "advised_total",
    "article_names", "cancel_in_order", "find_article", "get_in_order", "get_in_order_by_number",
    "inbound_quantities", "process_in_order", "query_in_orders", "received_total", "resolve_supplier",
    "set_status", "status_reports", "update_in_order", "update_in_order_lines",
]


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ArticleRef:
    """How a line names its article: ArticleIdentification and the values it may use."""

    identification: str = "ArticleNumber"  # SystemId | ArticleNumber | ProductCode | ArticleName
    system_id: int | None = None
    number: str | None = None
    product_code: str | None = None
    name: str | None = None

    @property
    def given(self) -> bool:
        return any(v for v in (self.system_id, self.number, self.product_code, self.name))


def find_article(session: Session, goods_owner_id: int, ref: ArticleRef) -> Any:
    """The goods owner's article named by ``ref`` (the articles area decides how); NotFound when there is none."""
    from wms_soap.services.articles import find_article as find

    return find(session, goods_owner_id, ref.identification, system_id=ref.system_id, article_number=ref.number,
                product_code=ref.product_code, name=ref.name)


# --- inputs -----------------------------------------------------------------------------------------------------

@dataclass
class SupplierInput:
    identification: str = "SupplierNumber"  # SupplierNumber | FullNameAndAdress | SupplierName
    operation: str = "CreateOrUpdate"  # CreateOrUpdate | Find
    number: str | None = None
    name: str | None = None
    address: str | None = None
    post_code: str | None = None
    city: str | None = None
    country_code: str | None = None


@dataclass
class InOrderTypeInput:
    operation: str = "Find"  # Find | CreateOrFind
    identification: str = "InOrderTypeCode"  # InOrderTypeCode | InOrderTypeName
    code: str | None = None
    name: str | None = None


@dataclass
class InOrderLineInput:
    identification: str  # ExternalOrderLineCode | ArticleNumber | ArticleName | ExternalOrderLineId | SystemId
    article: ArticleRef
    number_of_items: Decimal
    line_system_id: int | None = None
    external_order_line_code: str | None = None
    external_order_line_id: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # other InOrderLine columns, None = unchanged


@dataclass
class InOrderInput:
    identification: str = "GoodsOwnerOrderNumber"  # ExternalOrderCode | GoodsOwnerOrderNumber | SystemId | ...Reference
    operation: str = "Create"  # Create | CreateOrUpdate | Remove
    in_order_id: int | None = None
    goods_owner_order_number: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # InOrder columns, None = unchanged
    status_created: int | None = None
    status_updated: int | None = None
    in_order_type: InOrderTypeInput | None = None
    supplier: SupplierInput | None = None
    lines: list[InOrderLineInput] = field(default_factory=list)


@dataclass(frozen=True)
class ProcessInOrderOutcome:
    in_order_id: int
    goods_owner_order_number: str
    message: str


# --- ProcessInOrder ---------------------------------------------------------------------------------------------

def process_in_order(session: Session, data: InOrderInput, *, goods_owner_id: int,
                     username: str | None = None) -> ProcessInOrderOutcome:
    """Create, create-or-update or cancel (Remove) one in-order with its lines."""
    claim_write_lock(session)
    existing = find_in_order_for_input(session, data, goods_owner_id)
    if data.operation == "Remove":
        if existing is None:
            raise NotFound("The in-order to remove was not found")
        cancel_in_order(existing)
        return ProcessInOrderOutcome(existing.id, existing.goods_owner_order_number, "In-order cancelled")
    if data.operation not in ("Create", "CreateOrUpdate"):
        raise ValidationFailed(f"Unknown InOrderOperation {data.operation!r}")
    if existing is not None and data.operation == "Create":
        raise Conflict(f"An in-order with number {existing.goods_owner_order_number} already exists")
    in_order = _insert_in_order(session, data, goods_owner_id, username) if existing is None else None
    message = "In-order created"
    if in_order is None:
        # Updating, or another request created the same number between our read and our insert.
        in_order = existing or find_in_order_for_input(session, data, goods_owner_id)
        if in_order is None or data.operation == "Create":
            raise Conflict(f"An in-order with number {data.goods_owner_order_number} already exists")
        _apply_header(session, in_order, data, goods_owner_id, status=data.status_updated)
        message = "In-order updated"
    _apply_lines(session, in_order, data.lines, goods_owner_id)
    session.flush()
    return ProcessInOrderOutcome(in_order.id, in_order.goods_owner_order_number, message)


def find_in_order_for_input(session: Session, data: InOrderInput, goods_owner_id: int) -> InOrder | None:
    query = select(InOrder).where(InOrder.goods_owner_id == goods_owner_id)
    if data.identification == "SystemId":
        if not data.in_order_id:
            return None
        return session.scalar(query.where(InOrder.id == data.in_order_id))
    if not data.goods_owner_order_number:
        raise ValidationFailed("GoodsOwnerOrderNumber is required")
    if data.identification == "GoodsOwnerReference" and data.fields.get("goods_owner_reference"):
        return session.scalar(query.where(InOrder.goods_owner_reference == data.fields["goods_owner_reference"]))
    return session.scalar(query.where(InOrder.goods_owner_order_number == data.goods_owner_order_number))


def _insert_in_order(session: Session, data: InOrderInput, goods_owner_id: int,
                     username: str | None) -> InOrder | None:
    """The new in-order, or None when the unique number was taken concurrently."""
    if not data.goods_owner_order_number:
        raise ValidationFailed("GoodsOwnerOrderNumber is required")
    now = utcnow()
    in_order = InOrder(goods_owner_id=goods_owner_id, goods_owner_order_number=data.goods_owner_order_number,
                       status=STATUS_NOTIFIED, created_at=now, updated_at=now, status_changed_at=now,
                       created_by_username=username, is_return_type=False)
    _apply_header(session, in_order, data, goods_owner_id, status=data.status_created)
    try:
        with session.begin_nested():
            session.add(in_order)
    except IntegrityError:
        return None
    return in_order


def _apply_header(session: Session, in_order: InOrder, data: InOrderInput, goods_owner_id: int,
                  *, status: int | None) -> None:
    if in_order.status == STATUS_CANCELLED:
        raise Conflict(f"In-order {in_order.goods_owner_order_number} is cancelled")
    for name, value in data.fields.items():
        if value is not None:
            setattr(in_order, name, value)
    if data.supplier is not None:
        in_order.supplier = resolve_supplier(session, data.supplier, goods_owner_id)
    if data.in_order_type is not None:
        in_order.in_order_type = _resolve_in_order_type(session, data.in_order_type, goods_owner_id)
    if status:
        set_status(in_order, status)
    in_order.updated_at = utcnow()


def set_status(in_order: InOrder, status: int) -> None:
    if status not in IN_ORDER_STATUS_TEXTS:
        raise ValidationFailed(f"Unknown in-order status {status}")
    if status != in_order.status:
        in_order.status = status
        in_order.status_changed_at = in_order.updated_at = utcnow()


def cancel_in_order(in_order: InOrder) -> None:
    if any(line.received_number_of_items for line in in_order.lines):
        raise Conflict(f"In-order {in_order.goods_owner_order_number} cannot be cancelled: goods have been received")
    set_status(in_order, STATUS_CANCELLED)


def resolve_supplier(session: Session, data: SupplierInput, goods_owner_id: int) -> Supplier:
    query = select(Supplier).where(Supplier.goods_owner_id == goods_owner_id)
    if data.identification == "SupplierName":
        supplier = session.scalar(query.where(Supplier.name == data.name).limit(1))
    elif data.identification == "FullNameAndAdress":
        same_place = (Supplier.name == data.name, Supplier.address == data.address,
                      Supplier.post_code == data.post_code, Supplier.city == data.city)
        supplier = session.scalar(query.where(*same_place).limit(1))
    else:
        if not data.number:
            raise ValidationFailed("SupplierNumber is required to identify the supplier")
        supplier = session.scalar(query.where(Supplier.supplier_number == data.number))
    if supplier is None:
        if data.operation == "Find":
            raise NotFound(f"Supplier {data.number or data.name} was not found")
        supplier = _insert_supplier(session, goods_owner_id, data.number or data.name or "")
    if data.operation != "Find":
        for name in ("name", "address", "post_code", "city", "country_code"):
            if getattr(data, name) is not None:
                setattr(supplier, name, getattr(data, name))
    return supplier


def _insert_supplier(session: Session, goods_owner_id: int, number: str) -> Supplier:
    """A new supplier, or the one another request created with the same number a moment ago."""
    supplier = Supplier(goods_owner_id=goods_owner_id, supplier_number=number)
    try:
        with session.begin_nested():
            session.add(supplier)
    except IntegrityError:
        found = session.scalar(select(Supplier).where(Supplier.goods_owner_id == goods_owner_id,
                                                      Supplier.supplier_number == number))
        if found is None:
            raise
        return found
    return supplier


def _resolve_in_order_type(session: Session, data: InOrderTypeInput, goods_owner_id: int) -> InOrderType:
    query = select(InOrderType).where(InOrderType.goods_owner_id == goods_owner_id)
    if data.identification == "InOrderTypeName":
        found = session.scalar(query.where(InOrderType.name == data.name).limit(1))
    else:
        found = session.scalar(query.where(InOrderType.code == data.code))
    if found is None:
        if data.operation != "CreateOrFind":
            raise NotFound(f"In-order type {data.code or data.name} was not found")
        found = InOrderType(goods_owner_id=goods_owner_id, code=data.code or data.name or "", name=data.name)
        session.add(found)
    return found


def _apply_lines(session: Session, in_order: InOrder, lines: Sequence[InOrderLineInput], goods_owner_id: int) -> None:
    if in_order.status >= STATUS_RECEIVED and lines:
        raise Conflict(f"In-order {in_order.goods_owner_order_number} is received and cannot be changed")
    kept: set[int] = set()
    for data in lines:
        line = _match_line(session, in_order, data, goods_owner_id)
        if line is None:
            line = InOrderLine(article_id=find_article(session, goods_owner_id, data.article).id,
                               received_number_of_items=ZERO)
            in_order.lines.append(line)
        elif data.article.given:
            line.article_id = find_article(session, goods_owner_id, data.article).id
        if data.number_of_items < line.received_number_of_items:
            raise Conflict("NumberOfItems cannot be less than what has already been received on the line")
        line.advised_number_of_items = data.number_of_items
        line.external_order_line_code = data.external_order_line_code or line.external_order_line_code
        line.external_order_line_id = data.external_order_line_id or line.external_order_line_id
        for name, value in data.fields.items():
            if value is not None:
                setattr(line, name, value)
        session.flush()
        kept.add(line.id)
    if lines:
        for line in list(in_order.lines):
            if line.id not in kept and not line.received_number_of_items:
                in_order.lines.remove(line)


def _match_line(session: Session, in_order: InOrder, data: InOrderLineInput,
                goods_owner_id: int) -> InOrderLine | None:
    kind = data.identification
    if kind in ("ArticleNumber", "ArticleName"):
        article_id = find_article(session, goods_owner_id, data.article).id
        return next((line for line in in_order.lines if line.article_id == article_id), None)
    wanted: int | str | None
    if kind == "SystemId":
        key, wanted = "id", data.line_system_id
    elif kind == "ExternalOrderLineId":
        key, wanted = "external_order_line_id", data.external_order_line_id
    else:
        key, wanted = "external_order_line_code", data.external_order_line_code
    if not wanted:
        return None
    return next((line for line in in_order.lines if getattr(line, key) == wanted), None)


# --- UpdateInOrder / UpdateInOrderLines -------------------------------------------------------------------------

@dataclass
class InOrderUpdate:
    identification: str = "GoodsOwnerOrderNumber"  # GoodsOwnerOrderNumber | SystemId
    number: str | None = None
    in_order_id: int | None = None
    status: int | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # free_text1..3, free_bool1, in_date, advised_date


def update_in_order(session: Session, update: InOrderUpdate, *, goods_owner_id: int) -> InOrder:
    in_order = _identified(session, update.identification, update.number, update.in_order_id, goods_owner_id)
    for name, value in update.fields.items():
        setattr(in_order, name, value)
    if update.status is not None:
        set_status(in_order, update.status)
    in_order.updated_at = utcnow()
    return in_order


@dataclass
class InOrderLineUpdate:
    identification: str = "ExternalOrderLineCode"  # ExternalOrderLineCode | InOrderLineId
    external_order_line_code: str | None = None
    line_id: int | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # reported/acknowledged/advised numbers, in_date, comment
    reported_item_ids: dict[int, bool] = field(default_factory=dict)  # received item id -> IsInReported


def update_in_order_lines(session: Session, identification: str, number: str | None, in_order_id: int | None,
                          updates: Sequence[InOrderLineUpdate], *, goods_owner_id: int) -> InOrder:
    in_order = _identified(session, identification, number, in_order_id, goods_owner_id)
    for update in updates:
        line = _identified_line(in_order, update)
        advised = update.fields.get("advised_number_of_items")
        if advised is not None and advised < line.received_number_of_items:
            raise Conflict("NumberOfItems cannot be less than what has already been received on the line")
        for name, value in update.fields.items():
            setattr(line, name, value)
        for item in line.received_items:
            if item.id in update.reported_item_ids:
                item.is_in_reported = update.reported_item_ids[item.id]
    in_order.updated_at = utcnow()
    return in_order


def _identified(session: Session, identification: str, number: str | None, in_order_id: int | None,
                goods_owner_id: int) -> InOrder:
    if identification == "SystemId":
        return get_in_order(session, goods_owner_id=goods_owner_id, in_order_id=in_order_id or -1)
    return get_in_order(session, goods_owner_id=goods_owner_id, number=number)


def _identified_line(in_order: InOrder, update: InOrderLineUpdate) -> InOrderLine:
    for line in in_order.lines:
        if update.identification == "InOrderLineId" and line.id == update.line_id:
            return line
        if update.identification != "InOrderLineId" and update.external_order_line_code is not None \
                and line.external_order_line_code == update.external_order_line_code:
            return line
    raise NotFound(f"In-order line {update.external_order_line_code or update.line_id} was not found")
