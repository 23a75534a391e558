"""Production orders (build N of a production article from its components) and goods operation orders (the goods
owner asks the warehouse to change the article item status of some stock).

Tables of other areas are referenced by table name ("goods_owners.id", "articles.id", "article_item_statuses.id").
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import DateTime, ForeignKey, Index, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wms_soap.store.base import Base

Quantity = Numeric(18, 4)


class ProductionOrder(Base):
    """A production order of one goods owner, identified by its number."""

    __tablename__ = "production_orders"
    __table_args__ = (UniqueConstraint("goods_owner_id", "order_number"),
                      Index("ix_production_orders_goods_owner_id_last_production_at", "goods_owner_id",
                            "last_production_at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"))
    order_number: Mapped[str] = mapped_column(String(200))
    comment: Mapped[str | None] = mapped_column(Text)
    production_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    expiry_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[int] = mapped_column(Integer)
    start_production_time: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    end_production_time: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_production_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_produced_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    lines: Mapped[list[ProductionOrderLine]] = relationship(
        cascade="all, delete-orphan", order_by="ProductionOrderLine.id")


class ProductionOrderLine(Base):
    """One article to produce; ``reported`` is what the goods owner has acknowledged (UpdateProductionOrderLines)."""

    __tablename__ = "production_order_lines"
    __table_args__ = (UniqueConstraint("production_order_id", "line_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    production_order_id: Mapped[int] = mapped_column(ForeignKey("production_orders.id"))
    line_number: Mapped[str] = mapped_column(String(100))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    to_produce: Mapped[Decimal] = mapped_column(Quantity)
    produced: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    reported: Mapped[Decimal | None] = mapped_column(Quantity)
    comment: Mapped[str | None] = mapped_column(Text)
    min_days_to_expiry_date: Mapped[int | None] = mapped_column(Integer)

    components: Mapped[list[ProductionOrderComponent]] = relationship(
        cascade="all, delete-orphan", order_by="ProductionOrderComponent.id")
    items: Mapped[list[ProductionOrderItem]] = relationship(
        cascade="all, delete-orphan", order_by="ProductionOrderItem.id")


class ProductionOrderComponent(Base):
    """A specification line: ``to_consume`` of an article for the whole order line."""

    __tablename__ = "production_order_components"
    __table_args__ = (UniqueConstraint("line_id", "line_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("production_order_lines.id"))
    line_number: Mapped[str] = mapped_column(String(100))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"))
    to_consume: Mapped[Decimal] = mapped_column(Quantity)
    consumed: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    comment: Mapped[str | None] = mapped_column(Text)


class ProductionOrderItem(Base):
    """Stock consumed (``kind`` "consumed", from ``article_item_id``) or produced (``kind`` "produced", into
    ``article_item_id``) by one production report."""

    __tablename__ = "production_order_items"
    __table_args__ = (Index("ix_production_order_items_line_id", "line_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("production_order_lines.id"))
    kind: Mapped[str] = mapped_column(String(10))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"))
    article_item_id: Mapped[int] = mapped_column(Integer)
    produced_article_item_id: Mapped[int | None] = mapped_column(Integer)
    number_of_items: Mapped[Decimal] = mapped_column(Quantity)
    batch: Mapped[str | None] = mapped_column(String(100))
    serial: Mapped[str | None] = mapped_column(String(100))
    expiry_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class GoodsOperationOrder(Base):
    """A goods operation order of one goods owner, identified by its number."""

    __tablename__ = "goods_operation_orders"
    __table_args__ = (UniqueConstraint("goods_owner_id", "order_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"))
    order_number: Mapped[str] = mapped_column(String(200))
    comment: Mapped[str | None] = mapped_column(Text)
    reference_number: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[int] = mapped_column(Integer)
    executed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    notified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    lines: Mapped[list[GoodsOperationOrderLine]] = relationship(
        cascade="all, delete-orphan", order_by="GoodsOperationOrderLine.id")


class GoodsOperationOrderLine(Base):
    """Move ``number_of_items`` of an article (of a batch, when given) from one article item status to another."""

    __tablename__ = "goods_operation_order_lines"
    __table_args__ = (UniqueConstraint("order_id", "line_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("goods_operation_orders.id"))
    line_number: Mapped[str] = mapped_column(String(100))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id"), index=True)
    number_of_items: Mapped[Decimal] = mapped_column(Quantity)
    executed_number_of_items: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    comment: Mapped[str | None] = mapped_column(Text)
    batch_number: Mapped[str | None] = mapped_column(String(100))
    from_status_id: Mapped[int | None] = mapped_column(ForeignKey("article_item_statuses.id"))
    to_status_id: Mapped[int | None] = mapped_column(ForeignKey("article_item_statuses.id"))

    items: Mapped[list[GoodsOperationOrderItem]] = relationship(
        cascade="all, delete-orphan", order_by="GoodsOperationOrderItem.id")


class GoodsOperationOrderItem(Base):
    """Stock a line's execution moved: the article item that now carries the new status."""

    __tablename__ = "goods_operation_order_items"
    __table_args__ = (Index("ix_goods_operation_order_items_line_id", "line_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("goods_operation_order_lines.id"))
    article_item_id: Mapped[int] = mapped_column(Integer)
    number_of_items: Mapped[Decimal] = mapped_column(Quantity)
    location_code: Mapped[str | None] = mapped_column(String(100))
    batch: Mapped[str | None] = mapped_column(String(100))
    serial: Mapped[str | None] = mapped_column(String(100))
    in_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
