"""Return orders: the goods owner announces what a consignee sends back against an order; the warehouse receives it.

Announcing (ProcessReturnOrder) records what is to be returned, line by line, with a return cause. Receiving
(``services/warehouse_inbound.receive_return``) books what actually came back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.common import inclusive
from wms_soap.services.inbound.inorder_queries import article_names
from wms_soap.store.access import GoodsOwner
from wms_soap.store.articles import Article
from wms_soap.store.orders import Order, OrderLine
from wms_soap.store.returns import (
    RETURN_STATUS_TEXTS,
    STATUS_NOTIFIED,
    STATUS_RETURNED,
    ReturnCause,
    ReturnOrder,
    ReturnOrderLine,
    ReturnOrderStatusText,
)

ZERO = Decimal(0)


class ReturnOrderNotFound(NotFound):
    """The customer order named by a return order does not exist (ErrorType OrderNotFound)."""


class ReturnCauseNotFound(NotFound):
    """ReturnCauseOperation=Find named an unknown cause (ErrorType ReturnCauseNotFound)."""


class ReturnOrderRowNotFound(NotFound):
    """A return line names no line of the customer order (ErrorType OrderRowNotFound)."""


@dataclass(frozen=True)
class ReturnCauseInput:
    operation: str = "Find"  # Find | FindOrCreate | SetUnknown
    code: str | None = None
    name: str | None = None


@dataclass
class ReturnLineInput:
    identification: str = "ExternalOrderLineCode"  # ExternalOrderLineCode | ArticleNumber | OrderLineId
    to_be_returned: Decimal = ZERO
    row_number: str | None = None
    external_order_line_code: str | None = None
    article_number: str | None = None
    order_line_id: int | None = None
    cause: ReturnCauseInput | None = None


@dataclass
class ReturnOrderInput:
    customer_order_identification: str = "OrderId"  # OrderId | OrderNumber
    return_order_identification: str = "CustomerOrder"  # CustomerOrder | ReturnOrderNumber
    order_id: int | None = None
    customer_order_number: str | None = None
    return_order_number: str | None = None
    comment: str | None = None
    handling_comment: str | None = None
    return_in_date: datetime | None = None
    cause: ReturnCauseInput | None = None
    waybill: str | None = None
    tracking_url: str | None = None
    lines: list[ReturnLineInput] = field(default_factory=list)


def process_return_order(session: Session, data: ReturnOrderInput, *, goods_owner_id: int) -> ReturnOrder:
    """Create the return order of a customer order, or update the one that exists."""
    order = find_customer_order(session, goods_owner_id, data)
    return_order = _existing_return_order(session, order, data)
    if return_order is None:
        return_order = ReturnOrder(goods_owner_id=goods_owner_id, order_id=order.id, status=STATUS_NOTIFIED,
                                   created_at=datetime.now(UTC))
        session.add(return_order)
    for name in ("return_order_number", "comment", "handling_comment", "return_in_date", "waybill", "tracking_url"):
        if getattr(data, name) is not None:
            setattr(return_order, name, getattr(data, name))
    if data.cause is not None:
        return_order.return_cause = resolve_cause(session, data.cause, goods_owner_id)
    for line_data in data.lines:
        _apply_line(session, return_order, order, line_data, goods_owner_id)
    session.flush()
    return return_order


def find_customer_order(session: Session, goods_owner_id: int, data: ReturnOrderInput) -> Order:
    query = select(Order).where(Order.goods_owner_id == goods_owner_id).options(selectinload(Order.lines))
    if data.customer_order_identification == "OrderNumber":
        if not data.customer_order_number:
            raise ValidationFailed("CustomerOrderNumber is not supplied")
        order = session.scalar(query.where(Order.goods_owner_order_number == data.customer_order_number))
    else:
        if not data.order_id:
            raise ValidationFailed("OrderId is not supplied")
        order = session.scalar(query.where(Order.id == data.order_id))
    if order is None:
        raise ReturnOrderNotFound(f"Order {data.customer_order_number or data.order_id} was not found")
    return order


def _existing_return_order(session: Session, order: Order, data: ReturnOrderInput) -> ReturnOrder | None:
    query = select(ReturnOrder).where(ReturnOrder.order_id == order.id).order_by(ReturnOrder.id.desc()).limit(1)
    if data.return_order_identification == "ReturnOrderNumber":
        if not data.return_order_number:
            raise ValidationFailed("ReturnOrderNumber is not supplied")
        return session.scalar(query.where(ReturnOrder.return_order_number == data.return_order_number))
    # By customer order: the order's open return; once that is fully returned, a new return order starts.
    return session.scalar(query.where(ReturnOrder.status != STATUS_RETURNED))


def resolve_cause(session: Session, data: ReturnCauseInput, goods_owner_id: int) -> ReturnCause | None:
    if data.operation == "SetUnknown" or not (data.code or data.name):
        return None
    query = select(ReturnCause).where(ReturnCause.goods_owner_id == goods_owner_id)
    found = session.scalar(query.where(ReturnCause.code == data.code) if data.code
                           else query.where(ReturnCause.name == data.name).limit(1))
    if found is None:
        if data.operation != "FindOrCreate":
            raise ReturnCauseNotFound(f"Return cause {data.code or data.name} was not found")
        found = ReturnCause(goods_owner_id=goods_owner_id, code=data.code or data.name or "", name=data.name)
        session.add(found)
    elif data.name and data.operation == "FindOrCreate":
        found.name = data.name
    return found


def _order_line(session: Session, order: Order, data: ReturnLineInput, goods_owner_id: int) -> OrderLine:
    if data.identification == "OrderLineId":
        found = next((line for line in order.lines if line.id == data.order_line_id), None)
    elif data.identification == "ArticleNumber":
        article_id = session.scalar(select(Article.id).where(Article.goods_owner_id == goods_owner_id,
                                                             Article.article_number == data.article_number))
        found = next((line for line in order.lines if line.article_id == article_id), None)
    else:
        found = next((line for line in order.lines
                      if line.external_order_line_code == data.external_order_line_code), None)
    if found is None:
        key = data.order_line_id or data.article_number or data.external_order_line_code
        raise ReturnOrderRowNotFound(f"Order line {key} was not found on order {order.id}")
    return found


def _apply_line(session: Session, return_order: ReturnOrder, order: Order, data: ReturnLineInput,
                goods_owner_id: int) -> None:
    order_line = _order_line(session, order, data, goods_owner_id)
    if data.to_be_returned < 0:
        raise ValidationFailed("ToBeReturnedNumberOfItems cannot be negative")
    if data.to_be_returned > order_line.picked_number_of_items:
        raise Conflict(f"Cannot return {data.to_be_returned} items of order line {order_line.id}: only "
                       f"{order_line.picked_number_of_items} were picked")
    line = next((x for x in return_order.lines if x.order_line_id == order_line.id), None)
    if line is None:
        line = ReturnOrderLine(order_line_id=order_line.id, article_id=order_line.article_id,
                               external_order_line_code=order_line.external_order_line_code,
                               returned_number_of_items=ZERO)
        return_order.lines.append(line)
    line.picked_number_of_items = order_line.picked_number_of_items
    line.to_be_returned_number_of_items = data.to_be_returned
    line.row_number = data.row_number or line.row_number
    if data.cause is not None:
        line.return_cause = resolve_cause(session, data.cause, goods_owner_id)
    elif line.return_cause is None:
        line.return_cause = return_order.return_cause


@dataclass
class ReturnOrderQuery:
    customer_order_numbers: list[str] | None = None
    return_order_numbers: list[str] | None = None
    goods_returned_from: datetime | None = None
    status_from: int | None = None
    status_to: int | None = None


@dataclass(frozen=True)
class ReturnOrderView:
    """A return order with what the wire answer needs of its customer order, articles and status text."""

    return_order: ReturnOrder
    order_number: str | None
    articles: dict[int, tuple[str | None, str | None]]  # article id -> (number, name)
    status_text: str


def query_return_orders(session: Session, query: ReturnOrderQuery, *, goods_owner_id: int) -> list[ReturnOrderView]:
    """The goods owner's return orders matching every filter given; the status range is inclusive."""
    statement = (select(ReturnOrder, Order.goods_owner_order_number)
                 .join(Order, Order.id == ReturnOrder.order_id)
                 .where(ReturnOrder.goods_owner_id == goods_owner_id)
                 .options(selectinload(ReturnOrder.lines).selectinload(ReturnOrderLine.items))
                 .order_by(ReturnOrder.id))
    if query.customer_order_numbers:
        statement = statement.where(Order.goods_owner_order_number.in_(query.customer_order_numbers))
    if query.return_order_numbers:
        statement = statement.where(ReturnOrder.return_order_number.in_(query.return_order_numbers))
    if query.goods_returned_from is not None:
        statement = statement.where(ReturnOrder.last_returned_at >= query.goods_returned_from)
    statement = statement.where(*inclusive(ReturnOrder.status, query.status_from, query.status_to))
    rows = session.execute(statement).all()
    articles = article_names(session, {line.article_id for row in rows for line in row[0].lines})
    texts = dict(return_order_statuses(session, session.scalar(
        select(GoodsOwner.warehouse_id).where(GoodsOwner.id == goods_owner_id))))
    return [ReturnOrderView(row[0], row[1], articles, texts.get(row[0].status, str(row[0].status))) for row in rows]


