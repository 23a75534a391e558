"""Reading in-orders: the GetInOrdersByQuery filters, single in-orders, totals, and the quantities that inventory
answers show (still to receive, received but not put away or not reported).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from wms_soap.errors import NotFound, ValidationFailed
from wms_soap.services.common import inclusive
from wms_soap.services.inventory.articles import READ_MODEL_OPTIONS
from wms_soap.store.access import ApiUser, IntegrationType
from wms_soap.store.articles import Article
from wms_soap.store.inorders import STATUS_CANCELLED, STATUS_RECEIVED, InOrder, InOrderLine, InOrderReceivedItem

ZERO = Decimal(0)


def article_names(session: Session, article_ids: set[int]) -> dict[int, tuple[str | None, str | None]]:
    if not article_ids:
        return {}
    rows = session.execute(select(Article.id, Article.article_number, Article.name)
                           .where(Article.id.in_(article_ids)))
    return {article_id: (number, name) for article_id, number, name in rows}


def articles_by_id(session: Session, article_ids: set[int]) -> dict[int, Any]:
    """The articles of in-order lines, loaded for their read model (ArticleClass) in a few batched SELECTs."""
    if not article_ids:
        return {}
    found = session.scalars(select(Article).where(Article.id.in_(article_ids)).options(*READ_MODEL_OPTIONS))
    return {article.id: article for article in found}


def creator_system_names(session: Session, api_user_ids: set[int]) -> dict[int, str]:
    """The integration (system) name of each API user that created in-orders: its free name, else its type."""
    if not api_user_ids:
        return {}
    rows = session.execute(select(ApiUser.id, ApiUser.integration_name, IntegrationType.name)
                           .join(IntegrationType, IntegrationType.id == ApiUser.integration_type_id)
                           .where(ApiUser.id.in_(api_user_ids)))
    return {user_id: own or type_name for user_id, own, type_name in rows}


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
    include_advised_items: bool = False  # Advanced: advised article items among the ReceivedArticleItems
    include_pallet_items: bool = False  # Advanced: the InboundPalletItems


def _line_exists(*conditions: Any) -> Any:
    return exists(select(InOrderLine.id).where(InOrderLine.in_order_id == InOrder.id, *conditions))


def _query_conditions(q: InOrderQuery) -> list[Any]:
    conditions = [*inclusive(InOrder.in_date, q.in_date_from, q.in_date_to),
                  *inclusive(InOrder.last_received_at, q.last_receive_time_from, q.last_receive_time_to),
                  *inclusive(InOrder.status, q.status_from, q.status_to),
                  *inclusive(InOrder.updated_at, q.last_updated_from, q.last_updated_to)]
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
        conditions.append(InOrder.created_by_api_user_id == q.created_by_wsi_external_system_id)
    if q.created_by_session_request_id_is_null is not None:
        request = InOrder.created_by_request_id
        conditions.append(request.is_(None) if q.created_by_session_request_id_is_null else request.is_not(None))
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
    lines = selectinload(InOrder.lines)
    return query.options(lines.selectinload(InOrderLine.received_items), lines.selectinload(InOrderLine.advised_items))


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
