"""Files a goods owner attaches to its orders, in-orders, articles and shipments (Upload*File, GetFile, GetFileList).

The content lives in the database, so that every server process sees the same files and a backup holds them all.
Each file is attached to exactly one object of its goods owner; the content column is loaded only when asked for.
"""

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from wms_soap.store.base import Base

FILE_NAME_LENGTH = 260
MIME_TYPE_LENGTH = 200

_ONE_TARGET = ("(CASE WHEN order_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN in_order_id IS NULL THEN 0 ELSE 1 END)"
               " + (CASE WHEN article_id IS NULL THEN 0 ELSE 1 END)"
               " + (CASE WHEN shipment_id IS NULL THEN 0 ELSE 1 END) = 1")


class StoredFile(Base):
    """One uploaded file and the object it is attached to."""

    __tablename__ = "files"
    __table_args__ = (
        CheckConstraint(_ONE_TARGET, name="one_target"),
        Index("ix_files_goods_owner_id_id", "goods_owner_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"))
    file_name: Mapped[str] = mapped_column(String(FILE_NAME_LENGTH))
    mime_type: Mapped[str | None] = mapped_column(String(MIME_TYPE_LENGTH))
    size: Mapped[int] = mapped_column(Integer)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    in_order_id: Mapped[int | None] = mapped_column(ForeignKey("in_orders.id", ondelete="CASCADE"), index=True)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"), index=True)
    batch_number: Mapped[str | None] = mapped_column(String(100))
    uploaded_by: Mapped[str | None] = mapped_column(String(200))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
