"""The time of last sync an integration keeps per goods owner and integration type (Get/SetTimeOfLastSync).

Kept in the database, one row per key, so that every server process behind a load balancer answers the same.
"""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from wms_soap.store.base import Base

INTEGRATION_TYPE_LENGTH = 200


class SyncTime(Base):
    __tablename__ = "sync_times"
    __table_args__ = (UniqueConstraint("goods_owner_id", "integration_type"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    goods_owner_id: Mapped[int] = mapped_column(ForeignKey("goods_owners.id"))
    integration_type: Mapped[str] = mapped_column(String(INTEGRATION_TYPE_LENGTH))
    sync_time: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str | None] = mapped_column(String(200))
