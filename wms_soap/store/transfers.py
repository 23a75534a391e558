"""Warehouse transfer orders: a goods owner's stock moved from one of its warehouses to another (optionally through
a transit warehouse). The contract only reads them (GetWarehouseTransferOrderByQuery); the warehouse creates them.

Tables of other areas are referenced by table name ("goods_owners.id", "warehouses.id", "articles.id",
"article_item_statuses.id").
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import DateTime, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wms_soap.store.base import Base

Quantity = Numeric(18, 4)


class WarehouseTransferOrder(Base):
    """A transfer order of one goods owner, identified by its number."""

    __tablename__ = "warehouse_transfer_orders"
    __table_args__ = (UniqueConstraint("goods_owner_id", "order_number"),
                      Index("ix_warehouse_transfer_orders_goods_owner_id_updated_at", "goods_owner_id", "updated_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"))
    order_number: Mapped[str] = mapped_column(String(200))
    reference_number: Mapped[str | None] = mapped_column(String(200))
    comment: Mapped[str | None] = mapped_column(Text)
    from_warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    to_warehouse_id: Mapped[int] = mapped_column(ForeignKey("warehouses.id"))
    transit_warehouse_id: Mapped[int | None] = mapped_column(ForeignKey("warehouses.id"))
    status: Mapped[int] = mapped_column(Integer)
    shipped_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    lines: Mapped[list[WarehouseTransferOrderLine]] = relationship(
        cascade="all, delete-orphan", order_by="WarehouseTransferOrderLine.id")


class WarehouseTransferOrderLine(Base):
    """Move ``number_of_items`` of an article; the delivered items get ``new_status_id`` when it is set."""

    __tablename__ = "warehouse_transfer_order_lines"
    __table_args__ = (UniqueConstraint("order_id", "line_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("warehouse_transfer_orders.id"))
    line_number: Mapped[str] = mapped_column(String(100))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    number_of_items: Mapped[Decimal] = mapped_column(Quantity)
    comment: Mapped[str | None] = mapped_column(Text)
    new_status_id: Mapped[int | None] = mapped_column(ForeignKey("article_item_statuses.id"))

    items: Mapped[list[WarehouseTransferOrderItem]] = relationship(
        cascade="all, delete-orphan", order_by="WarehouseTransferOrderItem.id")


class WarehouseTransferOrderItem(Base):
    """Stock a line moves: picked from ``source_article_item_id``, held (locked) in ``transit_article_item_id``,
    delivered into ``delivered_article_item_id``. ``status`` is the item's article item status code (the new one
    once delivered)."""

    __tablename__ = "warehouse_transfer_order_items"
    __table_args__ = (Index("ix_warehouse_transfer_order_items_line_id", "line_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("warehouse_transfer_order_lines.id"))
    number_of_items: Mapped[Decimal] = mapped_column(Quantity)
    batch: Mapped[str | None] = mapped_column(String(100))
    serial: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str | None] = mapped_column(String(100))
    source_article_item_id: Mapped[int] = mapped_column(Integer)
    transit_article_item_id: Mapped[int] = mapped_column(Integer)
    delivered_article_item_id: Mapped[int | None] = mapped_column(Integer)
    picked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
