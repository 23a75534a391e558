"""Finding outbound orders: GetOrdersByQuery's filters, the ORM eager loading the warehouse services use, and the
booked/allocated/picked quantities the inventory answers add up. ``order_views`` loads what the read answers show.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, and_, column, exists, func, or_, select, table
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.elements import ColumnElement

from wms_soap.services.orders import status as st
from wms_soap.store.articles import Article
from wms_soap.store.inventory import TransporterContract
from wms_soap.store.orders import Order, OrderAllocation, OrderLine, Parcel, PickedItem
from wms_soap.store.shipments import OrderAssignment, Shipment, ShipmentOrder

DEFAULT_MAX_ORDERS = 1000
_RETURN_ORDERS = table("return_orders", column("order_id"))
# Aliases: the order answers join shipment_orders/shipments themselves, so a plain EXISTS would correlate to those.
_ON_SHIPMENT = ShipmentOrder.__table__.alias("filter_shipment_orders")
_SHIPMENTS = Shipment.__table__.alias("filter_shipments")


@dataclass
class SpecialFilters:
    only_lines_to_report: bool = False
    only_assigned_to_requesting_user: bool = False
    only_lines_to_report_returned: bool = False
    only_acknowledged_less_than_returned: bool = False
    pickable: str | None = None
    only_with_ta_pallet_items: bool = False
    only_if_ta_printed: bool = False
    has_return_order: bool | None = None
    is_allocated: bool | None = None
    has_picked_article_item: bool | None = None
    requesting_user_id: int | None = None  # the API user asking, for only_assigned_to_requesting_user


@dataclass
class OrderQuery:
    """Every OrderFilters field; ``None`` means "no filter"."""

    delivery_date_from: datetime | None = None
    delivery_date_to: datetime | None = None
    shipped_time_from: datetime | None = None
    shipped_time_to: datetime | None = None
    shipped_time_to_exact: datetime | None = None
    last_picking_time_from: datetime | None = None
    last_picking_time_to: datetime | None = None
    last_returned_from: datetime | None = None
    last_printed_time_from: datetime | None = None
    status_from: int | None = None
    status_to: int | None = None
    last_updated_from: datetime | None = None
    last_updated_to: datetime | None = None
    status_changed_from: datetime | None = None
    order_numbers: list[str] | None = None
    order_ids: list[int] | None = None
    goods_owner_order_ids: list[str] | None = None
    reference_number: str | None = None
    pick_order_id_from: int | None = None
    pick_order_id_to: int | None = None
    current_trip_id: int | None = None
    current_shipment_id: int | None = None
    order_id_from: int | None = None
    max_orders: int | None = None
    special: SpecialFilters | None = None


def as_utc(value: datetime) -> datetime:
    """Naive times from the wire (or from SQLite) are UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _day_after(value: datetime) -> datetime:
    """An inclusive "to" date: a midnight value means the whole day."""
    value = as_utc(value)
    return value + timedelta(days=1) if value.time() == datetime.min.time() else value + timedelta(microseconds=1)


def with_details(query: Select[Order]) -> Select[Order]:
    return query.options(
        # Orders show an article's own columns only: its many registers stay unloaded.
        selectinload(Order.lines).selectinload(OrderLine.article)
        .load_only(Article.id, Article.goods_owner_id, Article.article_number, Article.name, Article.product_code)
        .lazyload("*"),
        selectinload(Order.lines).selectinload(OrderLine.allocations),
        selectinload(Order.picked_items),
        selectinload(Order.parcels),
        selectinload(Order.customer),
        selectinload(Order.order_type),
        selectinload(Order.way_of_delivery_type),
        selectinload(Order.terms_of_delivery_type),
        selectinload(Order.classes),
        selectinload(Order.transporter_contract).selectinload(TransporterContract.transporter),
    )


def query_conditions(goods_owner_id: int, query: OrderQuery) -> tuple[list[ColumnElement[bool]], int]:
    """GetOrdersByQuery's WHERE conditions on ``orders`` and its row limit (``order_views`` loads the orders)."""
    conditions = [Order.goods_owner_id == goods_owner_id, *_conditions(query)]
    if query.special is not None:
        conditions.extend(_special_conditions(query.special))
    limit = query.max_orders if query.max_orders and query.max_orders > 0 else DEFAULT_MAX_ORDERS
    return conditions, limit


