"""Goods operation orders: the goods owner asks the warehouse to move stock of an article (of a batch, when given)
from one article item status to another, e.g. from none to QUARANTINE or back.

ProcessGoodsOperationOrder creates or updates an order (lines by GoodsOperationOrderLineNumber) while it is open; the
warehouse executes it (``execute_goods_operation_order``): the items change status through ``services.inventory``
(taken from the old status, added with the new one) and the order is executed.

A rejected request raises ``GoodsOperationRejected`` carrying the contract's ProcessGoodsOperationOrderErrorType.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, selectinload

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.common import claim_write_lock, utcnow
from wms_soap.services.inventory import stock
from wms_soap.services.inventory.articles import ArticleInput, lookup_article, process_article
from wms_soap.services.production.production import amount, articles_by_id
from wms_soap.store.access import GoodsOwner
from wms_soap.store.articles import Article
from wms_soap.store.db import insert_once
from wms_soap.store.inventory import ArticleItem, ArticleItemStatus
from wms_soap.store.production import GoodsOperationOrder, GoodsOperationOrderItem, GoodsOperationOrderLine

ZERO = Decimal(0)
OPEN, EXECUTED = 100, 300
STATUS_TEXTS = {OPEN: "Open", EXECUTED: "Executed"}


class GoodsOperationRejected(ValidationFailed):
    """The request breaks a rule the contract names (``error_type`` is a ProcessGoodsOperationOrderErrorType)."""

    def __init__(self, error_type: str, message: str) -> None:
        super().__init__(message)
        self.error_type = error_type


@dataclass
class StatusRef:
    """GoodsOperationOrderLineArticleItemStatus: find the status by code, or create it (CreateOrUpdate)."""

    code: str | None
    operation: str = "Find"


@dataclass
class GoodsOperationLineInput:
    line_number: str | None
    article_number: str | None
    number_of_items: Decimal
    article_operation: str = "Find"
    comment: str | None = None
    batch_number: str | None = None
    from_status: StatusRef | None = None
    to_status: StatusRef | None = None


@dataclass
class GoodsOperationOrderInput:
    order_number: str | None
    comment: str | None = None
    reference_number: str | None = None
    lines: list[GoodsOperationLineInput] = field(default_factory=list)


@dataclass
class GoodsOperationQuery:
    ids: list[int] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class GoodsOperationOrdersView:
    orders: list[GoodsOperationOrder]
    articles: dict[int, Article]
    statuses: dict[int, ArticleItemStatus]
    goods_owner: GoodsOwner | None


# --- ProcessGoodsOperationOrder ---

def process_goods_operation_order(session: Session, goods_owner_id: int, data: GoodsOperationOrderInput, *,
                                  now: datetime | None = None) -> GoodsOperationOrder:
    """Create the order with this number, or update it while it is open."""
    number = (data.order_number or "").strip()
    if not number:
        raise GoodsOperationRejected("GoodsOperationOrderNumberNotSupplied", "GoodsOperationOrderNumber is required")
    now = now or utcnow()
    claim_write_lock(session)
    order = _by_number(session, goods_owner_id, number) or _new_order(session, goods_owner_id, number, now)
    if order.status != OPEN:
        raise GoodsOperationRejected("NotAllowedToUpdateOrderBecauseOfOrderStatus", f"Goods operation order {number} "
                                     f"is {STATUS_TEXTS.get(order.status, order.status)} and cannot be changed")
    if data.comment is not None:
        order.comment = data.comment
    if data.reference_number is not None:
        order.reference_number = data.reference_number
    order.updated_at = now
    _apply_lines(session, order, data.lines, now)
    session.flush()
    return order


def _by_number(session: Session, goods_owner_id: int, number: str) -> GoodsOperationOrder | None:
    """The order, locked for this transaction (PostgreSQL), so that concurrent changes of one order queue up."""
    return session.scalars(select(GoodsOperationOrder).where(GoodsOperationOrder.goods_owner_id == goods_owner_id,
                                                             GoodsOperationOrder.order_number == number)
                           .with_for_update()).first()


def _new_order(session: Session, goods_owner_id: int, number: str, now: datetime) -> GoodsOperationOrder:
    """A new order, or the one a concurrent request created with the same number meanwhile (then updated)."""
    order = GoodsOperationOrder(goods_owner_id=goods_owner_id, order_number=number, status=OPEN, created_at=now,
                                updated_at=now)
    return insert_once(session, order, lambda: _by_number(session, goods_owner_id, number))


def _apply_lines(session: Session, order: GoodsOperationOrder, lines: list[GoodsOperationLineInput],
                 now: datetime) -> None:
    existing = {line.line_number: line for line in order.lines}
    seen: set[str] = set()
    for data in lines:
        number = (data.line_number or "").strip()
        if not number:
            raise GoodsOperationRejected("LineNumberMayNotBeEmptyOrWhitespace",
                                         "GoodsOperationOrderLineNumber may not be empty or whitespace")
        if number in seen:
            raise GoodsOperationRejected("ErrorUpdatingOrderLine", f"GoodsOperationOrderLineNumber {number} appears "
                                         "on more than one line")
        seen.add(number)
        line = existing.get(number) or GoodsOperationOrderLine(line_number=number, executed_number_of_items=ZERO)
        if line.executed_number_of_items > 0:
            raise GoodsOperationRejected("NotAllowedToUpdateOrderBecauseOfArticleItems",
                                         f"Line {number} has executed article items and cannot be changed")
        _apply_line(session, order.goods_owner_id, line, data, now)
        if number not in existing:
            order.lines.append(line)  # only now: a half-filled line must not be autoflushed


def _apply_line(session: Session, goods_owner_id: int, line: GoodsOperationOrderLine, data: GoodsOperationLineInput,
                now: datetime) -> None:
    label = f"Line {line.line_number}"
    if data.number_of_items is None or data.number_of_items <= 0:
        raise GoodsOperationRejected("ErrorUpdatingOrderLine", f"{label}: NumberOfItems must be greater than 0")
    line.article_id = _article(session, goods_owner_id, data, label, now).id
    line.number_of_items = data.number_of_items
    line.batch_number = (data.batch_number or "").strip() or None
    if data.comment is not None:
        line.comment = data.comment
    line.from_status_id = _status_id(session, data.from_status, "UnableToFindOldArticleItemStatus", label)
    line.to_status_id = _status_id(session, data.to_status, "UnableToFindNewArticleItemStatus", label)
    if line.from_status_id == line.to_status_id:
        raise GoodsOperationRejected("ErrorUpdatingOrderLine", f"{label}: FromArticleItemStatus and "
                                     "ToArticleItemStatus are the same, the line would change nothing")


def _article(session: Session, goods_owner_id: int, data: GoodsOperationLineInput, label: str,
             now: datetime) -> Article:
    number = (data.article_number or "").strip()
    found = lookup_article(session, goods_owner_id, "ArticleNumber", article_number=number) if number else None
    if found is not None:
        return found
    if number and data.article_operation == "CreateOrUpdate":
        return process_article(session, goods_owner_id, ArticleInput(article_number=number), now=now).article
    raise GoodsOperationRejected("ArticleNumberNotFound", f"{label}: article {number or '(none)'} was not found")


def _status_id(session: Session, ref: StatusRef | None, error_type: str, label: str) -> int | None:
    """None (no status) when the line leaves it out; found by code, or created with CreateOrUpdate."""
    code = (ref.code or "").strip() if ref is not None else ""
    if ref is None or not code:
        return None
    found = session.scalars(select(ArticleItemStatus).where(ArticleItemStatus.code == code)).first()
    if found is None and ref.operation == "CreateOrUpdate":
        found = ArticleItemStatus(code=code, name=code)
        session.add(found)
        session.flush()
    if found is None:
        raise GoodsOperationRejected(error_type, f"{label}: article item status {code} was not found")
    return found.id


# --- GetGoodsOperationOrdersByQuery ---

def query_goods_operation_orders(session: Session, goods_owner_id: int,
                                 query: GoodsOperationQuery | None = None) -> GoodsOperationOrdersView:
    """The goods owner's goods operation orders with these ids and numbers (all when none given), by id."""
    query = query or GoodsOperationQuery()
    conditions: list[ColumnElement[bool]] = [GoodsOperationOrder.goods_owner_id == goods_owner_id]
    if query.ids:
        conditions.append(GoodsOperationOrder.id.in_(query.ids))
    if query.numbers:
        conditions.append(GoodsOperationOrder.order_number.in_(query.numbers))
    orders = list(session.scalars(
        select(GoodsOperationOrder).where(*conditions).order_by(GoodsOperationOrder.id)
        .options(selectinload(GoodsOperationOrder.lines).selectinload(GoodsOperationOrderLine.items))))
    lines = [line for order in orders for line in order.lines]
    status_ids = {i for line in lines for i in (line.from_status_id, line.to_status_id) if i is not None}
    return GoodsOperationOrdersView(orders, articles_by_id(session, {line.article_id for line in lines}),
                                    _statuses(session, status_ids), session.get(GoodsOwner, goods_owner_id))


