"""Events a goods owner's integration reports to the warehouse (ReportEvent's LogEvent), for operators to read.

Every LogEvent field is kept as sent; who reported it and when the server received it are added.
"""

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from wms_soap.store.base import Base


class ReportedEvent(Base):
    __tablename__ = "reported_events"
    __table_args__ = (Index("ix_reported_events_goods_owner_id_received_at", "goods_owner_id", "received_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    reported_by: Mapped[str | None] = mapped_column(String(200))
    event_time: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    success: Mapped[bool] = mapped_column(Boolean)
    event_type: Mapped[str] = mapped_column(String(20), index=True)
    header: Mapped[str | None] = mapped_column(Text)
    message: Mapped[str | None] = mapped_column(Text)
    file_text: Mapped[str | None] = mapped_column(Text)
    message_id: Mapped[str | None] = mapped_column(String(200))
    user_id: Mapped[int | None] = mapped_column(Integer)
    is_sent: Mapped[bool | None] = mapped_column(Boolean)
    order_id: Mapped[int | None] = mapped_column(Integer)
    in_order_id: Mapped[int | None] = mapped_column(Integer)
    article_item_id: Mapped[int | None] = mapped_column(Integer)
    parent_message_log_id: Mapped[int | None] = mapped_column(Integer)
    shipment_id: Mapped[int | None] = mapped_column(Integer)
    trip_id: Mapped[int | None] = mapped_column(Integer)
    inventory_id: Mapped[int | None] = mapped_column(Integer)
    log_row_id: Mapped[int | None] = mapped_column(Integer)
    return_order_id: Mapped[int | None] = mapped_column(Integer)
    external_system_id: Mapped[int | None] = mapped_column(Integer)
    pallet_item_id: Mapped[int | None] = mapped_column(Integer)
    production_order_id: Mapped[int | None] = mapped_column(Integer)
    invoice_id: Mapped[int | None] = mapped_column(Integer)
    goods_operation_order_id: Mapped[int | None] = mapped_column(Integer)
