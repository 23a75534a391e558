"""Outbound shipments and trips: ProcessShipment, UpdateShipment, GetShipmentsByQuery, GetTripsByQuery, and the
operator's side (create a trip, load a shipment on it, put orders on a shipment, assign an order to an API user).

Everything is scoped to one goods owner: another goods owner's shipment, trip or order is "not found".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from wms_soap.errors import Conflict, NotFound, ValidationFailed
from wms_soap.services.common import utcnow
from wms_soap.services.orders import queries
from wms_soap.services.orders import status as st
from wms_soap.services.registers import find_transporter_contract
from wms_soap.store.access import ApiUser, GoodsOwner
from wms_soap.store.db import claim_sqlite_writer
from wms_soap.store.orders import Order
from wms_soap.store.shipments import (
    SHIPMENT_STATUS_TEXTS,
    STATUS_OPEN,
    STATUS_SENT,
    OrderAssignment,
    Shipment,
    ShipmentOrder,
    Trip,
)

PAYMENT_TYPES = ("Collect", "Prepaid", "ThirdParty", "UnKnown")


class ShipmentNotFound(NotFound):
    """No shipment of the caller's goods owner matches the identification."""


class TripNotFound(NotFound):
    """No trip of the caller's goods owner has this id or trip order number."""


@dataclass
class ShipmentInput:
    """A ProcessShipment request (or an operator's new shipment); ``None`` leaves a field as it is."""

    operation: str = "CreateOrUpdate"  # Create | CreateOrUpdate | Remove
    identification: str = "ShipmentOrderNumber"
    shipment_id: int | None = None
    shipment_order_number: str | None = None
    transporter_order_number: str | None = None
    waybill: int | None = None
    route: str | None = None
    registration_number: str | None = None
    comment: str | None = None
    delivery_instruction: str | None = None
    consignor_reference: str | None = None
    consignee_reference: str | None = None
    status: int | None = None
    in_date: datetime | None = None
    delivery_date: datetime | None = None
    shipped_time: datetime | None = None
    trip_order_number: str | None = None
    consignee_name: str | None = None
    consignee_address: str | None = None
    consignee_post_code: str | None = None
    consignee_city: str | None = None
    consignee_country_code: str | None = None
    transporter_code: str | None = None
    transporter_service_code: str | None = None
    payment_type: str | None = None
    order_ids: list[int] = field(default_factory=list)


_IDENTIFICATION_KEYS: dict[str, tuple[str, ...]] = {
    "ShipmentId": ("shipment_id",),
    "ShipmentOrderNumber": ("shipment_order_number",),
    "WayBill": ("waybill",),
    "TransporterOrderNumber": ("transporter_order_number",),
    "TransporterOrderNumberAndShipmentOrderNumber": ("transporter_order_number", "shipment_order_number"),
    "TransporterOrderNumberAndRoute": ("transporter_order_number", "route"),
    "ShipmentOrderNumberAndDeliveryDate": ("shipment_order_number", "delivery_date"),
    "TripOrderNumberAndConsigneeFullNameAndAddress": (
        "trip_order_number", "consignee_name", "consignee_address", "consignee_post_code", "consignee_city"),
}
_WIRE_NAMES = {"shipment_id": "ShipmentId", "shipment_order_number": "ShipmentOrderNumber", "waybill": "WayBill",
               "transporter_order_number": "TransporterOrderNumber", "route": "Route",
               "delivery_date": "DeliveryDate", "trip_order_number": "TripOrderNumber",
               "consignee_name": "Consignee/Name", "consignee_address": "Consignee/Address",
               "consignee_post_code": "Consignee/PostCode", "consignee_city": "Consignee/City"}


# --- finding --------------------------------------------------------------------------------------------------------

def find_shipment(session: Session, goods_owner_id: int, shipment_id: int) -> Shipment:
    """The goods owner's shipment ``shipment_id``; another goods owner's shipment is not found."""
    shipment = session.scalar(select(Shipment).where(Shipment.id == shipment_id,
                                                     Shipment.goods_owner_id == goods_owner_id))
    if shipment is None:
        raise ShipmentNotFound(f"Shipment {shipment_id} was not found")
    return shipment


def find_trip(session: Session, goods_owner_id: int, trip_id: int) -> Trip:
    trip = session.scalar(select(Trip).where(Trip.id == trip_id, Trip.goods_owner_id == goods_owner_id))
    if trip is None:
        raise TripNotFound(f"Trip {trip_id} was not found")
    return trip