def _range(column_: Any, low: Any, high: Any) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    if low is not None:
        found.append(column_ >= low)
    if high is not None:
        found.append(column_ < high if isinstance(high, datetime) else column_ <= high)
    return found


def _utc(value: datetime | None) -> datetime | None:
    return as_utc(value) if value is not None else None


def _to(value: datetime | None) -> datetime | None:
    return _day_after(value) if value is not None else None


def _conditions(q: OrderQuery) -> list[ColumnElement[bool]]:
    found = [
        *_range(Order.delivery_date, _utc(q.delivery_date_from), _to(q.delivery_date_to)),
        *_range(Order.shipped_time, _utc(q.shipped_time_from), _to(q.shipped_time_to)),
        *_range(Order.last_picking_time, _utc(q.last_picking_time_from), _to(q.last_picking_time_to)),
        *_range(Order.updated_at, _utc(q.last_updated_from), _to(q.last_updated_to)),
        *_range(Order.status, q.status_from, q.status_to),
        *_range(Order.id, q.pick_order_id_from, q.pick_order_id_to),
        *_range(Order.id, q.order_id_from, None),
        *_range(Order.last_returned_at, _utc(q.last_returned_from), None),
        *_range(Order.printed_time, _utc(q.last_printed_time_from), None),
        *_range(Order.status_changed_at, _utc(q.status_changed_from), None),
    ]
    if q.shipped_time_to_exact is not None:
        found.append(Order.shipped_time <= as_utc(q.shipped_time_to_exact))
    if q.order_numbers:
        found.append(Order.goods_owner_order_number.in_(q.order_numbers))
    if q.order_ids:
        found.append(Order.id.in_(q.order_ids))
    if q.goods_owner_order_ids:
        found.append(Order.goods_owner_order_id.in_(q.goods_owner_order_ids))
    if q.reference_number:
        found.append(Order.reference_number == q.reference_number)
    if q.current_shipment_id is not None:
        found.append(exists().where(_ON_SHIPMENT.c.order_id == Order.id,
                                    _ON_SHIPMENT.c.shipment_id == q.current_shipment_id))
    if q.current_trip_id is not None:
        found.append(exists().where(_ON_SHIPMENT.c.order_id == Order.id, _SHIPMENTS.c.id == _ON_SHIPMENT.c.shipment_id,
                                    _SHIPMENTS.c.trip_id == q.current_trip_id))
    return found


def _line_exists(*conditions: ColumnElement[bool]) -> ColumnElement[bool]:
    return exists().where(OrderLine.order_id == Order.id, *conditions)


def _flag(condition: ColumnElement[bool], wanted: bool | None) -> list[ColumnElement[bool]]:
    if wanted is None:
        return []
    return [condition if wanted else ~condition]


def _special_conditions(s: SpecialFilters) -> list[ColumnElement[bool]]:
    allocated = exists().where(OrderAllocation.order_line_id == OrderLine.id, OrderLine.order_id == Order.id)
    found: list[ColumnElement[bool]] = [
        *_flag(allocated, s.is_allocated),
        *_flag(exists().where(PickedItem.order_id == Order.id), s.has_picked_article_item),
        *_flag(exists().where(_RETURN_ORDERS.c.order_id == Order.id), s.has_return_order),
    ]
    if s.only_lines_to_report:
        found.append(_line_exists(OrderLine.picked_number_of_items > 0, or_(
            OrderLine.reported_number_of_items.is_(None),
            OrderLine.reported_number_of_items != OrderLine.picked_number_of_items)))
    if s.only_lines_to_report_returned:
        found.append(_line_exists(OrderLine.returned_number_of_items > 0, or_(
            OrderLine.reported_returned_number_of_items.is_(None),
            OrderLine.reported_returned_number_of_items != OrderLine.returned_number_of_items)))
    if s.only_acknowledged_less_than_returned:
        found.append(_line_exists(
            func.coalesce(OrderLine.acknowledged_number_of_items, 0) < OrderLine.returned_number_of_items))
    if s.only_with_ta_pallet_items:
        found.append(exists().where(Parcel.order_id == Order.id, Parcel.is_transporter_item.is_(True)))
    if s.only_if_ta_printed:
        found.append(exists().where(Parcel.order_id == Order.id, Parcel.is_transporter_item.is_(True),
                                    Parcel.label_id.is_not(None)))
    if s.only_assigned_to_requesting_user:
        found.append(exists().where(OrderAssignment.order_id == Order.id,
                                    OrderAssignment.api_user_id == s.requesting_user_id))
    if s.pickable in ("NotPickable", "NotOk"):
        found.append(and_(Order.status < st.PICKED, ~allocated))
    return found


