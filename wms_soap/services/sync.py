"""The time of last sync an integration keeps per goods owner and integration type (Get/SetTimeOfLastSync).

An integration polls "what changed since my last sync" and stores the moment here. One row per (goods owner,
integration type) in the database, written with an atomic upsert, so that every server process agrees and two
concurrent writers cannot create two rows. Times without an offset are taken as UTC, as everywhere in this server.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from wms_soap.errors import ValidationFailed
from wms_soap.store.sync import INTEGRATION_TYPE_LENGTH, SyncTime


def as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def integration_key(integration_type: str | None) -> str:
    """The stored key of an IntegrationType: trimmed, and "" when none is given."""
    key = (integration_type or "").strip()
    if len(key) > INTEGRATION_TYPE_LENGTH:
        raise ValidationFailed(f"IntegrationType is longer than {INTEGRATION_TYPE_LENGTH} characters")
    return key


def get_sync_time(session: Session, goods_owner_id: int, integration_type: str | None) -> datetime | None:
    """The last sync time stored for this key (UTC), or None if none was ever set."""
    stored = session.scalar(select(SyncTime.sync_time).where(
        SyncTime.goods_owner_id == goods_owner_id, SyncTime.integration_type == integration_key(integration_type)))
    return as_utc(stored) if stored is not None else None


def set_sync_time(session: Session, goods_owner_id: int, integration_type: str | None, sync_time: datetime | None,
                  username: str | None) -> None:
    """Store the last sync time for this key, replacing the previous one."""
    if sync_time is None:
        raise ValidationFailed("syncTime is required")
    values = {"sync_time": as_utc(sync_time), "updated_at": datetime.now(UTC), "updated_by": username}
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(SyncTime).values(
        goods_owner_id=goods_owner_id, integration_type=integration_key(integration_type), **values)
    session.execute(statement.on_conflict_do_update(index_elements=["goods_owner_id", "integration_type"],
                                                    set_=values))
