"""Outbound shipments and trips, and the assignment of orders to API users.

A shipment groups a goods owner's orders that leave together with one transporter (one waybill, one transporter
order number); an order is on at most one shipment at a time, its "current shipment". A trip is one run of a
vehicle on a route; shipments are loaded on a trip, and an order's current trip is its shipment's trip.
An order may also be assigned to one API user of its goods owner (OrderSpecialFilters'
OnlyOrdersAssignedToRequestingUser).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import BigInteger, DateTime, ForeignKey, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wms_soap.store.base import Base

STATUS_OPEN = 100
STATUS_SENT = 450
STATUS_COLLECTED = 500
STATUS_CANCELLED = 1000
SHIPMENT_STATUS_TEXTS = {STATUS_OPEN: "Open", STATUS_SENT: "Sent", STATUS_COLLECTED: "Collected",
                         STATUS_CANCELLED: "Cancelled"}


class Trip(Base):
    __tablename__ = "trips"

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"), index=True)
    name: Mapped[str | None] = mapped_column(String(200))
    trip_number: Mapped[str | None] = mapped_column(String(100))
    code: Mapped[str | None] = mapped_column(String(100))
    trip_order_number: Mapped[str | None] = mapped_column(String(100))
    vehicle_registration_number: Mapped[str | None] = mapped_column(String(50))
    vehicle_code: Mapped[str | None] = mapped_column(String(50))
    route_code: Mapped[str | None] = mapped_column(String(100))
    waybill: Mapped[str | None] = mapped_column(String(100))
    start_time: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Shipment(Base):
    __tablename__ = "shipments"

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"), index=True)
    trip_id: Mapped[int | None] = mapped_column(ForeignKey("trips.id"), index=True)
    transporter_contract_id: Mapped[int | None] = mapped_column(ForeignKey("transporter_contracts.id"))
    shipment_order_number: Mapped[str | None] = mapped_column(String(100), index=True)
    transporter_order_number: Mapped[str | None] = mapped_column(String(100), index=True)
    waybill: Mapped[int | None] = mapped_column(BigInteger, index=True)
    status: Mapped[int] = mapped_column(Integer, default=STATUS_OPEN, index=True)
    comment: Mapped[str | None] = mapped_column(Text)
    customs_reference_number: Mapped[str | None] = mapped_column(String(100))
    route: Mapped[str | None] = mapped_column(String(100))
    registration_number: Mapped[str | None] = mapped_column(String(50))
    delivery_instruction: Mapped[str | None] = mapped_column(Text)
    consignor_reference: Mapped[str | None] = mapped_column(String(100))
    consignee_reference: Mapped[str | None] = mapped_column(String(100))
    consignee_name: Mapped[str | None] = mapped_column(String(200))
    consignee_address: Mapped[str | None] = mapped_column(String(200))
    consignee_post_code: Mapped[str | None] = mapped_column(String(50))
    consignee_city: Mapped[str | None] = mapped_column(String(100))
    consignee_country_code: Mapped[str | None] = mapped_column(String(10))
    payment_type: Mapped[str] = mapped_column(String(20), default="UnKnown")
    freight_price: Mapped[Decimal | None] = mapped_column(Numeric(18, 4))
    in_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    delivery_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    shipped_time: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    trip: Mapped[Trip | None] = relationship()
    transporter_contract = relationship("TransporterContract")
    orders: Mapped[list[ShipmentOrder]] = relationship(
        back_populates="shipment", order_by="ShipmentOrder.order_id", cascade="all, delete-orphan")


class ShipmentOrder(Base):
    """An order on a shipment; the unique order id makes it the order's one current shipment."""

    __tablename__ = "shipment_orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), unique=True)

    shipment: Mapped[Shipment] = relationship(back_populates="orders")


class OrderAssignment(Base):
    """An order assigned to one API user of its goods owner."""

    __tablename__ = "order_assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), unique=True)
    api_user_id: Mapped[int] = mapped_column(ForeignKey("api_users.id"), index=True)
    assigned_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

