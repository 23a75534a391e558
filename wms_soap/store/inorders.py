"""In-orders (purchase orders announced by the goods owner), their lines, and the article items received on them.

In-order statuses: 100 Notified, 200 Open, 300 Arrived, 400 Receiving, 500 Received, 900 Cancelled. Received items
stay "to be finished" until they are put away to a location, when they become stock (an article item).
"""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wms_soap.store.access import Warehouse
from wms_soap.store.base import Base
from wms_soap.store.orders import Customer, TermsOfDeliveryType, WayOfDeliveryType
from wms_soap.store.returns import ReturnCause
from wms_soap.store.suppliers import Supplier

Quantity = Numeric(18, 4)

STATUS_NOTIFIED = 100
STATUS_OPEN = 200
STATUS_RECEIVING = 400
STATUS_RECEIVED = 500
STATUS_CANCELLED = 900
IN_ORDER_STATUS_TEXTS = {100: "Notified", 200: "Open", 300: "Arrived", 400: "Receiving", 500: "Received",
                         900: "Cancelled"}


class InOrderType(Base):
    __tablename__ = "in_order_types"
    __table_args__ = (UniqueConstraint("goods_owner_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"), index=True)
    code: Mapped[str] = mapped_column(String(100))
    name: Mapped[str | None] = mapped_column(String(200))


class InOrderLineType(Base):
    """The goods owner's register of in-order line types (InOrderLineType finds or creates its entry here)."""

    __tablename__ = "in_order_line_types"
    __table_args__ = (UniqueConstraint("goods_owner_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"), index=True)
    code: Mapped[str | None] = mapped_column(String(100))
    name: Mapped[str | None] = mapped_column(String(200))


class InOrder(Base):
    __tablename__ = "in_orders"
    __table_args__ = (
        UniqueConstraint("goods_owner_id", "goods_owner_order_number"),
        Index("ix_in_orders_owner_status", "goods_owner_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"), index=True)
    goods_owner_order_number: Mapped[str] = mapped_column(String(100))
    status: Mapped[int] = mapped_column(Integer, default=STATUS_NOTIFIED)
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"), index=True)
    in_order_type_id: Mapped[int | None] = mapped_column(ForeignKey("in_order_types.id"))
    supplier_order_number: Mapped[str | None] = mapped_column(String(100))
    goods_owner_reference: Mapped[str | None] = mapped_column(String(200), index=True)
    reference_number: Mapped[str | None] = mapped_column(String(200))
    batch_number: Mapped[str | None] = mapped_column(String(100))
    way_of_delivery: Mapped[str | None] = mapped_column(String(200))
    remark: Mapped[str | None] = mapped_column(Text)
    container: Mapped[str | None] = mapped_column(String(100))
    invoice_number: Mapped[str | None] = mapped_column(String(100))
    is_return_type: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    in_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    order_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    batch_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    advised_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    customs_declared_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    free_text1: Mapped[str | None] = mapped_column(String(500))
    free_text2: Mapped[str | None] = mapped_column(String(500))
    free_text3: Mapped[str | None] = mapped_column(String(500))
    free_text4: Mapped[str | None] = mapped_column(String(500))
    free_text5: Mapped[str | None] = mapped_column(String(500))
    free_decimal1: Mapped[Decimal | None] = mapped_column(Quantity)
    free_decimal2: Mapped[Decimal | None] = mapped_column(Quantity)
    free_bool1: Mapped[bool | None] = mapped_column(Boolean)
    free_bool2: Mapped[bool | None] = mapped_column(Boolean)
    seller_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"), index=True)
    warehouse_id: Mapped[int | None] = mapped_column(ForeignKey("warehouses.id"), index=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"), index=True)
    way_of_delivery_type_id: Mapped[int | None] = mapped_column(ForeignKey("ways_of_delivery_types.id"))
    terms_of_delivery_type_id: Mapped[int | None] = mapped_column(ForeignKey("terms_of_delivery_types.id"))
    terms_of_delivery_location: Mapped[str | None] = mapped_column(String(200))
    communication_from_system: Mapped[str | None] = mapped_column(String(200))
    communication_to_system: Mapped[str | None] = mapped_column(String(200))
    communication_message_id: Mapped[str | None] = mapped_column(String(200))
    created_by_username: Mapped[str | None] = mapped_column(String(200), index=True)
    created_by_api_user_id: Mapped[int | None] = mapped_column(Integer, index=True)
    """The API user (Ongoing's WSI external system) whose request created the in-order; None when not created by one."""
    created_by_request_id: Mapped[str | None] = mapped_column(String(32), index=True)
    """The id of the API request that created the in-order (as in the audit log); None for the CLI and the demo."""
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    status_changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    last_received_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)

    supplier: Mapped[Supplier | None] = relationship(lazy="joined", foreign_keys=[supplier_id])
    seller: Mapped[Supplier | None] = relationship(lazy="joined", foreign_keys=[seller_id])
    warehouse: Mapped[Warehouse | None] = relationship(lazy="joined")
    customer: Mapped[Customer | None] = relationship(lazy="joined")
    way_of_delivery_type: Mapped[WayOfDeliveryType | None] = relationship(lazy="joined")
    terms_of_delivery_type: Mapped[TermsOfDeliveryType | None] = relationship(lazy="joined")
    in_order_type: Mapped[InOrderType | None] = relationship(lazy="joined")
    lines: Mapped[list["InOrderLine"]] = relationship(
        back_populates="in_order", order_by="InOrderLine.id", cascade="all, delete-orphan")


