"""Warehouse transfer orders: a goods owner's stock moved from one of its warehouses to another.

The contract has no operation that creates them: the warehouse creates an order (``create_transfer_order``), ships it
(``ship_transfer_order``: the items are taken from the source warehouse, oldest unlocked and unallocated first, and
held locked on a transit location, ``TRANSIT-<warehouse code>`` of the transit warehouse, else of the source) and
receives it (``receive_transfer_order``: put on a location of the destination warehouse, with the line's new article
item status when it has one). Stock moves only through ``services.inventory`` (add_stock/remove_stock), so it is
recorded as inventory transactions and never goes negative. The goods owner reads the orders with
GetWarehouseTransferOrderByQuery (``query_transfer_orders``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session, selectinload

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.common import inclusive, utcnow
from wms_soap.services.inventory import stock
from wms_soap.services.inventory.article_items import default_warehouse_id
from wms_soap.services.inventory.articles import lookup_article
from wms_soap.services.production.production import amount, articles_by_id
from wms_soap.store.access import GoodsOwner, Warehouse
from wms_soap.store.articles import Article
from wms_soap.store.db import claim_sqlite_writer
from wms_soap.store.inventory import ArticleItem, ArticleItemStatus, Location
from wms_soap.store.orders import OrderAllocation
from wms_soap.store.transfers import WarehouseTransferOrder, WarehouseTransferOrderItem, WarehouseTransferOrderLine

ZERO = Decimal(0)
OPEN, IN_TRANSIT, DELIVERED, CANCELLED = 100, 200, 300, 1000
STATUS_TEXTS = {OPEN: "Open", IN_TRANSIT: "In transit", DELIVERED: "Delivered", CANCELLED: "Cancelled"}


@dataclass
class TransferLineInput:
    line_number: str
    article_number: str
    number_of_items: Decimal
    comment: str | None = None
    new_status: str | None = None


@dataclass
class TransferOrderInput:
    order_number: str
    from_warehouse: str
    to_warehouse: str
    transit_warehouse: str | None = None
    comment: str | None = None
    reference_number: str | None = None
    lines: list[TransferLineInput] = field(default_factory=list)


@dataclass
class TransferQuery:
    """WarehouseTransferOrderFilters in domain terms; empty lists and None mean "no filter"."""

    ids: list[int] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    reference_number: str | None = None
    is_delivered: bool | None = None
    from_warehouse_id: int | None = None
    to_warehouse_id: int | None = None
    status_from: int | None = None
    status_to: int | None = None
    last_updated_from: datetime | None = None
    last_updated_to: datetime | None = None


@dataclass(frozen=True)
class TransferOrdersView:
    orders: list[WarehouseTransferOrder]
    warehouses: dict[int, Warehouse]
    articles: dict[int, Article]
    new_statuses: dict[int, ArticleItemStatus]
    item_statuses: dict[str, ArticleItemStatus]


@dataclass(frozen=True)
class _Take:
    line: WarehouseTransferOrderLine
    item: ArticleItem
    quantity: Decimal


# --- creating ---

def create_transfer_order(session: Session, goods_owner_id: int, data: TransferOrderInput, *,
                          now: datetime | None = None) -> WarehouseTransferOrder:
    """A new open order; ValidationFailed, NotFound or Conflict (number taken), with nothing written, otherwise."""
    now = now or utcnow()
    claim_sqlite_writer(session, WarehouseTransferOrder.__tablename__)
    if session.get(GoodsOwner, goods_owner_id) is None:
        raise NotFound(f"Goods owner {goods_owner_id} was not found")
    number = (data.order_number or "").strip()
    if not number:
        raise ValidationFailed("A transfer order number is required")
    if _by_number(session, goods_owner_id, number) is not None:
        raise Conflict(f"Transfer order {number} exists already")
    ends = [_warehouse(session, code) for code in (data.from_warehouse, data.to_warehouse)]
    transit = _warehouse(session, data.transit_warehouse) if (data.transit_warehouse or "").strip() else None
    codes = [w.code for w in (*ends, transit) if w is not None]
    if len(set(codes)) != len(codes):
        raise ValidationFailed("The from, to and transit warehouses must all differ")
    lines = _lines(session, goods_owner_id, data.lines)
    order = WarehouseTransferOrder(
        goods_owner_id=goods_owner_id, order_number=number, reference_number=data.reference_number,
        comment=data.comment, from_warehouse_id=ends[0].id, to_warehouse_id=ends[1].id,
        transit_warehouse_id=transit.id if transit else None, status=OPEN, created_at=now, updated_at=now, lines=lines)
    session.add(order)
    session.flush()
    return order


def _by_number(session: Session, goods_owner_id: int, number: str) -> WarehouseTransferOrder | None:
    return session.scalars(select(WarehouseTransferOrder).where(
        WarehouseTransferOrder.goods_owner_id == goods_owner_id,
        WarehouseTransferOrder.order_number == number)).first()


def _warehouse(session: Session, code: str | None) -> Warehouse:
    if not (code or "").strip():
        raise ValidationFailed("The from and to warehouses are required")
    found = session.scalars(select(Warehouse).where(Warehouse.code == code)).first()
    if found is None:
        raise NotFound(f"Warehouse {code} was not found")
    return found


def _lines(session: Session, goods_owner_id: int, data: list[TransferLineInput]) -> list[WarehouseTransferOrderLine]:
    if not data:
        raise ValidationFailed("A transfer order needs at least one line")
    numbers = [(line.line_number or "").strip() for line in data]
    if not all(numbers) or len(set(numbers)) != len(numbers):
        raise ValidationFailed("Every line needs a line number, and line numbers must be unique")
    return [_line(session, goods_owner_id, number, line) for number, line in zip(numbers, data, strict=True)]


def _line(session: Session, goods_owner_id: int, number: str, data: TransferLineInput) -> WarehouseTransferOrderLine:
    if data.number_of_items is None or data.number_of_items <= 0:
        raise ValidationFailed(f"Line {number}: the number of items must be greater than 0")
    article = lookup_article(session, goods_owner_id, "ArticleNumber", article_number=data.article_number)
    if article is None:
        raise NotFound(f"Line {number}: article {data.article_number} was not found")
    status_id = None
    if (data.new_status or "").strip():
        status = session.scalars(select(ArticleItemStatus).where(ArticleItemStatus.code == data.new_status)).first()
        if status is None:
            raise NotFound(f"Line {number}: article item status {data.new_status} was not found")
        status_id = status.id
    return WarehouseTransferOrderLine(line_number=number, article_id=article.id, number_of_items=data.number_of_items,
                                      comment=data.comment, new_status_id=status_id)


# --- the warehouse: shipping, receiving, cancelling ---

def ship_transfer_order(session: Session, order_id: int, *, at: datetime | None = None) -> WarehouseTransferOrder:
    """Take every line's items from the source warehouse to the transit location; Conflict, with nothing changed,
    when a line's article has too few available items there."""
    now = at or utcnow()
    order = _open_order(session, order_id, OPEN, "shipped")
    used: dict[int, Decimal] = {}
    takes = [take for line in order.lines for take in _takes(session, order, line, used)]
    transit = _transit_location(session, order)
    for take in takes:
        _pick(session, order, take, transit, now)
    order.status, order.shipped_at, order.updated_at = IN_TRANSIT, now, now
    session.flush()
    return order