def _find_order(session: Session, goods_owner_id: int, order_id: int) -> Order:
    order = session.scalar(select(Order).where(Order.id == order_id, Order.goods_owner_id == goods_owner_id))
    if order is None:
        raise NotFound(f"Order {order_id} was not found")
    return order


def _identified(session: Session, goods_owner_id: int, identification: str,
                values: dict[str, Any]) -> Shipment | None:
    """The one shipment the identification names, None when there is none; several is a conflict."""
    keys = _IDENTIFICATION_KEYS.get(identification)
    if keys is None:
        raise ValidationFailed(f"Unknown ShipmentIdentification {identification!r}")
    missing = [_WIRE_NAMES[key] for key in keys if values.get(key) in (None, "")]
    if missing:
        raise ValidationFailed(f"{', '.join(missing)} is not supplied (ShipmentIdentification={identification})")
    query = select(Shipment).where(Shipment.goods_owner_id == goods_owner_id)
    for key in keys:
        if key == "shipment_id":
            query = query.where(Shipment.id == values[key])
        elif key == "trip_order_number":
            query = query.join(Trip, Trip.id == Shipment.trip_id).where(Trip.trip_order_number == values[key])
        elif key == "delivery_date":
            day = queries.as_utc(values[key]).replace(hour=0, minute=0, second=0, microsecond=0)
            query = query.where(Shipment.delivery_date >= day, Shipment.delivery_date < day + timedelta(days=1))
        else:
            query = query.where(getattr(Shipment, key) == values[key])
    found = list(session.scalars(query.limit(2)))
    if len(found) > 1:
        raise Conflict(f"Several shipments match ShipmentIdentification={identification}")
    return found[0] if found else None


def _lock_goods_owner(session: Session, goods_owner_id: int) -> None:
    """Serialize the goods owner's shipment writes, as Ongoing does, so that two concurrent requests with one
    identification find each other's shipment instead of creating two (SQLite: the write lock; PostgreSQL: the
    goods owner's row, FOR UPDATE)."""
    claim_sqlite_writer(session, "shipments")
    session.execute(select(GoodsOwner.id).where(GoodsOwner.id == goods_owner_id).with_for_update())


# --- ProcessShipment ------------------------------------------------------------------------------------------------

def process_shipment(session: Session, data: ShipmentInput, *, goods_owner_id: int) -> Shipment | None:
    """Create, create-or-update or remove a shipment; returns it (None after Remove)."""
    if data.operation not in ("Create", "CreateOrUpdate", "Remove"):
        raise ValidationFailed(f"Unknown ShipmentOperation {data.operation!r}")
    if data.identification == "ShipmentId" and data.operation == "Create":
        raise ValidationFailed("A new shipment cannot be identified by ShipmentId: the server assigns it")
    _lock_goods_owner(session, goods_owner_id)
    shipment = _identified(session, goods_owner_id, data.identification, vars(data))
    if data.operation == "Remove":
        _remove(session, shipment, data)
        return None
    if shipment is None and data.identification == "ShipmentId":
        raise ShipmentNotFound(f"Shipment {data.shipment_id} was not found")
    if shipment is not None and data.operation == "Create":
        raise Conflict(f"Shipment {shipment.id} exists already (ShipmentIdentification={data.identification})")
    values = _checked_values(session, data, goods_owner_id)  # every check before the first write
    orders = _orders_to_ship(session, goods_owner_id, shipment, data.order_ids)
    if shipment is None:
        shipment = Shipment(goods_owner_id=goods_owner_id, status=STATUS_OPEN, payment_type="UnKnown",
                            created_at=utcnow(), updated_at=utcnow())
        session.add(shipment)
    for name, value in values.items():
        setattr(shipment, name, value)
    if values.get("status", STATUS_OPEN) >= STATUS_SENT and shipment.shipped_time is None:
        shipment.shipped_time = utcnow()
    _link(session, shipment, orders)
    shipment.updated_at = utcnow()
    session.flush()
    return shipment


_COPIED = ("shipment_order_number", "transporter_order_number", "waybill", "route", "registration_number", "comment",
           "delivery_instruction", "consignor_reference", "consignee_reference", "in_date", "delivery_date",
           "shipped_time", "consignee_name", "consignee_address", "consignee_post_code", "consignee_city",
           "consignee_country_code", "payment_type", "status")