class InOrderLine(Base):
    __tablename__ = "in_order_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    in_order_id: Mapped[int] = mapped_column(ForeignKey("in_orders.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    external_order_line_code: Mapped[str | None] = mapped_column(String(100))
    external_order_line_id: Mapped[str | None] = mapped_column(String(100))
    comment: Mapped[str | None] = mapped_column(Text)
    in_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    advised_number_of_items: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    received_number_of_items: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    reported_number_of_items: Mapped[Decimal | None] = mapped_column(Quantity)
    acknowledged_number_of_items: Mapped[Decimal | None] = mapped_column(Quantity)
    supplier_number_of_items: Mapped[Decimal | None] = mapped_column(Quantity)
    row_price: Mapped[Decimal | None] = mapped_column(Quantity)
    currency_code: Mapped[str | None] = mapped_column(String(10))
    row_batch_no: Mapped[str | None] = mapped_column(String(100))
    serial: Mapped[str | None] = mapped_column(String(100))
    expiry_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    invoice_number: Mapped[str | None] = mapped_column(String(100))
    line_type_code: Mapped[str | None] = mapped_column(String(100))
    line_type_name: Mapped[str | None] = mapped_column(String(200))
    free_text1: Mapped[str | None] = mapped_column(String(500))
    free_text2: Mapped[str | None] = mapped_column(String(500))
    created_number_of_items: Mapped[Decimal | None] = mapped_column(Quantity)
    production_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    free_decimal1: Mapped[Decimal | None] = mapped_column(Quantity)
    free_datetime1: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    weight: Mapped[Decimal | None] = mapped_column(Quantity)
    item_status_id: Mapped[int | None] = mapped_column(Integer)
    item_status_code: Mapped[str | None] = mapped_column(String(100))
    return_cause_id: Mapped[int | None] = mapped_column(ForeignKey("return_causes.id"))

    in_order: Mapped[InOrder] = relationship(back_populates="lines")
    return_cause: Mapped[ReturnCause | None] = relationship(lazy="joined")
    advised_items: Mapped[list["InOrderAdvisedItem"]] = relationship(
        back_populates="line", order_by="InOrderAdvisedItem.id", cascade="all, delete-orphan")
    received_items: Mapped[list["InOrderReceivedItem"]] = relationship(
        back_populates="line", order_by="InOrderReceivedItem.id", cascade="all, delete-orphan")