def return_order_statuses(session: Session, warehouse_id: int | None = None) -> list[tuple[int, str]]:
    """(number, text) of every return order status, with the warehouse's own texts where it has them."""
    texts = dict(RETURN_STATUS_TEXTS)
    rows = session.execute(select(ReturnOrderStatusText.number, ReturnOrderStatusText.text)
                           .where(ReturnOrderStatusText.warehouse_id.is_(None)
                                  | (ReturnOrderStatusText.warehouse_id == warehouse_id))
                           .order_by(ReturnOrderStatusText.warehouse_id.is_not(None)))
    for number, text in rows:
        texts[number] = text
    return sorted(texts.items())


def set_return_status_text(session: Session, *, warehouse_id: int, number: int, text: str) -> None:
    """Give one return order status its own text in one warehouse."""
    if number not in RETURN_STATUS_TEXTS:
        raise ValidationFailed(f"Unknown return order status {number}; known: {sorted(RETURN_STATUS_TEXTS)}")
    if not text.strip():
        raise ValidationFailed("A status text cannot be empty")
    row = session.scalar(select(ReturnOrderStatusText).where(ReturnOrderStatusText.warehouse_id == warehouse_id,
                                                             ReturnOrderStatusText.number == number))
    if row is None:
        session.add(ReturnOrderStatusText(warehouse_id=warehouse_id, number=number, text=text.strip()))
    else:
        row.text = text.strip()
    session.flush()


def lines_by_id(return_order: ReturnOrder, ids: Sequence[int]) -> list[ReturnOrderLine]:
    by_id = {line.id: line for line in return_order.lines}
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise ReturnOrderRowNotFound(f"Return order line {missing[0]} was not found")
    return [by_id[i] for i in ids]