# --- quantities for the inventory answers -------------------------------------------------------------------------

@dataclass(frozen=True)
class OutboundQuantities:
    booked: Decimal = Decimal(0)
    allocated: Decimal = Decimal(0)
    picked_to_be_collected: Decimal = Decimal(0)
    picked_to_be_reported: Decimal = Decimal(0)
    returned_to_be_reported: Decimal = Decimal(0)


def outbound_quantities(session: Session, goods_owner_id: int,
                        article_ids: Iterable[int] | None = None) -> dict[int, OutboundQuantities]:
    """Per article: booked (ordered, not yet picked, on open orders), allocated, picked not yet collected, and
    picked or returned quantities the goods owner has not reported yet."""
    ids = list(article_ids) if article_ids is not None else None
    where = [OrderLine.article_id.in_(ids)] if ids is not None else []

    def totals(amount: Any, join: Any, *conditions: Any, max_status: int = st.CANCELLED) -> dict[int, Any]:
        query = select(OrderLine.article_id, func.sum(amount)).select_from(join).join(
            Order, and_(Order.id == OrderLine.order_id, Order.goods_owner_id == goods_owner_id,
                        Order.status < max_status))
        return dict(session.execute(query.where(*where, *conditions).group_by(OrderLine.article_id)).all())

    allocation_join = OrderAllocation.__table__.join(OrderLine, OrderLine.id == OrderAllocation.order_line_id)
    picked_join = PickedItem.__table__.join(OrderLine, OrderLine.id == PickedItem.order_line_id)
    reported = func.coalesce(OrderLine.reported_number_of_items, 0)
    reported_returned = func.coalesce(OrderLine.reported_returned_number_of_items, 0)
    figures = {
        "booked": totals(OrderLine.ordered_number_of_items - OrderLine.picked_number_of_items, OrderLine,
                         max_status=st.SENT),
        "allocated": totals(OrderAllocation.number_of_items, allocation_join, max_status=st.SENT),
        "picked_to_be_collected": totals(PickedItem.number_of_items, picked_join, max_status=st.COLLECTED),
        "picked_to_be_reported": totals(OrderLine.picked_number_of_items - reported, OrderLine,
                                        OrderLine.picked_number_of_items > reported),
        "returned_to_be_reported": totals(OrderLine.returned_number_of_items - reported_returned, OrderLine,
                                          OrderLine.returned_number_of_items > reported_returned),
    }
    article_set = {article_id for values in figures.values() for article_id in values}
    return {article_id: OutboundQuantities(**{name: _dec(values.get(article_id)) for name, values in figures.items()})
            for article_id in article_set}


def allocated_per_article_item(session: Session,
                               article_item_ids: Iterable[int] | None = None) -> dict[int, Decimal]:
    """Quantity of each article item reserved by allocations of open orders."""
    query = select(OrderAllocation.article_item_id, func.sum(OrderAllocation.number_of_items)) \
        .group_by(OrderAllocation.article_item_id)
    if article_item_ids is not None:
        query = query.where(OrderAllocation.article_item_id.in_(list(article_item_ids)))
    return {item_id: _dec(total) for item_id, total in session.execute(query)}


def _dec(value: object) -> Decimal:
    return Decimal(str(value)) if value is not None else Decimal(0)
