"""Inbound shipments: goods of a goods owner's in-order lines that arrive together (a container, a truck), with
their customs data. The contract only reads them (GetInboundShipmentsByQuery); the warehouse creates them.

Tables of other areas are referenced by table name ("goods_owners.id", "in_order_lines.id", "suppliers.id").
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import DateTime, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from wms_soap.store.base import Base

Quantity = Numeric(18, 4)


class InboundShipment(Base):
    """A shipment of one goods owner, identified by its number; ``customs_status`` None is NoStatus."""

    __tablename__ = "inbound_shipments"
    __table_args__ = (UniqueConstraint("goods_owner_id", "shipment_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"))
    shipment_number: Mapped[str] = mapped_column(String(200))
    status: Mapped[int] = mapped_column(Integer)
    customs_status: Mapped[str | None] = mapped_column(String(30))
    customs_eu_type: Mapped[str] = mapped_column(String(10))
    customs_reference_number: Mapped[str | None] = mapped_column(String(200))
    waybill: Mapped[str | None] = mapped_column(String(200))
    comment: Mapped[str | None] = mapped_column(Text)
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"))
    in_date: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    lines: Mapped[list[InboundShipmentLine]] = relationship(
        cascade="all, delete-orphan", order_by="InboundShipmentLine.id")


class InboundShipmentLine(Base):
    """``number_of_items`` of an in-order line travel on the shipment; a line travels on one shipment."""

    __tablename__ = "inbound_shipment_lines"
    __table_args__ = (UniqueConstraint("in_order_line_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("inbound_shipments.id"), index=True)
    in_order_line_id: Mapped[int] = mapped_column(ForeignKey("in_order_lines.id", ondelete="CASCADE"))
    number_of_items: Mapped[Decimal] = mapped_column(Quantity)