def receive_transfer_order(session: Session, order_id: int, *, location_code: str,
                           at: datetime | None = None) -> WarehouseTransferOrder:
    """Put the items in transit on a location of the destination warehouse (created there when new)."""
    now = at or utcnow()
    order = _open_order(session, order_id, IN_TRANSIT, "received")
    target = _location_in(session, location_code, order.to_warehouse_id, order.goods_owner_id)
    statuses = _statuses_by_id(session, {line.new_status_id for line in order.lines if line.new_status_id})
    for line in order.lines:
        new_status = statuses[line.new_status_id].code if line.new_status_id else None
        for item in line.items:
            _deliver(session, order, line, item, target, new_status, now)
    order.status, order.delivered_at, order.updated_at = DELIVERED, now, now
    session.flush()
    return order


def execute_transfer_order(session: Session, order_id: int, *, location_code: str,
                           at: datetime | None = None) -> WarehouseTransferOrder:
    """Ship and receive at once; the location is checked first, so a refused one moves nothing."""
    order = session.get(WarehouseTransferOrder, order_id)
    if order is not None:
        _location_in(session, location_code, order.to_warehouse_id, order.goods_owner_id)
    ship_transfer_order(session, order_id, at=at)
    return receive_transfer_order(session, order_id, location_code=location_code, at=at)


def cancel_transfer_order(session: Session, order_id: int, *, at: datetime | None = None) -> WarehouseTransferOrder:
    """Cancel an order that has not been shipped (nothing has moved)."""
    now = at or utcnow()
    order = _open_order(session, order_id, OPEN, "cancelled")
    order.status, order.updated_at = CANCELLED, now
    session.flush()
    return order


