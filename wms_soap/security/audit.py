"""The audit trail: one row per API call (time, face, user, goods owner, operation, outcome, duration, address).

Rows are written in their own short transaction, so a call whose work was rolled back is still recorded. Nothing
secret is ever written: no password, digest, nonce or request body.

A busy face hands its rows to an ``AuditWriter``: a bounded in-process queue that a background thread writes in one
transaction every ``interval`` seconds (or sooner once ``batch_rows`` are waiting), instead of one commit per call
(about half the server time of a small call). When the queue is full the calling thread writes it itself
(back-pressure, nothing dropped); pending rows are written at interpreter exit, when the server stops, and before
``query`` reads, so a query in the serving process sees every call already answered, and another process
(``wms-soap audit``) sees it within ``interval``.
"""

import atexit
import logging
import threading
import weakref
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, insert, select
from sqlalchemy.orm import Session, sessionmaker

from wms_soap.store.access import AuditEntry, GoodsOwner
from wms_soap.store.db import claim_sqlite_writer, session_scope

log = logging.getLogger(__name__)

OUTCOMES = ("ok", "logon_failed", "denied", "fault", "error")
FACES = ("goods_owner", "rest", "automation", "admin")
FLUSH_INTERVAL_SECONDS = 0.1
"""How long a queued row waits at most for the background thread (``AuditWriter``'s default)."""


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
    operator: str | None = None
    """The person an Automation API write named as operating the equipment."""


def write(session_factory: sessionmaker[Session], record: AuditRecord) -> None:
    """Store ``record`` now; a failure to audit is logged, never turned into a failed call."""
    write_many(session_factory, [record])


def write_many(session_factory: sessionmaker[Session], records: list[AuditRecord]) -> None:
    """Store ``records`` in one transaction (one multi-row INSERT); a failure is logged with the request ids."""
    try:
        with session_scope(session_factory) as session:
            claim_sqlite_writer(session, AuditEntry.__tablename__)  # queue with this process's other writers
            session.execute(insert(AuditEntry), [_row(record) for record in records])
    except Exception:
        ids = ", ".join(record.request_id for record in records[:20])
        log.exception("Could not write %d audit rows (requests %s)", len(records), ids)


def _row(record: AuditRecord) -> dict[str, object]:
    return {
        "at": record.at,
        "face": record.face,
        "username": _clip(record.username, 200),
        "goods_owner_id": record.goods_owner_id,
        "operation": _clip(record.operation, 100) or "",
        "outcome": record.outcome,
        "duration_ms": record.duration_ms,
        "client_address": _clip(record.client_address, 100),
        "request_id": record.request_id,
        "operator": _clip(record.operator, 200),
    }


_WRITERS: "weakref.WeakSet[AuditWriter]" = weakref.WeakSet()
_WRITERS_LOCK = threading.Lock()


class AuditWriter:
    """Queues audit rows and writes them in batches from a background thread (see the module docstring).

    The thread starts with the first row and ends after ``idle_rounds`` intervals without one, so an idle
    application holds no thread.
    """

    def __init__(self, session_factory: sessionmaker[Session], *, interval: float | None = None,
                 batch_rows: int = 200, capacity: int = 5000, idle_rounds: int = 20) -> None:
        self._session_factory = session_factory
        self._interval = FLUSH_INTERVAL_SECONDS if interval is None else interval
        self._batch_rows = batch_rows
        self._capacity = capacity
        self._idle_rounds = idle_rounds
        self._pending: list[AuditRecord] = []
        self._lock = threading.Lock()
        self._flush_lock = threading.Lock()  # one batch at a time, so rows are stored in the order they came
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._closed = False
        with _WRITERS_LOCK:
            _WRITERS.add(self)

    def write(self, record: AuditRecord) -> None:
        """Queue ``record``; when the queue is full, write it in this thread (back-pressure)."""
        with self._lock:
            self._pending.append(record)
            waiting = len(self._pending)
            new_thread = None
            if self._thread is None and not self._closed:
                new_thread = self._thread = threading.Thread(target=self._run, name="wms-audit-writer", daemon=True)
            unattended = self._thread is None
        if unattended or (new_thread is not None and not self._started(new_thread)) or waiting >= self._capacity:
            self.flush()
        elif waiting >= self._batch_rows:
            self._wake.set()

    def flush(self) -> int:
        """Write every queued row now, in one transaction; the number of rows."""
        with self._flush_lock:
            with self._lock:
                batch, self._pending = self._pending, []
            if batch:
                write_many(self._session_factory, batch)
            return len(batch)

    def close(self) -> None:
        """Stop the background thread and write what is queued; later rows are written as they come."""
        with self._lock:
            self._closed = True
            thread = self._thread
        self._wake.set()
        if thread is not None:
            thread.join()
        self.flush()

    @property
    def thread(self) -> threading.Thread | None:
        """The background thread while it runs (tests join it)."""
        return self._thread

    def _started(self, thread: threading.Thread) -> bool:
        try:
            thread.start()
        except RuntimeError:  # no new threads (interpreter shutting down): the caller writes instead
            with self._lock:
                self._thread = None
            return False
        return True

    def _run(self) -> None:
        idle = 0
        while True:
            self._wake.wait(self._interval)
            self._wake.clear()
            idle = 0 if self.flush() else idle + 1
            with self._lock:
                if self._closed or (idle >= self._idle_rounds and not self._pending):
                    self._thread = None
                    return


def flush_all() -> None:
    """Write the queued rows of every writer of this process."""
    for writer in _live_writers():
        writer.flush()


def close_all() -> None:
    """Close every writer of this process (their queues written, their threads ended): at exit."""
    for writer in _live_writers():
        writer.close()


def _live_writers() -> list[AuditWriter]:
    with _WRITERS_LOCK:
        return list(_WRITERS)


atexit.register(close_all)


def _clip(value: str | None, length: int) -> str | None:
    return value[:length] if value is not None else None


@dataclass(frozen=True, slots=True)
class AuditFilter:
    user: str | None = None
    face: str | None = None
    goods_owner: str | None = None  # a goods owner code or id
    since: datetime | None = None
    until: datetime | None = None
    outcome: str | None = None
    limit: int | None = None


def query(session: Session, audit_filter: AuditFilter) -> list[AuditEntry]:
    """Audit rows matching ``audit_filter``, oldest first (this process's queued rows are written first)."""
    flush_all()
    statement = select(AuditEntry).order_by(AuditEntry.at, AuditEntry.id)
    statement = _filter_goods_owner(session, statement, audit_filter.goods_owner)
    if audit_filter.user is not None:
        statement = statement.where(AuditEntry.username == audit_filter.user)
    if audit_filter.face is not None:
        statement = statement.where(AuditEntry.face == audit_filter.face)
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