class InOrderReceivedItem(Base):
    """One receipt on an in-order line: a quantity with its batch, serial and expiry, put away later."""

    __tablename__ = "in_order_received_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    in_order_line_id: Mapped[int] = mapped_column(ForeignKey("in_order_lines.id", ondelete="CASCADE"), index=True)
    number_of_items: Mapped[Decimal] = mapped_column(Quantity)
    batch: Mapped[str | None] = mapped_column(String(100))
    serial: Mapped[str | None] = mapped_column(String(100), index=True)
    expiry_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    comment: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    put_away_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    location_code: Mapped[str | None] = mapped_column(String(100))
    article_item_id: Mapped[int | None] = mapped_column(Integer)
    is_in_reported: Mapped[bool] = mapped_column(Boolean, default=False)
    advised_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("in_order_advised_items.id", ondelete="SET NULL", name="fk_in_order_received_items_advised_item"),
        index=True)
    production_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status_code: Mapped[str | None] = mapped_column(String(100))
    container: Mapped[str | None] = mapped_column(String(100))

    line: Mapped[InOrderLine] = relationship(back_populates="received_items")
    advised_item: Mapped["InOrderAdvisedItem | None"] = relationship(back_populates="received_items")


class InOrderAdvisedItem(Base):
    """An article item the goods owner announced on a line (InOrderLine.Items): what is expected to arrive.

    Receiving uses it for defaults (batch, serial, expiry, production date, goods status) and counts what arrived
    against it.
    """

    __tablename__ = "in_order_advised_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    in_order_line_id: Mapped[int] = mapped_column(ForeignKey("in_order_lines.id", ondelete="CASCADE"), index=True)
    number_of_items: Mapped[Decimal] = mapped_column(Quantity)
    received_number_of_items: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    batch: Mapped[str | None] = mapped_column(String(100))
    serial: Mapped[str | None] = mapped_column(String(100), index=True)
    expiry_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    production_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    container: Mapped[str | None] = mapped_column(String(100))
    comment: Mapped[str | None] = mapped_column(Text)
    weight: Mapped[Decimal | None] = mapped_column(Quantity)
    volume: Mapped[Decimal | None] = mapped_column(Quantity)
    length: Mapped[Decimal | None] = mapped_column(Quantity)
    width: Mapped[Decimal | None] = mapped_column(Quantity)
    height: Mapped[Decimal | None] = mapped_column(Quantity)
    second_number_of_items: Mapped[Decimal | None] = mapped_column(Quantity)
    price: Mapped[Decimal | None] = mapped_column(Quantity)
    status_id: Mapped[int | None] = mapped_column(Integer)
    status_code: Mapped[str | None] = mapped_column(String(100))
    pallet_label_id: Mapped[str | None] = mapped_column(String(100))
    pallet_type_code: Mapped[str | None] = mapped_column(String(100))

    line: Mapped[InOrderLine] = relationship(back_populates="advised_items")
    received_items: Mapped[list[InOrderReceivedItem]] = relationship(back_populates="advised_item")
    classes: Mapped[list["InOrderAdvisedItemClass"]] = relationship(
        order_by="InOrderAdvisedItemClass.id", cascade="all, delete-orphan", lazy="selectin")

    @property
    def remaining(self) -> Decimal:
        return max(self.number_of_items - self.received_number_of_items, Decimal(0))


class InOrderAdvisedItemClass(Base):
    """An article item class an advised item carries (ArticleItemClasses), as the goods owner named it."""

    __tablename__ = "in_order_advised_item_classes"

    id: Mapped[int] = mapped_column(primary_key=True)
    advised_item_id: Mapped[int] = mapped_column(
        ForeignKey("in_order_advised_items.id", ondelete="CASCADE", name="fk_in_order_advised_item_classes_item"),
        index=True)
    code: Mapped[str | None] = mapped_column(String(100))
    name: Mapped[str | None] = mapped_column(String(200))
    class_id: Mapped[int | None] = mapped_column(Integer)
