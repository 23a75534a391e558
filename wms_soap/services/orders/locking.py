"""Write-first transactions on SQLite, so that concurrent writers of orders serialize instead of failing."""

from __future__ import annotations

from sqlalchemy.orm import Session

from wms_soap.store.db import claim_sqlite_writer


def claim_write_lock(session: Session) -> None:
    """On SQLite, take the database write lock before reading, so the reads see what a concurrent writer committed.

    A deferred SQLite transaction that read first cannot upgrade to a writer once another connection committed
    ("database is locked"); writing first makes it wait and then read a current snapshot (``store.db``).
    PostgreSQL needs nothing: row locks, the unique constraints and the ProcessOrder retry settle races there.
    """
    claim_sqlite_writer(session, "orders")
