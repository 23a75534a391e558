"""store.raw_select: the per-call reads run on kept autocommit driver connections, survive a dropped connection,
see every commit at once, and are closed with the engine."""

from __future__ import annotations

from sqlalchemy import Engine, bindparam, select, text
from sqlalchemy.orm import Session

from tests import factories
from wms_soap.store.access import GoodsOwner
from wms_soap.store.db import create_engine_for
from wms_soap.store.raw_select import RawSelect, _ReadConnections

_NAME = select(GoodsOwner.name).where(GoodsOwner.id == bindparam("id"))


def _read(engine: Engine, owner_id: int) -> str | None:
    row = RawSelect.of(_NAME, engine.dialect).one(engine, {"id": owner_id})
    return row["name"] if row is not None else None


def _idle(engine: Engine) -> list:
    return _ReadConnections.of(engine)._idle


def test_a_kept_connection_sees_each_commit_and_holds_no_transaction(engine: Engine, session: Session) -> None:
    owner = factories.make_goods_owner(session, name="Before")
    session.commit()
    assert _read(engine, owner.id) == "Before"
    with engine.begin() as connection:
        connection.execute(text("UPDATE goods_owners SET name = 'After' WHERE id = :id"), {"id": owner.id})
    assert _read(engine, owner.id) == "After"
    assert len(_idle(engine)) == 1  # the same connection, kept
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            states = connection.execute(text(
                "SELECT state FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                "AND query LIKE '%goods_owners.name%'")).scalars().all()
        assert states and "idle in transaction" not in states


def test_a_dropped_connection_is_replaced_and_the_read_still_answers(engine: Engine, session: Session) -> None:
    owner = factories.make_goods_owner(session, name="Kept")
    session.commit()
    assert _read(engine, owner.id) == "Kept"
    [kept] = _idle(engine)
    if engine.dialect.name == "postgresql":  # as a restarted server would: the backend goes away
        pid = kept.dbapi_connection.info.backend_pid
        with engine.connect() as connection:
            assert connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar_one()
    else:
        kept.dbapi_connection.close()
    assert _read(engine, owner.id) == "Kept"
    assert len(_idle(engine)) == 1 and _idle(engine)[0] is not kept


def test_disposing_the_engine_closes_the_kept_connections(engine: Engine, session: Session) -> None:
    owner = factories.make_goods_owner(session)
    session.commit()
    _read(engine, owner.id)
    [kept] = _idle(engine)
    engine.dispose()
    assert _idle(engine) == [] and kept.dbapi_connection is None


def test_an_in_memory_sqlite_database_is_read_on_its_own_connection() -> None:
    memory = create_engine_for("sqlite://")
    try:
        with memory.begin() as connection:
            connection.execute(text("CREATE TABLE goods_owners (id INTEGER PRIMARY KEY, name TEXT)"))
            connection.execute(text("INSERT INTO goods_owners VALUES (1, 'In memory')"))
        assert _read(memory, 1) == "In memory"
        assert _idle(memory) == []
    finally:
        memory.dispose()
