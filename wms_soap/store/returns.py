"""Return orders: goods a consignee sends back against a shipped order, line by line, each with a return cause.

Return order statuses are numbers with per-warehouse texts, like Ongoing's order and in-order statuses: 100 Notified
(announced), 400 Partially returned, 500 Returned (``ReturnOrderStatusText`` rows override the default texts).
"""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wms_soap.store.base import Base

Quantity = Numeric(18, 4)

STATUS_NOTIFIED = 100
STATUS_PARTIALLY_RETURNED = 400
STATUS_RETURNED = 500
RETURN_STATUS_TEXTS = {100: "Notified", 400: "Partially returned", 500: "Returned"}
"""The default texts; a warehouse's ``ReturnOrderStatusText`` rows override them."""


class ReturnCause(Base):
    __tablename__ = "return_causes"
    __table_args__ = (UniqueConstraint("goods_owner_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"), index=True)
    code: Mapped[str] = mapped_column(String(100))
    name: Mapped[str | None] = mapped_column(String(200))


class ReturnOrder(Base):
    __tablename__ = "return_orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"), index=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    return_order_number: Mapped[str | None] = mapped_column(String(100), index=True)
    return_cause_id: Mapped[int | None] = mapped_column(ForeignKey("return_causes.id"))
    comment: Mapped[str | None] = mapped_column(Text)
    handling_comment: Mapped[str | None] = mapped_column(Text)
    return_in_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    waybill: Mapped[str | None] = mapped_column(String(200))
    tracking_url: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[int] = mapped_column(Integer, default=STATUS_NOTIFIED, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_returned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)

    return_cause: Mapped[ReturnCause | None] = relationship(lazy="joined")
    lines: Mapped[list["ReturnOrderLine"]] = relationship(
        back_populates="return_order", order_by="ReturnOrderLine.id", cascade="all, delete-orphan")


class ReturnOrderLine(Base):
    __tablename__ = "return_order_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    return_order_id: Mapped[int] = mapped_column(ForeignKey("return_orders.id", ondelete="CASCADE"), index=True)
    order_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id"), index=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    external_order_line_code: Mapped[str | None] = mapped_column(String(100))
    row_number: Mapped[str | None] = mapped_column(String(100))
    picked_number_of_items: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    to_be_returned_number_of_items: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    returned_number_of_items: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    return_cause_id: Mapped[int | None] = mapped_column(ForeignKey("return_causes.id"))

    return_order: Mapped[ReturnOrder] = relationship(back_populates="lines")
    return_cause: Mapped[ReturnCause | None] = relationship(lazy="joined")
    items: Mapped[list["ReturnedItem"]] = relationship(
        back_populates="line", order_by="ReturnedItem.id", cascade="all, delete-orphan")


class ReturnedItem(Base):
    """Goods physically received back on a return line: to stock, or to a quarantine location."""

    __tablename__ = "returned_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    return_order_line_id: Mapped[int] = mapped_column(ForeignKey("return_order_lines.id", ondelete="CASCADE"),
                                                      index=True)
    number_of_items: Mapped[Decimal] = mapped_column(Quantity)
    batch: Mapped[str | None] = mapped_column(String(100))
    serial: Mapped[str | None] = mapped_column(String(100))
    expiry_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    location_code: Mapped[str | None] = mapped_column(String(100))
    quarantine: Mapped[bool] = mapped_column(Boolean, default=False)
    comment: Mapped[str | None] = mapped_column(Text)
    return_cause_id: Mapped[int | None] = mapped_column(ForeignKey("return_causes.id"))
    returned_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    article_item_id: Mapped[int | None] = mapped_column(Integer)

    line: Mapped[ReturnOrderLine] = relationship(back_populates="items")
    return_cause: Mapped[ReturnCause | None] = relationship(lazy="joined")


class ReturnOrderStatusText(Base):
    """The text of a return order status; ``warehouse_id`` None is the default, a warehouse row overrides it."""

    __tablename__ = "return_order_status_texts"
    __table_args__ = (UniqueConstraint("warehouse_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int | None] = mapped_column(ForeignKey("warehouses.id"))
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(200))