def _statuses(session: Session, ids: Collection[int]) -> dict[int, ArticleItemStatus]:
    if not ids:
        return {}
    return {s.id: s for s in session.scalars(select(ArticleItemStatus).where(ArticleItemStatus.id.in_(list(ids))))}


# --- the warehouse: executing an order ---

def execute_goods_operation_order(session: Session, order_id: int, *,
                                  at: datetime | None = None) -> GoodsOperationOrder:
    """Change the status of every line's items (oldest first); Conflict, with nothing changed, when a line's
    article has too few items with the old status (and batch)."""
    now = at or utcnow()
    claim_write_lock(session)
    order = session.get(GoodsOperationOrder, order_id, with_for_update=True)
    if order is None:
        raise NotFound(f"Goods operation order {order_id} was not found")
    if order.status != OPEN:
        raise Conflict(f"Goods operation order {order.order_number} is already executed")
    if not order.lines:
        raise Conflict(f"Goods operation order {order.order_number} has no lines")
    statuses = _statuses(session, {i for line in order.lines for i in (line.from_status_id, line.to_status_id)
                                   if i is not None})
    plans = [(line, _items_to_move(session, order.goods_owner_id, line, statuses)) for line in order.lines]
    for line, takes in plans:
        for item, quantity in takes:
            _move(session, order, line, item, quantity, statuses, now)
        line.executed_number_of_items = line.number_of_items
    order.status, order.executed_at, order.updated_at = EXECUTED, now, now
    session.flush()
    return order


