"""The audit trail: one row per API call (time, face, user, goods owner, operation, outcome, duration, address).

Rows are written in their own short transaction, so a call whose work was rolled back is still recorded. Nothing
secret is ever written: no password, digest, nonce or request body.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, sessionmaker

from wms_soap.store.access import AuditEntry, GoodsOwner
from wms_soap.store.db import session_scope

log = logging.getLogger(__name__)

OUTCOMES = ("ok", "logon_failed", "denied", "fault", "error")


@dataclass(frozen=True, slots=True)
class AuditRecord:
    at: datetime
    face: str
    operation: str
    outcome: str
    duration_ms: float
    request_id: str
    username: str | None = None
    goods_owner_id: int | None = None
    client_address: str | None = None


def write(session_factory: sessionmaker[Session], record: AuditRecord) -> None:
    """Store ``record``; a failure to audit is logged, never turned into a failed call."""
    try:
        with session_scope(session_factory) as session:
            session.add(
                AuditEntry(
                    at=record.at,
                    face=record.face,
                    username=_clip(record.username, 200),
                    goods_owner_id=record.goods_owner_id,
                    operation=_clip(record.operation, 100) or "",
                    outcome=record.outcome,
                    duration_ms=record.duration_ms,
                    client_address=_clip(record.client_address, 100),
                    request_id=record.request_id,
                )
            )
    except Exception:
        log.exception("Could not write the audit row of request %s", record.request_id)


def _clip(value: str | None, length: int) -> str | None:
    return value[:length] if value is not None else None


@dataclass(frozen=True, slots=True)
class AuditFilter:
    user: str | None = None
    goods_owner: str | None = None  # a goods owner code or id
    since: datetime | None = None
    until: datetime | None = None
    outcome: str | None = None
    limit: int | None = None


def query(session: Session, audit_filter: AuditFilter) -> list[AuditEntry]:
    """Audit rows matching ``audit_filter``, oldest first."""
    statement = select(AuditEntry).order_by(AuditEntry.at, AuditEntry.id)
    statement = _filter_goods_owner(session, statement, audit_filter.goods_owner)
    if audit_filter.user is not None:
        statement = statement.where(AuditEntry.username == audit_filter.user)
    if audit_filter.since is not None:
        statement = statement.where(AuditEntry.at >= audit_filter.since)
    if audit_filter.until is not None:
        statement = statement.where(AuditEntry.at < audit_filter.until)
    if audit_filter.outcome is not None:
        statement = statement.where(AuditEntry.outcome == audit_filter.outcome)
    if audit_filter.limit is not None:
        statement = statement.limit(audit_filter.limit)
    return list(session.scalars(statement))


def _filter_goods_owner(
    session: Session, statement: Select[AuditEntry], goods_owner: str | None
) -> Select[AuditEntry]:
    if goods_owner is None:
        return statement
    owner_id = session.scalar(select(GoodsOwner.id).where(GoodsOwner.code == goods_owner))
    if owner_id is None and goods_owner.isdigit():
        owner_id = int(goods_owner)
    return statement.where(AuditEntry.goods_owner_id == (owner_id if owner_id is not None else -1))