def open_orders(session: Session, goods_owner_id: int | None = None) -> list[WarehouseTransferOrder]:
    """Orders waiting to be shipped or received, oldest first."""
    statement = select(WarehouseTransferOrder).where(WarehouseTransferOrder.status.in_([OPEN, IN_TRANSIT]))
    if goods_owner_id is not None:
        statement = statement.where(WarehouseTransferOrder.goods_owner_id == goods_owner_id)
    return list(session.scalars(statement.order_by(WarehouseTransferOrder.id)))


def _open_order(session: Session, order_id: int, expected: int, action: str) -> WarehouseTransferOrder:
    claim_sqlite_writer(session, WarehouseTransferOrder.__tablename__)
    order = session.get(WarehouseTransferOrder, order_id, with_for_update=True)
    if order is None:
        raise NotFound(f"Transfer order {order_id} was not found")
    if order.status != expected:
        raise Conflict(f"Transfer order {order.order_number} is {STATUS_TEXTS[order.status].lower()} and cannot be "
                       f"{action}")
    return order


def _in_warehouse(session: Session, goods_owner_id: int, warehouse_id: int) -> ColumnElement[bool]:
    """Locations of the warehouse; those without one belong to the goods owner's warehouse."""
    if default_warehouse_id(session, goods_owner_id) == warehouse_id:
        return or_(Location.warehouse_id == warehouse_id, Location.warehouse_id.is_(None))
    return Location.warehouse_id == warehouse_id


def _takes(session: Session, order: WarehouseTransferOrder, line: WarehouseTransferOrderLine,
           used: dict[int, Decimal]) -> list[_Take]:
    """Oldest available items first; ``used`` is what earlier lines of the order take from each item."""
    allocated = (select(func.coalesce(func.sum(OrderAllocation.number_of_items), ZERO))
                 .where(OrderAllocation.article_item_id == ArticleItem.id).scalar_subquery())
    rows = session.execute(
        select(ArticleItem, ArticleItem.number_of_items - allocated)
        .join(Location, ArticleItem.location_id == Location.id)
        .where(ArticleItem.goods_owner_id == order.goods_owner_id, ArticleItem.article_id == line.article_id,
               ArticleItem.number_of_items > 0, ArticleItem.is_locked.is_(False),
               _in_warehouse(session, order.goods_owner_id, order.from_warehouse_id))
        .order_by(ArticleItem.in_date, ArticleItem.id))
    takes: list[_Take] = []
    left = line.number_of_items
    for item, available in rows:
        if left <= 0:
            break
        take = min(Decimal(available) - used.get(item.id, ZERO), left)
        if take > 0:
            takes.append(_Take(line, item, take))
            used[item.id] = used.get(item.id, ZERO) + take
            left -= take
    if left > 0:
        raise Conflict(f"Line {line.line_number}: {amount(line.number_of_items - left)} of "
                       f"{amount(line.number_of_items)} items are available in the source warehouse")
    return takes


def _transit_location(session: Session, order: WarehouseTransferOrder) -> Location:
    warehouse_id = order.transit_warehouse_id or order.from_warehouse_id
    warehouse = session.get(Warehouse, warehouse_id)
    assert warehouse is not None
    return _location_in(session, f"TRANSIT-{warehouse.code}", warehouse_id, order.goods_owner_id)


def _location_in(session: Session, code: str, warehouse_id: int, goods_owner_id: int) -> Location:
    """The location with this code, which must be in the warehouse; created there when new."""
    found = session.scalars(select(Location).where(Location.code == code)).first()
    if found is None:
        return stock.location(session, code, warehouse_id=warehouse_id)
    in_warehouse = found.warehouse_id or default_warehouse_id(session, goods_owner_id)
    if in_warehouse != warehouse_id:
        warehouse = session.get(Warehouse, warehouse_id)
        raise ValidationFailed(f"Location {code} is not in warehouse {warehouse.code if warehouse else warehouse_id}")
    return found


def _pick(session: Session, order: WarehouseTransferOrder, take: _Take, transit: Location, now: datetime) -> None:
    comment = f"Transfer order {order.order_number} line {take.line.line_number}"
    item = take.item
    stock.remove_stock(session, article_item_id=item.id, quantity=take.quantity, cause="transfer shipped",
                           comment=comment, at=now)
    held = stock.add_stock(
        session, goods_owner_id=order.goods_owner_id, article_id=item.article_id, location_code=transit.code,
        quantity=take.quantity, batch=item.batch, serial=item.serial, expiry_date=item.expiry_date,
        status=item.status, locked=True, comment=comment, cause="transfer shipped", at=now)
    take.line.items.append(WarehouseTransferOrderItem(
        number_of_items=take.quantity, batch=item.batch, serial=item.serial, status=item.status,
        source_article_item_id=item.id, transit_article_item_id=held, picked_at=now))


