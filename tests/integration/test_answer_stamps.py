"""Answer stamps (store.answer_stamps, migration 0012): the triggers cover every table and column an order answer
reads, every change an answer shows moves the order's stamp, and changes it does not show leave it alone."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import Column, Engine, Table, text
from sqlalchemy.orm import Session
from sqlalchemy.sql import visitors

from tests import factories
from tests.answer_stamps_support import CHANGES, FULL_NUMBER, FullOrder, full_order
from tests.orders_support import add_stock
from wms_soap.services.orders import views as order_views
from wms_soap.store.answer_stamps import order_stamp
from wms_soap.store.articles import Article
from wms_soap.store.migrate import MIGRATIONS_DIR


def _migration() -> ModuleType:
    path = MIGRATIONS_DIR / "versions" / "0012_answer_stamps.py"
    spec = importlib.util.spec_from_file_location("answer_stamps_migration", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MIGRATION = _migration()


def _read_by_answers() -> dict[str, set[str]]:
    """Table -> the columns the order read statements read of it."""
    read: dict[str, set[str]] = {}
    for statement in (order_views._by_number(), order_views._by_id(), order_views._children_select(True)):
        for element in visitors.iterate(statement):
            if isinstance(element, Table):
                read.setdefault(element.name, set())
            if isinstance(element, Column) and element.table is not None:
                table: Any = element.table
                while not isinstance(table, Table) and hasattr(table, "element"):
                    table = table.element
                if isinstance(table, Table):
                    read.setdefault(table.name, set()).add(element.name)
    return read


def _triggered_tables(engine: Engine) -> set[str]:
    query = ("SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'answer_stamp_%'"
             if engine.dialect.name == "sqlite" else
             "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
             "WHERE t.tgname LIKE 'answer_stamp_%'")
    with engine.connect() as connection:
        return set(connection.execute(text(query)).scalars())


def test_every_table_an_order_answer_reads_is_watched(engine: Engine) -> None:
    read = set(_read_by_answers())
    watched = set(MIGRATION.ORDER_ROWS) | set(MIGRATION.OWNER_ROWS)
    assert read - watched == set()
    assert read <= _triggered_tables(engine)
    assert set(CHANGES) == read, "every table read has a change in the functional test"


def test_a_trigger_that_watches_some_columns_watches_every_column_read() -> None:
    read = _read_by_answers()
    for table, (_, columns) in MIGRATION.OWNER_ROWS.items():
        if columns is not None and table not in MIGRATION.ORDER_ROWS:
            assert read[table] - {"id"} <= set(columns), table  # ids (the join keys) never change


@pytest.fixture
def order(session: Session) -> FullOrder:
    return full_order(session)


def _stamps(engine: Engine, order: FullOrder) -> tuple[Any, Any]:
    return (order_stamp(engine, order.goods_owner_id, order_id=order.order_id),
            order_stamp(engine, order.goods_owner_id, order_id=order.other_order_id))


@pytest.fixture
def writer(engine: Engine) -> Iterator[Any]:
    """Each change in its own committed transaction, as another process would make it."""
    def write(change: Any, order: FullOrder) -> None:
        with engine.begin() as connection:
            change(connection, order)
    yield write


def test_each_change_an_answer_shows_moves_the_orders_stamp(engine: Engine, order: FullOrder, writer: Any) -> None:
    for table, changes in CHANGES.items():
        for kind, change in changes:
            before, other_before = _stamps(engine, order)
            writer(change, order)
            after, other_after = _stamps(engine, order)
            assert after != before, f"{kind} of {table} left the stamp as it was"
            if table in MIGRATION.ORDER_ROWS or table == "orders":  # the order's own rows: only its stamp moves
                assert other_after == other_before, f"{kind} of {table} moved another order's stamp"


def test_the_stamp_is_read_by_number_and_id_and_only_for_the_goods_owner(engine: Engine, order: FullOrder,
                                                                         session: Session) -> None:
    by_number = order_stamp(engine, order.goods_owner_id, order_number=FULL_NUMBER)
    assert by_number == order_stamp(engine, order.goods_owner_id, order_id=order.order_id)
    assert by_number is not None and by_number[2] == order.order_id
    stranger = factories.make_goods_owner(session)
    session.commit()
    assert order_stamp(engine, stranger.id, order_number=FULL_NUMBER) is None
    assert order_stamp(engine, stranger.id, order_id=order.order_id) is None
    assert order_stamp(engine, order.goods_owner_id, order_number="NO-SUCH") is None


def test_stock_movements_and_new_registers_leave_order_stamps_alone(engine: Engine, order: FullOrder,
                                                                    session: Session) -> None:
    before = _stamps(engine, order)
    article = session.query(Article).filter_by(goods_owner_id=order.goods_owner_id, article_number="A-2").one()
    add_stock(session, order.goods_owner_id, article, 5, location="B-01-01")  # stock_changed_at of the article
    session.execute(text("INSERT INTO order_types (goods_owner_id, code, name) VALUES (:owner, 'NEW', 'New')"),
                    {"owner": order.goods_owner_id})
    session.commit()
    assert _stamps(engine, order) == before


def test_deleting_an_order_moves_its_goods_owners_generation(engine: Engine, order: FullOrder, writer: Any) -> None:
    _, other_before = _stamps(engine, order)
    for table, where in (("shipment_orders", "order_id = :id"),
                         ("order_allocations", "order_line_id IN (SELECT id FROM order_lines WHERE order_id = :id)"),
                         ("picked_items", "order_id = :id"), ("parcels", "order_id = :id"),
                         ("order_class_links", "order_id = :id"), ("order_lines", "order_id = :id"),
                         ("order_status_history", "order_id = :id"), ("orders", "id = :id")):
        writer(lambda connection, o, table=table, where=where: connection.execute(
            text(f"DELETE FROM {table} WHERE {where}"), {"id": o.order_id}), order)
    assert order_stamp(engine, order.goods_owner_id, order_id=order.order_id) is None
    _, other_after = _stamps(engine, order)
    assert other_after is not None and other_before is not None
    assert other_after[1] > other_before[1]  # the goods owner's generation: a new order under the old id or number


def test_a_new_goods_owner_gets_its_stamp_row_with_a_fresh_epoch(engine: Engine, session: Session) -> None:
    first, second = factories.make_goods_owner(session), factories.make_goods_owner(session)
    session.commit()
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT goods_owner_id, epoch, generation FROM answer_stamps "
                                       "WHERE goods_owner_id IN (:a, :b) ORDER BY goods_owner_id"),
                                  {"a": first.id, "b": second.id}).all()
    assert [(row[0], row[2]) for row in rows] == [(first.id, 0), (second.id, 0)]
    assert rows[0][1] != rows[1][1]
