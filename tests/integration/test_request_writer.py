"""On SQLite a writing SOAP operation's transaction begins as the writer, so its reads and writes can never meet
another connection's commit in between ("database is locked"); the ``Get...`` queries stay deferred readers."""

import sqlite3
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from wms_soap.soap.service.contract import OPERATIONS
from wms_soap.soap.service.dispatch import OperationDispatcher, writes_data
from wms_soap.soap.service.request import ServiceRequest
from wms_soap.store.db import create_engine_for, make_session_factory
from wms_soap.store.migrate import upgrade

WRITING = {"ProcessOrder", "UpdateOrder", "UpdateInOrderLines", "ProcessInvoice", "SetInventoryChangesToReported",
           "UploadOrderFile", "SetTimeOfLastSync", "ReportEvent", "UpdateArticleItems", "ProcessShipment"}


def test_every_operation_but_the_get_queries_writes() -> None:
    writing = {op.name for op in OPERATIONS if writes_data(op.name)}
    assert writing >= WRITING
    assert all(name.startswith("Get") for name in {op.name for op in OPERATIONS} - writing)
    assert not writes_data("GetOrdersByQuery") and not writes_data("GetInventoryChanges")


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Any:
    url = f"sqlite:///{tmp_path / 'writer.db'}"
    engine = create_engine_for(url)
    upgrade(engine)
    yield tmp_path / "writer.db", make_session_factory(engine)
    engine.dispose()


def _another_writer_can_begin(path: Path) -> bool:
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError as error:
        assert "locked" in str(error)
        return False
    finally:
        other.close()


@pytest.mark.parametrize(("operation", "holds_the_write_lock"), [("ProcessOrder", True), ("GetOrder", False)])
def test_the_dispatcher_begins_a_writing_operation_as_the_writer(sqlite_file: Any, operation: str,
                                                                 holds_the_write_lock: bool) -> None:
    path, session_factory = sqlite_file
    request = ServiceRequest(SimpleNamespace(), session_factory)  # type: ignore[arg-type]
    seen: list[bool] = []

    def handler(call: Any, *payload: Any) -> None:
        call.session.connection()  # the handler's first use opens the transaction
        seen.append(_another_writer_can_begin(path))

    dispatcher = OperationDispatcher(next(op for op in OPERATIONS if op.name == operation), handler,
                                     lambda ctx, op: SimpleNamespace(goods_owner_id=1))
    args = tuple(None for _ in dispatcher.operation.args)
    try:
        dispatcher(SimpleNamespace(udc=request), args)
    finally:
        request.close()
    assert seen == [not holds_the_write_lock]
    assert _another_writer_can_begin(path)  # the lock ends with the request's transaction
