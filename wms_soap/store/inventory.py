"""Stock and the warehouse's registers: locations, article items (stock per location), article item statuses and
categories, the article item change log, inventory transactions, order and in-order status texts, transporters and
transporter contracts.

Tables of other areas are referenced by table name ("goods_owners.id", "articles.id", "warehouses.id").
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wms_soap.store.base import Base

Quantity = Numeric(18, 4)


class Location(Base):
    """A place in the warehouse where article items are stored."""

    __tablename__ = "locations"

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int | None] = mapped_column(ForeignKey("warehouses.id"), index=True)
    code: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str | None] = mapped_column(String(200))
    is_quarantine: Mapped[bool] = mapped_column(Boolean, default=False)


class ArticleItem(Base):
    """Stock of one article at one location, with its batch, serial number, expiry date and status."""

    __tablename__ = "article_items"
    __table_args__ = (
        Index("ix_article_items_goods_owner_id_article_id", "goods_owner_id", "article_id"),
        Index("ix_article_items_updated_at", "updated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"), index=True)
    number_of_items: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    batch: Mapped[str | None] = mapped_column(String(100))
    serial: Mapped[str | None] = mapped_column(String(100))
    expiry_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str | None] = mapped_column(String(100))
    is_locked: Mapped[bool] = mapped_column(Boolean, default=False)
    lock_comment: Mapped[str | None] = mapped_column(String(300))
    in_date: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    original_article_item_id: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    container: Mapped[str | None] = mapped_column(String(100))
    category_id: Mapped[int | None] = mapped_column(Integer)
    price: Mapped[Decimal | None] = mapped_column(Quantity)
    weight: Mapped[Decimal | None] = mapped_column(Quantity)
    volume: Mapped[Decimal | None] = mapped_column(Quantity)
    length: Mapped[Decimal | None] = mapped_column(Quantity)
    width: Mapped[Decimal | None] = mapped_column(Quantity)
    height: Mapped[Decimal | None] = mapped_column(Quantity)
    free_decimal1: Mapped[Decimal | None] = mapped_column(Quantity)
    free_decimal2: Mapped[Decimal | None] = mapped_column(Quantity)

    location: Mapped[Location] = relationship(lazy="joined")

    @property
    def original_id(self) -> int:
        """The item this one was divided from (itself when never divided)."""
        return self.original_article_item_id or self.id


class ArticleItemStatus(Base):
    """An article item status (e.g. QUARANTINE); items carry its code, UpdateArticleItems finds it by id or code."""

    __tablename__ = "article_item_statuses"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str | None] = mapped_column(String(200))


class ArticleItemCategory(Base):
    """An article item category, set on items by UpdateArticleItems."""

    __tablename__ = "article_item_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str | None] = mapped_column(String(200))


class ArticleItemChange(Base):
    """One change of an article item's properties (GetArticleItemChanges): the tracked fields before and after,
    the change types (``,Batch,ArticleItemStatus,``) and the statuses as columns so that they can be queried."""

    __tablename__ = "article_item_changes"
    __table_args__ = (Index("ix_article_item_changes_goods_owner_id_changed_at", "goods_owner_id", "changed_at"),
                      Index("ix_article_item_changes_article_item_id", "article_item_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"))
    article_item_id: Mapped[int] = mapped_column(Integer)
    original_article_item_id: Mapped[int] = mapped_column(Integer)
    number_of_items: Mapped[Decimal] = mapped_column(Quantity)
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    change_types: Mapped[str] = mapped_column(String(300))
    previous_status: Mapped[str | None] = mapped_column(String(100))
    new_status: Mapped[str | None] = mapped_column(String(100))
    previous: Mapped[dict[str, Any]] = mapped_column(JSON)
    current: Mapped[dict[str, Any]] = mapped_column(JSON)


class InventoryTransaction(Base):
    """One change of stock (signed ``quantity``); GetInventoryChanges reports the unreported ones."""

    __tablename__ = "inventory_transactions"
    __table_args__ = (
        Index("ix_inventory_transactions_goods_owner_id_article_id", "goods_owner_id", "article_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"))
    article_item_id: Mapped[int | None] = mapped_column(Integer)
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    location_code: Mapped[str | None] = mapped_column(String(100))
    batch: Mapped[str | None] = mapped_column(String(100))
    serial: Mapped[str | None] = mapped_column(String(100))
    expiry_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    cause: Mapped[str] = mapped_column(String(50))
    comment: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    reported: Mapped[bool] = mapped_column(Boolean, default=False, index=True)


class OrderStatusText(Base):
    """The text of an order status; ``warehouse_id`` None is the default, a warehouse row overrides it."""

    __tablename__ = "order_status_texts"
    __table_args__ = (UniqueConstraint("warehouse_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int | None] = mapped_column(ForeignKey("warehouses.id"))
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(200))


class InOrderStatusText(Base):
    """The text of an in-order status; ``warehouse_id`` None is the default, a warehouse row overrides it."""

    __tablename__ = "in_order_status_texts"
    __table_args__ = (UniqueConstraint("warehouse_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    warehouse_id: Mapped[int | None] = mapped_column(ForeignKey("warehouses.id"))
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(200))


class Transporter(Base):
    __tablename__ = "transporters"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str | None] = mapped_column(String(200))


class TransporterContract(Base):
    """A goods owner's agreement with a transporter for one service."""

    __tablename__ = "transporter_contracts"
    __table_args__ = (Index("ix_transporter_contracts_goods_owner_id_transporter_id", "goods_owner_id",
                            "transporter_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"))
    transporter_id: Mapped[int] = mapped_column(ForeignKey("transporters.id"))
    service_code: Mapped[str | None] = mapped_column(String(100))
    service_name: Mapped[str | None] = mapped_column(String(200))
    customer_number: Mapped[str | None] = mapped_column(String(100))
    edi_customer_code: Mapped[str | None] = mapped_column(String(100))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    transporter: Mapped[Transporter] = relationship(lazy="joined")
