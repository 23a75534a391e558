"""Invoicing: a per-goods-owner price list, and the invoices (with their charges) produced from it for a period.

A charge is one invoice row: a price list article (what is charged), a quantity, a unit price, and the context it
came from (an order, an in-order, an article).
"""

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wms_soap.store.base import Base

Money = Numeric(18, 4)

# Price list article codes, one per kind of charge.
CHARGE_ORDER = "ORDER"
CHARGE_ORDER_LINE = "ORDERLINE"
CHARGE_PARCEL = "PARCEL"
CHARGE_RECEIVED_LINE = "INLINE"
CHARGE_STORAGE = "STORAGE"
CHARGE_MANUAL = "MANUAL"


class PriceList(Base):
    """What one goods owner pays: per shipped order, order line, parcel, received in-order line, stored item/day."""

    __tablename__ = "price_lists"

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"), unique=True)
    currency_code: Mapped[str] = mapped_column(String(10), default="SEK")
    per_order: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    per_order_line: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    per_parcel: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    per_received_line: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    storage_per_item_day: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))


class Invoice(Base):
    __tablename__ = "invoices"
    __table_args__ = (
        UniqueConstraint("goods_owner_id", "period_start", "period_end"),
        Index("ix_invoices_owner_date", "goods_owner_id", "invoice_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"), index=True)
    invoice_number: Mapped[str] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(String(200))
    invoice_date: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    period_start: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    period_end: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    currency_code: Mapped[str | None] = mapped_column(String(10))
    amount: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    is_exported: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    exported_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    your_order_number: Mapped[str | None] = mapped_column(String(100))
    your_reference: Mapped[str | None] = mapped_column(String(200))

    charges: Mapped[list["InvoiceCharge"]] = relationship(
        back_populates="invoice", order_by="InvoiceCharge.id", cascade="all, delete-orphan")


class InvoiceCharge(Base):
    __tablename__ = "invoice_charges"

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id", ondelete="CASCADE"), index=True)
    article_code: Mapped[str] = mapped_column(String(50))
    article_title: Mapped[str | None] = mapped_column(String(200))
    account: Mapped[str | None] = mapped_column(String(50))
    unit_price: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    number_of_items: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    price: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    action_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    comment: Mapped[str | None] = mapped_column(Text)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    in_order_id: Mapped[int | None] = mapped_column(ForeignKey("in_orders.id"), index=True)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"), index=True)
    article_item_id: Mapped[int | None] = mapped_column(Integer)
    container: Mapped[str | None] = mapped_column(String(100))

    invoice: Mapped[Invoice] = relationship(back_populates="charges")
