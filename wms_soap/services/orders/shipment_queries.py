"""Reading shipments and trips: GetShipmentsByQuery (with the orders on each shipment, as GetOrdersByQuery answers
them) and GetTripsByQuery, scoped to one goods owner."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, exists, func, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.sql.elements import ColumnElement

from wms_soap.errors import ValidationFailed
from wms_soap.services.common import inclusive
from wms_soap.services.orders import queries, views
from wms_soap.services.orders.queries import OrderQuery
from wms_soap.services.orders.views import OrderView
from wms_soap.store.orders import Order, Parcel, PickedItem
from wms_soap.store.shipments import Shipment, ShipmentOrder, Trip

DEFAULT_MAX_SHIPMENTS = 1000


@dataclass
class ShipmentQuery:
    in_date_from: datetime | None = None
    in_date_to: datetime | None = None
    delivery_date_from: datetime | None = None
    delivery_date_to: datetime | None = None
    shipped_time_from: datetime | None = None
    status_from: int | None = None
    status_to: int | None = None
    shipment_order_number: str | None = None
    shipment_ids: list[int] | None = None
    only_if_ta_printed: bool = False
    get_orders: bool = False
    shipment_id_from: int | None = None
    max_shipments: int | None = None
    collect_type: bool | None = None  # shipment types are not kept: refused when given
    delivery_type: bool | None = None
    customs_status: str | None = None  # only All (or none): outbound customs statuses are not kept


@dataclass(frozen=True)
class ShipmentView:
    """A shipment with its orders' numbers and parcels (tracking numbers, items packed), and the orders themselves
    when asked for."""

    shipment: Shipment
    order_numbers: dict[int, str | None]
    parcels: dict[int, list[ParcelView]]  # order id -> its parcels
    orders: list[OrderView]


@dataclass(frozen=True)
class ParcelView:
    id: int
    label_id: str | None
    is_transporter_item: bool
    pallet_type_code: str | None
    weight: Decimal | None
    volume: Decimal | None
    number_of_items: Decimal


def query_shipments(session: Session, goods_owner_id: int, query: ShipmentQuery) -> list[ShipmentView]:
    """Shipments by ascending id from ``shipment_id_from``, at most ``max_shipments``; with their orders if asked."""
    _refuse_unkept_filters(query)
    limit = query.max_shipments if query.max_shipments and query.max_shipments > 0 else DEFAULT_MAX_SHIPMENTS
    statement = (
        select(Shipment).where(Shipment.goods_owner_id == goods_owner_id, *_shipment_conditions(query))
        .options(selectinload(Shipment.orders), selectinload(Shipment.trip),
                 selectinload(Shipment.transporter_contract))
        .order_by(Shipment.id).limit(limit))
    shipments = list(session.scalars(statement))
    order_ids = [link.order_id for s in shipments for link in s.orders]
    numbers = _pairs(session, select(Order.id, Order.goods_owner_order_number).where(Order.id.in_(order_ids)))
    parcels = _parcels_of(session, order_ids)
    orders = _orders_of(session, goods_owner_id, order_ids) if query.get_orders else {}
    return [ShipmentView(s, numbers, parcels, [orders[link.order_id] for link in s.orders if link.order_id in orders])
            for s in shipments]


def _parcels_of(session: Session, order_ids: list[int]) -> dict[int, list[ParcelView]]:
    packed = _pairs(session, select(PickedItem.parcel_id, func.sum(PickedItem.number_of_items))
                    .where(PickedItem.order_id.in_(order_ids), PickedItem.parcel_id.is_not(None))
                    .group_by(PickedItem.parcel_id))
    found: dict[int, list[ParcelView]] = {}
    for p in session.scalars(select(Parcel).where(Parcel.order_id.in_(order_ids)).order_by(Parcel.id)):
        found.setdefault(p.order_id, []).append(ParcelView(
            p.id, p.label_id, p.is_transporter_item, p.pallet_type_code, p.weight, p.volume,
            Decimal(packed.get(p.id) or 0)))
    return found


def _pairs(session: Session, statement: Select[Any, Any]) -> dict[Any, Any]:
    return {row[0]: row[1] for row in session.execute(statement)}


def _refuse_unkept_filters(query: ShipmentQuery) -> None:
    if query.collect_type is not None or query.delivery_type is not None:
        raise ValidationFailed("IsCollectType/IsDeliveryType: this server keeps no shipment types; send them nil")
    if query.customs_status not in (None, "All"):
        raise ValidationFailed(f"CustomsStatus {query.customs_status}: this server keeps no outbound customs "
                               "statuses; send All or nil")


def _shipment_conditions(q: ShipmentQuery) -> list[ColumnElement[bool]]:
    found: list[ColumnElement[bool]] = []
    for column, low, high in ((Shipment.in_date, q.in_date_from, q.in_date_to),
                              (Shipment.delivery_date, q.delivery_date_from, q.delivery_date_to),
                              (Shipment.shipped_time, q.shipped_time_from, None)):
        if low is not None:
            found.append(column >= queries.as_utc(low))
        if high is not None:
            found.append(column < _inclusive_to(high))
    found += inclusive(Shipment.status, q.status_from, q.status_to)
    if q.shipment_order_number:
        found.append(Shipment.shipment_order_number == q.shipment_order_number)
    if q.shipment_ids:
        found.append(Shipment.id.in_(q.shipment_ids))
    if q.shipment_id_from is not None:
        found.append(Shipment.id >= q.shipment_id_from)
    if q.only_if_ta_printed:
        found.append(exists().where(ShipmentOrder.shipment_id == Shipment.id, Parcel.order_id == ShipmentOrder.order_id,
                                    Parcel.is_transporter_item.is_(True), Parcel.label_id.is_not(None)))
    return found


def _inclusive_to(value: datetime) -> datetime:
    """A midnight "to" date means the whole day."""
    value = queries.as_utc(value)
    return value + (timedelta(days=1) if value.time() == datetime.min.time() else timedelta(microseconds=1))


def _orders_of(session: Session, goods_owner_id: int, order_ids: list[int]) -> dict[int, OrderView]:
    """The orders on the shipments, loaded as GetOrdersByQuery answers them."""
    if not order_ids:
        return {}
    found = views.query_orders(session, goods_owner_id, OrderQuery(order_ids=order_ids, max_orders=len(order_ids)))
    return {view.order.id: view for view in found}


def query_trips(session: Session, goods_owner_id: int, trip_ids: Sequence[int] | None) -> list[Trip]:
    """The goods owner's trips (those in ``trip_ids`` when given), by id."""
    query = select(Trip).where(Trip.goods_owner_id == goods_owner_id).order_by(Trip.id)
    if trip_ids:
        query = query.where(Trip.id.in_(list(trip_ids)))
    return list(session.scalars(query))
