"""What arrived for a goods owner: inbound transactions (GetInboundTransactionsByQuery) and received tags
(GetReceivedTagsByQuery), read from the receipts booked on its in-orders.

Every receipt on an in-order line (``InOrderReceivedItem``) is one inbound transaction, from the moment it is
received; its id is the OriginalArticleItemId the in-order answers already show for it, so it is also the paging
cursor. Only in-order receipts are listed: goods returned on a return order (received against the shipped order)
and production output are reported by the return and production answers, and their ids would not share the
cursor, so ``ReceivedWithoutInOrder`` answers an empty list. A received tag is a receipt carrying a serial number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from wms_soap.errors import NotFound, ValidationFailed
from wms_soap.services.common import inclusive
from wms_soap.store.articles import Article
from wms_soap.store.inorders import InOrder, InOrderAdvisedItem, InOrderLine, InOrderReceivedItem
from wms_soap.store.inventory import ArticleItemStatus

ALL = "All"
RECEIVED_ON_IN_ORDER = "ReceivedOnInOrder"
RECEIVED_WITHOUT_IN_ORDER = "ReceivedWithoutInOrder"
TRANSACTION_TYPES = (ALL, RECEIVED_ON_IN_ORDER, RECEIVED_WITHOUT_IN_ORDER)


@dataclass(frozen=True)
class InboundTransactionQuery:
    """GetGoodsOwnerInboundTransactionsQuery, every field: receipt time, a cursor on the id, a page size, the type."""

    in_date_from: datetime | None = None
    in_date_to: datetime | None = None
    max_count: int | None = None
    original_article_item_id_from: int | None = None
    types: str = ALL


@dataclass(frozen=True)
class InboundTransaction:
    """One receipt on an in-order, with its article, in-order and goods status named."""

    original_article_item_id: int
    article_id: int
    article_number: str | None
    batch: str | None
    serial: str | None
    container: str | None
    in_date: datetime
    expiry_date: datetime | None
    number_of_items: Decimal
    comment: str | None
    in_order_id: int
    in_order_number: str
    status_code: str | None
    status_name: str | None
    weight: Decimal | None


@dataclass(frozen=True)
class ReceivedTag:
    """One serial number received on an in-order line."""

    in_order_line_id: int
    external_order_line_code: str | None
    serial: str | None
    number_of_items: Decimal
    received_at: datetime


def inbound_transactions(session: Session, query: InboundTransactionQuery, *,
                         goods_owner_id: int) -> list[InboundTransaction]:
    """The goods owner's receipts matching every given filter, in id order (the cursor's order)."""
    _validate(query)
    if query.types == RECEIVED_WITHOUT_IN_ORDER:
        return []
    statement = _transactions(goods_owner_id).where(*_conditions(query)).order_by(InOrderReceivedItem.id)
    if query.max_count:
        statement = statement.limit(query.max_count)
    return [InboundTransaction(*row) for row in session.execute(statement)]


def _validate(query: InboundTransactionQuery) -> None:
    if query.types not in TRANSACTION_TYPES:
        raise ValidationFailed(f"InboundTransactionTypesToGet must be one of {', '.join(TRANSACTION_TYPES)}, "
                               f"not {query.types!r}")
    if query.max_count is not None and query.max_count < 0:
        raise ValidationFailed("MaxOriginalArticleItemIdsToGet cannot be negative")
    if query.in_date_from and query.in_date_to and query.in_date_from > query.in_date_to:
        raise ValidationFailed("InDateFrom is after InDateTo")


def _transactions(goods_owner_id: int) -> Select[*tuple[Any, ...]]:
    item = InOrderReceivedItem
    return (select(item.id, InOrderLine.article_id, Article.article_number, item.batch, item.serial, item.container,
                   item.received_at, item.expiry_date, item.number_of_items, item.comment, InOrder.id,
                   InOrder.goods_owner_order_number, item.status_code, ArticleItemStatus.name,
                   InOrderAdvisedItem.weight)
            .join(InOrderLine, InOrderLine.id == item.in_order_line_id)
            .join(InOrder, InOrder.id == InOrderLine.in_order_id)
            .join(Article, Article.id == InOrderLine.article_id)
            .outerjoin(ArticleItemStatus, ArticleItemStatus.code == item.status_code)
            .outerjoin(InOrderAdvisedItem, InOrderAdvisedItem.id == item.advised_item_id)
            .where(InOrder.goods_owner_id == goods_owner_id))


def _conditions(query: InboundTransactionQuery) -> list[Any]:
    conditions = inclusive(InOrderReceivedItem.received_at, query.in_date_from, query.in_date_to)
    if query.original_article_item_id_from is not None:
        conditions.append(InOrderReceivedItem.id >= query.original_article_item_id_from)
    return conditions


def received_tags(session: Session, in_order_id: int | None, *, goods_owner_id: int) -> list[ReceivedTag]:
    """The serial numbers received on one of the goods owner's in-orders, in the order they were received."""
    if not in_order_id:
        raise ValidationFailed("Query.InOrderId is required")
    found = session.scalar(select(InOrder.id).where(InOrder.id == in_order_id,
                                                    InOrder.goods_owner_id == goods_owner_id))
    if found is None:
        raise NotFound(f"In-order {in_order_id} was not found")
    item = InOrderReceivedItem
    rows = session.execute(
        select(InOrderLine.id, InOrderLine.external_order_line_code, item.serial, item.number_of_items,
               item.received_at)
        .join(InOrderLine, InOrderLine.id == item.in_order_line_id)
        .where(InOrderLine.in_order_id == in_order_id, item.serial.is_not(None), item.serial != "")
        .order_by(item.id))
    return [ReceivedTag(*row) for row in rows]
