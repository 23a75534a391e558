"""In-orders: what a goods owner announces that it will send to the warehouse, and what the warehouse received.

The goods owner writes in-orders (create, update, cancel) and reads them back with what has been received; the
warehouse side (``services/warehouse_inbound.py``) receives and puts away against them.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, case, exists, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.order_locking import claim_write_lock
from wms_soap.store.inorders import (
    IN_ORDER_STATUS_TEXTS,
    STATUS_CANCELLED,
    STATUS_NOTIFIED,
    STATUS_RECEIVED,
    InOrder,
    InOrderLine,
    InOrderReceivedItem,
    InOrderType,
    Supplier,
)

ZERO = Decimal(0)


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


def article_names(session: Session, article_ids: set[int]) -> dict[int, tuple[str | None, str | None]]:
    if not article_ids:
        return {}
    from wms_soap.store.articles import Article

    rows = session.execute(select(Article.id, Article.article_number, Article.name)
                           .where(Article.id.in_(article_ids)))
    return {article_id: (number, name) for article_id, number, name in rows}


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


# --- reads ------------------------------------------------------------------------------------------------------

@dataclass
class InOrderQuery:
    """GetInOrdersByQuery's InOrderFilters, every field."""

    in_date_from: datetime | None = None
    in_date_to: datetime | None = None
    last_receive_time_from: datetime | None = None
    last_receive_time_to: datetime | None = None
    status_from: int | None = None
    status_to: int | None = None
    created_by_wsi_external_system_id: int | None = None
    created_by_session_request_id_is_null: bool | None = None
    is_return_type: bool | None = None
    numbers: list[str] | None = None
    only_undeclared: bool = False
    only_diffing_received_to_reported: bool = False
    only_diffing_received_to_acknowledged: bool = False
    serial_numbers: list[str] | None = None
    created_by_username: str | None = None
    last_updated_from: datetime | None = None
    last_updated_to: datetime | None = None
    ids: list[int] | None = None
    max_count: int | None = None
    id_from: int | None = None
    last_receive_time_or_last_updated_from: datetime | None = None
    status_changed_from: datetime | None = None
    changed_from: datetime | None = None


def _line_exists(*conditions: Any) -> Any:
    return exists(select(InOrderLine.id).where(InOrderLine.in_order_id == InOrder.id, *conditions))


def _range(column: Any, low: Any, high: Any) -> list[Any]:
    return [c for c in (column >= low if low is not None else None,
                        column <= high if high is not None else None) if c is not None]


def _query_conditions(q: InOrderQuery) -> list[Any]:
    conditions = [*_range(InOrder.in_date, q.in_date_from, q.in_date_to),
                  *_range(InOrder.last_received_at, q.last_receive_time_from, q.last_receive_time_to),
                  *_range(InOrder.status, q.status_from, q.status_to),
                  *_range(InOrder.updated_at, q.last_updated_from, q.last_updated_to)]
    if q.is_return_type is not None:
        conditions.append(InOrder.is_return_type == q.is_return_type)
    if q.numbers:
        conditions.append(InOrder.goods_owner_order_number.in_(q.numbers))
    if q.ids:
        conditions.append(InOrder.id.in_(q.ids))
    if q.id_from is not None:
        conditions.append(InOrder.id >= q.id_from)
    if q.created_by_username:
        conditions.append(InOrder.created_by_username == q.created_by_username)
    if q.created_by_wsi_external_system_id is not None:
        conditions.append(InOrder.id.is_(None))  # no external systems are recorded here: nothing matches
    if q.status_changed_from is not None:
        conditions.append(InOrder.status_changed_at >= q.status_changed_from)
    if q.changed_from is not None:
        conditions.append(InOrder.updated_at >= q.changed_from)
    if q.last_receive_time_or_last_updated_from is not None:
        moment = q.last_receive_time_or_last_updated_from
        conditions.append(or_(InOrder.last_received_at >= moment, InOrder.updated_at >= moment))
    if q.only_undeclared:
        conditions.append(InOrder.customs_declared_date.is_(None))
    if q.only_diffing_received_to_reported:
        reported = func.coalesce(InOrderLine.reported_number_of_items, ZERO)
        conditions.append(_line_exists(InOrderLine.received_number_of_items != reported))
    if q.only_diffing_received_to_acknowledged:
        acknowledged = func.coalesce(InOrderLine.acknowledged_number_of_items, ZERO)
        conditions.append(_line_exists(InOrderLine.received_number_of_items != acknowledged))
    if q.serial_numbers:
        conditions.append(_line_exists(InOrderLine.received_items.any(InOrderReceivedItem.serial.in_(
            q.serial_numbers))))
    return conditions