def _code(statuses: dict[int, ArticleItemStatus], status_id: int | None) -> str | None:
    return statuses[status_id].code if status_id is not None else None


def _items_to_move(session: Session, goods_owner_id: int, line: GoodsOperationOrderLine,
                   statuses: dict[int, ArticleItemStatus]) -> list[tuple[ArticleItem, Decimal]]:
    from_code = _code(statuses, line.from_status_id)
    conditions = [ArticleItem.goods_owner_id == goods_owner_id, ArticleItem.article_id == line.article_id,
                  ArticleItem.number_of_items > 0, ArticleItem.is_locked.is_(False),
                  ArticleItem.status.is_(None) if from_code is None else ArticleItem.status == from_code]
    if line.batch_number is not None:
        conditions.append(ArticleItem.batch == line.batch_number)
    items = session.scalars(select(ArticleItem).where(*conditions).order_by(ArticleItem.in_date, ArticleItem.id))
    takes: list[tuple[ArticleItem, Decimal]] = []
    left = line.number_of_items - line.executed_number_of_items
    for item in items:
        if left <= 0:
            break
        take = min(Decimal(item.number_of_items), left)
        takes.append((item, take))
        left -= take
    if left > 0:
        needed = line.number_of_items - line.executed_number_of_items
        raise Conflict(f"Line {line.line_number}: {amount(needed - left)} of {amount(needed)} items with status "
                       f"{from_code or '(none)'}{f' and batch {line.batch_number}' if line.batch_number else ''} "
                       "are in stock")
    return takes


def _move(session: Session, order: GoodsOperationOrder, line: GoodsOperationOrderLine, item: ArticleItem,
          quantity: Decimal, statuses: dict[int, ArticleItemStatus], now: datetime) -> None:
    comment = f"Goods operation order {order.order_number} line {line.line_number}"
    location_code = item.location.code
    stock.remove_stock(session, article_item_id=item.id, quantity=quantity, cause="status changed",
                           comment=comment, at=now)
    moved = stock.add_stock(
        session, goods_owner_id=order.goods_owner_id, article_id=item.article_id, location_code=location_code,
        quantity=quantity, batch=item.batch, serial=item.serial, expiry_date=item.expiry_date,
        status=_code(statuses, line.to_status_id), comment=comment, cause="status changed", at=now)
    line.items.append(GoodsOperationOrderItem(article_item_id=moved, number_of_items=quantity,
                                              location_code=location_code, batch=item.batch, serial=item.serial,
                                              in_date=item.in_date))


def open_orders(session: Session, goods_owner_id: int | None = None) -> list[GoodsOperationOrder]:
    """Orders waiting for the warehouse, oldest first."""
    statement = select(GoodsOperationOrder).where(GoodsOperationOrder.status == OPEN)
    if goods_owner_id is not None:
        statement = statement.where(GoodsOperationOrder.goods_owner_id == goods_owner_id)
    return list(session.scalars(statement.order_by(GoodsOperationOrder.id)))
