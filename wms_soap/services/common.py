"""Small helpers every service area shares: the clock, the write lock of SQLite, and the ``...From``/``...To`` bounds
of the search operations as SQL conditions."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from wms_soap.store.db import claim_sqlite_writer


def utcnow() -> datetime:
    """The time the services stamp on what they record: aware, in UTC."""
    return datetime.now(UTC)


def claim_write_lock(session: Session) -> None:
    """On SQLite, take the database write lock before reading, so the reads see what a concurrent writer committed.

    A deferred SQLite transaction that read first cannot upgrade to a writer once another connection committed
    ("database is locked"); writing first makes it wait and then read a current snapshot (``store.db``).
    PostgreSQL needs nothing: row locks and the unique constraints settle races there.
    """
    claim_sqlite_writer(session, "goods_owners")


def inclusive(column: Any, low: Any, high: Any) -> list[ColumnElement[bool]]:
    """``low <= column <= high``; a bound that is None is left out."""
    conditions: list[ColumnElement[bool]] = []
    if low is not None:
        conditions.append(column >= low)
    if high is not None:
        conditions.append(column <= high)
    return conditions
