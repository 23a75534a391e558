"""Write-first transactions on SQLite, so that concurrent writers of orders serialize instead of failing."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from wms_soap.store.orders import Order


def claim_write_lock(session: Session) -> None:
    """On SQLite, take the database write lock before reading, so the reads see what a concurrent writer committed.

    A deferred SQLite transaction that read first cannot upgrade to a writer once another connection committed
    ("database is locked"); writing first makes it wait (busy timeout) and then read a current snapshot.
    PostgreSQL needs nothing: row locks, the unique constraints and the ProcessOrder retry settle races there.
    """
    if session.get_bind().dialect.name == "sqlite":
        session.execute(update(Order).where(Order.id == -1).values(id=Order.id))