def _checked_values(session: Session, data: ShipmentInput, goods_owner_id: int) -> dict[str, Any]:
    """The shipment columns the request sets, every value checked and every reference resolved."""
    values = {name: getattr(data, name) for name in _COPIED if getattr(data, name) is not None}
    if data.status is not None:
        _check_status(data.status)
    if data.payment_type is not None and data.payment_type not in PAYMENT_TYPES:
        raise ValidationFailed(f"Unknown ShipmentPaymentType {data.payment_type!r}")
    if data.transporter_code is not None:
        contract = find_transporter_contract(session, goods_owner_id, transporter_code=data.transporter_code,
                                             service_code=data.transporter_service_code)
        if contract is None:
            raise NotFound(f"No transporter contract {data.transporter_code} "
                           f"{data.transporter_service_code or ''}".rstrip() + " was found")
        values["transporter_contract_id"] = contract.id
    if data.trip_order_number is not None:
        values["trip_id"] = _trip_by_order_number(session, goods_owner_id, data.trip_order_number).id
    return values


def _trip_by_order_number(session: Session, goods_owner_id: int, trip_order_number: str) -> Trip:
    trip = session.scalar(select(Trip).where(Trip.goods_owner_id == goods_owner_id,
                                             Trip.trip_order_number == trip_order_number).limit(1))
    if trip is None:
        raise TripNotFound(f"Trip {trip_order_number} was not found")
    return trip


def _remove(session: Session, shipment: Shipment | None, data: ShipmentInput) -> None:
    if shipment is None:
        raise ShipmentNotFound(f"No shipment matches ShipmentIdentification={data.identification}")
    if shipment.status >= STATUS_SENT:
        raise Conflict(f"Shipment {shipment.id} has been sent and cannot be removed")
    session.delete(shipment)
    session.flush()


def _check_status(status: int) -> None:
    if status not in SHIPMENT_STATUS_TEXTS:
        raise ValidationFailed(f"Unknown shipment status {status}; known: {sorted(SHIPMENT_STATUS_TEXTS)}")


def _set_status(shipment: Shipment, status: int) -> None:
    _check_status(status)
    shipment.status = status
    if status >= STATUS_SENT and shipment.shipped_time is None:
        shipment.shipped_time = utcnow()


# --- orders on shipments, trips, assignment (operator side) --------------------------------------------------------

def _orders_to_ship(session: Session, goods_owner_id: int, shipment: Shipment | None,
                    order_ids: Sequence[int]) -> list[Order]:
    """The orders to put on ``shipment``, checked: the caller's, not cancelled, not on another sent shipment."""
    if order_ids and shipment is not None and shipment.status >= STATUS_SENT:
        raise Conflict(f"Shipment {shipment.id} has been sent: no order can be added")
    orders = [_find_order(session, goods_owner_id, order_id) for order_id in dict.fromkeys(order_ids)]
    for order in orders:
        if order.status == st.CANCELLED:
            raise Conflict(f"Order {order.id} is cancelled and cannot be shipped")
        current = session.scalar(select(Shipment).join(ShipmentOrder).where(ShipmentOrder.order_id == order.id))
        if current is not None and current is not shipment and current.status >= STATUS_SENT:
            raise Conflict(f"Order {order.id} is on shipment {current.id}, which has been sent")
    return orders


def _link(session: Session, shipment: Shipment, orders: Sequence[Order]) -> None:
    """Make ``shipment`` the current shipment of each order, taking it off the one it was on."""
    for order in orders:
        link = session.scalar(select(ShipmentOrder).where(ShipmentOrder.order_id == order.id))
        if link is not None and link.shipment_id == shipment.id:
            continue
        if link is not None:
            link.shipment.orders.remove(link)  # delete-orphan: the old link goes
            session.flush()
        shipment.orders.append(ShipmentOrder(order_id=order.id))


def add_orders_to_shipment(session: Session, goods_owner_id: int, shipment_id: int,
                           order_ids: Sequence[int]) -> Shipment:
    shipment = find_shipment(session, goods_owner_id, shipment_id)
    _link(session, shipment, _orders_to_ship(session, goods_owner_id, shipment, order_ids))
    shipment.updated_at = utcnow()
    session.flush()
    return shipment


