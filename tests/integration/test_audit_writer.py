"""The batched audit writer: rows are queued, written in one transaction by a background thread (or at once when the
queue is full), and none is lost: ``query`` and the server's stop write what is still queued."""

import logging
import threading
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select

from wms_soap.security import audit
from wms_soap.store.access import AuditEntry
from wms_soap.store.db import make_session_factory


def record(number: int, username: str = "WSIshop") -> audit.AuditRecord:
    return audit.AuditRecord(
        at=datetime.now(UTC), face="goods_owner", operation="GetOrder", outcome="ok", duration_ms=1.5,
        request_id=f"rid{number}", username=username, goods_owner_id=7, client_address="10.0.0.1",
    )


def stored(session_factory: Any) -> list[str]:
    with session_factory() as session:
        return list(session.scalars(select(AuditEntry.request_id).order_by(AuditEntry.id)))


class Inserts:
    """Counts the INSERT statements (an executemany counts once) sent on an engine."""

    def __init__(self, engine: Engine) -> None:
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO AUDIT_ENTRIES"):
            self.count += 1


@pytest.fixture
def writer(session_factory: Any) -> Any:
    made = audit.AuditWriter(session_factory, interval=3600)  # the thread never writes on its own in these tests
    yield made
    made.close()


def test_rows_wait_in_the_queue_and_flush_writes_them_in_one_statement(
    writer: audit.AuditWriter, session_factory: Any, engine: Engine
) -> None:
    inserts = Inserts(engine)
    for number in range(5):
        writer.write(record(number))
    assert stored(session_factory) == []
    assert writer.flush() == 5
    assert stored(session_factory) == [f"rid{n}" for n in range(5)]
    assert inserts.count == 1
    assert writer.flush() == 0


def test_the_background_thread_writes_the_rows_and_then_ends(session_factory: Any) -> None:
    writer = audit.AuditWriter(session_factory, interval=0.01, idle_rounds=2)
    writer.write(record(1))
    writer.write(record(2))
    thread = writer.thread
    assert thread is not None and thread.is_alive()
    thread.join(timeout=30)
    assert not thread.is_alive() and writer.thread is None
    assert stored(session_factory) == ["rid1", "rid2"]
    writer.write(record(3))  # a new row starts a new thread
    assert writer.thread is not None
    writer.close()
    assert stored(session_factory) == ["rid1", "rid2", "rid3"]


def test_a_batch_wakes_the_thread_before_its_interval(session_factory: Any) -> None:
    committed = threading.Event()
    event.listen(session_factory, "after_commit", lambda session: committed.set())
    writer = audit.AuditWriter(session_factory, interval=3600, batch_rows=3)
    try:
        writer.write(record(1))
        writer.write(record(2))
        assert not committed.is_set()
        writer.write(record(3))
        assert committed.wait(timeout=30)  # the third row woke the thread, long before its hour
        assert stored(session_factory) == ["rid1", "rid2", "rid3"]
    finally:
        writer.close()


def test_a_full_queue_is_written_by_the_caller(session_factory: Any) -> None:
    writer = audit.AuditWriter(session_factory, interval=3600, capacity=3)
    try:
        writer.write(record(1))
        writer.write(record(2))
        assert stored(session_factory) == []
        writer.write(record(3))  # back-pressure: this call wrote the queue itself
        assert stored(session_factory) == ["rid1", "rid2", "rid3"]
    finally:
        writer.close()


def test_after_close_rows_are_written_at_once(session_factory: Any) -> None:
    writer = audit.AuditWriter(session_factory, interval=3600)
    writer.write(record(1))
    writer.close()
    assert writer.thread is None
    writer.write(record(2))
    assert writer.thread is None
    assert stored(session_factory) == ["rid1", "rid2"]


def test_query_and_flush_all_see_every_queued_row(writer: audit.AuditWriter, session_factory: Any) -> None:
    writer.write(record(1, "WSIa"))
    writer.write(record(2, "WSIb"))
    with session_factory() as session:
        rows = audit.query(session, audit.AuditFilter(user="WSIb"))
    assert [row.request_id for row in rows] == ["rid2"]
    assert stored(session_factory) == ["rid1", "rid2"]


def test_the_server_stop_writes_the_queue(writer: audit.AuditWriter, session_factory: Any, settings: Any) -> None:
    from wms_soap.serving import BoundServer

    writer.write(record(1))
    BoundServer(settings, host="127.0.0.1", port=0, threads=1).stop()
    assert stored(session_factory) == ["rid1"]


def test_a_failed_write_is_logged_not_raised(tmp_path: Any, caplog: pytest.LogCaptureFixture) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{tmp_path}/no-tables.sqlite3")  # no audit table: every INSERT fails
    writer = audit.AuditWriter(make_session_factory(engine), interval=3600)
    writer.write(record(1))
    with caplog.at_level(logging.ERROR, logger="wms_soap.security.audit"):
        assert writer.flush() == 1
    assert "Could not write 1 audit rows (requests rid1)" in caplog.text
    writer.close()
    engine.dispose()


def test_long_values_are_clipped(session_factory: Any) -> None:
    audit.write(session_factory, audit.AuditRecord(
        at=datetime.now(UTC), face="goods_owner", operation="X" * 300, outcome="ok", duration_ms=0,
        request_id="rid", username="U" * 300, client_address="1" * 300))
    with session_factory() as session:
        row = session.scalars(select(AuditEntry)).one()
        assert (len(row.operation), len(row.username or ""), len(row.client_address or "")) == (100, 200, 100)
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 1