def _deliver(session: Session, order: WarehouseTransferOrder, line: WarehouseTransferOrderLine,
             item: WarehouseTransferOrderItem, target: Location, new_status: str | None, now: datetime) -> None:
    comment = f"Transfer order {order.order_number} line {line.line_number}"
    held = session.get(ArticleItem, item.transit_article_item_id)
    if held is None:
        raise NotFound(f"Article item {item.transit_article_item_id} in transit was not found")
    expiry_date = held.expiry_date
    stock.remove_stock(session, article_item_id=held.id, quantity=item.number_of_items,
                           cause="transfer received", comment=comment, at=now)
    item.status = new_status or item.status
    item.delivered_article_item_id = stock.add_stock(
        session, goods_owner_id=order.goods_owner_id, article_id=line.article_id, location_code=target.code,
        quantity=item.number_of_items, batch=item.batch, serial=item.serial, expiry_date=expiry_date,
        status=item.status, comment=comment, cause="transfer received", at=now)
    item.delivered_at = now


# --- GetWarehouseTransferOrderByQuery ---

def query_transfer_orders(session: Session, goods_owner_id: int,
                          query: TransferQuery | None = None) -> TransferOrdersView:
    """The goods owner's transfer orders that pass every filter given, by id."""
    query = query or TransferQuery()
    orders = list(session.scalars(
        select(WarehouseTransferOrder).where(*_conditions(goods_owner_id, query)).order_by(WarehouseTransferOrder.id)
        .options(selectinload(WarehouseTransferOrder.lines).selectinload(WarehouseTransferOrderLine.items))))
    lines = [line for order in orders for line in order.lines]
    status_ids = {line.new_status_id for line in lines if line.new_status_id is not None}
    item_codes = {item.status for line in lines for item in line.items if item.status}
    warehouses = {w.id: w for w in session.scalars(select(Warehouse))} if orders else {}
    return TransferOrdersView(orders, warehouses, articles_by_id(session, {line.article_id for line in lines}),
                              _statuses_by_id(session, status_ids), _statuses_by_code(session, item_codes))


def _conditions(goods_owner_id: int, query: TransferQuery) -> list[ColumnElement[bool]]:
    _check_ranges(query)
    order = WarehouseTransferOrder
    conditions: list[ColumnElement[bool]] = [order.goods_owner_id == goods_owner_id]
    if query.ids:
        conditions.append(order.id.in_(query.ids))
    if query.numbers:
        conditions.append(order.order_number.in_(query.numbers))
    if query.reference_number:
        conditions.append(order.reference_number == query.reference_number)
    if query.is_delivered is not None:
        conditions.append(order.status == DELIVERED if query.is_delivered else order.status != DELIVERED)
    if query.from_warehouse_id is not None:
        conditions.append(order.from_warehouse_id == query.from_warehouse_id)
    if query.to_warehouse_id is not None:
        conditions.append(order.to_warehouse_id == query.to_warehouse_id)
    return conditions + inclusive(order.status, query.status_from, query.status_to) + inclusive(
        order.updated_at, query.last_updated_from, query.last_updated_to)


def _check_ranges(query: TransferQuery) -> None:
    if query.status_from is not None and query.status_to is not None and query.status_from > query.status_to:
        raise ValidationFailed(f"OrderStatusFrom ({query.status_from}) is greater than OrderStatusTo "
                               f"({query.status_to})")
    if (query.last_updated_from is not None and query.last_updated_to is not None
            and query.last_updated_from > query.last_updated_to):
        raise ValidationFailed("LastUpdatedFrom is later than LastUpdatedTo")


def _statuses_by_id(session: Session, ids: Collection[int | None]) -> dict[int, ArticleItemStatus]:
    wanted = [i for i in ids if i is not None]
    if not wanted:
        return {}
    return {s.id: s for s in session.scalars(select(ArticleItemStatus).where(ArticleItemStatus.id.in_(wanted)))}


def _statuses_by_code(session: Session, codes: Collection[str]) -> dict[str, ArticleItemStatus]:
    if not codes:
        return {}
    return {s.code: s for s in session.scalars(select(ArticleItemStatus)
                                               .where(ArticleItemStatus.code.in_(list(codes))))}