def remove_order_from_shipment(session: Session, goods_owner_id: int, order_id: int) -> None:
    _find_order(session, goods_owner_id, order_id)
    link = session.scalar(select(ShipmentOrder).where(ShipmentOrder.order_id == order_id))
    if link is None:
        raise NotFound(f"Order {order_id} is on no shipment")
    if link.shipment.status >= STATUS_SENT:
        raise Conflict(f"Shipment {link.shipment_id} has been sent: its orders stay on it")
    link.shipment.orders.remove(link)
    session.flush()


@dataclass
class TripInput:
    name: str | None = None
    trip_number: str | None = None
    code: str | None = None
    trip_order_number: str | None = None
    vehicle_registration_number: str | None = None
    vehicle_code: str | None = None
    route_code: str | None = None
    waybill: str | None = None
    start_time: datetime | None = None


def create_trip(session: Session, goods_owner_id: int, data: TripInput) -> Trip:
    if data.trip_order_number and session.scalar(select(Trip.id).where(
            Trip.goods_owner_id == goods_owner_id, Trip.trip_order_number == data.trip_order_number)):
        raise Conflict(f"Trip {data.trip_order_number} exists already")
    trip = Trip(goods_owner_id=goods_owner_id, created_at=utcnow(), **vars(data))
    session.add(trip)
    session.flush()
    return trip


def put_shipment_on_trip(session: Session, goods_owner_id: int, shipment_id: int, trip_id: int | None) -> Shipment:
    """Load the shipment on the trip (``None`` takes it off its trip)."""
    shipment = find_shipment(session, goods_owner_id, shipment_id)
    shipment.trip_id = find_trip(session, goods_owner_id, trip_id).id if trip_id is not None else None
    shipment.updated_at = utcnow()
    session.flush()
    return shipment


def assign_order(session: Session, goods_owner_id: int, order_id: int, username: str | None) -> OrderAssignment | None:
    """Assign the order to an API user of its goods owner (``None`` clears the assignment)."""
    _find_order(session, goods_owner_id, order_id)
    current = session.scalar(select(OrderAssignment).where(OrderAssignment.order_id == order_id))
    if username is None:
        if current is not None:
            session.delete(current)
            session.flush()
        return None
    user_id = session.scalar(select(ApiUser.id).where(ApiUser.username == username,
                                                      ApiUser.goods_owner_id == goods_owner_id))
    if user_id is None:
        raise NotFound(f"API user {username} of this goods owner was not found")
    if current is None:
        current = OrderAssignment(order_id=order_id, api_user_id=user_id, assigned_at=utcnow())
        session.add(current)
    else:
        current.api_user_id, current.assigned_at = user_id, utcnow()
    session.flush()
    return current


# --- UpdateShipment -------------------------------------------------------------------------------------------------

UNSET: Any = object()


@dataclass
class ShipmentUpdate:
    """An UpdateShipment request; ``UNSET`` fields were not sent."""

    identification: str = "ShipmentId"  # WayBill | ShipmentOrderNumber | ShipmentId
    shipment_id: int | None = None
    waybill: int | None = None
    shipment_order_number: str | None = None
    comment: Any = UNSET
    customs_reference_number: Any = UNSET
    status: Any = UNSET
    new_waybill: Any = UNSET
    unsupported: list[str] = field(default_factory=list)


def update_shipment(session: Session, goods_owner_id: int, update: ShipmentUpdate) -> Shipment:
    if update.identification not in ("WayBill", "ShipmentOrderNumber", "ShipmentId"):
        raise ValidationFailed(f"Unknown ShipmentIdentificationType {update.identification!r}")
    if update.unsupported:
        raise ValidationFailed(f"{', '.join(update.unsupported)}: inbound customs handling is not supported "
                               "by this server")
    _lock_goods_owner(session, goods_owner_id)
    shipment = _identified(session, goods_owner_id, update.identification, vars(update))
    if shipment is None:
        raise ShipmentNotFound(f"No shipment matches ShipmentIdentificationType={update.identification}")
    if update.status is not UNSET:
        _set_status(shipment, update.status)
    for name, value in (("comment", update.comment), ("customs_reference_number", update.customs_reference_number),
                        ("waybill", update.new_waybill)):
        if value is not UNSET:
            setattr(shipment, name, value)
    shipment.updated_at = utcnow()
    session.flush()
    return shipment


def status_text(status: int) -> str:
    return SHIPMENT_STATUS_TEXTS.get(status, str(status))
