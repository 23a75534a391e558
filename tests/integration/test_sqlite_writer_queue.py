"""The in-process queue for SQLite's write lock (store.db.claim_sqlite_writer): a second writer of the same process
waits for the first one's transaction to end, whichever way it ends; on PostgreSQL the claim does nothing.

The queue tests run on their own SQLite file whatever the test database is: the queue exists for SQLite only.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from wms_soap.store.db import claim_sqlite_writer, create_engine_for, make_session_factory, session_scope

WAIT = 10.0  # seconds; a bound on a wait that should end almost at once, never a sleep


@pytest.fixture
def sqlite_factory(tmp_path: Path) -> Iterator[sessionmaker[Session]]:
    engine = create_engine_for(f"sqlite:///{tmp_path / 'queue.sqlite3'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE warehouses (id INTEGER PRIMARY KEY)"))
    yield make_session_factory(engine)
    engine.dispose()


def second_writer(session_factory: sessionmaker[Session]) -> tuple[threading.Thread, threading.Event]:
    """A thread that claims the write lock in its own session and sets the event once it has it."""
    claimed = threading.Event()

    def write() -> None:
        with session_factory() as session:
            claim_sqlite_writer(session, "warehouses")
            claimed.set()
            session.commit()

    thread = threading.Thread(target=write)
    thread.start()
    return thread, claimed


@pytest.mark.parametrize("end", [Session.commit, Session.rollback, Session.close])
def test_a_second_writer_waits_until_the_first_transaction_ends(sqlite_factory: sessionmaker[Session],
                                                               end: Callable[[Session], None]) -> None:
    session_factory = sqlite_factory
    sent_by: list[int] = []
    event.listen(session_factory.kw["bind"], "before_cursor_execute", lambda *_: sent_by.append(threading.get_ident()))
    first = session_factory()
    claim_sqlite_writer(first, "warehouses")
    thread, claimed = second_writer(session_factory)
    try:
        assert not claimed.wait(0.3), "the second writer must wait while the first transaction is open"
        assert set(sent_by) == {threading.get_ident()}, "it waits in this process, not in SQLite's busy handler"
        end(first)
        assert claimed.wait(WAIT)
    finally:
        first.close()
        thread.join(WAIT)
    assert not thread.is_alive()


def test_a_failed_transaction_releases_the_turn(sqlite_factory: sessionmaker[Session]) -> None:
    session_factory = sqlite_factory
    with pytest.raises(ZeroDivisionError), session_factory() as first:
        claim_sqlite_writer(first, "warehouses")
        raise ZeroDivisionError
    thread, claimed = second_writer(session_factory)
    assert claimed.wait(WAIT)
    thread.join(WAIT)


def test_claiming_twice_in_one_session_and_reads_after_it_do_not_block(
        sqlite_factory: sessionmaker[Session]) -> None:
    with sqlite_factory() as session:
        claim_sqlite_writer(session, "warehouses")
        claim_sqlite_writer(session, "warehouses")
        assert session.execute(text("SELECT count(*) FROM warehouses")).scalar() == 0
        session.commit()
        claim_sqlite_writer(session, "warehouses")  # a new transaction of the same session takes a new turn
        session.commit()


def test_the_claim_writes_first_on_sqlite_and_sends_nothing_on_postgres(session_factory: sessionmaker[Session],
                                                                        engine: Engine) -> None:
    seen: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    with session_factory() as session:
        claim_sqlite_writer(session, "warehouses")
    assert seen == (["BEGIN IMMEDIATE"] if engine.dialect.name == "sqlite" else [])


def test_a_transaction_already_begun_takes_the_lock_with_the_probe(sqlite_factory: sessionmaker[Session]) -> None:
    seen: list[str] = []
    event.listen(sqlite_factory.kw["bind"], "before_cursor_execute", lambda *args: seen.append(args[2]))
    with sqlite_factory() as session:
        session.execute(text("SELECT 1"))
        claim_sqlite_writer(session, "warehouses")
        claim_sqlite_writer(session, "warehouses")
        session.commit()
    assert seen == ["BEGIN", "SELECT 1", "UPDATE warehouses SET id = id WHERE id = -1"]


def insert_from_another_connection(factory: sessionmaker[Session], row_id: int, done: threading.Event) -> None:
    with factory.kw["bind"].begin() as connection:  # a plain connection: no session, no turn, SQLite's busy wait
        connection.execute(text(f"INSERT INTO warehouses (id) VALUES ({row_id})"))
    done.set()


def test_a_session_scope_that_reads_and_then_writes_survives_another_writer(
        sqlite_factory: sessionmaker[Session]) -> None:
    done = threading.Event()
    with session_scope(sqlite_factory) as session:
        assert session.execute(text("SELECT count(*) FROM warehouses")).scalar() == 0
        thread = threading.Thread(target=insert_from_another_connection, args=(sqlite_factory, 2, done))
        thread.start()
        assert not done.wait(0.3), "the other writer waits: this unit of work began as the writer"
        session.execute(text("INSERT INTO warehouses (id) VALUES (1)"))
    thread.join(WAIT)
    assert done.is_set()
    with sqlite_factory() as session:
        assert session.execute(text("SELECT id FROM warehouses ORDER BY id")).scalars().all() == [1, 2]


def test_a_deferred_unit_of_work_that_read_first_fails_when_another_writer_committed(
        sqlite_factory: sessionmaker[Session]) -> None:
    """Why session_scope begins as the writer: the same steps with ``writer=False`` hit SQLite's snapshot conflict."""
    done = threading.Event()
    with pytest.raises(OperationalError, match="database is locked"), \
            session_scope(sqlite_factory, writer=False) as session:
        session.execute(text("SELECT count(*) FROM warehouses")).scalar()
        insert_from_another_connection(sqlite_factory, 2, done)
        session.execute(text("INSERT INTO warehouses (id) VALUES (1)"))