def _loaded(query: Select[InOrder]) -> Select[InOrder]:
    return query.options(selectinload(InOrder.lines).selectinload(InOrderLine.received_items))


def query_in_orders(session: Session, query: InOrderQuery, *, goods_owner_id: int) -> list[InOrder]:
    """In-orders matching every given filter, by id; ``max_count`` and ``id_from`` page through them."""
    statement = _loaded(select(InOrder).where(InOrder.goods_owner_id == goods_owner_id,
                                              and_(True, *_query_conditions(query))).order_by(InOrder.id))
    if query.max_count is not None and query.max_count > 0:
        statement = statement.limit(query.max_count)
    return list(session.scalars(statement))


def get_in_order_by_number(session: Session, number: str | None, *, goods_owner_id: int) -> InOrder | None:
    if not number:
        return None
    return session.scalar(_loaded(select(InOrder).where(InOrder.goods_owner_id == goods_owner_id,
                                                        InOrder.goods_owner_order_number == number)))


def get_in_order(session: Session, *, goods_owner_id: int, number: str | None = None,
                 in_order_id: int | None = None) -> InOrder:
    query = select(InOrder).where(InOrder.goods_owner_id == goods_owner_id)
    if in_order_id:
        found = session.scalar(query.where(InOrder.id == in_order_id))
    elif number:
        found = session.scalar(query.where(InOrder.goods_owner_order_number == number))
    else:
        raise ValidationFailed("Give the in-order's GoodsOwnerOrderNumber or InOrderId")
    if found is None:
        raise NotFound(f"In-order {number or in_order_id} was not found")
    return found


def status_reports(session: Session, numbers: Collection[str] | None, *, goods_owner_id: int) -> list[InOrder]:
    statement = _loaded(select(InOrder).where(InOrder.goods_owner_id == goods_owner_id).order_by(InOrder.id))
    if numbers:
        statement = statement.where(InOrder.goods_owner_order_number.in_(list(numbers)))
    return list(session.scalars(statement))


def advised_total(in_order: InOrder) -> Decimal:
    return sum((line.advised_number_of_items for line in in_order.lines), ZERO)


def received_total(in_order: InOrder) -> Decimal:
    return sum((line.received_number_of_items for line in in_order.lines), ZERO)


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


# --- quantities for inventory answers ---------------------------------------------------------------------------

@dataclass(frozen=True)
class InboundQuantities:
    to_receive: Decimal = ZERO
    received_to_be_finished: Decimal = ZERO
    received_to_be_reported: Decimal = ZERO


def inbound_quantities(session: Session, goods_owner_id: int,
                       article_ids: Collection[int] | None = None) -> dict[int, InboundQuantities]:
    """Per article: still to receive on open in-orders, received but not put away, received but not reported."""
    outstanding = case((InOrder.status < STATUS_RECEIVED,
                        InOrderLine.advised_number_of_items - InOrderLine.received_number_of_items), else_=ZERO)
    open_lines = (select(InOrderLine.article_id,
                         func.sum(outstanding),
                         func.sum(InOrderLine.received_number_of_items
                                  - func.coalesce(InOrderLine.reported_number_of_items, ZERO)))
                  .join(InOrder, InOrder.id == InOrderLine.in_order_id)
                  .where(InOrder.goods_owner_id == goods_owner_id, InOrder.status < STATUS_CANCELLED)
                  .group_by(InOrderLine.article_id))
    unfinished = (select(InOrderLine.article_id, func.sum(InOrderReceivedItem.number_of_items))
                  .join(InOrderLine, InOrderLine.id == InOrderReceivedItem.in_order_line_id)
                  .join(InOrder, InOrder.id == InOrderLine.in_order_id)
                  .where(InOrder.goods_owner_id == goods_owner_id, InOrderReceivedItem.put_away_at.is_(None))
                  .group_by(InOrderLine.article_id))
    if article_ids is not None:
        open_lines = open_lines.where(InOrderLine.article_id.in_(list(article_ids)))
        unfinished = unfinished.where(InOrderLine.article_id.in_(list(article_ids)))
    finished = {article_id: Decimal(total or 0) for article_id, total in session.execute(unfinished)}
    result: dict[int, InboundQuantities] = {}
    for article_id, to_receive, to_report in session.execute(open_lines):
        result[article_id] = InboundQuantities(max(Decimal(to_receive or 0), ZERO),
                                               finished.get(article_id, ZERO), Decimal(to_report or 0))
    return result
