"""Engines and sessions: one engine per process, one session (= one transaction) per request or command, opened
and closed by the unit of work (``wms_soap.unit_of_work``).

SQLite gets WAL (readers never wait for the writer), foreign keys, a busy timeout, and SQLAlchemy's recipe for the
pysqlite driver's transaction handling, so that BEGIN, SAVEPOINT and rollback behave as on PostgreSQL.

Durability on SQLite: ``synchronous=NORMAL`` in WAL mode fsyncs the WAL at checkpoints, not at every commit. A
committed transaction survives a crash of the server process; after a power loss or an operating-system crash the
last transactions before it may be rolled back (the database is never corrupted). ``FULL`` would fsync on every
commit; PostgreSQL (``synchronous_commit`` on by default) is the choice when that matters.

Writers on SQLite: the database has one write lock. Threads of this process queue for it on an in-process lock
(``claim_sqlite_writer``), so a waiting writer starts the moment the previous one commits; SQLite's busy handler,
which polls with sleeps of up to 100 ms, is then only met by writers of other processes.
"""

import functools
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, TextClause, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

SQLITE_BUSY_TIMEOUT_MS = 15_000


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_engine_for(url: str) -> Engine:
    """An engine for ``url``; SQLite files get their directory created and the pragmas above."""
    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True)
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # the driver stops issuing its own BEGIN; _begin_sqlite_transaction does
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


_IMMEDIATE = "wms_sqlite_begin_immediate"
"""Connection execution option: begin SQLite's transaction as the writer (``BEGIN IMMEDIATE``)."""


def _begin_sqlite_transaction(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.get_execution_options().get(_IMMEDIATE) else "BEGIN")


class _WriterQueue:
    """The in-process turn for SQLite's write lock: which thread holds it, released when its transaction ends."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.owner: int | None = None

    def acquire(self) -> bool:
        """Wait for the turn; False when this thread already holds it (another session of the same thread) or the
        wait timed out, and SQLite's own locking decides."""
        me = threading.get_ident()
        if self.owner == me or not self.lock.acquire(timeout=SQLITE_BUSY_TIMEOUT_MS / 1000):
            return False
        self.owner = me
        return True

    def release(self) -> None:
        self.owner = None
        self.lock.release()


_WRITER_QUEUES: "weakref.WeakKeyDictionary[Engine, _WriterQueue]" = weakref.WeakKeyDictionary()
_WRITER_QUEUES_LOCK = threading.Lock()
_WRITER = "wms_sqlite_writer"
"""Session info key, present while the session's transaction is SQLite's writer: this process's turn, or None."""


def _writer_queue(engine: Engine) -> _WriterQueue:
    with _WRITER_QUEUES_LOCK:
        queue = _WRITER_QUEUES.get(engine)
        if queue is None:
            queue = _WRITER_QUEUES[engine] = _WriterQueue()
        return queue


def claim_sqlite_writer(session: Session, probe_table: str) -> None:
    """Make the session's transaction SQLite's writer before it reads anything (no-op on other databases).

    A deferred SQLite transaction that read first cannot become the writer once another connection committed
    ("database is locked"); beginning as the writer waits for the lock and then reads a current snapshot. A session
    that has not started its transaction yet first waits for its turn among this process's threads (held until the
    transaction ends) and then begins with ``BEGIN IMMEDIATE``. One that has (and may already be a writer) takes
    the lock with a no-op UPDATE of ``probe_table`` (id -1 never exists) and no turn, so that it can never wait on
    a thread waiting for it.
    """
    if session.get_bind().dialect.name != "sqlite" or _WRITER in session.info:
        return
    if not session.in_transaction():
        begin_as_writer(session)
        return
    session.execute(_probe(probe_table))
    session.info[_WRITER] = None


def begin_as_writer(session: Session) -> None:
    """Begin a session that has not started its transaction as SQLite's writer (no-op on other databases)."""
    bind = session.get_bind()
    if bind.dialect.name != "sqlite" or session.in_transaction():
        return
    queue = _writer_queue(bind.engine)
    session.info[_WRITER] = queue if queue.acquire() else None
    try:
        session.connection(execution_options={_IMMEDIATE: True})
    except BaseException:
        _release_turn(session)
        raise


@functools.cache
def _probe(table: str) -> TextClause:
    return text(f"UPDATE {table} SET id = id WHERE id = -1")


def _release_turn(session: Session) -> None:
    queue = session.info.pop(_WRITER, None)
    if queue is not None:
        queue.release()


@event.listens_for(Session, "after_transaction_end")
def _end_of_transaction(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:
        _release_turn(session)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose objects stay readable after commit (the edge commits, then the face encodes the answer)."""
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def session_scope(factory: sessionmaker[Session], *, writer: bool = True) -> Iterator[Session]:
    """A short transaction of its own: commit when the block succeeds, roll back when it raises; the session is
    closed either way.

    For what must not share the request's fate: the security layer's lockout counters, nonces and audit rows are
    written this way, so that they survive the request's rollback (and ``security`` sits below the unit of work).
    Requests and commands use ``wms_soap.unit_of_work.UnitOfWork``. On SQLite the transaction begins as the writer
    (``begin_as_writer``) unless ``writer=False``.
    """
    session = factory()
    try:
        if writer:
            begin_as_writer(session)
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


Row = TypeVar("Row")


def insert_once(session: Session, row: Row, existing: Callable[[], Row | None]) -> Row:
    """``row`` inserted in a savepoint; or, when a concurrent transaction inserted the same unique key first, the row
    it made (``existing()``), so that two requests creating one thing at once yield one. Any other integrity error
    (``existing()`` finds nothing) is raised."""
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        found = existing()
        if found is None:
            raise
        return found
    return row
