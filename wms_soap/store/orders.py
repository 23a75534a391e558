"""Outbound orders: customers, orders with lines, allocations, picked items, parcels and status history.

Tables of other areas are referenced by table name ("goods_owners.id", "articles.id", ...), so this module imports
no other model module; relationships to them are resolved by class name in the shared registry.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wms_soap.store.base import Base

Quantity = Numeric(18, 4)
Money = Numeric(18, 4)


class Customer(Base):
    """A goods owner's customer; the consignee of its orders."""

    __tablename__ = "customers"
    __table_args__ = (
        UniqueConstraint("goods_owner_id", "customer_number"),
        UniqueConstraint("goods_owner_id", "external_customer_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"), index=True)
    external_customer_code: Mapped[str | None] = mapped_column(String(200))
    customer_number: Mapped[str | None] = mapped_column(String(200))
    name: Mapped[str | None] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(String(300))
    address2: Mapped[str | None] = mapped_column(String(300))
    address3: Mapped[str | None] = mapped_column(String(300))
    post_code: Mapped[str | None] = mapped_column(String(50))
    city: Mapped[str | None] = mapped_column(String(200))
    country_code: Mapped[str | None] = mapped_column(String(10))
    country_state_code: Mapped[str | None] = mapped_column(String(20))
    telephone: Mapped[str | None] = mapped_column(String(100))
    mobile_phone: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(254))
    remark: Mapped[str | None] = mapped_column(Text)
    delivery_instruction: Mapped[str | None] = mapped_column(Text)
    is_visible: Mapped[bool] = mapped_column(Boolean, default=True)
    notify_by_sms: Mapped[bool] = mapped_column(Boolean, default=False)
    notify_by_email: Mapped[bool] = mapped_column(Boolean, default=False)
    notify_by_telephone: Mapped[bool] = mapped_column(Boolean, default=False)
    organisation_number: Mapped[str | None] = mapped_column(String(100))
    vat_number: Mapped[str | None] = mapped_column(String(100))
    door_code: Mapped[str | None] = mapped_column(String(100))
    invoice_name: Mapped[str | None] = mapped_column(String(300))
    invoice_address: Mapped[str | None] = mapped_column(String(300))
    invoice_post_code: Mapped[str | None] = mapped_column(String(50))
    invoice_city: Mapped[str | None] = mapped_column(String(200))
    invoice_country_code: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class _CodeName:
    """Columns of the small per-goods-owner registers (order types, ways and terms of delivery, classes)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"))
    code: Mapped[str | None] = mapped_column(String(100))
    name: Mapped[str | None] = mapped_column(String(200))


class OrderType(_CodeName, Base):
    __tablename__ = "order_types"
    __table_args__ = (UniqueConstraint("goods_owner_id", "code"),)


class WayOfDeliveryType(_CodeName, Base):
    __tablename__ = "ways_of_delivery_types"
    __table_args__ = (UniqueConstraint("goods_owner_id", "code"),)


class TermsOfDeliveryType(_CodeName, Base):
    __tablename__ = "terms_of_delivery_types"
    __table_args__ = (UniqueConstraint("goods_owner_id", "code"),)


class OrderClass(_CodeName, Base):
    __tablename__ = "order_classes"
    __table_args__ = (UniqueConstraint("goods_owner_id", "code"),)

    comment: Mapped[str | None] = mapped_column(Text)


class OrderClassLink(Base):
    __tablename__ = "order_class_links"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True)
    order_class_id: Mapped[int] = mapped_column(ForeignKey("order_classes.id"), primary_key=True)


class Order(Base):
    """An outbound (customer) order. ``id`` is the OrderId clients store; ``status`` the order status number."""

    __tablename__ = "orders"
    __table_args__ = (
        # One order per goods-owner order number: concurrent ProcessOrder calls meet here.
        UniqueConstraint("goods_owner_id", "goods_owner_order_number"),
        Index("ix_orders_goods_owner_id_id", "goods_owner_id", "id"),
        Index("ix_orders_goods_owner_id_status", "goods_owner_id", "status"),
        Index("ix_orders_goods_owner_id_updated_at", "goods_owner_id", "updated_at"),
        Index("ix_orders_goods_owner_id_delivery_date", "goods_owner_id", "delivery_date"),
        Index("ix_orders_goods_owner_id_shipped_time", "goods_owner_id", "shipped_time"),
        Index("ix_orders_goods_owner_id_last_picking_time", "goods_owner_id", "last_picking_time"),
        Index("ix_orders_goods_owner_id_last_returned_at", "goods_owner_id", "last_returned_at"),
        Index("ix_orders_goods_owner_id_printed_time", "goods_owner_id", "printed_time"),
        Index("ix_orders_goods_owner_id_status_changed_at", "goods_owner_id", "status_changed_at"),
        Index("ix_orders_goods_owner_id_reference_number", "goods_owner_id", "reference_number"),
        Index("ix_orders_goods_owner_id_goods_owner_order_id", "goods_owner_id", "goods_owner_order_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"))
    goods_owner_order_number: Mapped[str | None] = mapped_column(String(200))
    goods_owner_order_id: Mapped[str | None] = mapped_column(String(200))
    reference_number: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[int] = mapped_column(Integer, default=200)
    answer_generation: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    """Counted up by database triggers whenever anything this order's answer shows changes (``store.answer_stamps``)."""
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    order_type_id: Mapped[int | None] = mapped_column(ForeignKey("order_types.id"))
    way_of_delivery_type_id: Mapped[int | None] = mapped_column(ForeignKey("ways_of_delivery_types.id"))
    terms_of_delivery_type_id: Mapped[int | None] = mapped_column(ForeignKey("terms_of_delivery_types.id"))
    transporter_contract_id: Mapped[int | None] = mapped_column(ForeignKey("transporter_contracts.id"))
    transport_payment: Mapped[str | None] = mapped_column(String(20))
    communication: Mapped[str | None] = mapped_column(Text)
    sales_code: Mapped[str | None] = mapped_column(String(100))
    order_remark: Mapped[str | None] = mapped_column(Text)
    consignee_order_number: Mapped[str | None] = mapped_column(String(200))
    way_of_delivery: Mapped[str | None] = mapped_column(String(200))
    terms_of_delivery: Mapped[str | None] = mapped_column(String(200))
    terms_of_payment: Mapped[str | None] = mapped_column(String(200))
    profit_center: Mapped[str | None] = mapped_column(String(100))
    delivery_instruction: Mapped[str | None] = mapped_column(Text)
    transporter_order_number: Mapped[str | None] = mapped_column(String(200))
    freight_price: Mapped[Decimal | None] = mapped_column(Money)
    customer_price: Mapped[Decimal | None] = mapped_column(Money)
    delivery_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    arrival_date_from: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    arrival_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    waybill: Mapped[str | None] = mapped_column(String(200))
    return_waybill: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(20))
    notify_email: Mapped[str | None] = mapped_column(String(254))
    notify_telephone: Mapped[str | None] = mapped_column(String(100))
    notify_mobile_phone: Mapped[str | None] = mapped_column(String(100))
    notify_by_email: Mapped[bool | None] = mapped_column(Boolean)
    notify_by_sms: Mapped[bool | None] = mapped_column(Boolean)
    notify_by_telephone: Mapped[bool | None] = mapped_column(Boolean)
    invoice_number: Mapped[str | None] = mapped_column(String(200))
    invoice_type_code: Mapped[str | None] = mapped_column(String(100))
    invoice_url: Mapped[str | None] = mapped_column(String(1000))
    production_code: Mapped[str | None] = mapped_column(String(100))
    picking_priority: Mapped[int | None] = mapped_column(Integer)
    order_service_point_code: Mapped[str | None] = mapped_column(String(100))
    free_text1: Mapped[str | None] = mapped_column(Text)
    free_text2: Mapped[str | None] = mapped_column(Text)
    free_text3: Mapped[str | None] = mapped_column(Text)
    market_place: Mapped[str | None] = mapped_column(String(200))
    market_place_order_number: Mapped[str | None] = mapped_column(String(200))
    prepared_transport_document_id: Mapped[str | None] = mapped_column(String(200))
    warehouse_instruction: Mapped[str | None] = mapped_column(Text)
    order_free_datetime1: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    order_free_datetime2: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The delivery address as it was when the order got it (the customer register may change later).
    consignee_name: Mapped[str | None] = mapped_column(String(300))
    consignee_address: Mapped[str | None] = mapped_column(String(300))
    consignee_address2: Mapped[str | None] = mapped_column(String(300))
    consignee_address3: Mapped[str | None] = mapped_column(String(300))
    consignee_post_code: Mapped[str | None] = mapped_column(String(50))
    consignee_city: Mapped[str | None] = mapped_column(String(200))
    consignee_country_code: Mapped[str | None] = mapped_column(String(10))
    consignee_country_state_code: Mapped[str | None] = mapped_column(String(20))
    consignee_telephone: Mapped[str | None] = mapped_column(String(100))
    consignee_mobile_phone: Mapped[str | None] = mapped_column(String(100))
    consignee_email: Mapped[str | None] = mapped_column(String(254))
    consignee_door_code: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    status_changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    printed_time: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_picking_time: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    pick_finished_time: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    shipped_time: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    collected_time: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_returned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    customer: Mapped[Customer | None] = relationship()
    order_type: Mapped[OrderType | None] = relationship()
    way_of_delivery_type: Mapped[WayOfDeliveryType | None] = relationship()
    terms_of_delivery_type: Mapped[TermsOfDeliveryType | None] = relationship()
    transporter_contract = relationship("TransporterContract")
    classes: Mapped[list[OrderClass]] = relationship(secondary="order_class_links", order_by="OrderClass.id")
    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.id")
    picked_items: Mapped[list[PickedItem]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="PickedItem.id")
    parcels: Mapped[list[Parcel]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="Parcel.id")
    history: Mapped[list[OrderStatusChange]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderStatusChange.id")
    text_lines: Mapped[list[OrderTextLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderTextLine.row_number")


CONSIGNEE_FIELDS = ("name", "address", "address2", "address3", "post_code", "city", "country_code",
                    "country_state_code", "telephone", "mobile_phone", "email", "door_code")
"""Address columns an order copies from its customer (``consignee_<field>`` on the order)."""


class OrderLine(Base):
    """One article on an order; ``id`` is the OrderLineSystemId."""

    __tablename__ = "order_lines"
    __table_args__ = (
        Index("ix_order_lines_order_id_external_order_line_code", "order_id", "external_order_line_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    external_order_line_code: Mapped[str | None] = mapped_column(String(200))
    ordered_number_of_items: Mapped[Decimal] = mapped_column(Quantity)
    picked_number_of_items: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    packed_number_of_items: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    returned_number_of_items: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    reported_number_of_items: Mapped[Decimal | None] = mapped_column(Quantity)
    reported_returned_number_of_items: Mapped[Decimal | None] = mapped_column(Quantity)
    acknowledged_number_of_items: Mapped[Decimal | None] = mapped_column(Quantity)
    comment: Mapped[str | None] = mapped_column(Text)
    delivery_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    line_price: Mapped[Decimal | None] = mapped_column(Money)
    customer_line_price: Mapped[Decimal | None] = mapped_column(Money)
    discount: Mapped[Decimal | None] = mapped_column(Money)
    currency_code: Mapped[str | None] = mapped_column(String(10))
    batch: Mapped[str | None] = mapped_column(String(200))
    serial: Mapped[str | None] = mapped_column(String(200))
    do_pick: Mapped[bool] = mapped_column(Boolean, default=True)
    vat_code: Mapped[str | None] = mapped_column(String(50))
    min_days_to_expiry_date: Mapped[int | None] = mapped_column(Integer)
    max_days_to_expiry_date: Mapped[int | None] = mapped_column(Integer)
    customer_article_number: Mapped[str | None] = mapped_column(String(200))
    warehouse_instruction: Mapped[str | None] = mapped_column(Text)
    free_text1: Mapped[str | None] = mapped_column(Text)
    total_customs_value: Mapped[Decimal | None] = mapped_column(Money)
    line_type_code: Mapped[str | None] = mapped_column(String(100))
    length: Mapped[Decimal | None] = mapped_column(Quantity)
    width: Mapped[Decimal | None] = mapped_column(Quantity)
    height: Mapped[Decimal | None] = mapped_column(Quantity)
    last_picking_time: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    order: Mapped[Order] = relationship(back_populates="lines")
    article = relationship("Article")
    allocations: Mapped[list[OrderAllocation]] = relationship(
        back_populates="line", cascade="all, delete-orphan", order_by="OrderAllocation.id")


class OrderTextLine(Base):
    """A CustomerOrderTextLine: a free-text row of the order (no article), kept in the order the client sent it."""

    __tablename__ = "order_text_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    row_number: Mapped[int] = mapped_column(Integer)
    external_order_line_code: Mapped[str | None] = mapped_column(String(200))
    comment: Mapped[str | None] = mapped_column(Text)
    number_of_items: Mapped[Decimal | None] = mapped_column(Quantity)

    order: Mapped[Order] = relationship(back_populates="text_lines")


class OrderAllocation(Base):
    """Stock of one article item reserved for one order line (status 320); released when picked or cancelled."""

    __tablename__ = "order_allocations"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id", ondelete="CASCADE"), index=True)
    article_item_id: Mapped[int] = mapped_column(ForeignKey("article_items.id"), index=True)
    number_of_items: Mapped[Decimal] = mapped_column(Quantity)

    line: Mapped[OrderLine] = relationship(back_populates="allocations")


class Parcel(Base):
    """A parcel or pallet of an order; ``label_id`` is the tracking number (IsTaPalletItem when from a transporter)."""

    __tablename__ = "parcels"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    label_id: Mapped[str | None] = mapped_column(String(200), index=True)
    tracking_url: Mapped[str | None] = mapped_column(String(1000))
    is_transporter_item: Mapped[bool] = mapped_column(Boolean, default=True)
    pallet_type_code: Mapped[str | None] = mapped_column(String(50))
    weight: Mapped[Decimal | None] = mapped_column(Quantity)
    volume: Mapped[Decimal | None] = mapped_column(Quantity)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    order: Mapped[Order] = relationship(back_populates="parcels")


class PickedItem(Base):
    """Items picked for an order line from one article item; stock left the shelf when this row was written."""

    __tablename__ = "picked_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id", ondelete="CASCADE"), index=True)
    article_item_id: Mapped[int | None] = mapped_column(ForeignKey("article_items.id"), index=True)
    parcel_id: Mapped[int | None] = mapped_column(ForeignKey("parcels.id"), index=True)
    number_of_items: Mapped[Decimal] = mapped_column(Quantity)
    batch: Mapped[str | None] = mapped_column(String(200))
    serial: Mapped[str | None] = mapped_column(String(200))
    expiry_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    in_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    location_code: Mapped[str | None] = mapped_column(String(100))
    picked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    returned: Mapped[bool] = mapped_column(Boolean, default=False)
    returned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    return_cause_code: Mapped[str | None] = mapped_column(String(100))
    return_cause_name: Mapped[str | None] = mapped_column(String(200))

    order: Mapped[Order] = relationship(back_populates="picked_items")
    line: Mapped[OrderLine] = relationship()
    parcel: Mapped[Parcel | None] = relationship()


class OrderStatusChange(Base):
    """One status change of an order, by whom (api, warehouse, cli) and when."""

    __tablename__ = "order_status_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[int | None] = mapped_column(Integer)
    to_status: Mapped[int] = mapped_column(Integer)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    source: Mapped[str] = mapped_column(String(30))
    comment: Mapped[str | None] = mapped_column(Text)

    order: Mapped[Order] = relationship(back_populates="history")
